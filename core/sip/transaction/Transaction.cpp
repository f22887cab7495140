#include "sip/transaction/Transaction.h"

#include "sip/transaction/TransactionLayer.h"
#include "sip/transaction/TransactionLog.h"

#include <QPointer>

namespace parlo::sip {

Q_LOGGING_CATEGORY(lcTransaction, "parlo.sip.transaction")

Transaction::Transaction(TransactionLayer *layer, const SipMessage &request)
    : QObject(layer)
    , m_layer(layer)
    , m_request(request)
    , m_branch(request.topViaBranch().toByteArray())
    , m_method(request.method()) {}

Transaction::~Transaction() {
    cancelAllTimers();
    if (m_state != State::Terminated)
        m_layer->forget(this);
}

void Transaction::setState(State s) {
    if (s == m_state)
        return;
    qCDebug(lcTransaction).noquote() << m_method << m_branch << m_state << "->" << s;
    m_state = s;
    if (s == State::Terminated) {
        cancelAllTimers();
        m_layer->transactionTerminated(this);
    }
    Q_EMIT stateChanged(s);
}

Clock::TimerId Transaction::scheduleTimer(qint64 ms, std::function<void()> fn) {
    // The id is only known after schedule(); the callback needs it to forget itself.
    auto id = std::make_shared<Clock::TimerId>(0);
    QPointer<Transaction> self(this);
    *id = m_layer->clock()->schedule(ms, [self, id, fn = std::move(fn)]() {
        if (!self)
            return;
        self->m_timerIds.remove(*id);
        fn();
    });
    m_timerIds.insert(*id);
    return *id;
}

void Transaction::cancelTimer(Clock::TimerId &id) {
    if (!id)
        return;
    if (m_timerIds.remove(id))
        m_layer->clock()->cancel(id);
    id = 0;
}

void Transaction::cancelAllTimers() {
    for (Clock::TimerId id : std::as_const(m_timerIds))
        m_layer->clock()->cancel(id);
    m_timerIds.clear();
}

} // namespace parlo::sip

#include "sip/transaction/NonInviteClientTransaction.h"

#include "sip/transaction/TransactionLayer.h"
#include "sip/transaction/TransactionLog.h"

namespace parlo::sip {

NonInviteClientTransaction::NonInviteClientTransaction(TransactionLayer *layer, const SipMessage &request,
                                                       const Peer &destination)
    : ClientTransaction(layer, request, destination) {
    m_state = State::Trying;
}

void NonInviteClientTransaction::start() {
    if (!sendToTransport(m_request))
        return;
    const TransactionTimers &t = m_layer->timers();
    if (!isReliable()) {
        m_intervalE = t.t1;
        m_timerE = scheduleTimer(m_intervalE, [this]() { onTimerE(); });
    }
    m_timerF = scheduleTimer(64 * t.t1, [this]() {
        m_timerF = 0;
        timedOut();
    });
}

void NonInviteClientTransaction::onTimerE() {
    m_timerE = 0;
    if (m_state != State::Trying && m_state != State::Proceeding)
        return;
    if (!sendToTransport(m_request))
        return;
    const TransactionTimers &t = m_layer->timers();
    // §17.1.2.2: doubling up to T2 while Trying; every T2 once a provisional response came.
    m_intervalE = m_state == State::Trying ? qMin(2 * m_intervalE, t.t2) : t.t2;
    m_timerE = scheduleTimer(m_intervalE, [this]() { onTimerE(); });
}

void NonInviteClientTransaction::receiveResponse(const SipMessage &response, const ReceivedFrom &) {
    const int status = response.statusCode();
    if (m_state != State::Trying && m_state != State::Proceeding)
        return; // Completed: retransmitted finals are absorbed
    if (status < 200) {
        setState(State::Proceeding);
        Q_EMIT responseReceived(response);
        return;
    }
    cancelTimer(m_timerE);
    cancelTimer(m_timerF);
    setState(State::Completed);
    Q_EMIT responseReceived(response);
    if (m_state != State::Completed)
        return;
    const qint64 k = isReliable() ? 0 : m_layer->timers().t4;
    if (k <= 0)
        setState(State::Terminated);
    else
        scheduleTimer(k, [this]() { setState(State::Terminated); });
}

} // namespace parlo::sip

#include "sip/transaction/NonInviteServerTransaction.h"

#include "sip/transaction/TransactionLayer.h"
#include "sip/transaction/TransactionLog.h"

namespace parlo::sip {

NonInviteServerTransaction::NonInviteServerTransaction(TransactionLayer *layer, const SipMessage &request,
                                                       const ReceivedFrom &from)
    : ServerTransaction(layer, request, from) {
    m_state = State::Trying;
}

void NonInviteServerTransaction::respond(const SipMessage &response) {
    if (m_state != State::Trying && m_state != State::Proceeding) {
        qCWarning(lcTransaction).noquote()
            << "response" << response.startLine() << "ignored in state" << m_state;
        return;
    }
    const int status = response.statusCode();
    if (status < 200) {
        m_lastProvisional = response;
        if (sendResponse(response))
            setState(State::Proceeding);
        return;
    }
    m_finalResponse = response;
    if (!sendResponse(response))
        return;
    setState(State::Completed);
    const qint64 j = isReliable() ? 0 : 64 * m_layer->timers().t1;
    if (j <= 0)
        setState(State::Terminated);
    else
        m_timerJ = scheduleTimer(j, [this]() { setState(State::Terminated); });
}

void NonInviteServerTransaction::receiveRequest(const SipMessage &, const ReceivedFrom &) {
    // §17.2.2: nothing to repeat in Trying; the last response otherwise.
    if (m_state == State::Proceeding)
        sendResponse(m_lastProvisional);
    else if (m_state == State::Completed)
        sendResponse(m_finalResponse);
}

} // namespace parlo::sip

#include "sip/transaction/InviteServerTransaction.h"

#include "sip/transaction/TransactionLayer.h"
#include "sip/transaction/TransactionLog.h"

namespace parlo::sip {

InviteServerTransaction::InviteServerTransaction(TransactionLayer *layer, const SipMessage &request,
                                                 const ReceivedFrom &from)
    : ServerTransaction(layer, request, from) {
    m_state = State::Proceeding;
}

void InviteServerTransaction::start() {
    // §17.2.1: stop the client's INVITE retransmissions unless the TU answers quickly itself.
    m_timerTrying = scheduleTimer(kTryingDelayMs, [this]() {
        m_timerTrying = 0;
        if (m_state == State::Proceeding && !m_lastProvisional.isValid())
            respond(SipMessage::responseTo(m_request, 100, "Trying"));
    });
}

void InviteServerTransaction::respond(const SipMessage &response) {
    if (m_state != State::Proceeding) {
        qCWarning(lcTransaction).noquote()
            << "response" << response.startLine() << "ignored in state" << m_state;
        return;
    }
    cancelTimer(m_timerTrying);
    const int status = response.statusCode();
    if (status < 200) {
        m_lastProvisional = response;
        sendResponse(response);
        return;
    }
    m_finalResponse = response;
    if (!sendResponse(response))
        return;
    if (status < 300) {
        // RFC 3261 §17.2.1: the TU retransmits the 2xx until its ACK arrives.
        setState(State::Terminated);
        return;
    }
    setState(State::Completed);
    const TransactionTimers &t = m_layer->timers();
    if (!isReliable()) {
        m_intervalG = t.t1;
        m_timerG = scheduleTimer(m_intervalG, [this]() { onTimerG(); });
    }
    m_timerH = scheduleTimer(64 * t.t1, [this]() {
        m_timerH = 0;
        qCInfo(lcTransaction).noquote() << "no ACK for" << m_finalResponse.startLine() << m_branch;
        fail(Failure::Timeout);
    });
}

void InviteServerTransaction::onTimerG() {
    m_timerG = 0;
    if (m_state != State::Completed || !sendResponse(m_finalResponse))
        return;
    m_intervalG = qMin(2 * m_intervalG, m_layer->timers().t2);
    m_timerG = scheduleTimer(m_intervalG, [this]() { onTimerG(); });
}

void InviteServerTransaction::receiveRequest(const SipMessage &request, const ReceivedFrom &) {
    if (request.method() == "ACK") {
        if (m_state != State::Completed)
            return; // Confirmed absorbs ACK retransmissions
        cancelTimer(m_timerG);
        cancelTimer(m_timerH);
        setState(State::Confirmed);
        Q_EMIT ackReceived(request);
        if (m_state != State::Confirmed)
            return;
        const qint64 i = isReliable() ? 0 : m_layer->timers().t4;
        if (i <= 0)
            setState(State::Terminated);
        else
            scheduleTimer(i, [this]() { setState(State::Terminated); });
        return;
    }
    // A retransmitted INVITE.
    if (m_state == State::Proceeding && m_lastProvisional.isValid())
        sendResponse(m_lastProvisional);
    else if (m_state == State::Completed)
        sendResponse(m_finalResponse);
}

} // namespace parlo::sip

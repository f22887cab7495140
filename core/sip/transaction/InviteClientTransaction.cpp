#include "sip/transaction/InviteClientTransaction.h"

#include "sip/transaction/TransactionLayer.h"
#include "sip/transaction/TransactionLog.h"

namespace parlo::sip {

InviteClientTransaction::InviteClientTransaction(TransactionLayer *layer, const SipMessage &request,
                                                 const Peer &destination)
    : ClientTransaction(layer, request, destination) {
    m_state = State::Calling;
}

void InviteClientTransaction::start() {
    if (!sendToTransport(m_request))
        return;
    const TransactionTimers &t = m_layer->timers();
    if (!isReliable()) {
        m_intervalA = t.t1;
        m_timerA = scheduleTimer(m_intervalA, [this]() { onTimerA(); });
    }
    m_timerB = scheduleTimer(64 * t.t1, [this]() {
        m_timerB = 0;
        if (m_state == State::Calling)
            timedOut();
    });
}

void InviteClientTransaction::onTimerA() {
    m_timerA = 0;
    if (m_state != State::Calling)
        return;
    if (!sendToTransport(m_request))
        return;
    // §17.1.1.2: doubles each time, no T2 cap for INVITE (Timer B ends it).
    m_intervalA *= 2;
    m_timerA = scheduleTimer(m_intervalA, [this]() { onTimerA(); });
}

void InviteClientTransaction::receiveResponse(const SipMessage &response, const ReceivedFrom &) {
    const int status = response.statusCode();
    switch (m_state) {
    case State::Calling:
    case State::Proceeding:
        cancelTimer(m_timerA);
        cancelTimer(m_timerB);
        if (status < 200) {
            setState(State::Proceeding);
            Q_EMIT responseReceived(response);
        } else if (status < 300) {
            // RFC 3261: the TU (dialog layer) ACKs 2xx and absorbs their retransmissions.
            Q_EMIT responseReceived(response);
            setState(State::Terminated);
        } else {
            m_ack = makeAck(m_request, response);
            setState(State::Completed);
            Q_EMIT responseReceived(response);
            if (m_state != State::Completed || !sendToTransport(m_ack))
                return;
            const qint64 d = isReliable() ? 0 : m_layer->timers().timerD;
            if (d <= 0)
                setState(State::Terminated);
            else
                scheduleTimer(d, [this]() { setState(State::Terminated); });
        }
        break;
    case State::Completed:
        // A retransmitted final: our ACK was lost, send it again; the TU has it already.
        if (status >= 300)
            sendToTransport(m_ack);
        break;
    default:
        break;
    }
}

SipMessage InviteClientTransaction::makeAck(const SipMessage &invite, const SipMessage &response) {
    SipMessage ack = SipMessage::makeRequest("ACK", invite.requestUri());
    // Only the top Via: the ACK goes hop by hop like the INVITE it belongs to.
    if (const auto via = invite.topVia())
        ack.addHeader(HeaderId::Via, via->toString());
    ack.addHeader(HeaderId::MaxForwards, "70");
    for (const QByteArray &route : invite.headers(HeaderId::Route))
        ack.addHeader(HeaderId::Route, route);
    ack.addHeader(HeaderId::From, invite.header(HeaderId::From));
    ack.addHeader(HeaderId::To, response.header(HeaderId::To));
    ack.addHeader(HeaderId::CallId, invite.header(HeaderId::CallId));
    ack.addHeader(HeaderId::CSeq, CSeq{invite.cseqNumber(), "ACK"}.toString());
    return ack;
}

} // namespace parlo::sip

#include "sip/transaction/ClientTransaction.h"

#include "sip/transaction/TransactionLayer.h"
#include "sip/transaction/TransactionLog.h"

namespace parlo::sip {

ClientTransaction::ClientTransaction(TransactionLayer *layer, const SipMessage &request,
                                     const Peer &destination)
    : Transaction(layer, request)
    , m_destination(destination) {}

bool ClientTransaction::isReliable() const {
    return parlo::sip::isReliable(m_destination.protocol);
}

bool ClientTransaction::sendToTransport(const SipMessage &message) {
    TransportError error;
    if (m_layer->transport()->send(message, m_destination, 0, &error))
        return true;
    if (!error)
        error.kind = TransportError::Kind::SendFailed;
    qCWarning(lcTransaction).noquote()
        << "cannot send" << message.startLine() << "to" << m_destination.toString() << error.detail;
    transportFailed(error);
    return false;
}

void ClientTransaction::transportFailed(const TransportError &error) {
    if (m_state == State::Terminated || m_failure != Failure::None)
        return;
    if (m_starting) {
        // sendRequest() has not returned yet: tell the TU once it can listen.
        scheduleTimer(0, [this, error]() { transportFailed(error); });
        return;
    }
    if (m_state == State::Completed) {
        // The final response has been passed up already; only an ACK was lost.
        setState(State::Terminated);
        return;
    }
    m_failure = Failure::TransportError;
    m_transportError = error;
    cancelAllTimers();
    Q_EMIT failed(m_failure);
    setState(State::Terminated);
}

void ClientTransaction::timedOut() {
    if (m_state == State::Terminated)
        return;
    qCInfo(lcTransaction).noquote() << m_method << m_branch << "timed out towards"
                                    << m_destination.toString();
    m_failure = Failure::Timeout;
    cancelAllTimers();
    Q_EMIT failed(m_failure);
    setState(State::Terminated);
}

} // namespace parlo::sip

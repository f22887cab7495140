#include "sip/transaction/ServerTransaction.h"

#include "sip/transaction/TransactionLayer.h"
#include "sip/transaction/TransactionLog.h"

namespace parlo::sip {

ServerTransaction::ServerTransaction(TransactionLayer *layer, const SipMessage &request,
                                     const ReceivedFrom &from)
    : Transaction(layer, request)
    , m_from(from)
    , m_responseDestination(TransactionLayer::responseDestination(request, from)) {}

bool ServerTransaction::isReliable() const {
    return parlo::sip::isReliable(m_from.peer.protocol);
}

void ServerTransaction::respond(int status, const QByteArray &reason, const QByteArray &toTag) {
    respond(SipMessage::responseTo(m_request, status, reason, toTag));
}

bool ServerTransaction::sendResponse(const SipMessage &response) {
    TransportError error;
    m_sentAny = true;
    if (m_layer->transport()->send(response, m_responseDestination, m_from.connectionId, &error))
        return true;
    if (!error)
        error.kind = TransportError::Kind::SendFailed;
    qCWarning(lcTransaction).noquote()
        << "cannot send" << response.startLine() << "to" << m_responseDestination.toString() << error.detail;
    m_transportError = error;
    fail(Failure::TransportError);
    return false;
}

void ServerTransaction::fail(Failure failure) {
    if (m_state == State::Terminated)
        return;
    m_failure = failure;
    cancelAllTimers();
    Q_EMIT failed(failure);
    setState(State::Terminated);
}

} // namespace parlo::sip

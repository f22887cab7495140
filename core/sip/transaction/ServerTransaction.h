#pragma once

#include "sip/transaction/Transaction.h"

namespace parlo::sip {

// Common face of InviteServerTransaction and NonInviteServerTransaction for the TU.
class ServerTransaction : public Transaction {
    Q_OBJECT
public:
    // Sends a response (provisional or final) per §17.2; retransmits finals as the RFC says.
    virtual void respond(const SipMessage &response) = 0;
    // Convenience: SipMessage::responseTo(request(), status, reason, toTag) and respond().
    void respond(int status, const QByteArray &reason = {}, const QByteArray &toTag = {});
    const ReceivedFrom &receivedFrom() const { return m_from; }
    // Where responses go (§18.2.2, RFC 3581), computed once from the request.
    const Peer &responseDestination() const { return m_responseDestination; }
    // The last final response sent (invalid before one was sent).
    const SipMessage &finalResponse() const { return m_finalResponse; }
    Failure failure() const { return m_failure; }
    TransportError transportError() const { return m_transportError; }
    bool isReliable() const override;

Q_SIGNALS:
    // The ACK for a non-2xx final response arrived (INVITE only; ACK for 2xx is not ours).
    void ackReceived(const parlo::sip::SipMessage &ack);
    // Transport could not deliver a response (TransportError), or no ACK came (Timer H: Timeout).
    void failed(parlo::sip::Transaction::Failure failure);

protected:
    ServerTransaction(TransactionLayer *layer, const SipMessage &request, const ReceivedFrom &from);

    friend class TransactionLayer;
    // Called once after creation, before the TU hears of the request.
    virtual void start() {}
    // A retransmission of the request, or (INVITE) its ACK, matched by the layer (§17.2.3).
    virtual void receiveRequest(const SipMessage &request, const ReceivedFrom &from) = 0;
    // Sends to responseDestination() over the request's connection; on failure fails the
    // transaction (failed(TransportError), Terminated) and returns false.
    bool sendResponse(const SipMessage &response);
    void fail(Failure failure);

    ReceivedFrom m_from;
    Peer m_responseDestination;
    SipMessage m_lastProvisional;
    SipMessage m_finalResponse;
    Failure m_failure = Failure::None;
    TransportError m_transportError;
    bool m_sentAny = false;
};

} // namespace parlo::sip

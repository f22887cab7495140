#pragma once

#include "sip/transaction/Transaction.h"

namespace parlo::sip {

// Common face of InviteServerTransaction and NonInviteServerTransaction for the TU.
class ServerTransaction : public Transaction
{
    Q_OBJECT
public:
    // Sends a response (provisional or final) per §17.2; retransmits finals as the RFC says.
    virtual void respond(const SipMessage &response) = 0;
    // Convenience: SipMessage::responseTo(request(), status, reason, toTag) and respond().
    void respond(int status, const QByteArray &reason = {}, const QByteArray &toTag = {});
    const ReceivedFrom &receivedFrom() const { return m_from; }

Q_SIGNALS:
    // The ACK for a non-2xx final response arrived (INVITE only; ACK for 2xx is not ours).
    void ackReceived(const parlo::sip::SipMessage &ack);
    // Transport could not deliver a response.
    void failed(parlo::sip::Transaction::Failure failure);

protected:
    ServerTransaction(TransactionLayer *layer, const SipMessage &request, const ReceivedFrom &from);
    ReceivedFrom m_from;
};

} // namespace parlo::sip

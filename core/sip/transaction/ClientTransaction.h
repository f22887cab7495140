#pragma once

#include "sip/transaction/Transaction.h"

namespace parlo::sip {

// Common face of InviteClientTransaction and NonInviteClientTransaction for the TU.
class ClientTransaction : public Transaction
{
    Q_OBJECT
public:
    const Peer &destination() const { return m_destination; }
    // Failure reason once terminated without a final response.
    Failure failure() const { return m_failure; }
    TransportError transportError() const { return m_transportError; }

Q_SIGNALS:
    // Every response passed up to the TU: provisional ones, the final one, and (INVITE) each
    // 2xx — retransmitted 2xx after termination go to TransactionLayer::strayResponse instead.
    void responseReceived(const parlo::sip::SipMessage &response);
    // Timer B/F fired, or the transport failed; no final response will come.
    void failed(parlo::sip::Transaction::Failure failure);

protected:
    ClientTransaction(TransactionLayer *layer, const SipMessage &request, const Peer &destination);
    Peer m_destination;
    Failure m_failure = Failure::None;
    TransportError m_transportError;
};

} // namespace parlo::sip

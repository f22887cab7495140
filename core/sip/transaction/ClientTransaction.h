#pragma once

#include "sip/transaction/Transaction.h"

namespace parlo::sip {

// Common face of InviteClientTransaction and NonInviteClientTransaction for the TU.
class ClientTransaction : public Transaction {
    Q_OBJECT
public:
    const Peer &destination() const { return m_destination; }
    // Failure reason once terminated without a final response.
    Failure failure() const { return m_failure; }
    TransportError transportError() const { return m_transportError; }
    bool isReliable() const override;

Q_SIGNALS:
    // Every response passed up to the TU: provisional ones, the final one, and (INVITE) each
    // 2xx — retransmitted 2xx after termination go to TransactionLayer::strayResponse instead.
    void responseReceived(const parlo::sip::SipMessage &response);
    // Timer B/F fired, or the transport failed; no final response will come.
    void failed(parlo::sip::Transaction::Failure failure);

protected:
    ClientTransaction(TransactionLayer *layer, const SipMessage &request, const Peer &destination);

    friend class TransactionLayer;
    // Sends the request for the first time and starts the timers.
    virtual void start() = 0;
    // A response the layer matched to this transaction (§17.1.3).
    virtual void receiveResponse(const SipMessage &response, const ReceivedFrom &from) = 0;
    // §17.1.4. Before a final response: failed(TransportError) and Terminated. After it (only the
    // ACK could be lost) the transaction just ends.
    void transportFailed(const TransportError &error);
    // Timer B/F: failed(Timeout) and Terminated.
    void timedOut();
    // Sends to destination(); a synchronous failure ends the transaction (deferred while starting,
    // so the TU has connected to failed() before it is emitted).
    bool sendToTransport(const SipMessage &message);

    Peer m_destination;
    Failure m_failure = Failure::None;
    TransportError m_transportError;
    bool m_starting = false;
};

} // namespace parlo::sip

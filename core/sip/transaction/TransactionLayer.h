#pragma once

#include "base/Clock.h"
#include "sip/message/SipMessage.h"
#include "sip/transport/TransportLayer.h"

#include <QHash>
#include <QObject>

namespace parlo::sip {

class Transaction;
class ClientTransaction;
class ServerTransaction;

// RFC 3261 §17 timer values; T1 etc. can be shortened for tests.
struct TransactionTimers {
    qint64 t1 = 500;
    qint64 t2 = 4000;
    qint64 t4 = 5000;
    qint64 timerD = 32000; // unreliable transports; 0 on reliable ones
};

// Creates and matches transactions (§17.1.3, §17.2.3), including the RFC 2543 fallback
// matching for requests whose branch lacks the magic cookie. Sits on a TransportLayer.
class TransactionLayer : public QObject {
    Q_OBJECT
public:
    TransactionLayer(TransportLayer *transport, Clock *clock = Clock::system(), QObject *parent = nullptr);
    ~TransactionLayer() override;

    TransportLayer *transport() const { return m_transport; }
    Clock *clock() const { return m_clock; }
    void setTimers(const TransactionTimers &t) { m_timers = t; }
    const TransactionTimers &timers() const { return m_timers; }

    // Starts a client transaction for request (which must carry a top Via with a unique branch;
    // sent-by and transport are filled in from the transport layer when empty) towards destination.
    // INVITE gives an InviteClientTransaction, anything else (but ACK) a NonInviteClientTransaction.
    // The layer owns it; it is deleted after termination.
    ClientTransaction *sendRequest(const SipMessage &request, const Peer &destination);
    // ACK for a 2xx, and other messages outside transactions, go straight to the transport.
    bool sendStateless(const SipMessage &message, const Peer &destination);
    // Response destination per §18.2.2 (+ RFC 3581 rport) for a request received as described.
    static Peer responseDestination(const SipMessage &request, const ReceivedFrom &from);

    int clientTransactionCount() const;
    int serverTransactionCount() const;

    // Bound on live server transactions (the network creates them): beyond it new requests get a
    // stateless 503 with Retry-After. Default 1000.
    void setMaxServerTransactions(int max);
    int maxServerTransactions() const;

    // The INVITE server transaction a CANCEL refers to (§9.2: same branch and sent-by, method
    // INVITE; RFC 2543 rules without the magic cookie), or nullptr. The TU answers the CANCEL.
    ServerTransaction *findInviteForCancel(const SipMessage &cancel) const;

Q_SIGNALS:
    // A new request (not a retransmission, not ACK) with its server transaction. The TU must send
    // a final response through it.
    void requestReceived(parlo::sip::ServerTransaction *transaction, const parlo::sip::SipMessage &request);
    // ACK that matches no server transaction (ACK for a 2xx): for the dialog layer.
    void ackReceived(const parlo::sip::SipMessage &ack, const parlo::sip::ReceivedFrom &from);
    // A response that matches no client transaction (retransmitted or forked 2xx to INVITE).
    void strayResponse(const parlo::sip::SipMessage &response, const parlo::sip::ReceivedFrom &from);

private:
    friend class Transaction;
    friend class ClientTransaction;
    friend class ServerTransaction;
    friend class InviteClientTransaction;
    friend class NonInviteClientTransaction;
    friend class InviteServerTransaction;
    friend class NonInviteServerTransaction;

    void onMessage(const SipMessage &message, const ReceivedFrom &from);
    void onSendFailed(const Peer &destination, const TransportError &error);
    void onRequest(const SipMessage &request, const ReceivedFrom &from);
    ServerTransaction *matchServer(const SipMessage &request) const;
    // Removes a Terminated transaction from the tables and deletes it later.
    void transactionTerminated(Transaction *t);
    // Drops t from the tables (also when something deletes it early).
    void forget(Transaction *t);

    TransportLayer *m_transport;
    Clock *m_clock;
    TransactionTimers m_timers;
    class Private;
    Private *d = nullptr;
};

} // namespace parlo::sip

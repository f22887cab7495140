#pragma once

#include "sip/transaction/ClientTransaction.h"

namespace parlo::sip {

// RFC 3261 §17.1.1, Figure 5: Calling -> Proceeding -> Completed -> Terminated.
// Timer A retransmits the INVITE (unreliable transports, doubling without cap), Timer B gives up
// after 64*T1 in Calling, Timer D absorbs retransmitted non-2xx finals. The ACK for a non-2xx
// final response is built and sent here (§17.1.1.3); a 2xx is passed up and ends the transaction.
class InviteClientTransaction : public ClientTransaction {
    Q_OBJECT
public:
    InviteClientTransaction(TransactionLayer *layer, const SipMessage &request, const Peer &destination);

    // The ACK generated for a non-2xx final response; invalid until one arrived.
    const SipMessage &ack() const { return m_ack; }
    // §17.1.1.3: ACK with the INVITE's Request-URI, top Via, From, Call-ID, Route and CSeq number,
    // and the response's To.
    static SipMessage makeAck(const SipMessage &invite, const SipMessage &response);

protected:
    void start() override;
    void receiveResponse(const SipMessage &response, const ReceivedFrom &from) override;

private:
    void onTimerA();

    Clock::TimerId m_timerA = 0, m_timerB = 0;
    qint64 m_intervalA = 0;
    SipMessage m_ack;
};

} // namespace parlo::sip

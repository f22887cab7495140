#pragma once

#include "sip/transaction/ClientTransaction.h"

namespace parlo::sip {

// RFC 3261 §17.1.2, Figure 6: Trying -> Proceeding -> Completed -> Terminated.
// Timer E retransmits (unreliable transports; doubling up to T2, T2 in Proceeding), Timer F gives
// up after 64*T1, Timer K (T4, zero on reliable transports) absorbs retransmitted finals.
class NonInviteClientTransaction : public ClientTransaction {
    Q_OBJECT
public:
    NonInviteClientTransaction(TransactionLayer *layer, const SipMessage &request, const Peer &destination);

protected:
    void start() override;
    void receiveResponse(const SipMessage &response, const ReceivedFrom &from) override;

private:
    void onTimerE();

    Clock::TimerId m_timerE = 0, m_timerF = 0;
    qint64 m_intervalE = 0;
};

} // namespace parlo::sip

#pragma once

#include "sip/transaction/ServerTransaction.h"

namespace parlo::sip {

// RFC 3261 §17.2.1, Figure 7: Proceeding -> Completed -> Confirmed -> Terminated.
// Sends 100 Trying itself when the TU has not responded within 200 ms. A 2xx ends the transaction
// at once (the TU retransmits 2xx, RFC 3261); a non-2xx final is retransmitted on Timer G
// (unreliable transports) until the ACK arrives or Timer H (64*T1) gives up; Timer I (T4, zero on
// reliable transports) absorbs ACK retransmissions.
class InviteServerTransaction : public ServerTransaction {
    Q_OBJECT
public:
    InviteServerTransaction(TransactionLayer *layer, const SipMessage &request, const ReceivedFrom &from);

    using ServerTransaction::respond;
    void respond(const SipMessage &response) override;

    // How long the TU may take before the transaction sends 100 Trying itself (§17.2.1).
    static constexpr qint64 kTryingDelayMs = 200;

protected:
    void start() override;
    void receiveRequest(const SipMessage &request, const ReceivedFrom &from) override;

private:
    void onTimerG();

    Clock::TimerId m_timerTrying = 0, m_timerG = 0, m_timerH = 0;
    qint64 m_intervalG = 0;
};

} // namespace parlo::sip

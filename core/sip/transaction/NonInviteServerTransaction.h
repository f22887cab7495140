#pragma once

#include "sip/transaction/ServerTransaction.h"

namespace parlo::sip {

// RFC 3261 §17.2.2, Figure 8: Trying -> Proceeding -> Completed -> Terminated.
// Retransmitted requests get the last response again (none in Trying); Timer J (64*T1, zero on
// reliable transports) keeps the final response around for them.
class NonInviteServerTransaction : public ServerTransaction {
    Q_OBJECT
public:
    NonInviteServerTransaction(TransactionLayer *layer, const SipMessage &request, const ReceivedFrom &from);

    using ServerTransaction::respond;
    void respond(const SipMessage &response) override;

protected:
    void receiveRequest(const SipMessage &request, const ReceivedFrom &from) override;

private:
    Clock::TimerId m_timerJ = 0;
};

} // namespace parlo::sip

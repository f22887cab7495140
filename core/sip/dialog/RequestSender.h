#pragma once

#include "sip/auth/DigestCredentials.h"
#include "sip/dialog/RequestError.h"
#include "sip/message/SipMessage.h"
#include "sip/transaction/Transaction.h"
#include "sip/transport/TransportProtocol.h"

#include <functional>
#include <optional>

class QObject;

namespace parlo::sip {

class Resolver;
class TransactionLayer;

// How one request of a usage ended: its final response, or why there is none.
struct RequestOutcome {
    SipMessage request;  // as handed to the transaction layer (Contact filled in)
    SipMessage response; // the final response; invalid when the request failed
    Transaction::Failure failure = Transaction::Failure::None;
    TransportError transportError;
    bool resolveFailed = false;
    Peer peer;

    bool hasResponse() const { return response.isValid(); }
    int status() const { return response.isValid() ? response.statusCode() : 0; }
};

// The sending side shared by the usages outside INVITE sessions (Subscription, Publication, Pager):
// next-hop resolution, one client transaction per request, digest answers and the error mapping.
// Only the first RFC 3263 target is tried (no failover: these usages retry later on their own).
namespace RequestSender {
using Prepare = std::function<void(SipMessage &request, const Peer &peer)>;
using Done = std::function<void(const RequestOutcome &outcome)>;

// Resolves nextHop (literal addresses at once, without DNS), lets prepare complete the request for
// the chosen peer (e.g. our Contact), starts the client transaction and calls done exactly once
// with its end — unless context is destroyed first.
void send(TransactionLayer *transactions, Resolver *resolver, const SipMessage &request,
          const SipUri &nextHop, std::optional<TransportProtocol> transport, QObject *context, Done done,
          Prepare prepare = {});

// Adds credentials answering the 401/407 challenge to retry. attempts counts the rounds of this
// request: a second challenge without stale=true means the password was refused.
RequestError::Kind answerChallenge(DigestCredentials &credentials, SipMessage &retry,
                                   const SipMessage &challenge, int *attempts);

// The same request as a new transaction: fresh branch, CSeq + 1 (§10.2.4-style resend outside a
// dialog; inside one the usage builds a new request from its Dialog instead).
SipMessage resendable(SipMessage request);

// The error for an outcome without response (timeout, transport, resolution), or for a final
// failure response that is not a challenge.
RequestError errorFor(const RequestOutcome &outcome);

// 5, 10, 20, 40 … s capped at 300 s, before retry attempt n (1-based).
int backoffSeconds(int attempt);
// When to refresh something that expires in expires seconds: min(expires - 32 s, 90 %), but not
// earlier than half-way (short intervals), and at least 1 s.
qint64 refreshDelayMs(quint32 expires);
} // namespace RequestSender

} // namespace parlo::sip

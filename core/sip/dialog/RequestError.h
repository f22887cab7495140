#pragma once

#include "sip/transport/TransportError.h"

#include <QByteArray>

namespace parlo::sip {

// Why a request of the subscription, publication or pager usage failed, typed so front ends word
// it in their own language. temporary: trying again later can succeed.
struct RequestError {
    enum class Kind {
        None,
        ResolveFailed,        // the next hop has no address
        Timeout,              // no final response (Timer F)
        TransportFailed,      // the request could not be sent (see transport)
        NoCredentials,        // 401/407 without a configured password
        AuthenticationFailed, // challenged again after answering: wrong password
        UnsupportedAuth,      // only challenges we cannot answer
        Forbidden,            // 403
        NotFound,             // 404, 480 (offline user for MESSAGE)
        BadEvent,             // 489: the server does not know the event package
        IntervalTooBrief,     // 423 we could not satisfy
        TooLarge,             // the body is above our own limit (413 from the peer too)
        ServerError,          // 408, 5xx: temporary
        Rejected,             // any other final failure response
        TerminatedByNotifier, // Subscription-State: terminated with a final reason (notifierReason)
    };
    Kind kind = Kind::None;
    int status = 0;            // SIP status when a response caused it
    QByteArray reason;         // its reason phrase
    QByteArray notifierReason; // TerminatedByNotifier: the reason= of Subscription-State
    TransportError transport;
    int retryAfter = 0; // seconds asked for (Retry-After / retry-after=), 0 if none
    bool temporary = false;

    explicit operator bool() const { return kind != Kind::None; }
};

} // namespace parlo::sip

#pragma once

#include "sip/transport/TransportError.h"
#include "sip/transport/TransportProtocol.h"

#include <QByteArray>
#include <QString>

namespace parlo::sip {

// Why a registration attempt failed, by step. Typed so each front end words it in its own language.
struct RegistrationError {
    enum class Kind {
        None,
        DnsNotFound,          // the domain (or proxy host) does not exist in DNS
        DnsFailure,           // DNS did not answer / server failure
        ConnectFailed,        // TCP/TLS connection refused, unreachable, timed out (see transport)
        TlsCertificate,       // the server's certificate was not accepted (see transport.sslErrors)
        TlsHandshake,         // TLS failed for another reason
        Timeout,              // no answer to REGISTER (Timer F) from peer
        NoCredentials,        // 401/407 but no password configured
        AuthenticationFailed, // credentials rejected again (401/407 after answering) — wrong password
        UnsupportedAuth,      // only challenges we cannot answer (algorithm)
        Forbidden,            // 403
        NotFound,             // 404 (unknown user / domain)
        IntervalTooBrief,     // 423 that we could not satisfy
        ServerError,          // 5xx / 408 / 480 — temporary
        Rejected,             // any other final failure response
        TransportFailed,      // a send failed for another local reason
    };
    Kind kind = Kind::None;
    int status = 0;    // SIP status when a response caused it
    QByteArray reason; // its reason phrase
    Peer peer;         // where the request went
    TransportError transport;
    qint64 elapsedMs = 0;   // Timeout: how long we waited
    int retryAfter = 0;     // seconds the registrar asked us to wait (Retry-After), 0 if none
    bool temporary = false; // true: retrying later can succeed (the registration retries by itself)

    explicit operator bool() const { return kind != Kind::None; }
};

} // namespace parlo::sip

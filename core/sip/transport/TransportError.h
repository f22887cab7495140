#pragma once

#include <QList>
#include <QSslCertificate>
#include <QSslError>
#include <QString>

namespace parlo::sip {

// Why a message could not be sent or a connection failed. Typed: the UI turns kind into text.
struct TransportError {
    enum class Kind {
        None,
        ConnectionRefused,  // TCP RST / ICMP port unreachable
        ConnectTimeout,     // no TCP/TLS connection within the connect timeout
        HostUnreachable,    // network or host unreachable
        TlsHandshakeFailed, // TLS protocol failure other than the certificate
        TlsCertificate,     // certificate not trusted / name mismatch / expired — see sslErrors
        ConnectionClosed,   // the peer closed or reset an established connection
        MessageTooLarge,    // over the datagram or frame limit
        NoTransport,        // no listener for that protocol / address family
        SendFailed,         // other socket error
    };
    Kind kind = Kind::None;
    QString detail; // socket error string, for logs and "details" in the UI
    QList<QSslError> sslErrors;
    // TlsCertificate: what the server presented (leaf first), to show and pin. A list because
    // QSslCertificate's explicit default constructor would break brace-initialising this struct.
    QList<QSslCertificate> peerCertificateChain;

    explicit operator bool() const { return kind != Kind::None; }
};

} // namespace parlo::sip

#include "RegistrationErrorText.h"

#include <QSslError>
#include <QStringList>

using parlo::sip::Peer;
using parlo::sip::RegistrationError;
using parlo::sip::TransportError;

QString RegistrationErrorText::endpoint(const Peer &peer) {
    if (peer.address.isNull())
        return peer.hostName;
    const QString host = peer.address.protocol() == QAbstractSocket::IPv6Protocol
                             ? QLatin1Char('[') + peer.address.toString() + QLatin1Char(']')
                             : peer.address.toString();
    return host + QLatin1Char(':') + QString::number(peer.port);
}

namespace {
QString certificateProblems(const TransportError &t) {
    QStringList problems;
    for (const QSslError &err : t.sslErrors)
        problems << err.errorString();
    if (problems.isEmpty() && !t.detail.isEmpty())
        problems << t.detail;
    problems.removeDuplicates();
    return problems.join(QStringLiteral("; "));
}
} // namespace

QString RegistrationErrorText::problem(const RegistrationError &e) {
    using Kind = RegistrationError::Kind;
    const QString where = endpoint(e.peer);
    switch (e.kind) {
    case Kind::None:
        return {};
    case Kind::DnsNotFound:
        return tr("The server name %1 was not found.").arg(QString::fromUtf8(e.reason));
    case Kind::DnsFailure:
        return tr("The name server did not answer when looking up %1.").arg(QString::fromUtf8(e.reason));
    case Kind::ConnectFailed:
        switch (e.transport.kind) {
        case TransportError::Kind::ConnectionRefused:
            return tr("The server %1 refused the connection.").arg(where);
        case TransportError::Kind::HostUnreachable:
            return tr("The server %1 cannot be reached.").arg(where);
        default:
            return tr("No connection to the server %1.").arg(where);
        }
    case Kind::TlsCertificate:
        return tr("The certificate of %1 is not trusted: %2").arg(where, certificateProblems(e.transport));
    case Kind::TlsHandshake:
        return tr("The secure connection to %1 failed.").arg(where);
    case Kind::Timeout:
        return tr("No answer from the server %1.").arg(where);
    case Kind::NoCredentials:
        return tr("The server asks for a password.");
    case Kind::AuthenticationFailed:
    case Kind::Forbidden:
        return tr("The server rejected the user name or password.");
    case Kind::UnsupportedAuth:
        return tr("The server asks for a login method Parlo does not support.");
    case Kind::NotFound:
        return tr("The server does not know this account.");
    case Kind::IntervalTooBrief:
        return tr("The server refused every registration interval.");
    case Kind::ServerError:
        return tr("The server has a temporary problem (%1 %2).")
            .arg(e.status)
            .arg(QString::fromUtf8(e.reason));
    case Kind::Rejected:
        return tr("The server refused the registration (%1 %2).")
            .arg(e.status)
            .arg(QString::fromUtf8(e.reason));
    case Kind::TransportFailed:
        return tr("Sending to %1 failed.").arg(where);
    }
    return tr("Registration failed.");
}

QString RegistrationErrorText::hint(const RegistrationError &e) {
    using Kind = RegistrationError::Kind;
    switch (e.kind) {
    case Kind::None:
        return {};
    case Kind::DnsNotFound:
        return tr("Check the domain after the @ in your address for typing errors.");
    case Kind::DnsFailure:
        return tr("Check your internet connection and try again.");
    case Kind::ConnectFailed:
    case Kind::Timeout:
    case Kind::TransportFailed:
        return tr("Check the server address and the transport (UDP, TCP or TLS) your provider asks for, "
                  "and that no firewall blocks it.");
    case Kind::TlsCertificate:
        return tr("The server may not be the one you expect. Ask your provider which certificate it uses.");
    case Kind::TlsHandshake:
        return tr("Ask your provider whether the server supports TLS.");
    case Kind::NoCredentials:
        return tr("Enter the password of your SIP account.");
    case Kind::AuthenticationFailed:
    case Kind::Forbidden:
        return tr("Check the password, and the authentication user name under Advanced.");
    case Kind::UnsupportedAuth:
    case Kind::IntervalTooBrief:
    case Kind::Rejected:
        return tr("Contact your provider with this message.");
    case Kind::NotFound:
        return tr("Check the user name before the @ in your address.");
    case Kind::ServerError:
        return tr("Try again in a few minutes.");
    }
    return {};
}

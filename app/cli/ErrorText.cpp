#include "ErrorText.h"

#include "sip/message/SipMessage.h"

#include <QStringList>

using namespace parlo::sip;

namespace ErrorText {

QString endpoint(const Peer &peer) {
    const QString host = peer.address.protocol() == QAbstractSocket::IPv6Protocol
                             ? QLatin1Char('[') + peer.address.toString() + QLatin1Char(']')
                             : peer.address.toString();
    return host + QLatin1Char(':') + QString::number(peer.port);
}

namespace {
QString transportText(const Peer &peer) {
    return QString::fromLatin1(transportName(peer.protocol));
}

QString statusText(const RegistrationError &e) {
    return QStringLiteral("%1 %2 from %3").arg(e.status).arg(QString::fromUtf8(e.reason), endpoint(e.peer));
}

QString connectProblem(const TransportError &t) {
    switch (t.kind) {
    case TransportError::Kind::ConnectionRefused:
        return QStringLiteral("connection refused");
    case TransportError::Kind::ConnectTimeout:
        return QStringLiteral("connection timed out");
    case TransportError::Kind::HostUnreachable:
        return QStringLiteral("host unreachable");
    case TransportError::Kind::ConnectionClosed:
        return QStringLiteral("connection closed by the server");
    default:
        return t.detail.isEmpty() ? QStringLiteral("socket error") : t.detail;
    }
}
} // namespace

QString registrationFailure(const RegistrationError &e) {
    const QString prefix = QStringLiteral("registration failed: ");
    switch (e.kind) {
    case RegistrationError::Kind::None:
        return {};
    case RegistrationError::Kind::DnsNotFound:
        return prefix + QStringLiteral("DNS: no such domain: %1").arg(QString::fromUtf8(e.reason));
    case RegistrationError::Kind::DnsFailure:
        return prefix + QStringLiteral("DNS lookup of %1 failed (no answer from the DNS server)")
                            .arg(QString::fromUtf8(e.reason));
    case RegistrationError::Kind::ConnectFailed:
        return prefix + QStringLiteral("cannot connect to %1 over %2: %3")
                            .arg(endpoint(e.peer), transportText(e.peer), connectProblem(e.transport));
    case RegistrationError::Kind::TlsCertificate: {
        QStringList problems;
        for (const QSslError &err : e.transport.sslErrors)
            problems << err.errorString();
        if (problems.isEmpty())
            problems << e.transport.detail;
        problems.removeDuplicates();
        return prefix + QStringLiteral("TLS certificate of %1 not accepted: %2 (trust its CA with --ca-file)")
                            .arg(endpoint(e.peer), problems.join(QStringLiteral("; ")));
    }
    case RegistrationError::Kind::TlsHandshake:
        return prefix +
               QStringLiteral("TLS handshake with %1 failed: %2").arg(endpoint(e.peer), e.transport.detail);
    case RegistrationError::Kind::Timeout:
        return prefix + QStringLiteral("timeout: no answer from %1 (%2) after %3 s")
                            .arg(endpoint(e.peer), transportText(e.peer))
                            .arg((e.elapsedMs + 500) / 1000);
    case RegistrationError::Kind::NoCredentials:
        return prefix + statusText(e) +
               QStringLiteral(": no password given (use --password-file or PARLO_PASSWORD)");
    case RegistrationError::Kind::AuthenticationFailed:
        return prefix + statusText(e) + QStringLiteral(": credentials refused (wrong password?)");
    case RegistrationError::Kind::UnsupportedAuth:
        return prefix + statusText(e) + QStringLiteral(": no authentication scheme we support was offered");
    case RegistrationError::Kind::Forbidden:
        return prefix + statusText(e) + QStringLiteral(" (wrong password?)");
    case RegistrationError::Kind::NotFound:
        return prefix + statusText(e) + QStringLiteral(" (unknown user or domain?)");
    case RegistrationError::Kind::IntervalTooBrief:
        return prefix + statusText(e) + QStringLiteral(" (registrar refused every registration interval)");
    case RegistrationError::Kind::ServerError:
    case RegistrationError::Kind::Rejected:
        return prefix + statusText(e);
    case RegistrationError::Kind::TransportFailed:
        return prefix + QStringLiteral("cannot send to %1 over %2: %3")
                            .arg(endpoint(e.peer), transportText(e.peer), e.transport.detail);
    }
    return prefix + QStringLiteral("unknown error");
}

QString registrationStep(const RegistrationError &e) {
    switch (e.kind) {
    case RegistrationError::Kind::DnsNotFound:
    case RegistrationError::Kind::DnsFailure:
        return QStringLiteral("dns");
    case RegistrationError::Kind::ConnectFailed:
    case RegistrationError::Kind::TransportFailed:
        return QStringLiteral("connect");
    case RegistrationError::Kind::TlsCertificate:
    case RegistrationError::Kind::TlsHandshake:
        return QStringLiteral("tls");
    case RegistrationError::Kind::Timeout:
        return QStringLiteral("timeout");
    case RegistrationError::Kind::NoCredentials:
    case RegistrationError::Kind::AuthenticationFailed:
    case RegistrationError::Kind::UnsupportedAuth:
    case RegistrationError::Kind::Forbidden:
        return QStringLiteral("auth");
    default:
        return QStringLiteral("registrar");
    }
}

QString callEndReason(parlo::Call::EndReason reason) {
    using R = parlo::Call::EndReason;
    switch (reason) {
    case R::None:
        return QStringLiteral("none");
    case R::HungUpLocally:
        return QStringLiteral("hangup_local");
    case R::HungUpRemotely:
        return QStringLiteral("hangup_remote");
    case R::Cancelled:
        return QStringLiteral("cancelled");
    case R::Declined:
        return QStringLiteral("declined");
    case R::Busy:
        return QStringLiteral("busy");
    case R::Rejected:
        return QStringLiteral("rejected");
    case R::NotReachable:
        return QStringLiteral("not_reachable");
    case R::NoCommonMedia:
        return QStringLiteral("no_common_media");
    case R::AuthenticationFailed:
        return QStringLiteral("auth_failed");
    case R::ConnectionLost:
        return QStringLiteral("connection_lost");
    }
    return QStringLiteral("unknown");
}

QString statusText(int status) {
    if (status <= 0)
        return {};
    return QStringLiteral("%1 %2").arg(status).arg(QString::fromUtf8(SipMessage::defaultReason(status)));
}

QString callEnd(parlo::Call::EndReason reason, int status) {
    using R = parlo::Call::EndReason;
    const QString st = statusText(status);
    const QString withStatus = st.isEmpty() ? QString() : QStringLiteral(" (%1)").arg(st);
    switch (reason) {
    case R::None:
        return QStringLiteral("ended") + withStatus;
    case R::HungUpLocally:
        return QStringLiteral("hung up by us");
    case R::HungUpRemotely:
        return QStringLiteral("hung up by the other side");
    case R::Cancelled:
        return QStringLiteral("the caller gave up");
    case R::Declined:
        return QStringLiteral("declined by us") + withStatus;
    case R::Busy:
    case R::Rejected:
        return st.isEmpty() ? QStringLiteral("rejected") : st;
    case R::NotReachable:
        return QStringLiteral("not reachable (no answer, connection or DNS failure)") + withStatus;
    case R::NoCommonMedia:
        return QStringLiteral("no common codec or media (488 Not Acceptable Here)");
    case R::AuthenticationFailed:
        return QStringLiteral("authentication failed") + withStatus +
               QStringLiteral(" (wrong or no password? use --password-file or PARLO_PASSWORD)");
    case R::ConnectionLost:
        return QStringLiteral("connection lost") + withStatus;
    }
    return QStringLiteral("ended");
}

QString mediaErrorName(parlo::CallMediaError error) {
    using E = parlo::CallMediaError;
    switch (error) {
    case E::NoAudioInput:
        return QStringLiteral("no_audio_input");
    case E::NoAudioOutput:
        return QStringLiteral("no_audio_output");
    case E::AudioDeviceFailed:
        return QStringLiteral("audio_device_failed");
    case E::PlayFileUnreadable:
        return QStringLiteral("play_file_unreadable");
    case E::RecordFileUnwritable:
        return QStringLiteral("record_file_unwritable");
    case E::SrtpSetupFailed:
        return QStringLiteral("srtp_setup_failed");
    }
    return QStringLiteral("media_error");
}

QString mediaError(parlo::CallMediaError error, const QString &detail) {
    using E = parlo::CallMediaError;
    QString text;
    switch (error) {
    case E::NoAudioInput:
        text = QStringLiteral("no audio input device: sending silence (use --play for a file)");
        break;
    case E::NoAudioOutput:
        text = QStringLiteral("no audio output device: received audio is only recorded (--record)");
        break;
    case E::AudioDeviceFailed:
        text = QStringLiteral("audio device failed");
        break;
    case E::PlayFileUnreadable:
        text = QStringLiteral("cannot play the --play file");
        break;
    case E::RecordFileUnwritable:
        text = QStringLiteral("cannot write the --record file");
        break;
    case E::SrtpSetupFailed:
        text = QStringLiteral("SRTP setup failed: the call cannot carry audio");
        break;
    }
    return detail.isEmpty() ? text : text + QStringLiteral(": ") + detail;
}

QString requestFailure(const RequestError &e, const QString &hop) {
    const QString status = QStringLiteral("%1 %2").arg(e.status).arg(QString::fromUtf8(e.reason)).trimmed();
    switch (e.kind) {
    case RequestError::Kind::None:
        return {};
    case RequestError::Kind::ResolveFailed:
        return QStringLiteral("DNS: cannot resolve %1").arg(hop);
    case RequestError::Kind::Timeout:
        return e.status ? status : QStringLiteral("timeout: no answer from %1").arg(hop);
    case RequestError::Kind::TransportFailed:
        return QStringLiteral("cannot connect or send to %1: %2").arg(hop, connectProblem(e.transport));
    case RequestError::Kind::NoCredentials:
        return status + QStringLiteral(": no password given (use --password-file or PARLO_PASSWORD)");
    case RequestError::Kind::AuthenticationFailed:
        return status + QStringLiteral(": credentials refused (wrong password?)");
    case RequestError::Kind::UnsupportedAuth:
        return status + QStringLiteral(": no authentication scheme we support was offered");
    case RequestError::Kind::TerminatedByNotifier:
        return QStringLiteral("subscription terminated by the notifier (%1)")
            .arg(e.notifierReason.isEmpty() ? QStringLiteral("no reason")
                                            : QString::fromUtf8(e.notifierReason));
    case RequestError::Kind::TooLarge:
        return e.status ? status : QStringLiteral("message too large");
    case RequestError::Kind::BadEvent:
        return status + QStringLiteral(" (the server does not know the event package)");
    default:
        return e.status ? status : QStringLiteral("failed");
    }
}

QString requestFailureKind(const RequestError &e) {
    switch (e.kind) {
    case RequestError::Kind::None:
        return {};
    case RequestError::Kind::ResolveFailed:
        return QStringLiteral("dns");
    case RequestError::Kind::Timeout:
        return QStringLiteral("timeout");
    case RequestError::Kind::TransportFailed:
        return QStringLiteral("connect");
    case RequestError::Kind::NoCredentials:
    case RequestError::Kind::AuthenticationFailed:
    case RequestError::Kind::UnsupportedAuth:
        return QStringLiteral("auth");
    case RequestError::Kind::Forbidden:
        return QStringLiteral("forbidden");
    case RequestError::Kind::NotFound:
        return QStringLiteral("not_found");
    case RequestError::Kind::BadEvent:
        return QStringLiteral("bad_event");
    case RequestError::Kind::IntervalTooBrief:
        return QStringLiteral("interval_too_brief");
    case RequestError::Kind::TooLarge:
        return QStringLiteral("too_large");
    case RequestError::Kind::ServerError:
        return QStringLiteral("server_error");
    case RequestError::Kind::TerminatedByNotifier:
        return QStringLiteral("terminated");
    case RequestError::Kind::Rejected:
        return QStringLiteral("rejected");
    }
    return QStringLiteral("rejected");
}

QString presenceName(parlo::presence::PresenceState state) {
    using parlo::presence::PresenceState;
    switch (state) {
    case PresenceState::Available:
        return QStringLiteral("available");
    case PresenceState::Away:
        return QStringLiteral("away");
    case PresenceState::Busy:
        return QStringLiteral("busy");
    case PresenceState::OnThePhone:
        return QStringLiteral("on-the-phone");
    case PresenceState::Offline:
        return QStringLiteral("offline");
    case PresenceState::Unknown:
        break;
    }
    return QStringLiteral("unknown");
}

} // namespace ErrorText

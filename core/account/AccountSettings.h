#pragma once

#include "sip/message/SipUri.h"
#include "sip/transport/TransportProtocol.h"

#include <QString>
#include <QStringList>
#include <optional>

namespace parlo {

// What the user configured for one SIP account. The password is not here: it lives in the OS
// keychain (SecretStore), keyed by id.
struct AccountSettings {
    QString id;           // stable key (a UUID without braces)
    QString displayName;  // shown to callees
    sip::SipUri aor;      // sip:alice@example.com
    QString authUsername; // default: the AOR's user part
    std::optional<sip::SipUri> outboundProxy;
    std::optional<sip::TransportProtocol> transport;
    quint32 registerExpires = 3600;
    QString caFile; // extra CA certificates (PEM) to trust for TLS
    // SHA-256 digest of the one server certificate the user chose to trust although it does not
    // verify (see TransportLayer::Settings::pinnedCertificates); empty: none.
    QByteArray pinnedCertificate;
    bool enabled = true;

    QString effectiveAuthUsername() const {
        return authUsername.isEmpty() ? QString::fromUtf8(aor.user()) : authUsername;
    }

    // Problems a form would report, field by field; empty when the settings are usable.
    enum class Problem {
        None,
        AorMissing,
        AorInvalid,
        AorNoUser,
        AorNoHost,
        ProxyInvalid,
        ExpiresOutOfRange
    };
    Problem validate() const;
};

} // namespace parlo

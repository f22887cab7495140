#pragma once

#include "sip/message/SipParams.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QString>
#include <optional>

namespace parlo::sip {

// RFC 3261 §19.1 SIP/SIPS URI and RFC 3966 tel URI. A value type.
// user/password/host are stored unescaped; toString() escapes what RFC 3261 §25 requires.
// IPv6 hosts are stored without brackets ("::1") and written with them ("[::1]").
class SipUri {
public:
    enum class Scheme { Sip, Sips, Tel };

    SipUri() = default;
    // parse: nullopt for malformed input. unsupportedScheme (if given) is set when the text is a
    // well-formed absoluteURI of another scheme (e.g. "mailto:"), so a UAS can answer 416.
    static std::optional<SipUri> parse(QByteArrayView text, bool *unsupportedScheme = nullptr);
    static SipUri sip(const QByteArray &user, const QByteArray &host, quint16 port = 0);

    Scheme scheme() const { return m_scheme; }
    void setScheme(Scheme s) { m_scheme = s; }
    QByteArray user() const { return m_user; } // tel: the number (global or local)
    void setUser(const QByteArray &u) { m_user = u; }
    QByteArray password() const { return m_password; }
    void setPassword(const QByteArray &p) { m_password = p; }
    QByteArray host() const { return m_host; } // lower-cased for hostnames; empty for tel:
    void setHost(const QByteArray &h);
    quint16 port() const { return m_port; } // 0 when absent
    void setPort(quint16 p) { m_port = p; }
    bool isIPv6Host() const;

    SipParams &params() { return m_params; }
    const SipParams &params() const { return m_params; }
    // URI headers after '?': name=value pairs, values unescaped.
    SipParams &headers() { return m_headers; }
    const SipParams &headers() const { return m_headers; }

    // transport= parameter lower-cased, or empty.
    QByteArray transportParam() const;
    bool isValid() const { return m_scheme == Scheme::Tel ? !m_user.isEmpty() : !m_host.isEmpty(); }

    QByteArray toString() const;
    QString toDisplayString() const { return QString::fromUtf8(toString()); }
    // "host" or "host:port" (brackets for IPv6).
    QByteArray hostPort() const;

    // RFC 3261 §19.1.4 comparison (case rules, parameter rules).
    bool equivalent(const SipUri &other) const;
    bool operator==(const SipUri &) const = default; // exact field equality

private:
    Scheme m_scheme = Scheme::Sip;
    QByteArray m_user, m_password, m_host;
    quint16 m_port = 0;
    SipParams m_params, m_headers;
};

} // namespace parlo::sip

#pragma once

#include "sip/message/SipParams.h"
#include "sip/message/SipUri.h"

#include <QList>

namespace parlo::sip {

// name-addr / addr-spec with header parameters: the value of From, To, Contact, Route,
// Record-Route, Refer-To, Reply-To… (RFC 3261 §20). Contact "*" is represented by isWildcard().
class NameAddr {
public:
    NameAddr() = default;
    explicit NameAddr(SipUri uri, QString displayName = {})
        : m_uri(std::move(uri))
        , m_displayName(std::move(displayName)) {}

    // One value. Without angle brackets, ';' parameters belong to the header (§20).
    static std::optional<NameAddr> parse(QByteArrayView text);
    // A comma-separated list (commas inside quotes and <> are not separators).
    static std::optional<QList<NameAddr>> parseList(QByteArrayView text);

    const SipUri &uri() const { return m_uri; }
    SipUri &uri() { return m_uri; }
    void setUri(const SipUri &u) { m_uri = u; }
    QString displayName() const { return m_displayName; } // unquoted, unescaped
    void setDisplayName(const QString &n) { m_displayName = n; }
    SipParams &params() { return m_params; }
    const SipParams &params() const { return m_params; }

    QByteArray tag() const { return m_params.value("tag").value_or(QByteArray()); }
    void setTag(const QByteArray &t) { m_params.set("tag", t); }
    bool isWildcard() const { return m_wildcard; }
    static NameAddr wildcard();

    // Always writes the name-addr form with <>.
    QByteArray toString() const;
    bool operator==(const NameAddr &) const = default;

private:
    SipUri m_uri;
    QString m_displayName;
    SipParams m_params;
    bool m_wildcard = false;
};

} // namespace parlo::sip

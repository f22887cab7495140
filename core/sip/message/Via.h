#pragma once

#include "sip/message/SipParams.h"

#include <QList>
#include <optional>

namespace parlo::sip {

// One via-parm (RFC 3261 §20.42, RFC 3581 rport).
class Via {
public:
    static std::optional<Via> parse(QByteArrayView text);
    static std::optional<QList<Via>> parseList(QByteArrayView text);

    QByteArray protocolName() const { return m_protocolName; }       // "SIP"
    QByteArray protocolVersion() const { return m_protocolVersion; } // "2.0"
    QByteArray transport() const { return m_transport; }             // upper-case: "UDP", "TCP", "TLS"…
    void setTransport(const QByteArray &t) { m_transport = t.toUpper(); }
    QByteArray host() const { return m_host; } // IPv6 without brackets
    void setHost(const QByteArray &h) { m_host = h; }
    quint16 port() const { return m_port; } // 0 when absent
    void setPort(quint16 p) { m_port = p; }

    SipParams &params() { return m_params; }
    const SipParams &params() const { return m_params; }
    QByteArray branch() const { return m_params.value("branch").value_or(QByteArray()); }
    void setBranch(const QByteArray &b) { m_params.set("branch", b); }
    QByteArray received() const { return m_params.value("received").value_or(QByteArray()); }
    bool hasRport() const { return m_params.contains("rport"); }
    // Value of rport=N, 0 when absent or valueless.
    quint16 rport() const;

    QByteArray toString() const; // "SIP/2.0/UDP host:port;params"
    bool operator==(const Via &) const = default;

private:
    QByteArray m_protocolName = "SIP", m_protocolVersion = "2.0", m_transport = "UDP";
    QByteArray m_host;
    quint16 m_port = 0;
    SipParams m_params;
};

} // namespace parlo::sip

#pragma once

#include <QByteArray>
#include <QHostAddress>
#include <QString>
#include <optional>

namespace parlo::sip {

enum class TransportProtocol { Udp, Tcp, Tls };

// "UDP" / "TCP" / "TLS" as in a Via; transport= parameter values are the lower-case form.
QByteArray transportName(TransportProtocol p);
std::optional<TransportProtocol> transportFromName(QByteArrayView name); // case-insensitive
inline bool isReliable(TransportProtocol p) { return p != TransportProtocol::Udp; }
quint16 defaultPort(TransportProtocol p); // 5060 / 5060 / 5061

// Where a message goes to or came from.
struct Peer
{
    TransportProtocol protocol = TransportProtocol::Udp;
    QHostAddress address;
    quint16 port = 0;
    // Host name the peer was resolved from; TLS verifies the certificate against it (or against
    // the address when empty).
    QString hostName;

    bool isValid() const { return !address.isNull() && port != 0; }
    // Same transport, address and port (hostName is not compared).
    bool sameEndpoint(const Peer &o) const
    {
        return protocol == o.protocol && address.isEqual(o.address, QHostAddress::TolerantConversion)
               && port == o.port;
    }
    // "udp:127.0.0.1:5060", "tls:[::1]:5061"
    QString toString() const;
};

} // namespace parlo::sip

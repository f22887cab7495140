#include "sip/transport/TransportProtocol.h"

namespace parlo::sip {

QByteArray transportName(TransportProtocol p) {
    switch (p) {
    case TransportProtocol::Udp:
        return QByteArrayLiteral("UDP");
    case TransportProtocol::Tcp:
        return QByteArrayLiteral("TCP");
    case TransportProtocol::Tls:
        return QByteArrayLiteral("TLS");
    }
    return {};
}

std::optional<TransportProtocol> transportFromName(QByteArrayView name) {
    if (name.compare("udp", Qt::CaseInsensitive) == 0)
        return TransportProtocol::Udp;
    if (name.compare("tcp", Qt::CaseInsensitive) == 0)
        return TransportProtocol::Tcp;
    if (name.compare("tls", Qt::CaseInsensitive) == 0)
        return TransportProtocol::Tls;
    return std::nullopt;
}

quint16 defaultPort(TransportProtocol p) {
    return p == TransportProtocol::Tls ? 5061 : 5060;
}

QString Peer::toString() const {
    const QString proto = QString::fromLatin1(transportName(protocol).toLower());
    const QString host = address.protocol() == QAbstractSocket::IPv6Protocol
                             ? QLatin1Char('[') + address.toString() + QLatin1Char(']')
                             : address.toString();
    return proto + QLatin1Char(':') + host + QLatin1Char(':') + QString::number(port);
}

} // namespace parlo::sip

#include "sip/transport/Transport.h"

namespace parlo::sip {

Transport::Transport(TransportProtocol protocol, QObject *parent)
    : QObject(parent)
    , m_protocol(protocol) {}

Transport::~Transport() = default;

void Transport::setSettings(const Settings &settings) {
    m_settings = settings;
}

QHostAddress Transport::normalized(const QHostAddress &address) {
    if (address.protocol() != QAbstractSocket::IPv6Protocol)
        return address;
    static const QPair<QHostAddress, int> mapped = QHostAddress::parseSubnet(QStringLiteral("::ffff:0:0/96"));
    if (!address.isInSubnet(mapped))
        return address;
    bool ok = false;
    const quint32 v4 = address.toIPv4Address(&ok);
    return ok ? QHostAddress(v4) : address;
}

} // namespace parlo::sip

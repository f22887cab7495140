#include "sip/dialog/LocalContact.h"

#include "sip/transport/TransportLayer.h"

#include <QNetworkProxy>
#include <QUdpSocket>

namespace parlo::sip {

namespace {
// Connecting a UDP socket sends nothing; it only asks the kernel for the route's source address.
QHostAddress outgoingAddressTowards(const QHostAddress &peer) {
    if (peer.isNull())
        return {};
    QUdpSocket probe;
    probe.setProxy(QNetworkProxy::NoProxy); // a route question; asking for a proxy starts libproxy
    probe.connectToHost(peer, 9);
    if (probe.state() != QAbstractSocket::ConnectedState && !probe.waitForConnected(0))
        return {};
    return probe.localAddress();
}

bool isWildcard(const QHostAddress &a) {
    return a.isNull() || a == QHostAddress::AnyIPv4 || a == QHostAddress::AnyIPv6 || a == QHostAddress::Any;
}
} // namespace

NameAddr localContact(const TransportLayer *transport, const QByteArray &user, TransportProtocol protocol,
                      const QHostAddress &towards) {
    const Peer local = transport->localEndpoint(protocol);
    QHostAddress address = local.address;
    if (isWildcard(address)) {
        const QHostAddress routed = outgoingAddressTowards(towards);
        address = routed.isNull() ? QHostAddress(QHostAddress::LocalHost) : routed;
    }
    address.setScopeId({});
    SipUri uri;
    uri.setScheme(SipUri::Scheme::Sip);
    uri.setUser(user);
    uri.setHost(address.toString().toLatin1());
    uri.setPort(local.port);
    if (protocol != TransportProtocol::Udp)
        uri.params().set("transport", transportName(protocol).toLower());
    return NameAddr(uri);
}

} // namespace parlo::sip

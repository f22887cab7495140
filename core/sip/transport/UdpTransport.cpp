#include "sip/transport/UdpTransport.h"

#include "sip/transport/TransportLog.h"

#include <QNetworkDatagram>
#include <QNetworkProxy>
#include <QUdpSocket>

namespace parlo::sip {

UdpTransport::UdpTransport(QObject *parent)
    : Transport(TransportProtocol::Udp, parent) {}

UdpTransport::~UdpTransport() = default;

bool UdpTransport::listen(const QHostAddress &address, quint16 port, QString *error) {
    auto *socket = new QUdpSocket(this);
    socket->setProxy(QNetworkProxy::NoProxy); // as TcpTransport: SIP goes straight to its peers
    if (!socket->bind(address, port)) {
        if (error)
            *error = socket->errorString();
        qCWarning(lcTransport) << "cannot bind UDP" << address << port << ":" << socket->errorString();
        delete socket;
        return false;
    }
    qCInfo(lcTransport) << "listening on UDP" << socket->localAddress() << socket->localPort();
    connect(socket, &QUdpSocket::readyRead, this, [this, socket] { readPending(socket); });
    connect(socket, &QAbstractSocket::errorOccurred, this, [socket] {
        // ICMP errors surface here on some systems; the transaction layer's timers handle loss.
        qCDebug(lcTransport) << "UDP socket error:" << socket->errorString();
    });
    m_sockets.append(socket);
    return true;
}

Peer UdpTransport::localEndpoint() const {
    if (m_sockets.isEmpty())
        return {};
    const QUdpSocket *socket = m_sockets.first();
    return {TransportProtocol::Udp, socket->localAddress(), socket->localPort(), {}};
}

QUdpSocket *UdpTransport::socketFor(const QHostAddress &destination) const {
    // Prefer a socket of the same family and the same loopback-ness, then a dual-stack one.
    QUdpSocket *best = nullptr;
    int bestScore = -1;
    for (QUdpSocket *socket : m_sockets) {
        const QHostAddress local = socket->localAddress();
        int score = -1;
        if (local == QHostAddress::Any)
            score = 1;
        else if (local.protocol() == destination.protocol())
            score = local.isLoopback() == destination.isLoopback() ? 3 : 2;
        if (score > bestScore) {
            best = socket;
            bestScore = score;
        }
    }
    return best;
}

bool UdpTransport::send(const QByteArray &bytes, const Peer &destination, quint64, TransportError *error) {
    auto setError = [error](TransportError::Kind kind, const QString &detail) {
        if (error)
            *error = {kind, detail, {}, {}};
        return false;
    };
    if (!destination.isValid())
        return setError(TransportError::Kind::SendFailed, QStringLiteral("Invalid destination"));
    // RFC 3261 §18.1.1 would move requests over 1300 bytes to TCP; that choice belongs to the
    // caller (it picks the Peer), so here only the hard datagram limit applies.
    if (bytes.size() > kMaxDatagram)
        return setError(TransportError::Kind::MessageTooLarge,
                        QStringLiteral("Message of %1 bytes exceeds the UDP limit").arg(bytes.size()));
    const QHostAddress address = normalized(destination.address);
    QUdpSocket *socket = socketFor(address);
    if (!socket)
        return setError(TransportError::Kind::NoTransport,
                        QStringLiteral("No UDP socket for %1").arg(address.toString()));
    if (socket->writeDatagram(bytes, address, destination.port) != bytes.size())
        return setError(TransportError::Kind::SendFailed, socket->errorString());
    Peer peer = destination;
    peer.address = address;
    Q_EMIT sent(peer, bytes);
    return true;
}

void UdpTransport::readPending(QUdpSocket *socket) {
    while (socket->hasPendingDatagrams()) {
        const QNetworkDatagram datagram = socket->receiveDatagram();
        if (!datagram.isValid())
            break;
        QHostAddress local = datagram.destinationAddress();
        if (local.isNull())
            local = socket->localAddress();
        const ReceivedFrom from{{TransportProtocol::Udp,
                                 normalized(datagram.senderAddress()),
                                 quint16(datagram.senderPort()),
                                 {}},
                                normalized(local),
                                socket->localPort(),
                                0};
        Q_EMIT frameReceived(datagram.data(), from);
    }
}

} // namespace parlo::sip

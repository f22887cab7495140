#include "sip/transport/TcpTransport.h"

#include "sip/transport/StreamConnection.h"
#include "sip/transport/TransportLog.h"

#include <QNetworkProxy>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTimer>

namespace parlo::sip {

namespace {

// Hands accepted descriptors to the transport before Qt wraps them, so TLS can wrap them in a
// QSslSocket and the connection limit applies before any socket object exists.
class Listener : public QTcpServer {
public:
    Listener(std::function<void(qintptr)> onAccept, QObject *parent)
        : QTcpServer(parent)
        , m_onAccept(std::move(onAccept)) {}

protected:
    void incomingConnection(qintptr descriptor) override { m_onAccept(descriptor); }

private:
    std::function<void(qintptr)> m_onAccept;
};

} // namespace

TcpTransport::TcpTransport(QObject *parent)
    : TcpTransport(TransportProtocol::Tcp, parent) {}

TcpTransport::TcpTransport(TransportProtocol protocol, QObject *parent)
    : Transport(protocol, parent) {}

TcpTransport::~TcpTransport() {
    for (StreamConnection *c : std::as_const(m_connections))
        c->disconnect(this);
}

bool TcpTransport::listen(const QHostAddress &address, quint16 port, QString *error) {
    auto *server = new Listener([this](qintptr descriptor) { accept(descriptor); }, this);
    // SIP goes straight to its peers (no HTTP proxy can carry it); asking the system's proxy
    // configuration would also start libproxy's thread at start-up for nothing.
    server->setProxy(QNetworkProxy::NoProxy);
    if (!server->listen(address, port)) {
        if (error)
            *error = server->errorString();
        qCWarning(lcTransport) << "cannot listen on" << transportName(protocol()) << address << port << ":"
                               << server->errorString();
        delete server;
        return false;
    }
    qCInfo(lcTransport) << "listening on" << transportName(protocol()) << server->serverAddress()
                        << server->serverPort();
    m_servers.append(server);
    return true;
}

Peer TcpTransport::localEndpoint() const {
    if (m_servers.isEmpty())
        return {};
    const QTcpServer *server = m_servers.first();
    return {protocol(), server->serverAddress(), server->serverPort(), {}};
}

StreamConnection *TcpTransport::connection(quint64 id) const {
    for (StreamConnection *c : m_connections) {
        if (c->id() == id)
            return c;
    }
    return nullptr;
}

bool TcpTransport::send(const QByteArray &bytes, const Peer &destination, quint64 connectionId,
                        TransportError *error) {
    if (connectionId != 0) {
        StreamConnection *c = connection(connectionId);
        if (c && c->state() != StreamConnection::State::Closed)
            return c->send(bytes, error);
        // Gone: §18.2.2 says open a new connection to the destination (received / sent-by).
    }
    if (!destination.isValid()) {
        if (error)
            *error = {TransportError::Kind::SendFailed, QStringLiteral("Invalid destination"), {}, {}};
        return false;
    }
    if (StreamConnection *c = findConnection(destination))
        return c->send(bytes, error);

    if (!makeRoom()) {
        if (error)
            *error = {TransportError::Kind::SendFailed, QStringLiteral("Too many connections"), {}, {}};
        return false;
    }
    Peer peer = destination;
    peer.address = normalized(destination.address);
    QTcpSocket *socket = createOutboundSocket(peer);
    socket->setProxy(QNetworkProxy::NoProxy); // as for listening
    auto *c = new StreamConnection(socket, StreamConnection::Direction::Outbound, peer, settings(), this);
    adopt(c);
    if (!c->send(bytes, error)) {
        c->close();
        return false;
    }
    qCDebug(lcTransport) << "connecting connection" << c->id() << "to" << peer.toString();
    // Started from the event loop so that even an immediate failure is reported after send()
    // returned, like every other connection failure.
    QTimer::singleShot(0, c, [this, c, socket, peer] {
        if (c->state() == StreamConnection::State::Connecting)
            startConnecting(socket, peer);
    });
    return true;
}

QTcpSocket *TcpTransport::createOutboundSocket(const Peer &) {
    return new QTcpSocket;
}

void TcpTransport::startConnecting(QTcpSocket *socket, const Peer &destination) {
    socket->connectToHost(destination.address, destination.port);
}

QTcpSocket *TcpTransport::createInboundSocket(qintptr descriptor) {
    auto *socket = new QTcpSocket;
    if (!socket->setSocketDescriptor(descriptor)) {
        delete socket;
        return nullptr;
    }
    return socket;
}

void TcpTransport::accept(qintptr descriptor) {
    if (!makeRoom()) {
        qCWarning(lcTransport) << "refusing" << transportName(protocol()) << "connection: limit of"
                               << settings().maxConnections << "reached";
        QTcpSocket refused;
        refused.setSocketDescriptor(descriptor);
        refused.abort();
        return;
    }
    QTcpSocket *socket = createInboundSocket(descriptor);
    if (!socket)
        return;
    const Peer peer{protocol(), normalized(socket->peerAddress()), socket->peerPort(), {}};
    auto *c = new StreamConnection(socket, StreamConnection::Direction::Inbound, peer, settings(), this);
    qCDebug(lcTransport) << "accepted connection" << c->id() << "from" << peer.toString();
    adopt(c);
}

void TcpTransport::adopt(StreamConnection *c) {
    m_connections.append(c);
    connect(c, &StreamConnection::frameReceived, this, &Transport::frameReceived);
    connect(c, &StreamConnection::sent, this, &Transport::sent);
    connect(c, &StreamConnection::failed, this, [this, c](const TransportError &error, int pending) {
        // Inbound connections are the peer's business; outbound ones carried our requests.
        if (c->direction() != StreamConnection::Direction::Outbound)
            return;
        for (int i = 0; i < qMax(1, pending); ++i)
            Q_EMIT sendFailed(c->peer(), error);
    });
    connect(c, &StreamConnection::stateChanged, this, [this, c](StreamConnection::State state) {
        if (state != StreamConnection::State::Closed)
            return;
        m_connections.removeOne(c);
        c->deleteLater();
    });
}

StreamConnection *TcpTransport::findConnection(const Peer &destination) const {
    const QHostAddress address = normalized(destination.address);
    StreamConnection *best = nullptr;
    for (StreamConnection *c : m_connections) {
        if (c->state() == StreamConnection::State::Closed || c->peer().port != destination.port ||
            c->peer().address != address)
            continue;
        if (c->state() == StreamConnection::State::Connected)
            return c;
        best = c;
    }
    return best;
}

bool TcpTransport::makeRoom() {
    if (m_connections.size() < settings().maxConnections)
        return true;
    StreamConnection *victim = nullptr;
    for (StreamConnection *c : std::as_const(m_connections)) {
        if (c->direction() != StreamConnection::Direction::Inbound || !c->isIdle())
            continue;
        if (!victim || c->msSinceActivity() > victim->msSinceActivity())
            victim = c;
    }
    if (!victim)
        return false;
    qCDebug(lcTransport) << "closing idle connection" << victim->id() << "to make room";
    victim->close(); // removes itself from m_connections
    return m_connections.size() < settings().maxConnections;
}

} // namespace parlo::sip

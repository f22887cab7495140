#pragma once

#include "sip/transport/Transport.h"

#include <QList>
#include <functional>

class QTcpServer;
class QTcpSocket;

namespace parlo::sip {

class StreamConnection;

// TCP listeners and the connection pool (RFC 3261 §18). A request to a destination reuses any
// open connection to that address and port, else opens one on demand; a response goes back on
// the connection its request came in on while it exists. At most Settings::maxConnections are
// kept: the least recently used idle inbound one makes room, otherwise new ones are refused.
class TcpTransport : public Transport {
    Q_OBJECT
public:
    explicit TcpTransport(QObject *parent = nullptr);
    ~TcpTransport() override;

    bool listen(const QHostAddress &address, quint16 port, QString *error) override;
    Peer localEndpoint() const override;
    bool send(const QByteArray &bytes, const Peer &destination, quint64 connectionId,
              TransportError *error) override;

    int connectionCount() const { return int(m_connections.size()); }
    StreamConnection *connection(quint64 id) const;

protected:
    TcpTransport(TransportProtocol protocol, QObject *parent);

    // Hooks for TLS: the socket of a new outbound connection and how it connects, and the socket
    // for an accepted descriptor (nullptr to refuse).
    virtual QTcpSocket *createOutboundSocket(const Peer &destination);
    virtual void startConnecting(QTcpSocket *socket, const Peer &destination);
    virtual QTcpSocket *createInboundSocket(qintptr descriptor);

private:
    void accept(qintptr descriptor);
    void adopt(StreamConnection *connection);
    StreamConnection *findConnection(const Peer &destination) const;
    bool makeRoom();

    QList<QTcpServer *> m_servers;
    QList<StreamConnection *> m_connections;
};

} // namespace parlo::sip

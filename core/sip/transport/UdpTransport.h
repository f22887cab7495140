#pragma once

#include "sip/transport/Transport.h"

#include <QList>

class QUdpSocket;

namespace parlo::sip {

// UDP (RFC 3261 §18): one socket per listen() call; requests and responses leave from the
// listener of the destination's address family, so the peer sees our Via sent-by port.
class UdpTransport : public Transport {
    Q_OBJECT
public:
    // Largest UDP payload over IPv4 (65535 - 8 UDP - 20 IP header bytes).
    static constexpr int kMaxDatagram = 65507;

    explicit UdpTransport(QObject *parent = nullptr);
    ~UdpTransport() override;

    bool listen(const QHostAddress &address, quint16 port, QString *error) override;
    Peer localEndpoint() const override;
    bool send(const QByteArray &bytes, const Peer &destination, quint64 connectionId,
              TransportError *error) override;

private:
    void readPending(QUdpSocket *socket);
    QUdpSocket *socketFor(const QHostAddress &destination) const;

    QList<QUdpSocket *> m_sockets;
};

} // namespace parlo::sip

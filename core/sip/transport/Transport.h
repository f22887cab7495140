#pragma once

#include "sip/transport/TransportLayer.h"

#include <QByteArray>
#include <QHostAddress>
#include <QObject>

namespace parlo::sip {

// The sockets of one transport protocol (RFC 3261 §18): listeners, datagrams or connections.
// Moves bytes and cuts streams into frames; parsing and serializing SIP is TransportLayer's job.
class Transport : public QObject {
    Q_OBJECT
public:
    using Settings = TransportLayer::Settings;

    explicit Transport(TransportProtocol protocol, QObject *parent = nullptr);
    ~Transport() override;

    TransportProtocol protocol() const { return m_protocol; }
    const Settings &settings() const { return m_settings; }
    virtual void setSettings(const Settings &settings);

    virtual bool listen(const QHostAddress &address, quint16 port, QString *error) = 0;
    // Address/port of the first listener; invalid Peer when there is none.
    virtual Peer localEndpoint() const = 0;
    // Sends one serialized message. connectionId (streams only) names the connection to use when
    // it still exists. Returns false with error when it cannot be sent or queued at once.
    virtual bool send(const QByteArray &bytes, const Peer &destination, quint64 connectionId,
                      TransportError *error) = 0;

    // IPv4-mapped IPv6 (from dual-stack sockets) turned into plain IPv4, so addresses compare and
    // print the way the peer wrote them in its Via.
    static QHostAddress normalized(const QHostAddress &address);

Q_SIGNALS:
    void frameReceived(const QByteArray &bytes, const parlo::sip::ReceivedFrom &from);
    void sent(const parlo::sip::Peer &peer, const QByteArray &bytes);
    void sendFailed(const parlo::sip::Peer &destination, const parlo::sip::TransportError &error);

private:
    TransportProtocol m_protocol;
    Settings m_settings;
};

} // namespace parlo::sip

#pragma once

#include <QByteArray>
#include <QHostAddress>
#include <QObject>
#include <QTimer>
#include <memory>

class QUdpSocket;

namespace parlo::media {

// The UDP endpoint of one RTP stream: RTP on an even port, RTCP on the next one (RFC 3550 §11),
// or both on the RTP port with rtcp-mux (RFC 5761). Symmetric RTP (RFC 4961): we send from the
// port we receive on, and the session may latch() the destination to where authenticated packets
// really come from (a peer behind NAT). Each readyRead drains at most a bounded number of
// datagrams of bounded size, so a flood cannot starve the media thread.
class RtpSocket : public QObject {
    Q_OBJECT
public:
    static constexpr int kMaxDatagramSize = 1500;
    static constexpr int kMaxDatagramsPerWakeup = 64;

    // Binds a free even/odd port pair on the local address that routes towards `towards` (the
    // signalling peer), so localPort() is known before the offer. nullptr when nothing binds.
    static std::unique_ptr<RtpSocket> bind(const QHostAddress &towards);
    ~RtpSocket() override;

    QHostAddress localAddress() const { return m_localAddress; }
    quint16 localPort() const { return m_rtpPort; }
    quint16 localRtcpPort() const { return m_rtpPort + 1; }

    void setRemote(const QHostAddress &address, quint16 rtpPort, quint16 rtcpPort, bool rtcpMux);
    QHostAddress remoteAddress() const { return m_remote; }
    quint16 remoteRtpPort() const { return m_remoteRtp; }
    quint16 remoteRtcpPort() const { return m_remoteRtcp; }
    bool rtcpMux() const { return m_mux; }
    void latchRtp(const QHostAddress &address, quint16 port);
    void latchRtcp(const QHostAddress &address, quint16 port);

    bool sendRtp(const QByteArray &packet);
    bool sendRtcp(const QByteArray &packet);

    // The address our SDP should carry for a peer at `towards` (the outgoing interface).
    static QHostAddress routeSource(const QHostAddress &towards);

Q_SIGNALS:
    void rtpReceived(const QByteArray &datagram, const QHostAddress &from, quint16 port);
    void rtcpReceived(const QByteArray &datagram, const QHostAddress &from, quint16 port);

private:
    RtpSocket() = default;
    void drain(QUdpSocket *socket, bool rtcpSocket);

    QUdpSocket *m_rtp = nullptr;
    QUdpSocket *m_rtcp = nullptr;
    QHostAddress m_localAddress;
    quint16 m_rtpPort = 0;
    QHostAddress m_remote;
    quint16 m_remoteRtp = 0;
    QHostAddress m_remoteRtcpAddress;
    quint16 m_remoteRtcp = 0;
    bool m_mux = false;
};

} // namespace parlo::media

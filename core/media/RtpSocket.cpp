#include "media/RtpSocket.h"

#include <QLoggingCategory>
#include <QNetworkDatagram>
#include <QNetworkInterface>
#include <QNetworkProxy>
#include <QRandomGenerator>
#include <QUdpSocket>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

Q_LOGGING_CATEGORY(lcRtpSocket, "parlo.media.rtp")

namespace parlo::media {

namespace {
constexpr int kPortMin = 16384; // the customary RTP range
constexpr int kPortMax = 32766;
constexpr int kBindAttempts = 64;

// RFC 5761 §4: RTCP packet types 192–223 share the second byte's range; RTP PTs there are not used.
bool looksLikeRtcp(const QByteArray &d) {
    if (d.size() < 2)
        return false;
    const auto pt = uint8_t(d[1]);
    return pt >= 192 && pt <= 223;
}
} // namespace

QHostAddress RtpSocket::routeSource(const QHostAddress &towards) {
    if (towards.isLoopback())
        return towards.protocol() == QAbstractSocket::IPv6Protocol ? QHostAddress(QHostAddress::LocalHostIPv6)
                                                                   : QHostAddress(QHostAddress::LocalHost);
    if (!towards.isNull()) {
        // A connected UDP socket sends nothing, but the kernel picks the source address it would use.
        const bool v6 = towards.protocol() == QAbstractSocket::IPv6Protocol;
        const int fd = ::socket(v6 ? AF_INET6 : AF_INET, SOCK_DGRAM, 0);
        if (fd >= 0) {
            sockaddr_storage ss{};
            socklen_t len = 0;
            if (v6) {
                auto *a = reinterpret_cast<sockaddr_in6 *>(&ss);
                a->sin6_family = AF_INET6;
                a->sin6_port = htons(9);
                const Q_IPV6ADDR ip = towards.toIPv6Address();
                memcpy(&a->sin6_addr, &ip, 16);
                a->sin6_scope_id = towards.scopeId().toUInt();
                len = sizeof(sockaddr_in6);
            } else {
                auto *a = reinterpret_cast<sockaddr_in *>(&ss);
                a->sin_family = AF_INET;
                a->sin_port = htons(9);
                a->sin_addr.s_addr = htonl(towards.toIPv4Address());
                len = sizeof(sockaddr_in);
            }
            QHostAddress result;
            if (::connect(fd, reinterpret_cast<sockaddr *>(&ss), len) == 0) {
                sockaddr_storage local{};
                socklen_t llen = sizeof local;
                if (::getsockname(fd, reinterpret_cast<sockaddr *>(&local), &llen) == 0)
                    result.setAddress(reinterpret_cast<sockaddr *>(&local));
            }
            ::close(fd);
            if (!result.isNull() && result != QHostAddress::AnyIPv4 && result != QHostAddress::AnyIPv6)
                return result;
        }
    }
    // No route known: the first up, non-loopback IPv4 address, else loopback.
    for (const QHostAddress &a : QNetworkInterface::allAddresses())
        if (!a.isLoopback() && a.protocol() == QAbstractSocket::IPv4Protocol)
            return a;
    return QHostAddress(QHostAddress::LocalHost);
}

std::unique_ptr<RtpSocket> RtpSocket::bind(const QHostAddress &towards) {
    const QHostAddress local = routeSource(towards);
    std::unique_ptr<RtpSocket> s(new RtpSocket);
    s->m_localAddress = local;
    auto *gen = QRandomGenerator::global();
    for (int attempt = 0; attempt < kBindAttempts; ++attempt) {
        const quint16 port = quint16(gen->bounded(kPortMin / 2, kPortMax / 2) * 2);
        // RTP never goes through a proxy. Without NoProxy every bind() asks the application
        // proxy factory (libproxy on Debian: a blocking round trip to its worker thread that
        // parses /etc/services), which cost most of an incoming call's time to 180.
        auto rtp = std::make_unique<QUdpSocket>();
        rtp->setProxy(QNetworkProxy::NoProxy);
        if (!rtp->bind(local, port))
            continue;
        auto rtcp = std::make_unique<QUdpSocket>();
        rtcp->setProxy(QNetworkProxy::NoProxy);
        if (!rtcp->bind(local, port + 1))
            continue;
        s->m_rtp = rtp.release();
        s->m_rtcp = rtcp.release();
        s->m_rtp->setParent(s.get());
        s->m_rtcp->setParent(s.get());
        s->m_rtpPort = port;
        connect(s->m_rtp, &QUdpSocket::readyRead, s.get(), [p = s.get()]() { p->drain(p->m_rtp, false); });
        connect(s->m_rtcp, &QUdpSocket::readyRead, s.get(), [p = s.get()]() { p->drain(p->m_rtcp, true); });
        return s;
    }
    qCWarning(lcRtpSocket) << "no free RTP/RTCP port pair on" << local;
    return nullptr;
}

RtpSocket::~RtpSocket() = default;

void RtpSocket::setRemote(const QHostAddress &address, quint16 rtpPort, quint16 rtcpPort, bool rtcpMux) {
    m_remote = address;
    m_remoteRtp = rtpPort;
    m_mux = rtcpMux;
    m_remoteRtcp = rtcpMux ? rtpPort : (rtcpPort ? rtcpPort : quint16(rtpPort + 1));
    m_remoteRtcpAddress = address;
}

void RtpSocket::latchRtp(const QHostAddress &address, quint16 port) {
    qCInfo(lcRtpSocket) << "symmetric RTP: latching to" << address << port;
    m_remote = address;
    m_remoteRtp = port;
    if (m_mux) {
        m_remoteRtcpAddress = address;
        m_remoteRtcp = port;
    }
}

void RtpSocket::latchRtcp(const QHostAddress &address, quint16 port) {
    m_remoteRtcpAddress = address;
    m_remoteRtcp = port;
}

bool RtpSocket::sendRtp(const QByteArray &packet) {
    if (m_remote.isNull() || !m_remoteRtp)
        return false;
    return m_rtp->writeDatagram(packet, m_remote, m_remoteRtp) == packet.size();
}

bool RtpSocket::sendRtcp(const QByteArray &packet) {
    if (m_remoteRtcpAddress.isNull() || !m_remoteRtcp)
        return false;
    QUdpSocket *sock = m_mux ? m_rtp : m_rtcp;
    return sock->writeDatagram(packet, m_remoteRtcpAddress, m_remoteRtcp) == packet.size();
}

void RtpSocket::drain(QUdpSocket *socket, bool rtcpSocket) {
    // Bounded per wake-up: what is left stays in the kernel buffer (itself bounded) for the next
    // readyRead, which Qt raises again while datagrams are pending.
    for (int i = 0; i < kMaxDatagramsPerWakeup && socket->hasPendingDatagrams(); ++i) {
        const QNetworkDatagram d = socket->receiveDatagram(kMaxDatagramSize);
        if (!d.isValid())
            break;
        const QByteArray data = d.data();
        if (data.isEmpty())
            continue;
        if (rtcpSocket || (m_mux && looksLikeRtcp(data)))
            Q_EMIT rtcpReceived(data, d.senderAddress(), quint16(d.senderPort()));
        else
            Q_EMIT rtpReceived(data, d.senderAddress(), quint16(d.senderPort()));
    }
    if (socket->hasPendingDatagrams())
        QTimer::singleShot(0, this, [this, socket, rtcpSocket]() { drain(socket, rtcpSocket); });
}

} // namespace parlo::media

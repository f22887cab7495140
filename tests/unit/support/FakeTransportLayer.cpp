#include "FakeTransportLayer.h"

namespace parlo::sip {

FakeTransportLayer::FakeTransportLayer(Clock *clock, QObject *parent)
    : TransportLayer(parent)
    , m_clock(clock) {}

bool FakeTransportLayer::listen(TransportProtocol protocol, const QHostAddress &address, quint16 port,
                                QString *) {
    setLocalEndpoint(peer(protocol, address.toString(), port ? port : defaultPort(protocol)));
    return true;
}

Peer FakeTransportLayer::localEndpoint(TransportProtocol protocol) const {
    if (m_local.contains(int(protocol)))
        return m_local.value(int(protocol));
    return peer(protocol, QStringLiteral("192.0.2.10"), defaultPort(protocol));
}

bool FakeTransportLayer::send(const SipMessage &message, const Peer &destination, quint64 connectionId,
                              TransportError *error) {
    bool fail = m_failAll;
    for (const Peer &p : std::as_const(m_failing))
        fail = fail || p.sameEndpoint(destination);
    if (fail) {
        if (error) {
            error->kind = m_failKind;
            error->detail = QStringLiteral("fake send failure");
        }
        return false;
    }
    m_sent.append({message, destination, connectionId, m_clock ? m_clock->nowMs() : 0});
    Q_EMIT wireTrace(true, destination, message.toBytes());
    return true;
}

void FakeTransportLayer::setLocalEndpoint(const Peer &endpoint) {
    m_local.insert(int(endpoint.protocol), endpoint);
}

void FakeTransportLayer::failSendsTo(const Peer &dest, TransportError::Kind kind) {
    m_failKind = kind;
    if (dest.isValid())
        m_failing.append(dest);
    else
        m_failAll = true;
}

void FakeTransportLayer::clearSendFailures() {
    m_failAll = false;
    m_failing.clear();
}

void FakeTransportLayer::inject(const SipMessage &message, const ReceivedFrom &from) {
    Q_EMIT wireTrace(false, from.peer, message.toBytes());
    Q_EMIT messageReceived(message, from);
}

bool FakeTransportLayer::injectText(const QByteArray &text, const ReceivedFrom &from) {
    const SipParseResult result = SipMessage::parse(crlf(text));
    if (!result.ok())
        return false;
    inject(result.message, from);
    return true;
}

void FakeTransportLayer::reportSendFailed(const Peer &destination, TransportError::Kind kind) {
    TransportError error;
    error.kind = kind;
    error.detail = QStringLiteral("fake asynchronous failure");
    Q_EMIT sendFailed(destination, error);
}

Peer FakeTransportLayer::peer(TransportProtocol protocol, const QString &address, quint16 port) {
    Peer p;
    p.protocol = protocol;
    p.address = QHostAddress(address);
    p.port = port;
    return p;
}

ReceivedFrom FakeTransportLayer::receivedFrom(TransportProtocol protocol, const QString &address,
                                              quint16 port, quint64 connectionId) {
    ReceivedFrom from;
    from.peer = peer(protocol, address, port);
    from.local = QHostAddress(QStringLiteral("192.0.2.10"));
    from.localPort = defaultPort(protocol);
    from.connectionId = connectionId;
    return from;
}

QByteArray FakeTransportLayer::crlf(const QByteArray &text) {
    if (text.contains("\r\n"))
        return text;
    const qsizetype end = text.indexOf("\n\n");
    QByteArray head = end < 0 ? text : text.left(end + 2);
    QByteArray body = end < 0 ? QByteArray() : text.mid(end + 2);
    head.replace("\n", "\r\n");
    return head + body;
}

} // namespace parlo::sip

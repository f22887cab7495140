#pragma once

#include "base/Clock.h"
#include "sip/transport/TransportLayer.h"

#include <QHash>
#include <QList>

namespace parlo::sip {

// A TransportLayer without sockets for unit tests of the layers above: records every message
// sent (with destination, connection and the clock's time), lets tests inject received
// messages and asynchronous send failures, and can make send() fail.
class FakeTransportLayer : public TransportLayer {
    Q_OBJECT
public:
    struct Sent {
        SipMessage message;
        Peer destination;
        quint64 connectionId = 0;
        qint64 timeMs = 0; // clock time of the send (0 without a clock)
    };

    // clock (optional) stamps Sent::timeMs.
    explicit FakeTransportLayer(Clock *clock = nullptr, QObject *parent = nullptr);

    // Pretends to bind: the endpoint becomes localEndpoint(protocol) (port 0 gives 5060/5061).
    bool listen(TransportProtocol protocol, const QHostAddress &address, quint16 port,
                QString *error = nullptr) override;
    // Defaults to 192.0.2.10:5060 (UDP, TCP) and :5061 (TLS) until set.
    Peer localEndpoint(TransportProtocol protocol) const override;
    bool send(const SipMessage &message, const Peer &destination, quint64 connectionId = 0,
              TransportError *error = nullptr) override;

    void setLocalEndpoint(const Peer &endpoint);
    // send() returns false with this error kind for destinations with the same endpoint (every
    // destination when dest is invalid) until clearSendFailures().
    void failSendsTo(const Peer &dest, TransportError::Kind kind = TransportError::Kind::SendFailed);
    void clearSendFailures();

    // ---- what was sent
    const QList<Sent> &sent() const { return m_sent; }
    bool hasSent() const { return !m_sent.isEmpty(); }
    Sent takeFirst() { return m_sent.takeFirst(); }
    QList<Sent> takeSent() { return std::exchange(m_sent, {}); }
    void clearSent() { m_sent.clear(); }

    // ---- what arrives
    // Emits messageReceived as the real transport would (no received/rport stamping).
    void inject(const SipMessage &message, const ReceivedFrom &from);
    // Parses wire text (LF line ends are turned into CRLF) and injects it; false when it does not parse.
    bool injectText(const QByteArray &text, const ReceivedFrom &from);
    // Emits sendFailed(destination, error).
    void reportSendFailed(const Peer &destination,
                          TransportError::Kind kind = TransportError::Kind::ConnectionRefused);

    // Helpers to describe a sender.
    static Peer peer(TransportProtocol protocol, const QString &address, quint16 port);
    static ReceivedFrom receivedFrom(TransportProtocol protocol, const QString &address, quint16 port,
                                     quint64 connectionId = 0);
    // Turns "\n" line ends into "\r\n" (headers only; the body is taken as is after the blank line).
    static QByteArray crlf(const QByteArray &text);

private:
    Clock *m_clock;
    QHash<int, Peer> m_local;
    QList<Sent> m_sent;
    bool m_failAll = false;
    QList<Peer> m_failing;
    TransportError::Kind m_failKind = TransportError::Kind::SendFailed;
};

} // namespace parlo::sip

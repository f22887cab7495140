#pragma once

#include "sip/transport/StreamFramer.h"
#include "sip/transport/TransportLayer.h"

#include <QElapsedTimer>
#include <QObject>
#include <QQueue>

class QTcpSocket;
class QTimer;

namespace parlo::sip {

// One TCP or TLS connection (RFC 3261 §18): frames what arrives, answers keep-alive pings,
// queues messages while connecting (bounded), sends keep-alives on outbound connections
// (RFC 5626 §4.4.1) and closes inbound ones when idle. Owned by its TcpTransport.
class StreamConnection : public QObject {
    Q_OBJECT
    Q_PROPERTY(State state READ state NOTIFY stateChanged)
public:
    enum class State { Connecting, Connected, Closed };
    Q_ENUM(State)
    enum class Direction { Inbound, Outbound };
    Q_ENUM(Direction)

    static constexpr int kMaxQueuedMessages = 64;
    static constexpr qint64 kMaxPendingBytes = 1024 * 1024; // queued or unwritten

    // Takes ownership of socket: a connecting outbound socket, or an accepted one (a TLS socket
    // counts as connected once encrypted).
    StreamConnection(QTcpSocket *socket, Direction direction, const Peer &peer,
                     const TransportLayer::Settings &settings, QObject *parent = nullptr);
    ~StreamConnection() override;

    quint64 id() const { return m_id; }
    Direction direction() const { return m_direction; }
    Peer peer() const { return m_peer; }
    State state() const { return m_state; }
    QTcpSocket *socket() const { return m_socket; }
    // Nothing half-received, nothing queued: safe to close when connections run short.
    bool isIdle() const;
    qint64 msSinceActivity() const { return m_activity.elapsed(); }

    // Writes (or queues while connecting) one serialized message.
    bool send(const QByteArray &bytes, TransportError *error);
    // Closes without reporting a failure.
    void close();

Q_SIGNALS:
    void stateChanged(parlo::sip::StreamConnection::State state);
    void frameReceived(const QByteArray &bytes, const parlo::sip::ReceivedFrom &from);
    void sent(const parlo::sip::Peer &peer, const QByteArray &bytes);
    // The connection could not be established, or an established one was lost. pendingMessages
    // queued messages were dropped with it. Followed by stateChanged(Closed).
    void failed(const parlo::sip::TransportError &error, int pendingMessages);

private:
    void refuseTooLarge();
    void setState(State state);
    void onReady();
    void onReadyRead();
    void onSocketError();
    void onDisconnected();
    void fail(const TransportError &error);
    void write(const QByteArray &bytes);
    void touch();

    QTcpSocket *m_socket;
    Direction m_direction;
    Peer m_peer;
    quint64 m_id;
    State m_state = State::Connecting;
    StreamFramer m_framer;
    QQueue<QByteArray> m_queue;
    qint64 m_queuedBytes = 0;
    QTimer *m_connectTimer = nullptr;
    QTimer *m_idleTimer = nullptr;
    QTimer *m_keepAliveTimer = nullptr;
    QElapsedTimer m_activity;
    int m_keepAliveIntervalMs;
    int m_idleTimeoutMs;
};

} // namespace parlo::sip

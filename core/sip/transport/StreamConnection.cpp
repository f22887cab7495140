#include "sip/transport/StreamConnection.h"

#include "sip/message/SipMessage.h"

#include "sip/transport/Transport.h"
#include "sip/transport/TransportLog.h"

#include <QSslSocket>
#include <QTimer>
#include <atomic>
#include <limits>

namespace parlo::sip {

namespace {

std::atomic<quint64> nextConnectionId{1};

QString sslErrorText(const QList<QSslError> &errors) {
    QStringList parts;
    for (const QSslError &e : errors)
        parts.append(e.errorString());
    return parts.join(QStringLiteral("; "));
}

} // namespace

StreamConnection::StreamConnection(QTcpSocket *socket, Direction direction, const Peer &peer,
                                   const TransportLayer::Settings &settings, QObject *parent)
    : QObject(parent)
    , m_socket(socket)
    , m_direction(direction)
    , m_peer(peer)
    , m_id(nextConnectionId++)
    , m_framer(settings.maxStreamBuffer)
    , m_keepAliveIntervalMs(settings.keepAliveIntervalMs)
    , m_idleTimeoutMs(settings.idleTimeoutMs) {
    m_socket->setParent(this);
    // Bounds Qt's own receive buffer too; the framer never holds more than this either.
    m_socket->setReadBufferSize(qMax(1, settings.maxStreamBuffer));
    m_activity.start();

    auto *ssl = qobject_cast<QSslSocket *>(m_socket);
    if (ssl)
        connect(ssl, &QSslSocket::encrypted, this, &StreamConnection::onReady);
    else
        connect(m_socket, &QAbstractSocket::connected, this, &StreamConnection::onReady);
    connect(m_socket, &QIODevice::readyRead, this, &StreamConnection::onReadyRead);
    connect(m_socket, &QAbstractSocket::errorOccurred, this, &StreamConnection::onSocketError);
    connect(m_socket, &QAbstractSocket::disconnected, this, &StreamConnection::onDisconnected);

    if (m_direction == Direction::Inbound && m_idleTimeoutMs > 0) {
        m_idleTimer = new QTimer(this);
        m_idleTimer->setSingleShot(true);
        m_idleTimer->setInterval(m_idleTimeoutMs);
        connect(m_idleTimer, &QTimer::timeout, this, [this] {
            qCDebug(lcTransport) << "closing idle connection" << m_id << m_peer.toString();
            close();
        });
        m_idleTimer->start();
    }

    const bool ready = ssl ? ssl->isEncrypted() : m_socket->state() == QAbstractSocket::ConnectedState;
    if (ready) {
        onReady();
    } else if (settings.connectTimeoutMs > 0) {
        // Also bounds the TLS handshake of accepted connections.
        m_connectTimer = new QTimer(this);
        m_connectTimer->setSingleShot(true);
        connect(m_connectTimer, &QTimer::timeout, this, [this] {
            fail({TransportError::Kind::ConnectTimeout, QStringLiteral("Connection timed out"), {}, {}});
        });
        m_connectTimer->start(settings.connectTimeoutMs);
    }
}

StreamConnection::~StreamConnection() {
    if (m_socket)
        m_socket->disconnect(this);
}

bool StreamConnection::isIdle() const {
    return m_framer.isEmpty() && m_queue.isEmpty() && (!m_socket || m_socket->bytesToWrite() == 0);
}

bool StreamConnection::send(const QByteArray &bytes, TransportError *error) {
    auto setError = [error](TransportError::Kind kind, const QString &detail) {
        if (error)
            *error = {kind, detail, {}, {}};
        return false;
    };
    switch (m_state) {
    case State::Closed:
        return setError(TransportError::Kind::ConnectionClosed, QStringLiteral("Connection closed"));
    case State::Connecting:
        if (m_queue.size() >= kMaxQueuedMessages || m_queuedBytes + bytes.size() > kMaxPendingBytes)
            return setError(TransportError::Kind::SendFailed, QStringLiteral("Send queue full"));
        m_queue.enqueue(bytes);
        m_queuedBytes += bytes.size();
        return true;
    case State::Connected:
        if (m_socket->bytesToWrite() + bytes.size() > kMaxPendingBytes)
            return setError(TransportError::Kind::SendFailed, QStringLiteral("Send buffer full"));
        write(bytes);
        return true;
    }
    return false;
}

void StreamConnection::close() {
    if (m_state == State::Closed)
        return;
    m_queue.clear();
    m_queuedBytes = 0;
    m_socket->disconnect(this);
    // Let what was written go out (e.g. a final response) before the FIN; abort if not connected.
    if (m_socket->state() == QAbstractSocket::ConnectedState)
        m_socket->disconnectFromHost();
    else
        m_socket->abort();
    setState(State::Closed);
}

void StreamConnection::setState(State state) {
    if (m_state == state)
        return;
    m_state = state;
    if (state != State::Connecting && m_connectTimer)
        m_connectTimer->stop();
    if (state == State::Closed) {
        if (m_idleTimer)
            m_idleTimer->stop();
        if (m_keepAliveTimer)
            m_keepAliveTimer->stop();
    }
    Q_EMIT stateChanged(state);
}

void StreamConnection::onReady() {
    if (m_state != State::Connecting)
        return;
    qCDebug(lcTransport) << "connection" << m_id << "established with" << m_peer.toString();
    setState(State::Connected);
    touch();
    if (m_direction == Direction::Outbound && m_keepAliveIntervalMs > 0) {
        m_keepAliveTimer = new QTimer(this);
        connect(m_keepAliveTimer, &QTimer::timeout, this, [this] {
            if (m_state == State::Connected)
                m_socket->write("\r\n\r\n", 4);
        });
        m_keepAliveTimer->start(m_keepAliveIntervalMs);
    }
    while (!m_queue.isEmpty() && m_state == State::Connected)
        write(m_queue.dequeue());
    m_queuedBytes = 0;
    // Bytes may have arrived with the handshake.
    if (m_state == State::Connected && m_socket->bytesAvailable() > 0)
        onReadyRead();
}

void StreamConnection::onReadyRead() {
    if (m_state != State::Connected)
        return;
    const ReceivedFrom from{m_peer, Transport::normalized(m_socket->localAddress()), m_socket->localPort(),
                            m_id};
    for (;;) {
        const qint64 available = m_socket->bytesAvailable();
        const int room = m_framer.room();
        if (available > 0 && room > 0)
            m_framer.append(m_socket->read(qMin<qint64>(available, room)));
        bool progress = false;
        while (auto item = m_framer.next()) {
            progress = true;
            touch();
            switch (item->kind) {
            case StreamFramer::Item::Kind::Ping:
                m_socket->write("\r\n", 2); // RFC 5626 §4.4.1 pong
                break;
            case StreamFramer::Item::Kind::Pong:
                break;
            case StreamFramer::Item::Kind::Message:
                Q_EMIT frameReceived(item->bytes, from);
                break;
            }
            if (m_state != State::Connected)
                return; // closed by a receiver
        }
        if (m_framer.error() != StreamFramer::Error::None) {
            qCWarning(lcTransport) << "closing connection" << m_id << "from" << m_peer.toString()
                                   << "framing error" << int(m_framer.error());
            if (m_framer.error() == StreamFramer::Error::MessageTooLarge)
                refuseTooLarge();
            close();
            return;
        }
        if (m_socket->bytesAvailable() == 0 || (!progress && available == 0))
            return;
    }
}

void StreamConnection::onSocketError() {
    if (m_state == State::Closed)
        return;
    const QAbstractSocket::SocketError code = m_socket->error();
    TransportError error;
    error.detail = m_socket->errorString();
    switch (code) {
    case QAbstractSocket::ConnectionRefusedError:
        error.kind = TransportError::Kind::ConnectionRefused;
        break;
    case QAbstractSocket::SocketTimeoutError:
        error.kind = TransportError::Kind::ConnectTimeout;
        break;
    case QAbstractSocket::HostNotFoundError:
    case QAbstractSocket::NetworkError:
        error.kind = m_state == State::Connecting ? TransportError::Kind::HostUnreachable
                                                  : TransportError::Kind::ConnectionClosed;
        break;
    case QAbstractSocket::RemoteHostClosedError:
        // Closed during the TLS handshake: the server did not accept our hello.
        error.kind = m_state == State::Connecting && qobject_cast<QSslSocket *>(m_socket)
                         ? TransportError::Kind::TlsHandshakeFailed
                         : TransportError::Kind::ConnectionClosed;
        break;
    case QAbstractSocket::SslHandshakeFailedError:
    case QAbstractSocket::SslInternalError:
    case QAbstractSocket::SslInvalidUserDataError: {
        const auto *ssl = qobject_cast<QSslSocket *>(m_socket);
        error.sslErrors = ssl ? ssl->sslHandshakeErrors() : QList<QSslError>();
        if (!error.sslErrors.isEmpty()) {
            error.kind = TransportError::Kind::TlsCertificate;
            error.detail = sslErrorText(error.sslErrors);
            error.peerCertificateChain = ssl->peerCertificateChain();
        } else {
            error.kind = TransportError::Kind::TlsHandshakeFailed;
        }
        break;
    }
    default:
        error.kind = TransportError::Kind::SendFailed;
        break;
    }
    fail(error);
}

void StreamConnection::onDisconnected() {
    if (m_state == State::Closed)
        return;
    if (m_state == State::Connecting) {
        fail({TransportError::Kind::ConnectionRefused,
              QStringLiteral("Connection closed while connecting"),
              {},
              {}});
        return;
    }
    fail({TransportError::Kind::ConnectionClosed, QStringLiteral("Connection closed by peer"), {}, {}});
}

void StreamConnection::fail(const TransportError &error) {
    if (m_state == State::Closed)
        return;
    const int pending = int(m_queue.size());
    qCDebug(lcTransport) << "connection" << m_id << "to" << m_peer.toString() << "failed:" << error.detail;
    m_queue.clear();
    m_queuedBytes = 0;
    m_socket->disconnect(this);
    m_socket->abort();
    Q_EMIT failed(error, pending);
    setState(State::Closed);
}

void StreamConnection::write(const QByteArray &bytes) {
    m_socket->write(bytes);
    touch();
    Q_EMIT sent(m_peer, bytes);
}

void StreamConnection::touch() {
    m_activity.restart();
    if (m_idleTimer)
        m_idleTimer->start();
}

} // namespace parlo::sip

namespace parlo::sip {

// RFC 3261 §21.5.14: a request too large to take gets 513 (from its header section, when that
// names where to send a response) before the connection closes; the body is never buffered.
void StreamConnection::refuseTooLarge() {
    // The header section alone (bounded by the framer); its Content-Length is what is refused.
    ParseLimits limits;
    limits.maxMessageSize = limits.maxBodySize = std::numeric_limits<int>::max();
    SipParseResult result = SipMessage::parse(m_framer.rejectedHeaders(), limits);
    result.error = {SipParseError::Code::TooLarge, QByteArrayLiteral("Message Too Large")};
    if (const std::optional<SipMessage> response = SipMessage::errorResponse(result)) {
        m_socket->write(response->toBytes());
        // The connection object goes away with the close; hand the bytes to the kernel now.
        m_socket->flush();
    }
}

} // namespace parlo::sip

#include "SingleInstance.h"

#include "LaunchUri.h"

#include <QDir>
#include <QFileInfo>
#include <QLocalServer>
#include <QLocalSocket>
#include <QLoggingCategory>

#include <unistd.h>

Q_LOGGING_CATEGORY(lcSingleInstance, "parlo.app.instance")

namespace parlo {

namespace {
const QByteArray Ack = QByteArrayLiteral("ok\n");
}

SingleInstance::SingleInstance(const QString &name, QObject *parent)
    : QObject(parent)
    , m_name(name) {}

SingleInstance::~SingleInstance() = default;

QString SingleInstance::defaultName() {
    const QString runtime = qEnvironmentVariable("XDG_RUNTIME_DIR");
    if (!runtime.isEmpty() && QFileInfo(runtime).isDir() && QFileInfo(runtime).isWritable())
        return QDir(runtime).filePath(QStringLiteral("parlo.instance"));
    return QStringLiteral("parlo-%1.instance").arg(::getuid());
}

bool SingleInstance::isListening() const {
    return m_server && m_server->isListening();
}

bool SingleInstance::handOffOrListen(const QString &uri, int timeoutMs) {
    if (sendTo(uri, timeoutMs))
        return true;
    if (listen())
        return false;
    // Another launch may have started listening between our connect and listen.
    if (m_server->serverError() == QAbstractSocket::AddressInUseError) {
        if (sendTo(uri, timeoutMs))
            return true;
        // Nobody answers: the socket was left behind by an instance that crashed.
        QLocalServer::removeServer(m_name);
        if (listen())
            return false;
    }
    qCWarning(lcSingleInstance) << "cannot listen for other launches:" << m_server->errorString();
    return false;
}

bool SingleInstance::sendTo(const QString &uri, int timeoutMs) {
    QLocalSocket socket;
    socket.connectToServer(m_name);
    if (!socket.waitForConnected(timeoutMs))
        return false;
    socket.write(uri.left(LaunchUri::MaxLength).toUtf8() + '\n');
    if (!socket.waitForBytesWritten(timeoutMs))
        return false;
    // Wait for the receipt, so that this process only exits once the link has been taken.
    QByteArray reply;
    while (!reply.contains('\n') && reply.size() < Ack.size() && socket.waitForReadyRead(timeoutMs))
        reply += socket.read(Ack.size() - reply.size());
    return reply == Ack;
}

bool SingleInstance::listen() {
    if (!m_server) {
        m_server = new QLocalServer(this);
        m_server->setSocketOptions(QLocalServer::UserAccessOption);
        connect(m_server, &QLocalServer::newConnection, this, &SingleInstance::onNewConnection);
    }
    return m_server->listen(m_name);
}

void SingleInstance::onNewConnection() {
    while (QLocalSocket *socket = m_server->nextPendingConnection()) {
        // Bounded: a client that never sends a line is dropped once it has sent too much.
        socket->setReadBufferSize(MaxMessageBytes);
        connect(socket, &QLocalSocket::disconnected, socket, &QObject::deleteLater);
        connect(socket, &QLocalSocket::readyRead, this, [this, socket]() { onReadyRead(socket); });
        if (socket->bytesAvailable() > 0)
            onReadyRead(socket);
    }
}

void SingleInstance::onReadyRead(QLocalSocket *socket) {
    if (!socket->canReadLine()) {
        if (socket->bytesAvailable() >= MaxMessageBytes)
            socket->abort();
        return;
    }
    const QString line = QString::fromUtf8(socket->readLine(MaxMessageBytes)).trimmed();
    socket->write(Ack);
    socket->disconnectFromServer();
    // Only call links get through; anything else just brings the window up.
    Q_EMIT activated(LaunchUri::isCallLink(line) ? line : QString());
}

} // namespace parlo

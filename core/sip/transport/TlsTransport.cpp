#include "sip/transport/TlsTransport.h"

#include "sip/transport/TransportLog.h"

#include <QSslSocket>

namespace parlo::sip {

TlsTransport::TlsTransport(QObject *parent)
    : TcpTransport(TransportProtocol::Tls, parent) {}

TlsTransport::~TlsTransport() = default;

void TlsTransport::setServerCertificate(const QSslCertificate &certificate, const QSslKey &key,
                                        const QList<QSslCertificate> &chain) {
    m_server = std::make_unique<ServerIdentity>(ServerIdentity{certificate, key, chain});
}

bool TlsTransport::pinnable(const QList<QSslError> &errors) {
    if (errors.isEmpty())
        return false;
    for (const QSslError &e : errors) {
        switch (e.error()) {
        case QSslError::SelfSignedCertificate:
        case QSslError::SelfSignedCertificateInChain:
        case QSslError::UnableToGetIssuerCertificate:
        case QSslError::UnableToGetLocalIssuerCertificate:
        case QSslError::UnableToVerifyFirstCertificate:
        case QSslError::CertificateUntrusted:
        case QSslError::HostNameMismatch:
            break;
        default:
            return false;
        }
    }
    return true;
}

void TlsTransport::setSettings(const Settings &settings) {
    TcpTransport::setSettings(settings);
    m_clientConfiguration.reset();
}

bool TlsTransport::listen(const QHostAddress &address, quint16 port, QString *error) {
    if (!hasServerCertificate()) {
        if (error)
            *error = QStringLiteral("No TLS server certificate");
        return false;
    }
    return TcpTransport::listen(address, port, error);
}

QSslConfiguration TlsTransport::clientConfiguration() {
    if (!m_clientConfiguration) {
        QSslConfiguration config = QSslConfiguration::defaultConfiguration();
        config.setProtocol(QSsl::TlsV1_2OrLater);
        if (!settings().caCertificates.isEmpty()) {
            // Setting CAs turns off on-demand loading of the system store, so add it explicitly:
            // the configured CAs extend the system store rather than replace it.
            config.setCaCertificates(QSslConfiguration::systemCaCertificates() + settings().caCertificates);
        }
        config.setPeerVerifyMode(settings().verifyPeer ? QSslSocket::VerifyPeer : QSslSocket::VerifyNone);
        m_clientConfiguration = config;
    }
    return *m_clientConfiguration;
}

QTcpSocket *TlsTransport::createOutboundSocket(const Peer &) {
    auto *socket = new QSslSocket;
    socket->setSslConfiguration(clientConfiguration());
    return socket;
}

void TlsTransport::startConnecting(QTcpSocket *socket, const Peer &destination) {
    auto *ssl = static_cast<QSslSocket *>(socket);
    if (!settings().pinnedCertificates.isEmpty()) {
        // Runs inside the handshake: ignoring here lets it complete for exactly the pinned
        // certificate; anything else fails as usual.
        const QList<QByteArray> pinned = settings().pinnedCertificates;
        connect(ssl, &QSslSocket::sslErrors, ssl, [ssl, pinned](const QList<QSslError> &errors) {
            const QSslCertificate peer = ssl->peerCertificate();
            if (!peer.isNull() && pinned.contains(peer.digest(QCryptographicHash::Sha256)) &&
                pinnable(errors)) {
                qCInfo(lcTransport) << "accepting pinned certificate" << peer.subjectDisplayName();
                ssl->ignoreSslErrors(errors);
            }
        });
    }
    const QString verifyName =
        destination.hostName.isEmpty() ? destination.address.toString() : destination.hostName;
    ssl->connectToHostEncrypted(destination.address.toString(), destination.port, verifyName);
}

QTcpSocket *TlsTransport::createInboundSocket(qintptr descriptor) {
    auto *socket = new QSslSocket;
    if (!socket->setSocketDescriptor(descriptor)) {
        delete socket;
        return nullptr;
    }
    QSslConfiguration config = QSslConfiguration::defaultConfiguration();
    config.setProtocol(QSsl::TlsV1_2OrLater);
    config.setLocalCertificateChain(QList<QSslCertificate>{m_server->certificate} + m_server->chain);
    config.setPrivateKey(m_server->key);
    // SIP clients rarely present certificates (RFC 5630); we do not ask for one.
    config.setPeerVerifyMode(QSslSocket::VerifyNone);
    socket->setSslConfiguration(config);
    socket->startServerEncryption();
    return socket;
}

} // namespace parlo::sip

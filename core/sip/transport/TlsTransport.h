#pragma once

#include "sip/transport/TcpTransport.h"

#include <QSslCertificate>
#include <QSslConfiguration>
#include <QSslKey>
#include <memory>

namespace parlo::sip {

// TLS over TCP (RFC 3261 §26.3.1). Outbound: the peer certificate is verified against the system
// CA store plus Settings::caCertificates and the host name (Peer::hostName, else the address).
// A certificate whose SHA-256 digest is in Settings::pinnedCertificates is accepted despite
// pinnable() errors. Inbound needs a server certificate; without one TLS is client-only.
class TlsTransport : public TcpTransport {
    Q_OBJECT
public:
    explicit TlsTransport(QObject *parent = nullptr);
    ~TlsTransport() override;

    void setServerCertificate(const QSslCertificate &certificate, const QSslKey &key,
                              const QList<QSslCertificate> &chain = {});
    bool hasServerCertificate() const {
        return m_server && !m_server->certificate.isNull() && !m_server->key.isNull();
    }

    // Whether a certificate failing only with these errors may be accepted by pinning it
    // (Settings::pinnedCertificates): trust and name problems, not validity or signature ones.
    static bool pinnable(const QList<QSslError> &errors);

    void setSettings(const Settings &settings) override;
    bool listen(const QHostAddress &address, quint16 port, QString *error) override;

protected:
    QTcpSocket *createOutboundSocket(const Peer &destination) override;
    void startConnecting(QTcpSocket *socket, const Peer &destination) override;
    QTcpSocket *createInboundSocket(qintptr descriptor) override;

private:
    QSslConfiguration clientConfiguration();

    struct ServerIdentity {
        QSslCertificate certificate;
        QSslKey key;
        QList<QSslCertificate> chain;
    };
    // Only with a server certificate: even an empty QSslCertificate loads the TLS backend
    // (OpenSSL, ~4 MB), which a client that never uses TLS should not pay for at start.
    std::unique_ptr<ServerIdentity> m_server;
    std::optional<QSslConfiguration> m_clientConfiguration; // built on first use
};

} // namespace parlo::sip

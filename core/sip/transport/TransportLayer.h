#pragma once

#include "sip/message/SipMessage.h"
#include "sip/transport/TransportError.h"
#include "sip/transport/TransportProtocol.h"

#include <QList>
#include <QObject>
#include <QSslCertificate>
#include <QSslKey>

namespace parlo::sip {

// Facts about one received message, handed up with it.
struct ReceivedFrom {
    Peer peer;          // source address/port and the transport it came on
    QHostAddress local; // our address it arrived at
    quint16 localPort = 0;
    quint64 connectionId = 0; // stream connection it arrived on (0 for UDP); responses reuse it
};

// RFC 3261 §18. Owns the UDP sockets, TCP/TLS listeners and connections. Parses what arrives,
// answers unparseable requests itself (400/416/505/513 via SipMessage::errorResponse, dropped
// otherwise), adds received/rport to the top Via of requests (§18.2.1, RFC 3581) and hands the
// rest up. Sends requests to a Peer (opening or reusing a connection) and responses per §18.2.2.
// Network input is bounded: message size, header count, per-connection buffer, connection count.
//
// Virtual so unit tests of the layers above substitute a fake that records what is sent.
class TransportLayer : public QObject {
    Q_OBJECT
public:
    struct Settings {
        ParseLimits limits;
        int maxConnections = 256;
        int maxStreamBuffer = 128 * 1024; // bytes buffered per connection before it is closed
        int connectTimeoutMs = 10000;
        int idleTimeoutMs = 10 * 60 * 1000;    // close unused inbound connections
        int keepAliveIntervalMs = 30 * 1000;   // CRLFCRLF on outbound streams (RFC 5626 §4.4.1)
        QList<QSslCertificate> caCertificates; // empty: system store
        // SHA-256 digests of server certificates the user chose to trust although they do not
        // verify (self-signed, unknown CA, other name): exactly those certificates are accepted,
        // and only for errors TlsTransport::pinnable() allows (not expired or revoked ones).
        QList<QByteArray> pinnedCertificates;
        bool verifyPeer = true;
    };

    explicit TransportLayer(QObject *parent = nullptr);
    ~TransportLayer() override;

    void setSettings(const Settings &s);
    const Settings &settings() const;

    // Opens a listener (UDP socket, or TCP/TLS server) on address:port (port 0 = any free port).
    // Returns false and sets error when it cannot bind. For TLS a listener needs a certificate
    // (setServerCertificate); without one, TLS is client-only and no listener is needed.
    virtual bool listen(TransportProtocol protocol, const QHostAddress &address, quint16 port,
                        QString *error = nullptr);
    // The address/port a listener of that protocol is bound to (for Via sent-by and Contact);
    // invalid Peer when none. For TLS without a listener: the TCP listener's address.
    virtual Peer localEndpoint(TransportProtocol protocol) const;
    // Certificate (and key, optional intermediate chain) a TLS listener presents. Set before
    // listen(Tls, ...); connections accepted afterwards use it.
    void setServerCertificate(const QSslCertificate &certificate, const QSslKey &key,
                              const QList<QSslCertificate> &chain = {});

    // Sends a message. Requests go to destination (a new or pooled connection for TCP/TLS);
    // for responses destination comes from the caller (the transaction layer computes it per
    // §18.2.2 from the top Via / ReceivedFrom, reusing connectionId when non-zero).
    // Returns false when the message cannot be sent at once (error set); connection failures
    // that happen later are reported with sendFailed().
    virtual bool send(const SipMessage &message, const Peer &destination, quint64 connectionId = 0,
                      TransportError *error = nullptr);

Q_SIGNALS:
    void messageReceived(const parlo::sip::SipMessage &message, const parlo::sip::ReceivedFrom &from);
    // An asynchronous failure towards destination (connect refused/timeout, TLS certificate...).
    void sendFailed(const parlo::sip::Peer &destination, const parlo::sip::TransportError &error);
    // Every message sent or received, for --log-sip and debugging (whole wire text; never a
    // password: digest responses only).
    void wireTrace(bool outgoing, const parlo::sip::Peer &peer, const QByteArray &bytes);

private:
    class Private;
    Private *d = nullptr;
};

} // namespace parlo::sip

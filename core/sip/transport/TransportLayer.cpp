#include "sip/transport/TransportLayer.h"

#include "sip/transport/TcpTransport.h"
#include "sip/transport/TlsTransport.h"
#include "sip/transport/TransportLog.h"
#include "sip/transport/UdpTransport.h"

namespace parlo::sip {

namespace {

QByteArray addressText(QHostAddress address) {
    address.setScopeId({}); // received= carries no zone index
    return address.toString().toLatin1();
}

// RFC 3261 §18.2.1 and RFC 3581 §4: tell the sender where its request really came from.
void stampTopVia(SipMessage &message, const ReceivedFrom &from) {
    std::optional<Via> via = message.topVia();
    if (!via)
        return;
    const bool rportRequested = via->hasRport() && via->rport() == 0;
    QHostAddress sentBy;
    const bool sentByMatches = sentBy.setAddress(QString::fromLatin1(via->host())) &&
                               Transport::normalized(sentBy) == from.peer.address;
    if (sentByMatches && !rportRequested)
        return;
    // With rport, received is added even when it equals sent-by (RFC 3581 §4).
    via->params().set("received", addressText(from.peer.address));
    if (rportRequested)
        via->params().set("rport", QByteArray::number(from.peer.port));
    message.removeTopVia();
    message.prependVia(*via);
}

// Where the transport layer answers a request itself (§18.2.2, RFC 3581 §4). Streams use the
// request's connection; should it be gone, the received address and sent-by port.
Peer responseDestination(const SipMessage &response, const ReceivedFrom &from) {
    Peer destination = from.peer;
    const std::optional<Via> via = response.topVia();
    if (!via)
        return destination;
    const quint16 sentByPort = via->port() ? via->port() : defaultPort(from.peer.protocol);
    if (from.peer.protocol == TransportProtocol::Udp) {
        if (const auto maddr = via->params().value("maddr")) {
            QHostAddress address;
            if (address.setAddress(QString::fromLatin1(*maddr))) {
                destination.address = address;
                destination.port = sentByPort;
                return destination;
            }
        }
        destination.port = via->rport() ? via->rport() : sentByPort;
    } else {
        destination.port = sentByPort;
    }
    return destination;
}

} // namespace

class TransportLayer::Private {
public:
    explicit Private(TransportLayer *q)
        : q(q) {}

    Transport *transport(TransportProtocol protocol) const {
        switch (protocol) {
        case TransportProtocol::Udp:
            return udp;
        case TransportProtocol::Tcp:
            return tcp;
        case TransportProtocol::Tls:
            return tls;
        }
        return nullptr;
    }

    void attach(Transport *t) {
        t->setSettings(settings);
        QObject::connect(t, &Transport::frameReceived, q,
                         [this](const QByteArray &bytes, const ReceivedFrom &from) { onFrame(bytes, from); });
        QObject::connect(t, &Transport::sent, q, [this](const Peer &peer, const QByteArray &bytes) {
            Q_EMIT q->wireTrace(true, peer, bytes);
        });
        QObject::connect(t, &Transport::sendFailed, q, &TransportLayer::sendFailed);
    }

    void onFrame(const QByteArray &bytes, const ReceivedFrom &from);

    TransportLayer *q;
    Settings settings;
    UdpTransport *udp = nullptr;
    TcpTransport *tcp = nullptr;
    TlsTransport *tls = nullptr;
};

void TransportLayer::Private::onFrame(const QByteArray &bytes, const ReceivedFrom &from) {
    SipParseResult result = SipMessage::parse(bytes, settings.limits);
    if (result.error.code == SipParseError::Code::Empty)
        return; // keep-alive
    Q_EMIT q->wireTrace(false, from.peer, bytes);
    if (!result.ok()) {
        std::optional<SipMessage> response = SipMessage::errorResponse(result);
        qCInfo(lcTransport).nospace() << "unparseable message from " << from.peer.toString() << ": "
                                      << result.error.reason << (response ? ", answering" : ", dropped");
        if (!response)
            return;
        stampTopVia(*response, from);
        TransportError error;
        Transport *t = transport(from.peer.protocol);
        if (!t->send(response->toBytes(), responseDestination(*response, from), from.connectionId, &error))
            qCDebug(lcTransport) << "cannot send error response:" << error.detail;
        return;
    }
    SipMessage &message = result.message;
    // §18.1.2 would discard responses whose top Via sent-by is not ours. We do not: behind NAT or
    // with several listeners sent-by is not a reliable identity, and the transaction layer drops
    // responses that match no transaction anyway.
    if (message.isRequest())
        stampTopVia(message, from);
    qCDebug(lcTransport).noquote() << "received" << message.startLine() << "from" << from.peer.toString();
    Q_EMIT q->messageReceived(message, from);
}

TransportLayer::TransportLayer(QObject *parent)
    : QObject(parent)
    , d(new Private(this)) {
    d->udp = new UdpTransport(this);
    d->tcp = new TcpTransport(this);
    d->tls = new TlsTransport(this);
    d->attach(d->udp);
    d->attach(d->tcp);
    d->attach(d->tls);
}

TransportLayer::~TransportLayer() {
    // Transports first: their teardown must not reach d through the signal connections.
    delete d->tls;
    delete d->tcp;
    delete d->udp;
    delete d;
}

void TransportLayer::setSettings(const Settings &s) {
    d->settings = s;
    d->udp->setSettings(s);
    d->tcp->setSettings(s);
    d->tls->setSettings(s);
}

const TransportLayer::Settings &TransportLayer::settings() const {
    return d->settings;
}

void TransportLayer::setServerCertificate(const QSslCertificate &certificate, const QSslKey &key,
                                          const QList<QSslCertificate> &chain) {
    d->tls->setServerCertificate(certificate, key, chain);
}

bool TransportLayer::listen(TransportProtocol protocol, const QHostAddress &address, quint16 port,
                            QString *error) {
    return d->transport(protocol)->listen(address, port, error);
}

Peer TransportLayer::localEndpoint(TransportProtocol protocol) const {
    Peer endpoint = d->transport(protocol)->localEndpoint();
    if (!endpoint.isValid() && protocol == TransportProtocol::Tls) {
        endpoint = d->tcp->localEndpoint();
        endpoint.protocol = TransportProtocol::Tls;
    }
    return endpoint;
}

bool TransportLayer::send(const SipMessage &message, const Peer &destination, quint64 connectionId,
                          TransportError *error) {
    TransportError failure;
    if (!d->transport(destination.protocol)->send(message.toBytes(), destination, connectionId, &failure)) {
        qCDebug(lcTransport).noquote() << "cannot send" << message.startLine() << "to"
                                       << destination.toString() << ":" << failure.detail;
        if (error)
            *error = failure;
        return false;
    }
    qCDebug(lcTransport).noquote() << "sending" << message.startLine() << "to" << destination.toString();
    return true;
}

} // namespace parlo::sip

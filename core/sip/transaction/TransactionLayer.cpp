#include "sip/transaction/TransactionLayer.h"

#include "sip/message/SipIdentifiers.h"
#include "sip/transaction/InviteClientTransaction.h"
#include "sip/transaction/InviteServerTransaction.h"
#include "sip/transaction/NonInviteClientTransaction.h"
#include "sip/transaction/NonInviteServerTransaction.h"
#include "sip/transaction/TransactionLog.h"

#include <QCryptographicHash>
#include <QMultiHash>

namespace parlo::sip {

namespace {

constexpr QByteArrayView kMagicCookie = "z9hG4bK";
constexpr quint32 kOverloadRetryAfterS = 5;

bool hasMagicCookie(QByteArrayView branch) {
    return branch.startsWith(kMagicCookie);
}

QByteArray sentBy(const Via &via) {
    return via.host().toLower() + ':' + QByteArray::number(via.port());
}

// §17.1.3: top Via branch + CSeq method.
QByteArray clientKey(QByteArrayView branch, QByteArrayView method) {
    return branch.toByteArray() + '\n' + method.toByteArray();
}

// §17.2.3: branch + sent-by + method, where ACK belongs to the INVITE.
QByteArray serverKey(const Via &via, QByteArrayView method) {
    return via.branch() + '\n' + sentBy(via) + '\n' + method.toByteArray();
}

QHostAddress hostAddress(const QByteArray &host) {
    return host.isEmpty() ? QHostAddress() : QHostAddress(QString::fromLatin1(host));
}

} // namespace

class TransactionLayer::Private {
public:
    QHash<QByteArray, ClientTransaction *> clients;
    QHash<QByteArray, ServerTransaction *> servers;
    // RFC 2543 peers (no magic cookie): matched field by field, bucketed by Call-ID.
    QMultiHash<QByteArray, ServerTransaction *> legacyServers;
    int maxServers = 1000;
};

TransactionLayer::TransactionLayer(TransportLayer *transport, Clock *clock, QObject *parent)
    : QObject(parent)
    , m_transport(transport)
    , m_clock(clock)
    , d(new Private) {
    connect(transport, &TransportLayer::messageReceived, this, &TransactionLayer::onMessage);
    connect(transport, &TransportLayer::sendFailed, this, &TransactionLayer::onSendFailed);
}

TransactionLayer::~TransactionLayer() {
    // Delete transactions (also those awaiting deleteLater) while the clock and tables still exist.
    const auto children = findChildren<Transaction *>(Qt::FindDirectChildrenOnly);
    d->clients.clear();
    d->servers.clear();
    d->legacyServers.clear();
    qDeleteAll(children);
    delete d;
}

int TransactionLayer::clientTransactionCount() const {
    return int(d->clients.size());
}

int TransactionLayer::serverTransactionCount() const {
    return int(d->servers.size() + d->legacyServers.size());
}

void TransactionLayer::setMaxServerTransactions(int max) {
    d->maxServers = qMax(1, max);
}

int TransactionLayer::maxServerTransactions() const {
    return d->maxServers;
}

ClientTransaction *TransactionLayer::sendRequest(const SipMessage &request, const Peer &destination) {
    if (!request.isRequest() || request.method() == "ACK") {
        qCWarning(lcTransaction).noquote() << "not a transaction request:" << request.startLine();
        return nullptr;
    }
    SipMessage req = request;
    Via via;
    if (const auto top = req.topVia())
        via = *top;
    else if (!req.topViaBranch().isEmpty())
        via.setBranch(req.topViaBranch().toByteArray()); // a Via we could not parse (empty host)
    if (req.hasHeader(HeaderId::Via))
        req.removeTopVia();
    if (via.branch().isEmpty()) {
        qCWarning(lcTransaction).noquote() << "request without branch, adding one:" << req.startLine();
        via.setBranch(newBranch());
    }
    if (via.host().isEmpty()) {
        const Peer local = m_transport->localEndpoint(destination.protocol);
        if (!local.isValid())
            qCWarning(lcTransaction) << "no local endpoint for" << transportName(destination.protocol);
        QHostAddress address = local.address;
        address.setScopeId({});
        via.setTransport(transportName(destination.protocol));
        via.setHost(address.toString().toLatin1());
        via.setPort(local.port);
    }
    if (!via.hasRport())
        via.params().setFlag("rport"); // RFC 3581: answer us where we really are (NAT)
    req.prependVia(via);

    const QByteArray key = clientKey(via.branch(), req.method());
    if (d->clients.contains(key)) {
        qCWarning(lcTransaction).noquote() << "duplicate client transaction" << key;
        return nullptr;
    }
    ClientTransaction *t = nullptr;
    if (req.method() == "INVITE")
        t = new InviteClientTransaction(this, req, destination);
    else
        t = new NonInviteClientTransaction(this, req, destination);
    t->m_key = key;
    d->clients.insert(key, t);
    t->m_starting = true;
    t->start();
    t->m_starting = false;
    return t;
}

bool TransactionLayer::sendStateless(const SipMessage &message, const Peer &destination) {
    TransportError error;
    if (m_transport->send(message, destination, 0, &error))
        return true;
    qCWarning(lcTransaction).noquote()
        << "cannot send" << message.startLine() << "to" << destination.toString() << error.detail;
    return false;
}

Peer TransactionLayer::responseDestination(const SipMessage &request, const ReceivedFrom &from) {
    Peer dest;
    dest.protocol = from.peer.protocol;
    const auto via = request.topVia();
    if (!via) {
        dest = from.peer;
        return dest;
    }
    const quint16 sentByPort = via->port() ? via->port() : defaultPort(dest.protocol);
    const QHostAddress received = hostAddress(via->received());
    const QHostAddress source = received.isNull() ? from.peer.address : received;

    if (isReliable(dest.protocol)) {
        // §18.2.2: the request's connection (ReceivedFrom::connectionId) is used while open; this
        // is where a new one goes when it is not.
        dest.address = source;
        dest.port = sentByPort;
        return dest;
    }
    const QHostAddress maddr = hostAddress(via->params().value("maddr").value_or(QByteArray()));
    if (!maddr.isNull()) {
        dest.address = maddr;
        dest.port = sentByPort;
        return dest;
    }
    if (via->hasRport()) {
        // RFC 3581 §4: received + rport; the source as seen when the transport left them out.
        dest.address = source;
        dest.port = via->rport() ? via->rport() : from.peer.port;
        return dest;
    }
    if (!received.isNull()) {
        dest.address = received;
        dest.port = sentByPort;
        return dest;
    }
    // sent-by equals the source address, otherwise the transport would have added received.
    const QHostAddress host = hostAddress(via->host());
    dest.address = host.isNull() ? from.peer.address : host;
    dest.port = sentByPort;
    return dest;
}

void TransactionLayer::onMessage(const SipMessage &message, const ReceivedFrom &from) {
    if (message.isRequest()) {
        onRequest(message, from);
        return;
    }
    if (!message.isResponse())
        return;
    ClientTransaction *t = d->clients.value(clientKey(message.topViaBranch(), message.cseqMethod()));
    if (t && t->state() != Transaction::State::Terminated) {
        t->receiveResponse(message, from);
        return;
    }
    qCDebug(lcTransaction).noquote() << "stray response" << message.startLine() << message.topViaBranch();
    Q_EMIT strayResponse(message, from);
}

ServerTransaction *TransactionLayer::matchServer(const SipMessage &request) const {
    const auto via = request.topVia();
    if (!via)
        return nullptr;
    const QByteArray method = request.method();
    const bool isAck = method == "ACK";
    if (hasMagicCookie(via->branch()))
        return d->servers.value(serverKey(*via, isAck ? QByteArrayView("INVITE") : QByteArrayView(method)));

    // §17.2.3, RFC 2543 rules.
    const auto candidates = d->legacyServers.values(request.callId());
    for (ServerTransaction *t : candidates) {
        const SipMessage &orig = t->request();
        if (orig.requestUri() != request.requestUri() || orig.fromTag() != request.fromTag() ||
            orig.callIdView() != request.callIdView() || orig.cseqNumber() != request.cseqNumber() ||
            orig.topVia() != via)
            continue;
        if (isAck) {
            if (orig.method() == "INVITE" && t->finalResponse().isValid() &&
                t->finalResponse().toTag() == request.toTag())
                return t;
        } else if (orig.method() == method && orig.toTag() == request.toTag()) {
            return t;
        }
    }
    return nullptr;
}

ServerTransaction *TransactionLayer::findInviteForCancel(const SipMessage &cancel) const {
    const auto via = cancel.topVia();
    if (!via)
        return nullptr;
    if (hasMagicCookie(via->branch()))
        return d->servers.value(serverKey(*via, "INVITE"));
    const auto candidates = d->legacyServers.values(cancel.callId());
    for (ServerTransaction *t : candidates) {
        const SipMessage &orig = t->request();
        if (orig.method() == "INVITE" && orig.requestUri() == cancel.requestUri() &&
            orig.fromTag() == cancel.fromTag() && orig.toTag() == cancel.toTag() &&
            orig.cseqNumber() == cancel.cseqNumber() && orig.topVia() == via)
            return t;
    }
    return nullptr;
}

void TransactionLayer::onRequest(const SipMessage &request, const ReceivedFrom &from) {
    const auto via = request.topVia();
    if (!via) {
        qCWarning(lcTransaction).noquote() << "request without usable Via dropped:" << request.startLine();
        return;
    }
    if (ServerTransaction *t = matchServer(request)) {
        if (t->state() != Transaction::State::Terminated)
            t->receiveRequest(request, from);
        return;
    }
    const QByteArray method = request.method();
    if (method == "ACK") {
        Q_EMIT ackReceived(request, from);
        return;
    }
    if (serverTransactionCount() >= d->maxServers) {
        // Overload: answer statelessly so the table stays bounded; the To tag is derived from the
        // request so retransmissions get the same one (§8.2.7).
        qCWarning(lcTransaction).noquote() << "too many server transactions, 503 for" << request.startLine();
        const QByteArray tag = QCryptographicHash::hash(request.callIdView().toByteArray() +
                                                            request.fromTag().toByteArray() + via->branch(),
                                                        QCryptographicHash::Sha1)
                                   .toHex()
                                   .left(16);
        SipMessage response = SipMessage::responseTo(request, 503, "Service Unavailable", tag);
        response.addHeader(HeaderId::RetryAfter, QByteArray::number(kOverloadRetryAfterS));
        TransportError error;
        m_transport->send(response, responseDestination(request, from), from.connectionId, &error);
        return;
    }
    ServerTransaction *t = nullptr;
    if (method == "INVITE")
        t = new InviteServerTransaction(this, request, from);
    else
        t = new NonInviteServerTransaction(this, request, from);
    if (hasMagicCookie(via->branch())) {
        t->m_key = serverKey(*via, method);
        d->servers.insert(t->m_key, t);
    } else {
        t->m_key = request.callId();
        d->legacyServers.insert(t->m_key, t);
    }
    t->start();
    Q_EMIT requestReceived(t, request);
}

void TransactionLayer::onSendFailed(const Peer &destination, const TransportError &error) {
    // §17.1.4/§17.2.4: everything still waiting on that destination has failed.
    const auto clients = d->clients.values();
    for (ClientTransaction *t : clients) {
        const auto s = t->state();
        if (t->destination().sameEndpoint(destination) &&
            (s == Transaction::State::Calling || s == Transaction::State::Trying ||
             s == Transaction::State::Proceeding))
            t->transportFailed(error);
    }
    QList<ServerTransaction *> servers = d->servers.values();
    servers += d->legacyServers.values();
    for (ServerTransaction *t : std::as_const(servers)) {
        const auto s = t->state();
        if (t->m_sentAny && t->responseDestination().sameEndpoint(destination) &&
            (s == Transaction::State::Proceeding || s == Transaction::State::Completed)) {
            t->m_transportError = error;
            t->fail(Transaction::Failure::TransportError);
        }
    }
}

void TransactionLayer::transactionTerminated(Transaction *t) {
    forget(t);
    t->deleteLater();
}

void TransactionLayer::forget(Transaction *t) {
    // By pointer, not by type: also called from ~Transaction, when qobject_cast no longer works.
    if (d->clients.value(t->m_key) == t)
        d->clients.remove(t->m_key);
    if (d->servers.value(t->m_key) == t)
        d->servers.remove(t->m_key);
    for (auto it = d->legacyServers.find(t->m_key); it != d->legacyServers.end() && it.key() == t->m_key;
         ++it) {
        if (*it == t) {
            d->legacyServers.erase(it);
            break;
        }
    }
}

} // namespace parlo::sip

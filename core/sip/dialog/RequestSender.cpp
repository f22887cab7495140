#include "sip/dialog/RequestSender.h"

#include "sip/message/SipIdentifiers.h"
#include "sip/transaction/ClientTransaction.h"
#include "sip/transaction/TransactionLayer.h"
#include "sip/transport/Resolver.h"

#include <QPointer>

namespace parlo::sip::RequestSender {

namespace {
constexpr int kMaxAuthAttempts = 3; // stale nonces may legitimately need more than one round

// RFC 3263 for literal addresses needs no DNS.
std::optional<Peer> literalPeer(const SipUri &uri, std::optional<TransportProtocol> preferred) {
    QByteArray host = uri.params().value("maddr").value_or(uri.host());
    if (host.startsWith('['))
        host = host.mid(1, host.size() - 2);
    QHostAddress address;
    if (!address.setAddress(QString::fromLatin1(host)))
        return std::nullopt;
    const bool sips = uri.scheme() == SipUri::Scheme::Sips;
    TransportProtocol protocol = sips ? TransportProtocol::Tls : preferred.value_or(TransportProtocol::Udp);
    if (auto p = transportFromName(uri.transportParam()))
        protocol = sips && *p == TransportProtocol::Tcp ? TransportProtocol::Tls : *p;
    Peer peer;
    peer.protocol = protocol;
    peer.address = address;
    peer.port = uri.port() ? uri.port() : defaultPort(protocol);
    return peer;
}

void start(TransactionLayer *transactions, SipMessage request, const Peer &peer, QObject *context,
           const Done &done, const Prepare &prepare) {
    if (prepare)
        prepare(request, peer);
    RequestOutcome outcome;
    outcome.request = request;
    outcome.peer = peer;
    ClientTransaction *t = transactions->sendRequest(request, peer);
    if (!t) {
        outcome.failure = Transaction::Failure::TransportError;
        done(outcome);
        return;
    }
    // One call at most: a final response and a later transport failure must not both report.
    auto reported = std::make_shared<bool>(false);
    QObject::connect(t, &ClientTransaction::responseReceived, context,
                     [done, outcome, reported](const SipMessage &response) mutable {
                         if (response.statusCode() < 200 || *reported)
                             return;
                         *reported = true;
                         outcome.response = response;
                         done(outcome);
                     });
    QObject::connect(t, &ClientTransaction::failed, context,
                     [done, outcome, reported, t](Transaction::Failure failure) mutable {
                         if (*reported)
                             return;
                         *reported = true;
                         outcome.failure = failure;
                         outcome.transportError = t->transportError();
                         done(outcome);
                     });
}
} // namespace

void send(TransactionLayer *transactions, Resolver *resolver, const SipMessage &request,
          const SipUri &nextHop, std::optional<TransportProtocol> transport, QObject *context, Done done,
          Prepare prepare) {
    SipUri hop = nextHop;
    if (transport && hop.transportParam().isEmpty() && hop.scheme() != SipUri::Scheme::Sips)
        hop.params().set("transport", transportName(*transport).toLower());
    if (auto peer = literalPeer(hop, transport)) {
        start(transactions, request, *peer, context, done, prepare);
        return;
    }
    auto failResolve = [request, done]() {
        RequestOutcome outcome;
        outcome.request = request;
        outcome.resolveFailed = true;
        done(outcome);
    };
    if (!resolver) {
        failResolve();
        return;
    }
    QPointer<QObject> guard(context);
    resolver->resolve(
        hop, transport,
        [=](Resolver::Error, QList<Peer> peers) {
            if (!guard)
                return;
            if (peers.isEmpty()) {
                failResolve();
                return;
            }
            start(transactions, request, peers.first(), guard, done, prepare);
        },
        context);
}

RequestError::Kind answerChallenge(DigestCredentials &credentials, SipMessage &retry,
                                   const SipMessage &challenge, int *attempts) {
    if (credentials.isEmpty())
        return RequestError::Kind::NoCredentials;
    bool stale = false;
    for (const DigestChallenge &c : DigestChallenge::fromResponse(challenge))
        stale = stale || c.stale;
    if (*attempts >= kMaxAuthAttempts || (*attempts > 0 && !stale))
        return RequestError::Kind::AuthenticationFailed;
    ++*attempts;
    retry.removeHeaders(HeaderId::Authorization);
    retry.removeHeaders(HeaderId::ProxyAuthorization);
    if (!credentials.authorize(retry, challenge))
        return RequestError::Kind::UnsupportedAuth;
    return RequestError::Kind::None;
}

SipMessage resendable(SipMessage request) {
    // A UAC request has one Via, ours; the transaction layer fills in sent-by again.
    request.removeHeaders(HeaderId::Via);
    Via via;
    via.setBranch(newBranch());
    via.params().setFlag("rport");
    request.prependVia(via);
    const CSeq cseq = request.cseq();
    request.setCSeq({cseq.number + 1, cseq.method});
    return request;
}

RequestError errorFor(const RequestOutcome &outcome) {
    RequestError e;
    if (outcome.resolveFailed) {
        e.kind = RequestError::Kind::ResolveFailed;
        e.temporary = true;
        return e;
    }
    if (!outcome.hasResponse()) {
        e.transport = outcome.transportError;
        e.kind = outcome.failure == Transaction::Failure::Timeout ? RequestError::Kind::Timeout
                                                                  : RequestError::Kind::TransportFailed;
        e.status = outcome.failure == Transaction::Failure::Timeout ? 408 : 503;
        e.temporary = true;
        return e;
    }
    const SipMessage &r = outcome.response;
    e.status = r.statusCode();
    e.reason = r.reasonPhrase();
    e.retryAfter = int(qMin<quint32>(r.retryAfter().value_or(0), 3600));
    switch (e.status) {
    case 403:
        e.kind = RequestError::Kind::Forbidden;
        break;
    case 404:
    case 480:
        e.kind = RequestError::Kind::NotFound;
        e.temporary = e.status == 480;
        break;
    case 413:
        e.kind = RequestError::Kind::TooLarge;
        break;
    case 423:
        e.kind = RequestError::Kind::IntervalTooBrief;
        break;
    case 489:
        e.kind = RequestError::Kind::BadEvent;
        break;
    case 408:
    case 500:
    case 502:
    case 503:
    case 504:
        e.kind = RequestError::Kind::ServerError;
        e.temporary = true;
        break;
    default:
        e.kind = RequestError::Kind::Rejected;
        e.temporary = e.status >= 500 && e.status < 600; // 6xx: global failure, final
        break;
    }
    return e;
}

int backoffSeconds(int attempt) {
    int s = 5;
    for (int i = 1; i < attempt && s < 300; ++i)
        s *= 2;
    return qMin(s, 300);
}

qint64 refreshDelayMs(quint32 expires) {
    const qint64 ms = qint64(expires) * 1000;
    const qint64 delay = qMax(qMin(ms - 32000, ms * 9 / 10), ms / 2);
    return qMax<qint64>(delay, 1000);
}

} // namespace parlo::sip::RequestSender

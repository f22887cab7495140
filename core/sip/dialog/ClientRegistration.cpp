#include "sip/dialog/ClientRegistration.h"

#include "sip/dialog/LocalContact.h"
#include "sip/message/SipIdentifiers.h"
#include "sip/message/SipMessage.h"
#include "sip/transaction/ClientTransaction.h"
#include "sip/transaction/TransactionLayer.h"
#include "sip/transport/Resolver.h"

#include <QLoggingCategory>

Q_LOGGING_CATEGORY(lcRegistration, "parlo.sip.registration")

namespace parlo::sip {

namespace {
constexpr int kMaxAuthAttempts = 3; // stale nonces may legitimately need more than one round
constexpr int kMax423Attempts = 3;
constexpr qint64 kUnregisterTimeoutMs = 1500;

RegistrationError::Kind kindForTransport(const TransportError &e) {
    switch (e.kind) {
    case TransportError::Kind::TlsCertificate:
        return RegistrationError::Kind::TlsCertificate;
    case TransportError::Kind::TlsHandshakeFailed:
        return RegistrationError::Kind::TlsHandshake;
    case TransportError::Kind::ConnectionRefused:
    case TransportError::Kind::ConnectTimeout:
    case TransportError::Kind::HostUnreachable:
    case TransportError::Kind::ConnectionClosed:
        return RegistrationError::Kind::ConnectFailed;
    default:
        return RegistrationError::Kind::TransportFailed;
    }
}
} // namespace

ClientRegistration::ClientRegistration(TransactionLayer *transactions, Resolver *resolver, Clock *clock,
                                       QObject *parent)
    : QObject(parent)
    , m_transactions(transactions)
    , m_resolver(resolver)
    , m_clock(clock) {
    connect(transactions->transport(), &TransportLayer::sendFailed, this,
            [this](const Peer &peer, const TransportError &error) {
                if (error.kind == TransportError::Kind::ConnectionClosed)
                    onTransportClosed(peer);
            });
}

ClientRegistration::~ClientRegistration() {
    cancelTimers();
}

void ClientRegistration::setConfig(const Config &config) {
    m_config = config;
}

int ClientRegistration::backoffSeconds(int attempt) {
    int s = 5;
    for (int i = 1; i < attempt && s < 300; ++i)
        s *= 2;
    return qMin(s, 300);
}

Peer ClientRegistration::registrarPeer() const {
    return m_targetIndex < m_targets.size() ? m_targets.at(m_targetIndex) : Peer{};
}

void ClientRegistration::setState(State s) {
    if (m_state == s)
        return;
    m_state = s;
    qCDebug(lcRegistration) << "state" << s;
    Q_EMIT stateChanged(s);
}

void ClientRegistration::cancelTimers() {
    if (m_timer)
        m_clock->cancel(m_timer);
    if (m_stopTimer)
        m_clock->cancel(m_stopTimer);
    m_timer = m_stopTimer = 0;
}

SipUri ClientRegistration::requestUri() const {
    if (m_config.registrar)
        return *m_config.registrar;
    SipUri uri = m_config.aor;
    uri.setUser({});
    uri.setPassword({});
    uri.params() = {};
    uri.headers() = {};
    return uri;
}

SipUri ClientRegistration::nextHopUri() const {
    SipUri hop = m_config.outboundProxy ? *m_config.outboundProxy : requestUri();
    // An explicit --transport applies to the first hop when its URI does not name one.
    if (m_config.transport && hop.transportParam().isEmpty() && hop.scheme() != SipUri::Scheme::Sips)
        hop.params().set("transport", transportName(*m_config.transport).toLower());
    return hop;
}

void ClientRegistration::start() {
    if (m_state == State::Registering || m_state == State::Registered || m_state == State::Refreshing)
        return;
    cancelTimers();
    m_callId = newCallId();
    m_fromTag = newTag();
    m_requested = m_config.expires;
    m_removing = false;
    m_retryAttempt = 0;
    m_lastError = {};
    setState(State::Registering);
    resolveAndSend();
}

void ClientRegistration::resolveAndSend() {
    const quint64 generation = ++m_generation;
    m_authAttempts = 0;
    m_423Attempts = 0;
    m_resolver->resolve(
        nextHopUri(), m_config.transport,
        [this, generation](Resolver::Error error, QList<Peer> peers) {
            if (generation != m_generation)
                return;
            if (error != Resolver::Error::None || peers.isEmpty()) {
                RegistrationError e;
                e.kind = error == Resolver::Error::DnsFailure ? RegistrationError::Kind::DnsFailure
                                                              : RegistrationError::Kind::DnsNotFound;
                e.reason = nextHopUri().host();
                e.temporary = error == Resolver::Error::DnsFailure;
                fail(e);
                return;
            }
            m_targets = peers;
            m_targetIndex = 0;
            sendRegister(m_removing);
        },
        this);
}

void ClientRegistration::buildContact() {
    const Peer target = registrarPeer();
    m_contact =
        localContact(m_transactions->transport(), m_config.aor.user(), target.protocol, target.address);
}

void ClientRegistration::sendRegister(bool removing) {
    if (m_targetIndex >= m_targets.size())
        return;
    const Peer peer = m_targets.at(m_targetIndex);
    buildContact();

    SipMessage request = SipMessage::makeRequest("REGISTER", requestUri());
    Via via;
    via.setTransport(transportName(peer.protocol));
    via.setBranch(newBranch());
    via.params().setFlag("rport");
    request.prependVia(via);
    request.setMaxForwards(70);
    if (m_config.outboundProxy) {
        NameAddr route(*m_config.outboundProxy);
        route.uri().params().setFlag("lr");
        request.setRoutes({route});
    }
    NameAddr from(m_config.aor, m_config.displayName);
    from.setTag(m_fromTag);
    request.setFrom(from);
    request.setTo(NameAddr(m_config.aor, m_config.displayName));
    request.setCallId(m_callId);
    request.setCSeq({++m_cseq, "REGISTER"});
    NameAddr contact = m_contact;
    if (removing)
        contact.params().set("expires", "0");
    request.setContacts({contact});
    request.setExpires(removing ? 0 : m_requested);
    request.addHeader(HeaderId::UserAgent, m_config.userAgent);
    m_credentials.reauthorize(request);

    m_sentAt = m_clock->nowMs();
    qCInfo(lcRegistration).noquote() << (removing ? "unregistering" : "registering")
                                     << m_config.aor.toString() << "via" << peer.toString();
    watch(m_transactions->sendRequest(request, peer));
}

void ClientRegistration::watch(ClientTransaction *t) {
    m_transaction = t;
    if (!t)
        return;
    connect(t, &ClientTransaction::responseReceived, this, [this, t](const SipMessage &response) {
        if (t == m_transaction && response.statusCode() >= 200)
            onResponse(response);
    });
    connect(t, &ClientTransaction::failed, this, [this, t](Transaction::Failure) {
        if (t == m_transaction)
            onTransactionFailed(t);
    });
}

void ClientRegistration::onResponse(const SipMessage &response) {
    const int status = response.statusCode();
    const SipMessage request = m_transaction ? m_transaction->request() : SipMessage();
    m_transaction = nullptr;

    if (m_removing) {
        // Whatever the answer, the binding is gone or was never there: stopping is done.
        cancelTimers();
        setState(State::Unregistered);
        Q_EMIT unregistered();
        return;
    }

    RegistrationError e;
    e.status = status;
    e.reason = response.reasonPhrase();
    e.peer = registrarPeer();

    if (status >= 200 && status < 300) {
        succeed(response);
        return;
    }
    if (status == 401 || status == 407) {
        if (m_credentials.isEmpty()) {
            e.kind = RegistrationError::Kind::NoCredentials;
            fail(e);
            return;
        }
        const QList<DigestChallenge> challenges = DigestChallenge::fromResponse(response);
        bool stale = false;
        for (const DigestChallenge &c : challenges)
            stale = stale || c.stale;
        // A second challenge without stale=true means the credentials were refused.
        if (m_authAttempts >= kMaxAuthAttempts || (m_authAttempts > 0 && !stale)) {
            e.kind = RegistrationError::Kind::AuthenticationFailed;
            fail(e);
            return;
        }
        ++m_authAttempts;
        SipMessage retry = request;
        retry.removeHeaders(HeaderId::Authorization);
        retry.removeHeaders(HeaderId::ProxyAuthorization);
        if (!m_credentials.authorize(retry, response)) {
            e.kind = RegistrationError::Kind::UnsupportedAuth;
            fail(e);
            return;
        }
        resend(retry);
        return;
    }
    if (status == 423) {
        const quint32 min = response.minExpires().value_or(0);
        if (min > m_requested && ++m_423Attempts <= kMax423Attempts) {
            qCInfo(lcRegistration) << "registrar wants at least" << min << "s";
            m_requested = min;
            SipMessage retry = request;
            retry.setExpires(m_requested);
            resend(retry);
            return;
        }
        e.kind = RegistrationError::Kind::IntervalTooBrief;
        fail(e);
        return;
    }
    if (status == 503 && m_targetIndex + 1 < m_targets.size()) {
        ++m_targetIndex; // RFC 3263 §4.3: a 503 moves on to the next server
        sendRegister(false);
        return;
    }
    switch (status) {
    case 403:
        e.kind = RegistrationError::Kind::Forbidden;
        break;
    case 404:
        e.kind = RegistrationError::Kind::NotFound;
        break;
    case 408:
    case 480:
    case 500:
    case 502:
    case 503:
    case 504:
        e.kind = RegistrationError::Kind::ServerError;
        e.temporary = true;
        e.retryAfter = int(qMin<quint32>(response.retryAfter().value_or(0), 3600));
        break;
    default:
        e.kind = RegistrationError::Kind::Rejected;
        e.temporary = status >= 500 && status < 600; // 6xx: global failure, final
        break;
    }
    fail(e);
}

void ClientRegistration::resend(SipMessage request) {
    // A new transaction: new branch and CSeq, same Call-ID and tags (RFC 3261 §10.2.4).
    if (auto top = request.topVia()) {
        request.removeTopVia();
        Via via = *top;
        via.setBranch(newBranch());
        via.setHost({});
        via.setPort(0);
        via.params().remove("received");
        via.params().remove("rport");
        via.params().setFlag("rport");
        request.prependVia(via);
    }
    request.setCSeq({++m_cseq, "REGISTER"});
    const Peer peer = registrarPeer();
    m_sentAt = m_clock->nowMs();
    watch(m_transactions->sendRequest(request, peer));
}

void ClientRegistration::onTransactionFailed(ClientTransaction *t) {
    const Transaction::Failure failure = t->failure();
    const TransportError transportError = t->transportError();
    m_transaction = nullptr;

    if (m_removing) {
        cancelTimers();
        setState(State::Unregistered);
        Q_EMIT unregistered();
        return;
    }
    // RFC 3263 §4.3: no answer or no connection — try the next target.
    if (m_targetIndex + 1 < m_targets.size()) {
        qCInfo(lcRegistration).noquote() << "no luck with" << registrarPeer().toString() << ", trying next";
        ++m_targetIndex;
        sendRegister(false);
        return;
    }
    RegistrationError e;
    e.peer = registrarPeer();
    e.temporary = true;
    e.elapsedMs = m_clock->nowMs() - m_sentAt;
    if (failure == Transaction::Failure::Timeout) {
        e.kind = RegistrationError::Kind::Timeout;
    } else {
        e.transport = transportError;
        e.kind = kindForTransport(transportError);
        // A certificate we do not trust will not become trusted by retrying.
        e.temporary = e.kind != RegistrationError::Kind::TlsCertificate;
    }
    fail(e);
}

void ClientRegistration::onTransportClosed(const Peer &peer) {
    if (m_state != State::Registered || !peer.sameEndpoint(registrarPeer()))
        return;
    // The flow to the registrar broke (RFC 5626 §4.4.1 spirit): our binding may be gone with the
    // server, and requests to us cannot use that connection any more. Register again at once.
    qCInfo(lcRegistration).noquote() << "connection to" << peer.toString() << "closed; registering again";
    cancelTimers();
    m_retryAttempt = 0;
    setState(State::Registering);
    resolveAndSend();
}

void ClientRegistration::succeed(const SipMessage &response) {
    quint32 granted = 0;
    bool found = false;
    for (const NameAddr &c : response.contacts()) {
        const SipUri &u = c.uri();
        if (u.user() == m_contact.uri().user() && u.host() == m_contact.uri().host() &&
            u.port() == m_contact.uri().port()) {
            if (auto v = c.params().value("expires")) {
                bool ok = false;
                const quint32 x = v->toUInt(&ok);
                if (ok) {
                    granted = x;
                    found = true;
                }
            }
            break;
        }
    }
    if (!found)
        granted = response.expires().value_or(m_requested);
    if (granted == 0) {
        RegistrationError e;
        e.kind = RegistrationError::Kind::Rejected;
        e.status = response.statusCode();
        e.reason = "binding not kept";
        e.peer = registrarPeer();
        fail(e);
        return;
    }
    m_granted = granted;
    m_retryAttempt = 0;
    m_lastError = {};
    setState(State::Registered);
    Q_EMIT registered(granted);
    scheduleRefresh(granted);
}

void ClientRegistration::scheduleRefresh(quint32 expires) {
    // Refresh a minute before expiry, or half-way through short bindings.
    const qint64 delay = expires > 120 ? qint64(expires - 60) * 1000 : qMax<qint64>(1, expires / 2) * 1000;
    if (m_timer)
        m_clock->cancel(m_timer);
    m_timer = m_clock->schedule(delay, [this]() {
        m_timer = 0;
        setState(State::Refreshing);
        m_authAttempts = 0;
        m_423Attempts = 0;
        sendRegister(false);
    });
}

void ClientRegistration::fail(RegistrationError error) {
    m_lastError = error;
    cancelTimers();
    ++m_generation;
    if (!error.temporary || !m_config.retryAutomatically) {
        qCInfo(lcRegistration) << "registration failed, final:" << int(error.kind) << error.status;
        setState(State::Failed);
        Q_EMIT failed(error);
        return;
    }
    ++m_retryAttempt;
    const int seconds = error.retryAfter > 0 ? error.retryAfter : backoffSeconds(m_retryAttempt);
    m_retryAt = m_clock->nowMs() + qint64(seconds) * 1000;
    setState(State::RetryWaiting);
    Q_EMIT failed(error);
    Q_EMIT retryScheduled(seconds);
    m_timer = m_clock->schedule(qint64(seconds) * 1000, [this]() {
        m_timer = 0;
        setState(State::Registering);
        resolveAndSend();
    });
}

void ClientRegistration::stop() {
    cancelTimers();
    ++m_generation;
    const bool haveBinding = m_state == State::Registered || m_state == State::Refreshing ||
                             (m_state == State::Registering && !m_targets.isEmpty());
    if (!haveBinding) {
        m_transaction = nullptr;
        if (m_state != State::Unregistered) {
            setState(State::Unregistered);
            Q_EMIT unregistered();
        }
        return;
    }
    m_removing = true;
    setState(State::Unregistering);
    sendRegister(true);
    // Do not hold up shutdown for a registrar that does not answer.
    m_stopTimer = m_clock->schedule(kUnregisterTimeoutMs, [this]() {
        m_stopTimer = 0;
        if (m_state == State::Unregistering) {
            m_transaction = nullptr;
            setState(State::Unregistered);
            Q_EMIT unregistered();
        }
    });
}

} // namespace parlo::sip

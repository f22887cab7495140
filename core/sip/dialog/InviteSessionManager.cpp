#include "sip/dialog/InviteSessionManager.h"

#include "sip/dialog/ReferSubscription.h"
#include "sip/dialog/UasCore.h"
#include "sip/transaction/ServerTransaction.h"
#include "sip/transaction/TransactionLayer.h"

#include "sip/message/SipIdentifiers.h"

#include <QLoggingCategory>

Q_DECLARE_LOGGING_CATEGORY(lcInvite)

namespace parlo::sip {

InviteSessionManager::InviteSessionManager(TransactionLayer *transactions, UasCore *uas, Resolver *resolver,
                                           QObject *parent)
    : QObject(parent)
    , m_transactions(transactions)
    , m_uas(uas)
    , m_resolver(resolver) {
    uas->addHandler("INVITE", this,
                    [this](ServerTransaction *t, const SipMessage &r) { return onInvite(t, r); });
    uas->addHandler("CANCEL", this,
                    [this](ServerTransaction *t, const SipMessage &r) { return onCancel(t, r); });
    for (const QByteArray method : {"BYE", "INFO", "UPDATE", "REFER"})
        uas->addHandler(method, this,
                        [this](ServerTransaction *t, const SipMessage &r) { return onInDialog(t, r); });
    // Declines NOTIFYs outside its dialogs (but Event: refer), so subscriptions see theirs.
    uas->addHandler("NOTIFY", this,
                    [this](ServerTransaction *t, const SipMessage &r) { return onNotify(t, r); });
    connect(transactions, &TransactionLayer::ackReceived, this,
            [this](const SipMessage &ack, const ReceivedFrom &) { onAck(ack); });
    connect(transactions, &TransactionLayer::strayResponse, this,
            [this](const SipMessage &response, const ReceivedFrom &) { onStrayResponse(response); });
}

InviteSessionManager::~InviteSessionManager() {
    for (const Clock::TimerId id : std::as_const(m_lingering))
        m_transactions->clock()->cancel(id);
    m_uas->removeHandlers(this);
}

InviteSession *InviteSessionManager::adopt(InviteSession *session) {
    m_sessions.append(session);
    connect(session, &InviteSession::stateChanged, this, [this, session](InviteSession::State s) {
        if (s != InviteSession::State::Terminated || m_lingering.contains(session))
            return;
        m_lingering.insert(
            session, m_transactions->clock()->schedule(64 * m_transactions->timers().t1, [this, session]() {
                m_lingering.remove(session);
                m_sessions.removeOne(session);
                session->deleteLater();
            }));
    });
    return session;
}

InviteSession *InviteSessionManager::invite(const InviteSession::UacConfig &config,
                                            InviteSessionHandler *handler) {
    auto *session = adopt(new InviteSession(InviteSession::Role::Uac, m_transactions, m_resolver, this));
    session->setHandler(handler);
    session->startUac(config);
    return session;
}

InviteSession *InviteSessionManager::find(const DialogId &id) const {
    for (InviteSession *s : m_sessions) {
        if (s->ownsDialog(id.callId, id.localTag, id.remoteTag))
            return s;
    }
    return nullptr;
}

InviteSession *InviteSessionManager::sessionForRequest(const SipMessage &request) const {
    for (InviteSession *s : m_sessions) {
        if (s->ownsDialog(request.callIdView(), request.toTag(), request.fromTag()))
            return s;
    }
    return nullptr;
}

NameAddr InviteSessionManager::contactFor(ServerTransaction *t, const SipMessage &request) const {
    const ReceivedFrom &from = t->receivedFrom();
    const Peer local = m_transactions->transport()->localEndpoint(from.peer.protocol);
    QHostAddress address = from.local;
    quint16 port = from.localPort;
    if (address.isNull() || address == QHostAddress::AnyIPv4 || address == QHostAddress::AnyIPv6 ||
        address == QHostAddress::Any) {
        address = local.address;
        port = local.port;
    }
    if (port == 0)
        port = local.port;
    address.setScopeId({});
    SipUri uri;
    const bool tls = from.peer.protocol == TransportProtocol::Tls;
    uri.setScheme(tls && request.requestUri().scheme() == SipUri::Scheme::Sips ? SipUri::Scheme::Sips
                                                                               : SipUri::Scheme::Sip);
    uri.setUser(request.requestUri().user());
    uri.setHost(address.toString().toLatin1());
    uri.setPort(port);
    if (from.peer.protocol != TransportProtocol::Udp && uri.scheme() == SipUri::Scheme::Sip)
        uri.params().set("transport", transportName(from.peer.protocol).toLower());
    return NameAddr(uri);
}

bool InviteSessionManager::onInvite(ServerTransaction *t, const SipMessage &request) {
    if (!request.toTag().isEmpty())
        return onInDialog(t, request);
    // §8.2.2.2: the same request arriving over another path (merged after forking).
    for (InviteSession *s : m_sessions) {
        if (s->role() == InviteSession::Role::Uas && s->invite().callIdView() == request.callIdView() &&
            s->invite().fromTag() == request.fromTag() && s->invite().cseqNumber() == request.cseqNumber()) {
            t->respond(482);
            return true;
        }
    }
    if (m_sessions.size() - m_lingering.size() >= m_maxSessions) {
        t->respond(486);
        return true;
    }
    std::optional<Replaces> replaces;
    InviteSession *replaced = nullptr;
    if (request.hasHeader(HeaderId::Replaces)) {
        const int status = matchReplaces(request, &replaces, &replaced);
        if (status) {
            t->respond(SipMessage::responseTo(request, status, {}, newTag()));
            return true;
        }
    }
    auto *session = adopt(new InviteSession(InviteSession::Role::Uas, m_transactions, m_resolver, this));
    const bool secure = t->receivedFrom().peer.protocol == TransportProtocol::Tls;
    session->startUas(t, request, contactFor(t, request), secure);
    session->m_replaces = replaces;
    session->m_replacedSession = replaced;
    Q_EMIT incomingSession(session);
    return true;
}

bool InviteSessionManager::onInDialog(ServerTransaction *t, const SipMessage &request) {
    InviteSession *session = request.toTag().isEmpty() ? nullptr : sessionForRequest(request);
    if (!session) {
        t->respond(481); // §12.2.2: no such dialog (or transaction)
        return true;
    }
    session->receiveRequest(t, request);
    return true;
}

int InviteSessionManager::matchReplaces(const SipMessage &request, std::optional<Replaces> *replaces,
                                        InviteSession **replaced) const {
    // RFC 3891 §3.
    const QList<QByteArray> values = request.headers(HeaderId::Replaces);
    if (values.size() != 1)
        return 400;
    *replaces = Replaces::parse(values.first());
    if (!*replaces)
        return 400;
    // The tags are seen from our side: to-tag is our local tag.
    InviteSession *match = nullptr;
    for (InviteSession *s : m_sessions) {
        if (s->ownsDialog((*replaces)->callId(), (*replaces)->toTag(), (*replaces)->fromTag())) {
            match = s;
            break;
        }
    }
    if (!match)
        return 481;
    const InviteSession::State state = match->state();
    if (state == InviteSession::State::Terminated || state == InviteSession::State::Terminating)
        return 603; // the dialog already ended
    const bool confirmed =
        state == InviteSession::State::Confirmed || state == InviteSession::State::Connecting;
    if (!confirmed && match->role() == InviteSession::Role::Uas)
        return 481; // an early dialog we did not initiate cannot be replaced
    if (confirmed && (*replaces)->earlyOnly())
        return 486;
    *replaced = match;
    return 0;
}

bool InviteSessionManager::onNotify(ServerTransaction *t, const SipMessage &request) {
    InviteSession *session = request.toTag().isEmpty() ? nullptr : sessionForRequest(request);
    if (session) {
        session->receiveRequest(t, request);
        return true;
    }
    // Not one of our INVITE dialogs: another usage (subscriptions) may own it.
    const QByteArray event = request.header(HeaderId::Event).trimmed().toLower();
    if (event == "refer" || event.startsWith("refer;")) {
        t->respond(481);
        return true;
    }
    return false;
}

bool InviteSessionManager::onCancel(ServerTransaction *t, const SipMessage &request) {
    ServerTransaction *invite = m_transactions->findInviteForCancel(request);
    for (InviteSession *s : m_sessions) {
        if (invite && s->ownsTransaction(invite)) {
            t->respond(200);
            s->receiveCancel();
            return true;
        }
    }
    t->respond(481);
    return true;
}

void InviteSessionManager::onAck(const SipMessage &ack) {
    if (InviteSession *s = sessionForRequest(ack))
        s->receiveAck(ack);
}

void InviteSessionManager::onStrayResponse(const SipMessage &response) {
    if (response.method() != "INVITE" || response.statusCode() / 100 != 2)
        return;
    for (InviteSession *s : m_sessions) {
        // Our initial INVITE (any To tag: forks), or a re-INVITE inside one of our dialogs.
        const bool initial = s->role() == InviteSession::Role::Uac &&
                             s->invite().callIdView() == response.callIdView() &&
                             s->invite().fromTag() == response.fromTag();
        if (initial || s->ownsDialog(response.callIdView(), response.fromTag(), response.toTag())) {
            s->receiveStrayResponse(response);
            return;
        }
    }
    qCDebug(lcInvite) << "2xx for no session dropped";
}

} // namespace parlo::sip

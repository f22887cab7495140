#include "sip/dialog/InviteSession.h"

#include "sip/dialog/ReferSubscription.h"
#include "sip/message/SipGrammar.h"
#include "sip/message/SipIdentifiers.h"
#include "sip/transaction/ClientTransaction.h"
#include "sip/transaction/ServerTransaction.h"
#include "sip/transaction/TransactionLayer.h"
#include "sip/transport/Resolver.h"

#include <QLoggingCategory>
#include <QRandomGenerator>

Q_LOGGING_CATEGORY(lcInvite, "parlo.sip.invite")

namespace parlo::sip {

namespace {
constexpr int kMaxAuthAttempts = 2;
// Early dialogs and ACKed 2xx we remember: forking fans out to a handful of phones, and the
// network must not grow these tables without bound.
constexpr int kMaxForks = 16;
constexpr char kAllow[] = "INVITE, ACK, CANCEL, BYE, OPTIONS, INFO, UPDATE, REFER, NOTIFY";

QByteArray ackKey(QByteArrayView remoteTag, quint32 cseq) {
    return remoteTag.toByteArray() + ' ' + QByteArray::number(cseq);
}

// RFC 3263 for literal addresses needs no DNS: answer at once so in-dialog requests (ACK, BYE)
// go out in order and without a trip through the event loop.
std::optional<Peer> literalPeer(const SipUri &uri) {
    QByteArray host = uri.params().value("maddr").value_or(uri.host());
    if (host.startsWith('['))
        host = host.mid(1, host.size() - 2);
    QHostAddress address;
    if (!address.setAddress(QString::fromLatin1(host)))
        return std::nullopt;
    TransportProtocol protocol =
        uri.scheme() == SipUri::Scheme::Sips ? TransportProtocol::Tls : TransportProtocol::Udp;
    if (auto p = transportFromName(uri.transportParam()))
        protocol = uri.scheme() == SipUri::Scheme::Sips && *p == TransportProtocol::Tcp
                       ? TransportProtocol::Tls
                       : *p;
    Peer peer;
    peer.protocol = protocol;
    peer.address = address;
    peer.port = uri.port() ? uri.port() : defaultPort(protocol);
    return peer;
}

// §12.1.1: responses that create a dialog carry the request's Record-Route as it came.
void copyRecordRoute(const SipMessage &request, SipMessage &response) {
    for (const QByteArray &value : request.headers(HeaderId::RecordRoute))
        response.addHeader(HeaderId::RecordRoute, value);
}

SessionBody bodyOf(const SipMessage &m) {
    return {m.contentType(), m.body()};
}
} // namespace

InviteSession::InviteSession(Role role, TransactionLayer *transactions, Resolver *resolver, QObject *parent)
    : QObject(parent)
    , m_role(role)
    , m_transactions(transactions)
    , m_resolver(resolver)
    , m_clock(transactions->clock()) {}

InviteSession::~InviteSession() {
    stop2xxRetransmission();
    for (Clock::TimerId *id : {&m_cancelTimer, &m_glareTimer}) {
        if (*id)
            m_clock->cancel(*id);
    }
}

NameAddr InviteSession::remoteIdentity() const {
    return m_role == Role::Uac ? m_invite.to() : m_invite.from();
}

void InviteSession::setState(State s) {
    if (m_state == s)
        return;
    m_state = s;
    qCDebug(lcInvite) << "state" << s;
    Q_EMIT stateChanged(s);
}

void InviteSession::end(EndReason reason, int status) {
    if (m_state == State::Terminated)
        return;
    stop2xxRetransmission();
    for (Clock::TimerId *id : {&m_cancelTimer, &m_glareTimer}) {
        if (*id)
            m_clock->cancel(*id);
        *id = 0;
    }
    if (m_endReason == EndReason::None) {
        m_endReason = reason;
        m_endStatus = status;
    }
    qCInfo(lcInvite) << "session ended:" << m_endReason << m_endStatus;
    setState(State::Terminated);
    for (ReferSubscription *refer : std::as_const(m_refers))
        refer->sessionEnded();
    Q_EMIT ended(m_endReason, m_endStatus);
}

void InviteSession::resolve(const SipUri &uri, std::function<void(std::optional<Peer>)> done) {
    if (auto peer = literalPeer(uri)) {
        done(peer);
        return;
    }
    if (!m_resolver) {
        done(std::nullopt);
        return;
    }
    m_resolver->resolve(
        uri, std::nullopt,
        [done](Resolver::Error, QList<Peer> peers) {
            done(peers.isEmpty() ? std::nullopt : std::optional<Peer>(peers.first()));
        },
        this);
}

// ---------------------------------------------------------------- sending

void InviteSession::sendRequest(const SipMessage &request, const SipUri &nextHop, ResponseHandler handler) {
    QPointer<InviteSession> self(this);
    resolve(nextHop, [self, request, handler](std::optional<Peer> peer) {
        if (!self)
            return;
        auto fail = [&](int status) {
            if (handler)
                handler(SipMessage::responseTo(request, status));
        };
        if (!peer) {
            fail(503);
            return;
        }
        ClientTransaction *t = self->m_transactions->sendRequest(request, *peer);
        if (!t) {
            fail(503);
            return;
        }
        connect(t, &ClientTransaction::responseReceived, self, [handler](const SipMessage &response) {
            if (response.statusCode() >= 200 && handler)
                handler(response);
        });
        connect(t, &ClientTransaction::failed, self, [handler, request](Transaction::Failure failure) {
            if (handler)
                handler(
                    SipMessage::responseTo(request, failure == Transaction::Failure::Timeout ? 408 : 503));
        });
    });
}

void InviteSession::sendAck(const SipMessage &ack, const SipUri &nextHop) {
    QPointer<InviteSession> self(this);
    resolve(nextHop, [self, ack](std::optional<Peer> peer) {
        if (!self || !peer)
            return;
        // The ACK for a 2xx is its own transaction that the transaction layer does not keep, so
        // the Via sent-by is ours to fill in.
        SipMessage m = ack;
        Via via = m.topVia().value_or(Via());
        m.removeTopVia();
        const Peer local = self->m_transactions->transport()->localEndpoint(peer->protocol);
        QHostAddress address = local.address;
        address.setScopeId({});
        via.setTransport(transportName(peer->protocol));
        via.setHost(address.toString().toLatin1());
        via.setPort(local.port);
        if (!via.hasRport())
            via.params().setFlag("rport");
        m.prependVia(via);
        self->m_transactions->sendStateless(m, *peer);
    });
}

// ---------------------------------------------------------------- UAC

void InviteSession::startUac(const UacConfig &config) {
    m_config = config;
    SipMessage invite = SipMessage::makeRequest("INVITE", config.target);
    Via via;
    via.setBranch(newBranch());
    invite.prependVia(via);
    invite.setMaxForwards(70);
    if (config.outboundProxy) {
        NameAddr route(*config.outboundProxy);
        route.uri().params().setFlag("lr");
        invite.setRoutes({route});
    }
    NameAddr from = config.from;
    from.setTag(newTag());
    invite.setFrom(from);
    invite.setTo(NameAddr(config.target));
    invite.setCallId(newCallId());
    invite.setCSeq({1, "INVITE"});
    invite.setContacts({config.contact});
    invite.setHeader(HeaderId::Allow, kAllow);
    invite.setHeader(HeaderId::UserAgent, config.userAgent);
    for (const auto &[name, value] : config.extraHeaders)
        invite.addHeader(name, value);
    if (m_handler) {
        const SessionBody offer = m_handler->makeOffer();
        if (!offer.isEmpty())
            invite.setBody(offer.data, offer.contentType);
    }
    m_offerInInvite = !invite.body().isEmpty();
    m_invite = invite;
    setState(State::Calling);
    sendInvite();
}

void InviteSession::sendInvite() {
    const SipUri hop = m_config.outboundProxy ? *m_config.outboundProxy : m_invite.requestUri();
    QPointer<InviteSession> self(this);
    resolve(hop, [self](std::optional<Peer> peer) {
        if (!self || self->m_state == State::Terminated)
            return;
        if (!peer) {
            self->end(EndReason::ResolveFailed);
            return;
        }
        self->m_invitePeer = *peer;
        ClientTransaction *t = self->m_transactions->sendRequest(self->m_invite, *peer);
        self->m_inviteTx = t;
        if (!t) {
            self->end(EndReason::TransportError);
            return;
        }
        self->m_invite = t->request(); // with the Via as sent, for CANCEL (§9.1)
        connect(t, &ClientTransaction::responseReceived, self, [self, t](const SipMessage &response) {
            if (t == self->m_inviteTx || response.statusCode() / 100 == 2)
                self->onInviteResponse(response);
        });
        connect(t, &ClientTransaction::failed, self, [self, t](Transaction::Failure) {
            if (t == self->m_inviteTx)
                self->onInviteFailed(t);
        });
    });
}

void InviteSession::onInviteFailed(ClientTransaction *t) {
    m_inviteTx = nullptr;
    if (m_state == State::Terminated || m_dialog.isValid())
        return;
    if (m_cancelRequested)
        end(EndReason::LocalCancel);
    else
        end(t->failure() == Transaction::Failure::Timeout ? EndReason::Timeout : EndReason::TransportError);
}

void InviteSession::onInviteResponse(const SipMessage &response) {
    const int status = response.statusCode();
    if (status / 100 == 2) {
        onInvite2xx(response);
        return;
    }
    if (m_state == State::Terminated || m_dialog.isValid())
        return;
    if (status < 200) {
        m_gotProvisional = true;
        if (m_cancelRequested) {
            sendCancel(); // once; the session stays Terminating whatever else arrives
            return;
        }
        if (status == 100)
            return;
        Q_EMIT provisional(status, response.reasonPhrase());
        const QByteArray tag = response.to().tag();
        if (!tag.isEmpty() && !m_earlyDialogs.contains(tag) && m_earlyDialogs.size() < kMaxForks)
            m_earlyDialogs.insert(tag, Dialog::fromUacResponse(m_invite, response));
        if (auto it = m_earlyDialogs.find(tag); it != m_earlyDialogs.end())
            it->refreshTarget(response);
        if (!response.body().isEmpty() && m_offerInInvite && m_handler) {
            // Early media: the answer in an (unreliable) 183 becomes the answer of the session.
            if (m_handler->takeAnswer(bodyOf(response))) {
                Q_EMIT remoteDescription(bodyOf(response));
                setState(State::EarlyMedia);
                return;
            }
        }
        if (m_state == State::Calling)
            setState(State::Proceeding);
        return;
    }

    m_inviteTx = nullptr;
    if (m_cancelRequested) {
        end(EndReason::LocalCancel, status);
        return;
    }
    if ((status == 401 || status == 407)) {
        if (m_config.credentials.isEmpty() || m_authAttempts >= kMaxAuthAttempts) {
            end(EndReason::AuthFailed, status);
            return;
        }
        ++m_authAttempts;
        SipMessage retry = m_invite;
        retry.removeHeaders(HeaderId::Authorization);
        retry.removeHeaders(HeaderId::ProxyAuthorization);
        if (!m_config.credentials.authorize(retry, response)) {
            end(EndReason::AuthFailed, status);
            return;
        }
        retry.removeTopVia();
        Via via;
        via.setBranch(newBranch());
        retry.prependVia(via);
        retry.setCSeq({m_invite.cseqNumber() + 1, "INVITE"});
        m_invite = retry;
        m_gotProvisional = false;
        m_earlyDialogs.clear();
        sendInvite();
        return;
    }
    if (status / 100 == 3) {
        const QList<NameAddr> contacts = response.contacts();
        if (contacts.isEmpty() || contacts.first().isWildcard() ||
            contacts.first().uri().scheme() == SipUri::Scheme::Tel) {
            end(EndReason::Rejected, status);
            return;
        }
        if (++m_redirects > m_config.maxRedirects) {
            end(EndReason::TooManyRedirects, status);
            return;
        }
        SipUri target = contacts.first().uri();
        target.headers() = {};
        qCInfo(lcInvite).noquote() << "redirected to" << target.toString();
        SipMessage retry = m_invite;
        retry.setRequestUri(target);
        retry.removeTopVia();
        Via via;
        via.setBranch(newBranch());
        retry.prependVia(via);
        retry.setCSeq({m_invite.cseqNumber() + 1, "INVITE"});
        m_invite = retry;
        m_authAttempts = 0;
        m_gotProvisional = false;
        m_earlyDialogs.clear();
        // A redirect target replaces the Request-URI; the outbound proxy still carries it.
        sendInvite();
        return;
    }
    end(EndReason::Rejected, status);
}

void InviteSession::onInvite2xx(const SipMessage &response) {
    const QByteArray tag = response.to().tag();
    const QByteArray key = ackKey(tag, response.cseqNumber());
    if (auto it = m_acks.constFind(key); it != m_acks.cend()) {
        sendAck(*it, m_ackHops.value(key)); // a retransmitted 2xx: our ACK got lost
        return;
    }
    if (tag.isEmpty() || response.cseqNumber() != m_invite.cseqNumber())
        return;
    m_inviteTx = nullptr;
    if (m_dialog.isValid() || m_state == State::Terminated) {
        // Forked: another branch answered too. Acknowledge it and hang it up so one call remains.
        if (m_acks.size() >= kMaxForks)
            return;
        Dialog other = Dialog::fromUacResponse(m_invite, response);
        const SipMessage ack = other.makeAck(m_invite);
        m_acks.insert(key, ack);
        m_ackHops.insert(key, other.nextHopUri());
        sendAck(ack, other.nextHopUri());
        byeDialog(other);
        return;
    }
    Dialog dialog = m_earlyDialogs.contains(tag) ? m_earlyDialogs.value(tag)
                                                 : Dialog::fromUacResponse(m_invite, response);
    dialog.confirm(response);
    m_dialog = dialog;
    m_earlyDialogs.clear();
    if (m_cancelTimer) {
        m_clock->cancel(m_cancelTimer);
        m_cancelTimer = 0;
    }

    bool acceptable = true;
    QByteArray ackBody, ackType;
    if (m_handler && !response.body().isEmpty()) {
        if (m_offerInInvite) {
            acceptable = m_handler->takeAnswer(bodyOf(response));
        } else {
            const auto answer = m_handler->answerOffer(bodyOf(response));
            if (const auto *b = std::get_if<SessionBody>(&answer)) {
                ackBody = b->data;
                ackType = b->contentType;
            } else {
                acceptable = false;
            }
        }
        if (acceptable)
            Q_EMIT remoteDescription(bodyOf(response));
    }
    const SipMessage ack = m_dialog.makeAck(m_invite, ackBody, ackType);
    m_acks.insert(key, ack);
    m_ackHops.insert(key, m_dialog.nextHopUri());
    sendAck(ack, m_dialog.nextHopUri());

    if (m_cancelRequested) {
        // The 2xx crossed our CANCEL (§15): the call exists now, so end it with BYE.
        sendBye(EndReason::LocalCancel);
        return;
    }
    if (!acceptable) {
        sendBye(EndReason::NotAcceptable);
        return;
    }
    setState(State::Confirmed);
    Q_EMIT established();
}

void InviteSession::sendCancel() {
    if (m_cancelSent || !m_inviteTx)
        return;
    m_cancelSent = true;
    // §9.1: same Request-URI, Call-ID, To, From, CSeq number and top Via (branch) as the INVITE.
    SipMessage cancel = SipMessage::makeRequest("CANCEL", m_invite.requestUri());
    if (auto via = m_invite.topVia())
        cancel.prependVia(*via);
    cancel.setMaxForwards(70);
    if (m_invite.hasHeader(HeaderId::Route))
        cancel.setRoutes(m_invite.routes());
    cancel.setFrom(m_invite.from());
    cancel.setTo(m_invite.to());
    cancel.setCallId(m_invite.callId());
    cancel.setCSeq({m_invite.cseqNumber(), "CANCEL"});
    m_transactions->sendRequest(cancel, m_invitePeer);
    setState(State::Terminating);
    // §9.1: without a final response to the INVITE within 64*T1, the call is cancelled anyway.
    m_cancelTimer = m_clock->schedule(64 * m_transactions->timers().t1, [this]() {
        m_cancelTimer = 0;
        if (!m_dialog.isValid())
            end(EndReason::LocalCancel);
    });
}

// ---------------------------------------------------------------- UAS

void InviteSession::startUas(ServerTransaction *t, const SipMessage &invite, const NameAddr &contact,
                             bool secure) {
    m_invite = invite;
    m_inviteServerTx = t;
    m_dialog = Dialog::fromUasRequest(invite, newTag(), secure);
    m_dialog.setLocalContact(contact);
    m_offerInInvite = !invite.body().isEmpty();
    setState(State::Idle);
}

void InviteSession::ring(int status, const SessionBody &earlyAnswer) {
    if (m_role != Role::Uas || !m_inviteServerTx || (m_state != State::Idle && m_state != State::Proceeding))
        return;
    SipMessage r = SipMessage::responseTo(m_invite, status, {}, m_dialog.id().localTag);
    copyRecordRoute(m_invite, r);
    r.setContacts({m_dialog.localContact()});
    if (!earlyAnswer.isEmpty())
        r.setBody(earlyAnswer.data, earlyAnswer.contentType);
    m_inviteServerTx->respond(r);
    setState(earlyAnswer.isEmpty() ? State::Proceeding : State::EarlyMedia);
}

void InviteSession::accept() {
    if (m_role != Role::Uas || !m_inviteServerTx ||
        (m_state != State::Idle && m_state != State::Proceeding && m_state != State::EarlyMedia))
        return;
    SipMessage r = SipMessage::responseTo(m_invite, 200, {}, m_dialog.id().localTag);
    copyRecordRoute(m_invite, r);
    r.setContacts({m_dialog.localContact()});
    r.setHeader(HeaderId::Allow, kAllow);
    if (m_handler) {
        if (m_offerInInvite) {
            const auto answer = m_handler->answerOffer(bodyOf(m_invite));
            if (const auto *error = std::get_if<SessionError>(&answer)) {
                answerWith488(m_inviteServerTx, m_invite, *error);
                end(EndReason::NotAcceptable, 488);
                return;
            }
            const auto &b = std::get<SessionBody>(answer);
            r.setBody(b.data, b.contentType);
            Q_EMIT remoteDescription(bodyOf(m_invite));
        } else {
            const SessionBody offer = m_handler->makeOffer();
            r.setBody(offer.data, offer.contentType);
        }
    }
    m_2xxCarriedOffer = !m_offerInInvite;
    m_dialog.setConfirmed();
    respond2xx(m_inviteServerTx, r);
    setState(State::Connecting);
}

void InviteSession::reject(int status) {
    if (m_role != Role::Uas || !m_inviteServerTx || status < 300 ||
        (m_state != State::Idle && m_state != State::Proceeding && m_state != State::EarlyMedia))
        return;
    m_inviteServerTx->respond(SipMessage::responseTo(m_invite, status, {}, m_dialog.id().localTag));
    end(EndReason::LocalReject, status);
}

void InviteSession::respond2xx(ServerTransaction *t, SipMessage response) {
    stop2xxRetransmission();
    t->respond(response);
    m_pending2xx = response;
    m_pending2xxPeer = t->responseDestination();
    m_2xxReliable = t->isReliable();
    m_2xxInterval = m_transactions->timers().t1;
    // §13.3.1.4: the 2xx is ours to retransmit (T1 doubling up to T2) until the ACK arrives;
    // a reliable transport delivers it once.
    if (!m_2xxReliable) {
        struct Retransmit {
            InviteSession *s;
            void operator()() const {
                s->m_2xxTimer = 0;
                s->m_transactions->sendStateless(s->m_pending2xx, s->m_pending2xxPeer);
                s->m_2xxInterval = qMin(s->m_2xxInterval * 2, s->m_transactions->timers().t2);
                s->m_2xxTimer = s->m_clock->schedule(s->m_2xxInterval, Retransmit{s});
            }
        };
        m_2xxTimer = m_clock->schedule(m_2xxInterval, Retransmit{this});
    }
    m_noAckTimer = m_clock->schedule(64 * m_transactions->timers().t1, [this]() {
        m_noAckTimer = 0;
        qCInfo(lcInvite) << "no ACK for our 2xx; ending the dialog";
        stop2xxRetransmission();
        sendBye(EndReason::NoAck);
    });
}

void InviteSession::stop2xxRetransmission() {
    if (m_2xxTimer)
        m_clock->cancel(m_2xxTimer);
    if (m_noAckTimer)
        m_clock->cancel(m_noAckTimer);
    m_2xxTimer = m_noAckTimer = 0;
    m_pending2xx = {};
}

void InviteSession::answerWith488(ServerTransaction *t, const SipMessage &request,
                                  const SessionError &error) {
    SipMessage r = SipMessage::responseTo(request, 488, {}, m_dialog.id().localTag);
    QByteArray text = error.warningText;
    text.replace('"', '\'');
    r.setHeader(HeaderId::Warning, QByteArray::number(error.warningCode) + " parlo \"" + text + '"');
    t->respond(r);
}

void InviteSession::receiveAck(const SipMessage &ack) {
    if (!m_pending2xx.isValid() || ack.cseqNumber() != m_pending2xx.cseqNumber())
        return;
    const bool carriedOffer = m_2xxCarriedOffer;
    stop2xxRetransmission();
    m_2xxCarriedOffer = false;
    if (carriedOffer && m_handler) {
        if (ack.body().isEmpty() || !m_handler->takeAnswer(bodyOf(ack))) {
            sendBye(EndReason::NotAcceptable);
            return;
        }
        Q_EMIT remoteDescription(bodyOf(ack));
    }
    if (m_state == State::Connecting) {
        setState(State::Confirmed);
        Q_EMIT established();
    }
}

void InviteSession::receiveCancel() {
    if (!m_inviteServerTx || m_pending2xx.isValid() || m_state == State::Confirmed ||
        m_state == State::Terminated || m_state == State::Connecting)
        return; // already answered: the CANCEL has no effect (§9.2)
    m_inviteServerTx->respond(SipMessage::responseTo(m_invite, 487, {}, m_dialog.id().localTag));
    end(EndReason::RemoteCancel);
}

void InviteSession::receiveStrayResponse(const SipMessage &response) {
    if (response.method() != "INVITE" || response.statusCode() / 100 != 2)
        return;
    const QByteArray key = ackKey(response.toTag(), response.cseqNumber());
    if (auto it = m_acks.constFind(key); it != m_acks.cend()) {
        sendAck(*it, m_ackHops.value(key)); // our ACK got lost
        return;
    }
    if (m_role == Role::Uac)
        onInvite2xx(response);
}

// ---------------------------------------------------------------- in-dialog

bool InviteSession::ownsDialog(QByteArrayView callId, QByteArrayView localTag,
                               QByteArrayView remoteTag) const {
    if (m_invite.callIdView() != callId)
        return false;
    if (m_dialog.isValid())
        return m_dialog.id().localTag == localTag && m_dialog.id().remoteTag == remoteTag;
    return m_invite.fromTag() == localTag && m_earlyDialogs.contains(remoteTag.toByteArray());
}

bool InviteSession::ownsTransaction(const ServerTransaction *t) const {
    return t && m_inviteServerTx == t;
}

void InviteSession::receiveRequest(ServerTransaction *t, const SipMessage &request) {
    const QByteArray method = request.method();
    if (method == "NOTIFY" && m_dialog.isValid()) {
        // The refer subscription outlives a BYE (RFC 5057): its final NOTIFY may follow it.
        receiveNotify(t, request);
        return;
    }
    if (m_state == State::Terminated) {
        t->respond(481);
        return;
    }
    if (!m_dialog.isValid()) {
        t->respond(481); // UAC early dialogs: we take nothing but the final answer
        return;
    }
    if (const int status = m_dialog.checkRequest(request)) {
        t->respond(status);
        return;
    }
    if (method == "BYE") {
        t->respond(200);
        if (m_role == Role::Uas && m_inviteServerTx && !m_pending2xx.isValid() &&
            m_state != State::Confirmed && m_state != State::Connecting)
            m_inviteServerTx->respond(SipMessage::responseTo(m_invite, 487, {}, m_dialog.id().localTag));
        end(EndReason::RemoteBye);
        return;
    }
    if (method == "INVITE") {
        receiveReinvite(t, request);
        return;
    }
    if (method == "UPDATE") {
        m_dialog.refreshTarget(request);
        SipMessage r = SipMessage::responseTo(request, 200);
        r.setContacts({m_dialog.localContact()});
        if (!request.body().isEmpty() && m_handler) {
            const auto answer = m_handler->answerOffer(bodyOf(request));
            if (const auto *error = std::get_if<SessionError>(&answer)) {
                answerWith488(t, request, *error);
                return;
            }
            const auto &b = std::get<SessionBody>(answer);
            r.setBody(b.data, b.contentType);
            Q_EMIT remoteDescription(bodyOf(request));
        }
        t->respond(r);
        return;
    }
    if (method == "INFO") {
        t->respond(200);
        Q_EMIT infoReceived(bodyOf(request));
        return;
    }
    if (method == "REFER") {
        receiveRefer(t, request);
        return;
    }
    SipMessage r = SipMessage::responseTo(request, 405);
    r.setHeader(HeaderId::Allow, kAllow);
    t->respond(r);
}

void InviteSession::receiveReinvite(ServerTransaction *t, const SipMessage &request) {
    if (m_reinvitePending) {
        t->respond(491); // glare (§14.2): both sides re-INVITEd; each retries after a random wait
        return;
    }
    if (m_pending2xx.isValid()) {
        // §14.2: an earlier INVITE of theirs still waits for its ACK.
        SipMessage r = SipMessage::responseTo(request, 500);
        r.setHeader(HeaderId::RetryAfter, QByteArray::number(QRandomGenerator::global()->bounded(1, 11)));
        t->respond(r);
        return;
    }
    m_dialog.refreshTarget(request);
    SipMessage r = SipMessage::responseTo(request, 200);
    r.setContacts({m_dialog.localContact()});
    bool carriesOffer = false;
    if (m_handler) {
        if (!request.body().isEmpty()) {
            const auto answer = m_handler->answerOffer(bodyOf(request));
            if (const auto *error = std::get_if<SessionError>(&answer)) {
                answerWith488(t, request, *error);
                return;
            }
            const auto &b = std::get<SessionBody>(answer);
            r.setBody(b.data, b.contentType);
            Q_EMIT remoteDescription(bodyOf(request));
        } else {
            const SessionBody offer = m_handler->makeOffer();
            r.setBody(offer.data, offer.contentType);
            carriesOffer = true;
        }
    }
    respond2xx(t, r);
    m_2xxCarriedOffer = carriesOffer;
}

bool InviteSession::reinvite() {
    if (m_state != State::Confirmed || m_reinvitePending || m_pending2xx.isValid())
        return false;
    SipMessage request = m_dialog.makeRequest("INVITE");
    if (m_handler) {
        const SessionBody offer = m_handler->makeOffer();
        if (!offer.isEmpty())
            request.setBody(offer.data, offer.contentType);
    }
    if (m_role == Role::Uac)
        m_config.credentials.reauthorize(request);
    m_reinvite = request;
    m_reinvitePending = true;
    QPointer<InviteSession> self(this);
    sendRequest(request, m_dialog.nextHopUri(), [self](const SipMessage &response) {
        if (self)
            self->onReinviteResponse(response);
    });
    return true;
}

void InviteSession::onReinviteResponse(const SipMessage &response) {
    const int status = response.statusCode();
    if (!m_reinvitePending || response.cseqNumber() != m_reinvite.cseqNumber())
        return;
    m_reinvitePending = false;
    if (m_state == State::Terminated || m_state == State::Terminating)
        return;
    if (status / 100 == 2) {
        m_dialog.refreshTarget(response);
        const SipMessage ack = m_dialog.makeAck(m_reinvite);
        const QByteArray key = ackKey(response.toTag(), response.cseqNumber());
        // Only the latest re-INVITE's ACK is kept for retransmitted 2xx: hold/resume cycles
        // must not grow the table.
        m_acks.remove(m_reinviteAckKey);
        m_ackHops.remove(m_reinviteAckKey);
        m_reinviteAckKey = key;
        m_acks.insert(key, ack);
        m_ackHops.insert(key, m_dialog.nextHopUri());
        sendAck(ack, m_dialog.nextHopUri());
        if (m_handler && !response.body().isEmpty()) {
            if (!m_handler->takeAnswer(bodyOf(response))) {
                sendBye(EndReason::NotAcceptable);
                return;
            }
            Q_EMIT remoteDescription(bodyOf(response));
        }
        Q_EMIT reinviteFinished(status);
        return;
    }
    if (status == 408 || status == 481) {
        Q_EMIT reinviteFinished(status);
        sendBye(EndReason::DialogGone);
        return;
    }
    if (status == 491) {
        // §14.1: the owner of the Call-ID (the caller) waits 2.1-4 s, the other side 0-2 s.
        const qint64 wait = m_role == Role::Uac ? QRandomGenerator::global()->bounded(2100, 4001)
                                                : QRandomGenerator::global()->bounded(0, 2001);
        m_glareTimer = m_clock->schedule(wait, [this]() {
            m_glareTimer = 0;
            reinvite();
        });
        return;
    }
    Q_EMIT reinviteFinished(status); // the session goes on as before (§14.1)
}

void InviteSession::sendBye(EndReason reason) {
    if (m_state == State::Terminated)
        return;
    if (m_endReason == EndReason::None)
        m_endReason = reason;
    stop2xxRetransmission();
    setState(State::Terminating);
    const SipMessage bye = m_dialog.makeRequest("BYE");
    QPointer<InviteSession> self(this);
    sendRequest(bye, m_dialog.nextHopUri(), [self, reason](const SipMessage &) {
        if (self)
            self->end(reason);
    });
}

void InviteSession::byeDialog(Dialog dialog) {
    const SipMessage bye = dialog.makeRequest("BYE");
    sendRequest(bye, dialog.nextHopUri(), {});
}

void InviteSession::hangup() {
    switch (m_state) {
    case State::Idle:
    case State::Proceeding:
    case State::EarlyMedia:
        if (m_role == Role::Uas) {
            reject(603);
            return;
        }
        [[fallthrough]];
    case State::Calling:
        if (m_role == Role::Uac) {
            if (!m_inviteTx) {
                end(EndReason::LocalCancel); // still resolving: nothing went out yet
                return;
            }
            m_cancelRequested = true;
            m_endReason = EndReason::LocalCancel;
            if (m_gotProvisional)
                sendCancel(); // §9.1: not before a provisional response
        }
        return;
    case State::Connecting:
    case State::Confirmed:
        sendBye(EndReason::LocalBye);
        return;
    case State::Terminating:
    case State::Terminated:
        return;
    }
}

// ---------------------------------------------------------------- INFO, REFER (RFC 3515)

bool InviteSession::info(const SessionBody &body) {
    if (m_state != State::Confirmed)
        return false;
    SipMessage request = m_dialog.makeRequest("INFO");
    if (!body.isEmpty())
        request.setBody(body.data, body.contentType);
    if (m_role == Role::Uac)
        m_config.credentials.reauthorize(request);
    sendRequest(request, m_dialog.nextHopUri(), {});
    return true;
}

void InviteSession::pruneRefers() {
    // Terminated subscriptions are kept for the application to read, but a peer sending REFER
    // after REFER must not grow the list: the oldest finished ones go first.
    for (qsizetype i = 0; i < m_refers.size() && m_refers.size() >= 2 * kMaxReferSubscriptions;) {
        ReferSubscription *r = m_refers.at(i);
        if (r->state() == ReferSubscription::State::Terminated) {
            m_refers.removeAt(i);
            r->deleteLater();
        } else {
            ++i;
        }
    }
}

int InviteSession::liveRefers(int role) const {
    int n = 0;
    for (const ReferSubscription *r : m_refers)
        n += int(r->role()) == role && r->state() != ReferSubscription::State::Terminated;
    return n;
}

ReferSubscription *InviteSession::refer(const NameAddr &referTo, const std::optional<Replaces> &replaces) {
    if (m_state != State::Confirmed || !m_dialog.isValid() ||
        liveRefers(int(ReferSubscription::Role::Referrer)) >= kMaxReferSubscriptions)
        return nullptr;
    pruneRefers();
    auto *refer = new ReferSubscription(ReferSubscription::Role::Referrer, this);
    refer->m_referTo = referTo;
    refer->m_referTo.params().remove("tag");
    if (replaces) {
        refer->m_referTo.uri().headers().set("Replaces", replaces->toString());
        refer->m_replaces = replaces;
    }
    refer->m_referredBy = NameAddr(m_dialog.localUri().uri(), m_dialog.localUri().displayName());
    m_refers.append(refer);
    connect(refer, &QObject::destroyed, this, [this, refer]() { m_refers.removeOne(refer); });
    refer->sendRefer(false);
    return refer;
}

void InviteSession::receiveRefer(ServerTransaction *t, const SipMessage &request) {
    const QList<QByteArray> referTo = request.headers(HeaderId::ReferTo);
    std::optional<NameAddr> target;
    if (referTo.size() == 1) {
        target = NameAddr::parse(referTo.first());
        if (target && target->uri().scheme() == SipUri::Scheme::Tel)
            target.reset(); // we can only place SIP calls
    }
    if (!target || !target->uri().isValid()) {
        t->respond(SipMessage::responseTo(request, 400, "Missing or malformed Refer-To"));
        return;
    }
    std::optional<Replaces> replaces;
    if (const auto value = target->uri().headers().value("Replaces")) {
        replaces = Replaces::parse(*value);
        if (!replaces) {
            t->respond(SipMessage::responseTo(request, 400, "Malformed Replaces in Refer-To"));
            return;
        }
    }
    if (liveRefers(int(ReferSubscription::Role::Referee)) >= kMaxReferSubscriptions) {
        SipMessage r = SipMessage::responseTo(request, 503);
        r.setHeader(HeaderId::RetryAfter, "5");
        t->respond(r);
        return;
    }
    pruneRefers();
    auto *refer = new ReferSubscription(ReferSubscription::Role::Referee, this);
    refer->m_referTo = *target;
    refer->m_replaces = replaces;
    if (request.hasHeader(HeaderId::ReferredBy))
        refer->m_referredBy = NameAddr::parse(request.header(HeaderId::ReferredBy));
    refer->startReferee(t, request);
    m_refers.append(refer);
    connect(refer, &QObject::destroyed, this, [this, refer]() { m_refers.removeOne(refer); });
    qCInfo(lcInvite).noquote() << "REFER to" << refer->target().toString();
    QPointer<ReferSubscription> guard(refer);
    Q_EMIT referReceived(refer);
    if (guard && guard->state() == ReferSubscription::State::Pending)
        guard->arm(ReferSubscription::kDecisionTimeoutMs);
}

void InviteSession::receiveNotify(ServerTransaction *t, const SipMessage &request) {
    const QByteArray event = request.header(HeaderId::Event);
    const qsizetype semi = event.indexOf(';');
    const QByteArray package = event.left(semi < 0 ? event.size() : semi).trimmed().toLower();
    if (package != "refer") {
        t->respond(489); // Bad Event: the only subscription an INVITE dialog carries here
        return;
    }
    if (const int status = m_dialog.checkRequest(request)) {
        t->respond(status);
        return;
    }
    std::optional<quint32> id;
    if (semi >= 0) {
        if (const auto v = grammar::findParam(QByteArrayView(event).sliced(semi + 1), "id"))
            id = quint32(v->toByteArray().toUInt());
    }
    for (ReferSubscription *refer : std::as_const(m_refers)) {
        if (refer->role() == ReferSubscription::Role::Referrer && (!id || refer->id() == *id) &&
            (id || refer->state() != ReferSubscription::State::Terminated)) {
            refer->receiveNotify(t, request);
            return;
        }
    }
    t->respond(481);
}

} // namespace parlo::sip

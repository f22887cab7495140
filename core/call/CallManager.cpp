#include "call/CallManager.h"

#include "account/UserAgent.h"
#include "sip/dialog/InviteSessionManager.h"
#include "sip/dialog/LocalContact.h"
#include "sip/dialog/ReferSubscription.h"
#include "sip/transport/TransportLayer.h"

#include <QLoggingCategory>
#include <QTimer>

Q_DECLARE_LOGGING_CATEGORY(lcCall)

namespace parlo {

using namespace parlo::sip;

CallManager::CallManager(UserAgent *ua, QObject *parent)
    : QObject(parent)
    , m_ua(ua)
    , m_sessions(new InviteSessionManager(ua->transactions(), ua->uas(), ua->resolver(), this)) {
    m_caps.codecs = sdp::MediaCapabilities::defaultCodecs();
    connect(m_sessions, &InviteSessionManager::incomingSession, this, &CallManager::onIncoming);
}

CallManager::~CallManager() {
    for (Call *c : std::as_const(m_calls))
        c->hangup();
}

void CallManager::setDoNotDisturb(bool on) {
    if (m_dnd == on)
        return;
    m_dnd = on;
    Q_EMIT doNotDisturbChanged(on);
}

std::unique_ptr<CallMedia> CallManager::makeMedia(const QHostAddress &towards) {
    return m_mediaFactory ? m_mediaFactory(towards) : nullptr;
}

void CallManager::setCallWaiting(bool on) {
    if (m_callWaiting == on)
        return;
    m_callWaiting = on;
    Q_EMIT callWaitingChanged(on);
}

Call *CallManager::adopt(Call *call) {
    m_calls.append(call);
    connect(call, &Call::ended, this, [this, call]() {
        m_calls.removeOne(call);
        Q_EMIT callEnded(call);
        // A transfer outlives the call (the final NOTIFY may follow a BYE): keep the Call until
        // its outcome is reported.
        if (!m_transfers.contains(call))
            call->deleteLater();
    });
    if (InviteSession *session = call->session()) {
        connect(session, &InviteSession::referReceived, this,
                [this, call](ReferSubscription *refer) { onReferReceived(call, refer); });
    }
    Q_EMIT callAdded(call);
    return call;
}

Call *CallManager::callFor(const InviteSession *session) const {
    for (Call *c : m_calls) {
        if (session && c->session() == session)
            return c;
    }
    return nullptr;
}

bool CallManager::hasLiveCall() const {
    for (const Call *c : m_calls) {
        if (c->state() != Call::State::Ended && c->state() != Call::State::Ending)
            return true;
    }
    return false;
}

Call *CallManager::dial(const SipUri &target) {
    return dialWith(target, {});
}

Call *CallManager::dialWith(const SipUri &target, const QList<std::pair<QByteArray, QByteArray>> &headers) {
    // The first hop decides the transport and which local address our Contact and SDP carry.
    const SipUri hop = m_identity.outboundProxy.value_or(target);
    TransportProtocol protocol = m_identity.transport.value_or(TransportProtocol::Udp);
    if (auto t = transportFromName(hop.transportParam()))
        protocol = *t;
    const QHostAddress towards(QString::fromLatin1(hop.host()));

    auto media = makeMedia(towards);
    if (!media) {
        qCWarning(lcCall) << "no media port for a call to" << target.toString();
        return nullptr;
    }
    auto *call = new Call(Call::Direction::Outgoing, m_caps, std::move(media), this);

    InviteSession::UacConfig config;
    config.target = target;
    config.from = m_identity.from;
    if (config.from.uri().host().isEmpty()) // direct-IP: we are anonymous at our own address
        config.from = localContact(m_ua->transport(), "parlo", protocol, towards);
    config.contact = localContact(m_ua->transport(), m_identity.from.uri().user(), protocol, towards);
    config.outboundProxy = m_identity.outboundProxy;
    config.credentials = m_identity.credentials;
    config.extraHeaders = headers;
    InviteSession *session = m_sessions->invite(config, call->handler());
    call->attach(session);
    return adopt(call);
}

void CallManager::onIncoming(InviteSession *session) {
    if (Call *replaced = callFor(session->replacedSession())) {
        takeOver(replaced, session); // not a new call: DND and call waiting do not apply
        return;
    }
    const auto refuse = [this, session](int status) {
        const NameAddr remote = session->remoteIdentity();
        session->reject(status);
        Q_EMIT incomingRefused(QString::fromUtf8(remote.uri().toString()), remote.displayName(), status);
    };
    if (m_dnd) {
        refuse(486);
        return;
    }
    if (!m_callWaiting && hasLiveCall()) {
        refuse(486);
        return;
    }
    // 180 first: it carries no SDP, so it need not wait for the media (binding the RTP/RTCP pair
    // and handing the worker to the media thread). Only the answer needs the bound port.
    session->ring(180);
    const QHostAddress from(QString::fromLatin1(session->invite().topVia().value_or(Via()).host()));
    auto media = makeMedia(from);
    if (!media) {
        refuse(503);
        return;
    }
    auto *call = new Call(Call::Direction::Incoming, m_caps, std::move(media), this);
    call->attach(session);
    adopt(call);
    Q_EMIT incomingCall(call);
    if (m_autoAnswerMs >= 0) {
        QPointer<Call> guard(call);
        QTimer::singleShot(m_autoAnswerMs, this, [guard]() {
            if (guard)
                guard->answer();
        });
    }
}

// ---------------------------------------------------------------- Replaces (RFC 3891)

void CallManager::takeOver(Call *replaced, InviteSession *session) {
    const QHostAddress from(QString::fromLatin1(session->invite().topVia().value_or(Via()).host()));
    auto media = makeMedia(from);
    if (!media) {
        session->reject(503);
        return;
    }
    auto *call = new Call(Call::Direction::Incoming, m_caps, std::move(media), this);
    call->attach(session);
    adopt(call);
    QPointer<Call> old(replaced);
    connect(call, &Call::stateChanged, replaced, [old](Call::State s) {
        if (s == Call::State::Active && old)
            old->hangup();
    });
    qCInfo(lcCall).noquote() << "call" << replaced->remoteUri() << "replaced by" << call->remoteUri();
    Q_EMIT callReplaced(replaced, call);
    call->answer();
}

// ---------------------------------------------------------------- several calls

bool CallManager::swap(Call *toActivate) {
    if (!toActivate || !m_calls.contains(toActivate))
        return false;
    const Call::State state = toActivate->state();
    const bool ringingIn =
        toActivate->direction() == Call::Direction::Incoming && state == Call::State::Ringing;
    if (state != Call::State::Active && !ringingIn)
        return false;
    for (Call *other : std::as_const(m_calls)) {
        if (other != toActivate && other->state() == Call::State::Active && !other->isOnHold())
            other->hold();
    }
    if (ringingIn) {
        toActivate->answer();
        return true;
    }
    return toActivate->isOnHold() ? toActivate->resume() : true;
}

// ---------------------------------------------------------------- transfer (RFC 3515)

sip::ReferSubscription *CallManager::transferOf(Call *call) const {
    return m_transfers.value(call).refer;
}

bool CallManager::transferBlind(Call *call, const SipUri &target) {
    if (!call || !m_calls.contains(call) || call->state() != Call::State::Active || !call->session() ||
        m_transfers.contains(call) || !target.isValid())
        return false;
    SipUri uri = target;
    uri.headers() = {}; // what the transferee adds to its INVITE is ours to say, not the caller's
    ReferSubscription *refer = call->session()->refer(NameAddr(uri));
    if (!refer)
        return false;
    startTransfer(call, refer, nullptr);
    return true;
}

bool CallManager::transferAttended(Call *call, Call *consultation) {
    if (!call || !consultation || call == consultation || !m_calls.contains(call) ||
        !m_calls.contains(consultation) || call->state() != Call::State::Active ||
        consultation->state() != Call::State::Active || !call->session() || !consultation->session() ||
        m_transfers.contains(call))
        return false;
    const Dialog &dialog = consultation->session()->dialog();
    if (!dialog.isValid() || !dialog.remoteTarget().isValid())
        return false;
    // Seen from the transfer target, which receives the INVITE: its local tag is our remote tag.
    const Replaces replaces(dialog.id().callId, dialog.id().remoteTag, dialog.id().localTag);
    SipUri target = dialog.remoteTarget();
    target.headers() = {};
    ReferSubscription *refer = call->session()->refer(NameAddr(target), replaces);
    if (!refer)
        return false;
    startTransfer(call, refer, consultation);
    return true;
}

void CallManager::startTransfer(Call *call, ReferSubscription *refer, Call *consultation) {
    m_transfers.insert(call, {refer, consultation});
    connect(refer, &ReferSubscription::progress, this,
            [this, call](int status, const QByteArray &) { Q_EMIT transferProgress(call, status); });
    connect(refer, &ReferSubscription::finished, this,
            [this, call](ReferSubscription::Outcome outcome, int status) {
                const Transfer transfer = m_transfers.take(call);
                if (outcome == ReferSubscription::Outcome::Succeeded) {
                    call->hangup();
                    if (transfer.consultation)
                        transfer.consultation->hangup();
                    Q_EMIT transferSucceeded(call);
                } else {
                    Q_EMIT transferFailed(call, status ? status : 500);
                }
                if (call->state() == Call::State::Ended)
                    call->deleteLater();
            });
    // The session (and with it the subscription) may go away without an outcome: never leave the
    // call waiting for one.
    connect(refer, &QObject::destroyed, this, [this, call]() {
        if (!m_transfers.contains(call))
            return;
        m_transfers.remove(call);
        Q_EMIT transferFailed(call, 408);
        if (call->state() == Call::State::Ended)
            call->deleteLater();
    });
}

void CallManager::onReferReceived(Call *call, ReferSubscription *refer) {
    if (!m_acceptTransfers || call->state() != Call::State::Active) {
        refer->reject(403);
        return;
    }
    // One transfer per call at a time: a peer repeating REFER must not make us dial on and on.
    for (const ReferSubscription *other : call->session()->referSubscriptions()) {
        if (other != refer && other->role() == ReferSubscription::Role::Referee &&
            other->state() != ReferSubscription::State::Terminated) {
            refer->reject(403);
            return;
        }
    }
    QList<std::pair<QByteArray, QByteArray>> headers;
    if (const auto replaces = refer->replaces())
        headers.append({"Replaces", replaces->toString()});
    if (const auto by = refer->referredBy())
        headers.append({"Referred-By", by->toString()});
    refer->accept();
    Call *newCall = dialWith(refer->target(), headers);
    if (!newCall) {
        refer->notify(503);
        return;
    }
    QPointer<ReferSubscription> subscription(refer);
    QPointer<Call> original(call);
    connect(newCall, &Call::stateChanged, this, [subscription, original, newCall](Call::State s) {
        switch (s) {
        case Call::State::Ringing:
            if (subscription)
                subscription->notify(180, "Ringing");
            break;
        case Call::State::Active:
            if (subscription)
                subscription->notify(200, "OK");
            if (original)
                original->hangup();
            break;
        case Call::State::Ended:
            if (subscription) {
                const int status = newCall->endStatus();
                subscription->notify(status >= 300 ? status : 487);
            }
            break;
        default:
            break;
        }
    });
    qCInfo(lcCall).noquote() << "transferred by" << call->remoteUri() << "to" << refer->target().toString();
    Q_EMIT transferRequested(call, newCall);
}

} // namespace parlo

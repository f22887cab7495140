#include "call/CallManager.h"

#include "account/UserAgent.h"
#include "sip/dialog/InviteSessionManager.h"
#include "sip/dialog/LocalContact.h"
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

Call *CallManager::adopt(Call *call) {
    m_calls.append(call);
    connect(call, &Call::ended, this, [this, call]() {
        m_calls.removeOne(call);
        Q_EMIT callEnded(call);
        call->deleteLater();
    });
    Q_EMIT callAdded(call);
    return call;
}

Call *CallManager::dial(const SipUri &target) {
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
    InviteSession *session = m_sessions->invite(config, call->handler());
    call->attach(session);
    return adopt(call);
}

void CallManager::onIncoming(InviteSession *session) {
    if (m_dnd) {
        session->reject(486);
        return;
    }
    const QHostAddress from(QString::fromLatin1(session->invite().topVia().value_or(Via()).host()));
    auto media = makeMedia(from);
    if (!media) {
        session->reject(503);
        return;
    }
    auto *call = new Call(Call::Direction::Incoming, m_caps, std::move(media), this);
    call->attach(session);
    adopt(call);
    call->ring();
    Q_EMIT incomingCall(call);
    if (m_autoAnswerMs >= 0) {
        QPointer<Call> guard(call);
        QTimer::singleShot(m_autoAnswerMs, this, [guard]() {
            if (guard)
                guard->answer();
        });
    }
}

} // namespace parlo

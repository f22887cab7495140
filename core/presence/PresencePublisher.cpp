#include "presence/PresencePublisher.h"

#include "account/UserAgent.h"
#include "presence/PresenceDocument.h"
#include "sip/dialog/Publication.h"

namespace parlo::presence {

PresencePublisher::PresencePublisher(UserAgent *ua, QObject *parent)
    : QObject(parent)
    , m_publication(new sip::Publication(ua->transactions(), ua->resolver(), ua->clock(), this)) {
    using P = sip::Publication;
    connect(m_publication, &P::stateChanged, this, [this](P::State s) {
        switch (s) {
        case P::State::Idle:
            setState(State::Idle);
            break;
        case P::State::Publishing:
        case P::State::RetryWaiting:
            setState(State::Publishing);
            break;
        case P::State::Published:
        case P::State::Refreshing: // what watchers see is still published
            setState(State::Published);
            break;
        case P::State::Removing:
            setState(State::Removing);
            break;
        case P::State::Failed:
            setState(State::Failed);
            break;
        }
    });
    connect(m_publication, &P::published, this, &PresencePublisher::published);
    connect(m_publication, &P::removed, this, &PresencePublisher::removed);
    connect(m_publication, &P::failed, this, &PresencePublisher::failed);
}

PresencePublisher::~PresencePublisher() = default;

void PresencePublisher::setCredentials(const sip::DigestCredentials &credentials) {
    m_publication->setCredentials(credentials);
}

void PresencePublisher::setState(State s) {
    if (m_state == s)
        return;
    m_state = s;
    Q_EMIT stateChanged(s);
}

sip::RequestError PresencePublisher::lastError() const {
    return m_publication->lastError();
}

PresenceState PresencePublisher::effectivePresence() const {
    // Offline stays offline: a call does not make an invisible user visible.
    if (m_onThePhone && m_presence != PresenceState::Offline)
        return PresenceState::OnThePhone;
    return m_presence;
}

QByteArray PresencePublisher::document() const {
    const QString entity = QString::fromUtf8(m_config.aor.uri().toString());
    return PresenceDocument::fromState(entity, effectivePresence(), m_note).toXml();
}

void PresencePublisher::setPresence(PresenceState state, const QString &note) {
    const bool change = state != m_presence || note != m_note;
    m_presence = state;
    m_note = note;
    if (change)
        Q_EMIT presenceChanged();
    m_active = true;
    publishNow();
}

void PresencePublisher::setOnThePhone(bool onThePhone) {
    if (onThePhone == m_onThePhone)
        return;
    const PresenceState before = effectivePresence();
    m_onThePhone = onThePhone;
    Q_EMIT presenceChanged();
    if (m_active && effectivePresence() != before)
        publishNow();
}

void PresencePublisher::publishNow() {
    sip::Publication::Config c;
    c.aor = m_config.aor;
    c.outboundProxy = m_config.outboundProxy;
    c.transport = m_config.transport;
    c.retryAutomatically = m_config.retryAutomatically;
    m_publication->setConfig(c);
    m_publication->publish(document(), PresenceDocument::contentType, "presence", m_config.expires);
}

void PresencePublisher::remove() {
    m_active = false;
    m_publication->remove();
}

} // namespace parlo::presence

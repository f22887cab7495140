#include "presence/MessageWaiting.h"

#include "account/UserAgent.h"
#include "sip/dialog/Subscription.h"

namespace parlo::presence {

MessageWaiting::MessageWaiting(UserAgent *ua, QObject *parent)
    : QObject(parent)
    , m_ua(ua) {}

MessageWaiting::~MessageWaiting() = default;

void MessageWaiting::setState(State s) {
    if (m_state == s)
        return;
    m_state = s;
    Q_EMIT stateChanged(s);
}

void MessageWaiting::start() {
    if (m_state == State::Watching || m_state == State::Stopping)
        return;
    if (m_subscription)
        m_subscription->deleteLater();
    m_subscription =
        new sip::Subscription(m_ua->transactions(), m_ua->uas(), m_ua->resolver(), m_ua->clock(), this);
    sip::Subscription::Config c;
    c.target = m_config.aor.uri();
    c.from = m_config.aor;
    c.event = "message-summary";
    c.accept = {MessageSummary::contentType};
    c.expires = m_config.expires;
    c.outboundProxy = m_config.outboundProxy;
    c.transport = m_config.transport;
    c.maxBodySize = 16 * 1024; // MessageSummary::parse's own cap
    c.validator = [](const QByteArray &, const QByteArray &body) -> QByteArray {
        const auto r = MessageSummary::parse(body);
        if (const auto *e = std::get_if<EventBodyError>(&r))
            return "bad message-summary" +
                   (e->line > 0 ? " at line " + QByteArray::number(e->line) : QByteArray());
        return {};
    };
    m_subscription->setConfig(c);
    m_subscription->setCredentials(m_credentials);
    connect(m_subscription, &sip::Subscription::notified, this,
            [this](const QByteArray &, const QByteArray &body) {
                const auto r = MessageSummary::parse(body);
                if (const auto *s = std::get_if<MessageSummary>(&r)) {
                    m_summary = *s;
                    Q_EMIT changed();
                }
            });
    connect(m_subscription, &sip::Subscription::failed, this, &MessageWaiting::failed);
    connect(m_subscription, &sip::Subscription::terminated, this, [this]() {
        if (m_state == State::Stopping) {
            setState(State::Idle);
            Q_EMIT stopped();
        } else {
            setState(State::Failed);
        }
    });
    setState(State::Watching);
    m_subscription->start();
}

void MessageWaiting::stop() {
    if (m_state != State::Watching || !m_subscription)
        return;
    setState(State::Stopping);
    m_subscription->stop(); // emits terminated (at once when there is no dialog yet)
}

} // namespace parlo::presence

#include "presence/PresenceWatcher.h"

#include "account/UserAgent.h"
#include "presence/PresenceDocument.h"
#include "sip/dialog/Subscription.h"

#include <QLoggingCategory>
#include <QMetaEnum>

#include <algorithm>

Q_LOGGING_CATEGORY(lcPresenceWatcher, "parlo.presence.watcher")

namespace parlo::presence {

namespace {
QByteArray eventName(PresenceWatcher::Package package) {
    switch (package) {
    case PresenceWatcher::Package::Presence:
        return "presence";
    case PresenceWatcher::Package::Reg:
        return "reg";
    case PresenceWatcher::Package::Dialog:
        return "dialog";
    }
    return {};
}

QByteArray contentType(PresenceWatcher::Package package) {
    switch (package) {
    case PresenceWatcher::Package::Presence:
        return PresenceDocument::contentType;
    case PresenceWatcher::Package::Reg:
        return RegInfo::contentType;
    case PresenceWatcher::Package::Dialog:
        return DialogInfo::contentType;
    }
    return {};
}

QByteArray describe(const EventBodyError &e) {
    QByteArray text = QByteArray(QMetaEnum::fromType<EventBodyError::Kind>().valueToKey(int(e.kind)));
    if (e.line > 0)
        text += " at " + QByteArray::number(e.line) + ':' + QByteArray::number(e.column);
    if (!e.detail.isEmpty())
        text += " (" + e.detail.toUtf8() + ')';
    return text;
}

// "sip:bob@example.com" without parameters, for matching reginfo aor attributes.
QString bareAor(const sip::SipUri &uri) {
    return QStringLiteral("%1:%2@%3")
        .arg(uri.scheme() == sip::SipUri::Scheme::Sips ? QStringLiteral("sips") : QStringLiteral("sip"),
             QString::fromUtf8(uri.user()), QString::fromUtf8(uri.host()).toLower());
}
} // namespace

PresenceWatcher::PresenceWatcher(UserAgent *ua, QObject *parent)
    : QObject(parent)
    , m_ua(ua) {}

PresenceWatcher::~PresenceWatcher() = default;

void PresenceWatcher::setState(State s) {
    if (m_state == s)
        return;
    m_state = s;
    Q_EMIT stateChanged(s);
}

QByteArray PresenceWatcher::validate(Package package, const QByteArray &body) {
    switch (package) {
    case Package::Presence: {
        const auto r = PresenceDocument::parse(body);
        return std::holds_alternative<EventBodyError>(r) ? describe(std::get<EventBodyError>(r))
                                                         : QByteArray();
    }
    case Package::Reg: {
        const auto r = RegInfo::parse(body);
        return std::holds_alternative<EventBodyError>(r) ? describe(std::get<EventBodyError>(r))
                                                         : QByteArray();
    }
    case Package::Dialog: {
        const auto r = DialogInfo::parse(body);
        return std::holds_alternative<EventBodyError>(r) ? describe(std::get<EventBodyError>(r))
                                                         : QByteArray();
    }
    }
    return "unknown package";
}

sip::Subscription *PresenceWatcher::makeSubscription(Package package) {
    auto *sub =
        new sip::Subscription(m_ua->transactions(), m_ua->uas(), m_ua->resolver(), m_ua->clock(), this);
    sip::Subscription::Config c;
    c.target = m_config.contact;
    c.from = m_config.from;
    c.event = eventName(package);
    c.accept = {contentType(package)};
    c.expires = m_config.expires;
    c.outboundProxy = m_config.outboundProxy;
    c.transport = m_config.transport;
    c.maxBodySize = m_config.maxBodySize;
    c.validator = [package](const QByteArray &, const QByteArray &body) { return validate(package, body); };
    sub->setConfig(c);
    sub->setCredentials(m_credentials);
    connect(sub, &sip::Subscription::notified, this,
            [this, package](const QByteArray &, const QByteArray &body) { onNotified(package, body); });
    connect(sub, &sip::Subscription::failed, this,
            [this, package](const sip::RequestError &e) { Q_EMIT failed(package, e); });
    connect(sub, &sip::Subscription::terminated, this, [this, package]() { onTerminated(package); });
    return sub;
}

sip::Subscription *PresenceWatcher::subscription(Package package) const {
    for (const Watch &w : m_watches)
        if (w.package == package)
            return w.subscription;
    return nullptr;
}

PresenceWatcher::Watch *PresenceWatcher::watch(Package package) {
    for (Watch &w : m_watches)
        if (w.package == package)
            return &w;
    return nullptr;
}

void PresenceWatcher::start() {
    if (m_state == State::Watching || m_state == State::Stopping)
        return;
    for (const Watch &w : std::as_const(m_watches))
        w.subscription->deleteLater();
    m_watches.clear();
    QList<Package> packages;
    if (m_config.watchPresence)
        packages << Package::Presence;
    if (m_config.watchRegistration)
        packages << Package::Reg;
    if (m_config.watchDialog)
        packages << Package::Dialog;
    for (Package p : packages)
        m_watches.append(Watch{p, makeSubscription(p)});
    setState(State::Watching);
    for (const Watch &w : std::as_const(m_watches))
        w.subscription->start();
}

void PresenceWatcher::stop() {
    if (m_state != State::Watching)
        return;
    setState(State::Stopping);
    for (Watch &w : m_watches) {
        w.resync = false;
        w.subscription->stop();
    }
    onTerminated(Package::Presence); // in case nothing was left to un-subscribe
}

void PresenceWatcher::onTerminated(Package package) {
    if (Watch *w = watch(package); w && w->resync && m_state == State::Watching) {
        w->resync = false;
        w->subscription->start();
        return;
    }
    const bool allEnded = std::all_of(m_watches.cbegin(), m_watches.cend(), [](const Watch &x) {
        const auto s = x.subscription->state();
        return s == sip::Subscription::State::Terminated || s == sip::Subscription::State::Idle;
    });
    if (!allEnded)
        return;
    if (m_state == State::Stopping) {
        setState(State::Idle);
        Q_EMIT stopped();
    } else if (m_state == State::Watching) {
        setState(State::Failed);
    }
}

void PresenceWatcher::resync(Package package) {
    Watch *w = watch(package);
    if (!w || m_state != State::Watching)
        return;
    qCInfo(lcPresenceWatcher) << eventName(package) << "version gap: subscribing again for a full state";
    w->resync = true;
    w->subscription->stop();
}

void PresenceWatcher::onNotified(Package package, const QByteArray &body) {
    switch (package) {
    case Package::Presence: {
        const auto parsed = PresenceDocument::parse(body);
        if (!std::holds_alternative<PresenceDocument>(parsed))
            return; // the validator let it through, so this does not happen
        const PresenceDocument &doc = std::get<PresenceDocument>(parsed);
        const PresenceState state = doc.state();
        const QString note = doc.note();
        if (state != m_presence || note != m_note) {
            m_presence = state;
            m_note = note;
            Q_EMIT presenceChanged();
        }
        return;
    }
    case Package::Reg: {
        const auto parsed = RegInfo::parse(body);
        if (std::holds_alternative<RegInfo>(parsed))
            applyRegInfo(std::get<RegInfo>(parsed), package);
        return;
    }
    case Package::Dialog: {
        const auto parsed = DialogInfo::parse(body);
        if (std::holds_alternative<DialogInfo>(parsed))
            applyDialogInfo(std::get<DialogInfo>(parsed), package);
        return;
    }
    }
}

void PresenceWatcher::applyRegInfo(const RegInfo &update, Package package) {
    switch (m_regInfo.merge(update)) {
    case RegInfo::MergeResult::Stale:
        return;
    case RegInfo::MergeResult::Gap:
        resync(package);
        return;
    case RegInfo::MergeResult::Applied:
        break;
    }
    updateRegistration();
}

void PresenceWatcher::updateRegistration() {
    // The registration for our contact; a notifier that names the AOR differently (other host
    // spelling, parameters) still sends only the one we asked for.
    const QString aor = bareAor(m_config.contact);
    QList<const RegInfo::Registration *> regs;
    for (const RegInfo::Registration &r : std::as_const(m_regInfo.registrations)) {
        const std::optional<sip::SipUri> uri = sip::SipUri::parse(r.aor.toUtf8());
        if (uri && bareAor(*uri) == aor)
            regs << &r;
    }
    if (regs.isEmpty())
        for (const RegInfo::Registration &r : std::as_const(m_regInfo.registrations))
            regs << &r;
    int devices = 0;
    for (const RegInfo::Registration *r : std::as_const(regs))
        if (r->registered())
            devices += int(r->activeContacts().size());
    const Registration state = devices > 0 ? Registration::Registered : Registration::NotRegistered;
    if (state != m_registration || devices != m_devices) {
        m_registration = state;
        m_devices = devices;
        Q_EMIT registrationChanged();
    }
}

void PresenceWatcher::applyDialogInfo(const DialogInfo &update, Package package) {
    switch (m_dialogInfo.merge(update)) {
    case DialogInfo::MergeResult::Stale:
        return;
    case DialogInfo::MergeResult::Gap:
        resync(package);
        return;
    case DialogInfo::MergeResult::Applied:
        break;
    }
    const BusyLamp lamp = m_dialogInfo.busyLamp();
    if (lamp != m_busyLamp) {
        m_busyLamp = lamp;
        Q_EMIT busyLampChanged();
    }
}

} // namespace parlo::presence

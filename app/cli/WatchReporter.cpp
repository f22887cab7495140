#include "WatchReporter.h"

#include "ErrorText.h"

#include <QJsonObject>

using namespace parlo::presence;

namespace {
QString packageName(PresenceWatcher::Package p) {
    switch (p) {
    case PresenceWatcher::Package::Presence:
        return QStringLiteral("presence");
    case PresenceWatcher::Package::Reg:
        return QStringLiteral("reg");
    case PresenceWatcher::Package::Dialog:
        return QStringLiteral("dialog");
    }
    return {};
}

QString lampName(BusyLamp lamp) {
    switch (lamp) {
    case BusyLamp::Idle:
        return QStringLiteral("idle");
    case BusyLamp::Ringing:
        return QStringLiteral("ringing");
    case BusyLamp::InCall:
        return QStringLiteral("in-call");
    case BusyLamp::Unknown:
        break;
    }
    return QStringLiteral("unknown");
}
} // namespace

WatchReporter::WatchReporter(PresenceWatcher *watcher, EventPrinter *out, const QString &hop, QObject *parent)
    : QObject(parent)
    , m_watcher(watcher)
    , m_out(out)
    , m_uri(QString::fromUtf8(watcher->config().contact.toString()))
    , m_hop(hop) {
    connect(watcher, &PresenceWatcher::presenceChanged, this, &WatchReporter::printPresence);
    connect(watcher, &PresenceWatcher::registrationChanged, this, &WatchReporter::printRegistration);
    connect(watcher, &PresenceWatcher::busyLampChanged, this, &WatchReporter::printDialog);
    connect(watcher, &PresenceWatcher::failed, this,
            [this](PresenceWatcher::Package p, const parlo::sip::RequestError &e) {
                const QString text = ErrorText::requestFailure(e, m_hop);
                QString line =
                    QStringLiteral("%1: %2 subscription failed: %3").arg(m_uri, packageName(p), text);
                if (e.temporary)
                    line += QStringLiteral(" (will retry)");
                m_out->event(QStringLiteral("watch_failed"), line,
                             {{QStringLiteral("uri"), m_uri},
                              {QStringLiteral("package"), packageName(p)},
                              {QStringLiteral("kind"), ErrorText::requestFailureKind(e)},
                              {QStringLiteral("status"), e.status},
                              {QStringLiteral("reason"), QString::fromUtf8(e.reason)},
                              {QStringLiteral("temporary"), e.temporary},
                              {QStringLiteral("message"), text}});
            });
}

void WatchReporter::printPresence() {
    const QString state = ErrorText::presenceName(m_watcher->presence());
    const QString note = m_watcher->note();
    m_out->event(
        QStringLiteral("presence"),
        note.isEmpty() ? QStringLiteral("%1: presence %2").arg(m_uri, state)
                       : QStringLiteral("%1: presence %2 (%3)").arg(m_uri, state, note),
        {{QStringLiteral("uri"), m_uri}, {QStringLiteral("state"), state}, {QStringLiteral("note"), note}});
}

void WatchReporter::printRegistration() {
    const bool registered = m_watcher->registration() == PresenceWatcher::Registration::Registered;
    const int devices = m_watcher->deviceCount();
    m_out->event(QStringLiteral("registration"),
                 registered ? QStringLiteral("%1: registered (%2 device%3)")
                                  .arg(m_uri)
                                  .arg(devices)
                                  .arg(devices == 1 ? QString() : QStringLiteral("s"))
                            : QStringLiteral("%1: not registered").arg(m_uri),
                 {{QStringLiteral("uri"), m_uri},
                  {QStringLiteral("state"),
                   registered ? QStringLiteral("registered") : QStringLiteral("not registered")},
                  {QStringLiteral("registered"), registered},
                  {QStringLiteral("devices"), devices}});
}

void WatchReporter::printDialog() {
    const QString state = lampName(m_watcher->busyLamp());
    m_out->event(QStringLiteral("dialog"), QStringLiteral("%1: dialog %2").arg(m_uri, state),
                 {{QStringLiteral("uri"), m_uri}, {QStringLiteral("state"), state}});
}

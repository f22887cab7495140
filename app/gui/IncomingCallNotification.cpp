#include "IncomingCallNotification.h"

#include "BringToFront.h"
#include "CallController.h"
#include "CallItem.h"

#include <QDBusConnectionInterface>
#include <QDBusMessage>
#include <QDBusPendingCallWatcher>
#include <QDBusPendingReply>
#include <QLoggingCategory>
#include <QWindow>

Q_LOGGING_CATEGORY(lcNotify, "parlo.app.notification")

namespace {
const QString kInterface = QStringLiteral("org.freedesktop.Notifications");
constexpr int kReasonClosedByCall = 3; // CloseNotification

QDBusMessage method(const QString &name) {
    return QDBusMessage::createMethodCall(QString::fromLatin1(IncomingCallNotification::kService),
                                          QString::fromLatin1(IncomingCallNotification::kPath), kInterface,
                                          name);
}
} // namespace

IncomingCallNotification::IncomingCallNotification(const QDBusConnection &bus, QObject *parent)
    : QObject(parent)
    , m_bus(bus) {
    if (!m_bus.isConnected())
        return;
    m_bus.connect(QString::fromLatin1(kService), QString::fromLatin1(kPath), kInterface,
                  QStringLiteral("ActionInvoked"), this, SLOT(onActionInvoked(uint, QString)));
    m_bus.connect(QString::fromLatin1(kService), QString::fromLatin1(kPath), kInterface,
                  QStringLiteral("NotificationClosed"), this, SLOT(onClosed(uint, uint)));
}

IncomingCallNotification::~IncomingCallNotification() {
    withdraw();
}

bool IncomingCallNotification::isAvailable() const {
    return m_bus.isConnected() && m_bus.interface() &&
           m_bus.interface()->isServiceRegistered(QString::fromLatin1(kService)).value();
}

void IncomingCallNotification::setCalls(CallController *calls) {
    if (m_calls)
        disconnect(m_calls, nullptr, this, nullptr);
    m_calls = calls;
    if (m_calls)
        connect(m_calls, &CallController::incomingCallChanged, this,
                &IncomingCallNotification::onIncomingChanged);
    onIncomingChanged();
}

void IncomingCallNotification::setWindow(QWindow *window) {
    m_window = window;
}

void IncomingCallNotification::onIncomingChanged() {
    CallItem *call = m_calls ? m_calls->incomingCall() : nullptr;
    if (call == m_ringing)
        return;
    withdraw();
    m_ringing = call;
    if (call && !(m_window && m_window->isActive()))
        show(call);
}

void IncomingCallNotification::show(CallItem *call) {
    const QString who = call->remoteName().isEmpty()
                            ? call->remoteUri()
                            : tr("%1 (%2)").arg(call->remoteName(), call->remoteUri());
    QDBusMessage notify = method(QStringLiteral("Notify"));
    // Bodies may be rendered as markup: a caller's display name is not ours to format.
    const QVariantMap hints{{QStringLiteral("urgency"), QVariant::fromValue(uchar(2))},
                            {QStringLiteral("desktop-entry"), QStringLiteral("org.parlo.Parlo")},
                            {QStringLiteral("category"), QStringLiteral("x-parlo.call.incoming")},
                            {QStringLiteral("resident"), true}};
    notify << QStringLiteral("Parlo") << uint(0) << QStringLiteral("org.parlo.Parlo") << tr("Incoming call")
           << who.toHtmlEscaped()
           << QStringList{QStringLiteral("default"), tr("Show"),  QStringLiteral("answer"), tr("Answer"),
                          QStringLiteral("reject"),  tr("Reject")}
           << hints << int(0); // 0: stays until withdrawn, a call rings as long as it rings
    if (!m_bus.isConnected()) {
        Q_EMIT unavailable(tr("Incoming call"), who);
        return;
    }
    m_pending = true;
    auto *watcher = new QDBusPendingCallWatcher(m_bus.asyncCall(notify), this);
    connect(watcher, &QDBusPendingCallWatcher::finished, this, [this, who](QDBusPendingCallWatcher *w) {
        w->deleteLater();
        m_pending = false;
        const QDBusPendingReply<uint> reply = *w;
        if (reply.isError()) {
            qCInfo(lcNotify) << "no desktop notification:" << reply.error().message();
            m_withdrawWhenShown = false;
            if (m_ringing)
                Q_EMIT unavailable(tr("Incoming call"), who);
            return;
        }
        m_id = reply.value();
        Q_EMIT notificationChanged(m_id);
        if (m_withdrawWhenShown) {
            m_withdrawWhenShown = false;
            withdraw();
        }
    });
}

void IncomingCallNotification::withdraw() {
    if (m_pending) {
        // The call stopped ringing before the server answered: close it once it has an id.
        m_withdrawWhenShown = true;
        return;
    }
    if (m_id == 0)
        return;
    QDBusMessage close = method(QStringLiteral("CloseNotification"));
    close << m_id;
    m_bus.call(close, QDBus::NoBlock);
    m_id = 0;
    Q_EMIT notificationChanged(0);
}

void IncomingCallNotification::onActionInvoked(uint id, const QString &action) {
    if (id == 0 || id != m_id)
        return; // another application's notification, or an old one of ours
    CallItem *call = m_ringing;
    if (action == QLatin1String("answer") && call && m_calls) {
        m_calls->answer(call);
        raiseWindow();
    } else if (action == QLatin1String("reject") && call && m_calls) {
        m_calls->reject(call);
    } else if (action == QLatin1String("default")) {
        raiseWindow();
    }
}

void IncomingCallNotification::onClosed(uint id, uint reason) {
    // Dismissed by the user: the call keeps ringing in the window and the tray.
    if (id != 0 && id == m_id && reason != kReasonClosedByCall) {
        m_id = 0;
        Q_EMIT notificationChanged(0);
    }
}

void IncomingCallNotification::raiseWindow() {
    parlo::bringToFront(m_window);
}

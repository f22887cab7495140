#pragma once

#include <QDBusConnection>
#include <QObject>
#include <QPointer>

class CallController;
class CallItem;
class QWindow;

// A ringing call as a desktop notification (freedesktop.org Desktop Notifications over the
// session bus) with Answer and Reject buttons, so a call can be taken without finding the window,
// with or without a tray. The notification stays while the call rings and is withdrawn as soon as
// it stops ringing (answered here or elsewhere, rejected, cancelled by the caller). Nothing is
// shown while the main window is the active one: it shows the call itself. Without a notification
// service on the bus (isAvailable() false) it does nothing.
class IncomingCallNotification : public QObject {
    Q_OBJECT
public:
    static constexpr const char *kService = "org.freedesktop.Notifications";
    static constexpr const char *kPath = "/org/freedesktop/Notifications";

    explicit IncomingCallNotification(const QDBusConnection &bus = QDBusConnection::sessionBus(),
                                      QObject *parent = nullptr);
    ~IncomingCallNotification() override;

    bool isAvailable() const;
    void setCalls(CallController *calls);
    // Not notified while this window is active; brought to the front by Answer and by a click.
    void setWindow(QWindow *window);
    // The id the server gave the notification on screen; 0 without one.
    uint notificationId() const { return m_id; }

Q_SIGNALS:
    void notificationChanged(uint id);
    // The notification could not be shown (no notification service): what it would have said.
    void unavailable(const QString &title, const QString &text);

private Q_SLOTS:
    void onActionInvoked(uint id, const QString &action);
    void onClosed(uint id, uint reason);

private:
    void onIncomingChanged();
    void show(CallItem *call);
    void withdraw();
    void raiseWindow();

    QDBusConnection m_bus;
    QPointer<CallController> m_calls;
    QPointer<QWindow> m_window;
    QPointer<CallItem> m_ringing; // the call the notification is about
    uint m_id = 0;
    bool m_pending = false; // Notify sent, id not back yet
    bool m_withdrawWhenShown = false;
};

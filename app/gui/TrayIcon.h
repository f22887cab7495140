#pragma once

#include "TrayView.h"

#include <QIcon>
#include <QObject>
#include <QPointer>
#include <functional>
#include <memory>

class AccountListModel;
class AppSettings;
class CallController;
class QAction;
class QWindow;
namespace parlo::storage {
class CallHistoryStore;
}

// The icon in the system tray: its tooltip tells the registration state, do-not-disturb and the
// calls missed since the window was last looked at; its menu shows or hides the window, toggles
// do-not-disturb, answers or rejects a ringing call, and quits. A ringing call also raises a
// desktop notification. With a tray, closing the window hides it there (said once) instead of
// quitting. Without a tray (no view factory, or it makes no view) none of this exists and closing
// quits. The view is the part drawn by Qt Widgets (TrayView); tests give a recording one.
class TrayIcon : public QObject {
    Q_OBJECT
public:
    explicit TrayIcon(AppSettings *settings, const TrayViewFactory &makeView = {}, QObject *parent = nullptr);
    ~TrayIcon() override;

    bool isAvailable() const { return m_view != nullptr; }
    void setWindow(QWindow *window);
    void setCalls(CallController *calls);
    void setAccounts(AccountListModel *accounts);
    void setHistory(parlo::storage::CallHistoryStore *history);
    // Time source for "missed since the window was last seen" (ms since the epoch); tests fix it.
    void setNow(std::function<qint64()> now) { m_now = std::move(now); }

    // Puts the icon in the tray (no-op without one).
    void show();
    // Whether the tray announces a ringing call with its own message (on by default). Off when
    // an IncomingCallNotification, which has Answer and Reject, does it instead.
    void setAnnounceCalls(bool on) { m_announceCalls = on; }
    // A message from the tray icon (shown only while the icon is in the tray).
    void notify(const QString &title, const QString &text);

    // Parlo's icon, with a red dot when calls were missed.
    static QIcon makeIcon(bool badge);

    QString toolTip() const { return m_toolTip; }
    int missedCalls() const { return m_missed; }
    TrayView *view() const { return m_view.get(); } // null without a tray
    QAction *showHideAction() const { return m_showHide; }
    QAction *answerAction() const { return m_answer; }
    QAction *rejectAction() const { return m_reject; }
    QAction *doNotDisturbAction() const { return m_dnd; }
    QAction *quitAction() const { return m_quit; }

Q_SIGNALS:
    void toolTipChanged(const QString &text);
    // A desktop notification went up (also emitted without a tray, for tests).
    void notified(const QString &title, const QString &text);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void updateToolTip();
    void updateMissed();
    void updateCallActions();
    void onIncomingChanged();
    void toggleWindow();
    void showWindow();

    AppSettings *m_settings;
    QAction *m_showHide, *m_dnd, *m_answer, *m_reject, *m_quit;
    std::unique_ptr<TrayView> m_view; // its menu shows the actions, children that outlive it
    QPointer<QWindow> m_window;
    QPointer<CallController> m_calls;
    QPointer<AccountListModel> m_accounts;
    QPointer<parlo::storage::CallHistoryStore> m_history;
    std::function<qint64()> m_now;
    qint64 m_seenSinceMs = 0;
    int m_missed = 0;
    QString m_toolTip;
    QObject *m_ringing = nullptr; // the call last notified about
    bool m_announceCalls = true;
};

// The ringing call's desktop notification over a real D-Bus session bus (the test runs under
// dbus-run-session): a notification server registered on the bus by the test receives Notify with
// Answer and Reject, its ActionInvoked answers or rejects a real call over loopback SIP, and the
// notification is withdrawn when the call stops ringing for any other reason.
#include "AccountListModel.h"
#include "CallController.h"
#include "IncomingCallNotification.h"
#include "NullMedia.h"
#include "account/UserAgent.h"
#include "call/CallManager.h"
#include "sip/transport/TransportLayer.h"

#include <QDBusConnection>
#include <QDBusConnectionInterface>
#include <QDBusMessage>
#include <QPointer>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

namespace {

// What a notification daemon (GNOME Shell, KDE Plasma, dunst, …) does on the bus, recorded.
class NotificationServer : public QObject {
    Q_OBJECT
    Q_CLASSINFO("D-Bus Interface", "org.freedesktop.Notifications")
public:
    struct Shown {
        uint id;
        QString summary, body;
        QStringList actions;
        QVariantMap hints;
        int timeout;
    };
    QList<Shown> shown;
    QList<uint> closed;
    QDBusConnection bus =
        QDBusConnection::connectToBus(QDBusConnection::SessionBus, QStringLiteral("server"));

    bool start() {
        return bus.registerObject(QString::fromLatin1(IncomingCallNotification::kPath), this,
                                  QDBusConnection::ExportAllSlots | QDBusConnection::ExportAllSignals) &&
               bus.registerService(QString::fromLatin1(IncomingCallNotification::kService));
    }
    void invoke(uint id, const QString &action) {
        QDBusMessage signal = QDBusMessage::createSignal(QString::fromLatin1(IncomingCallNotification::kPath),
                                                         QStringLiteral("org.freedesktop.Notifications"),
                                                         QStringLiteral("ActionInvoked"));
        signal << id << action;
        QVERIFY(bus.send(signal));
    }

public Q_SLOTS:
    uint Notify(const QString &, uint, const QString &, const QString &summary, const QString &body,
                const QStringList &actions, const QVariantMap &hints, int timeout) {
        shown.append({m_next, summary, body, actions, hints, timeout});
        return m_next++;
    }
    void CloseNotification(uint id) { closed.append(id); }
    QStringList GetCapabilities() { return {QStringLiteral("actions"), QStringLiteral("body")}; }

private:
    uint m_next = 7;
};

// A caller on loopback.
struct Caller {
    Caller() {
        ua.listen(QHostAddress::LocalHost, 0);
        calls.setMediaFactory([](const QHostAddress &) { return std::make_unique<parlo::NullMedia>(); });
        parlo::CallManager::Identity me;
        me.from = parlo::sip::NameAddr(*parlo::sip::SipUri::parse("sip:bob@127.0.0.1"),
                                       QStringLiteral("Bob <B&B>"));
        calls.setIdentity(me);
    }
    parlo::UserAgent ua;
    parlo::CallManager calls{&ua};
};

} // namespace

class TestIncomingNotification : public QObject {
    Q_OBJECT
    QTemporaryDir m_dir;
    AccountListModel m_accounts;
    CallController m_controller;
    NotificationServer m_server;
    QString m_aliceUri;

private Q_SLOTS:
    void initTestCase() {
        QVERIFY2(QDBusConnection::sessionBus().isConnected(), "run under dbus-run-session");
        qputenv("XDG_CONFIG_HOME", m_dir.path().toLocal8Bit());
        m_accounts.setSettingsFile(m_dir.filePath(QStringLiteral("accounts.ini")));
        m_accounts.start();
        parlo::AccountSettings alice;
        alice.aor = *parlo::sip::SipUri::parse("sip:alice@127.0.0.1:1");
        QVERIFY(!m_accounts.addAccount(alice, QStringLiteral("secret")).isEmpty());
        m_controller.setAccounts(&m_accounts);
        m_aliceUri = QStringLiteral("sip:alice@127.0.0.1:%1")
                         .arg(m_accounts.userAgent()
                                  ->transport()
                                  ->localEndpoint(parlo::sip::TransportProtocol::Udp)
                                  .port);
    }

    void withoutServerNothingIsShown() {
        IncomingCallNotification notification;
        QVERIFY(!notification.isAvailable());
        notification.setCalls(&m_controller);
        QSignalSpy unavailable(&notification, &IncomingCallNotification::unavailable);
        Caller bob;
        parlo::Call *call = bob.calls.dial(*parlo::sip::SipUri::parse(m_aliceUri.toUtf8()));
        QVERIFY(call);
        QTRY_VERIFY(m_controller.incomingCall());
        // What the tray shows instead.
        QTRY_COMPARE(unavailable.size(), 1);
        QCOMPARE(unavailable.first().at(0).toString(), QStringLiteral("Incoming call"));
        QCOMPARE(unavailable.first().at(1).toString(), QStringLiteral("Bob <B&B> (sip:bob@127.0.0.1)"));
        QCOMPARE(notification.notificationId(), 0u);
        call->hangup(); // CANCEL
        QTRY_VERIFY(!m_controller.incomingCall());
        QTRY_VERIFY(m_controller.calls()->rowCount() == 0);
    }

    void answerFromTheNotification() {
        QVERIFY(m_server.start());
        IncomingCallNotification notification;
        QTRY_VERIFY(notification.isAvailable());
        notification.setCalls(&m_controller);
        QSignalSpy unavailable(&notification, &IncomingCallNotification::unavailable);

        Caller bob;
        QSignalSpy ended(&bob.calls, &parlo::CallManager::callEnded);
        const QPointer<parlo::Call> call = bob.calls.dial(*parlo::sip::SipUri::parse(m_aliceUri.toUtf8()));
        QVERIFY(call);
        QTRY_COMPARE(m_server.shown.size(), 1);
        const auto &n = m_server.shown.constFirst();
        QCOMPARE(n.summary, QStringLiteral("Incoming call"));
        // The caller's name is shown as text, never as markup.
        QCOMPARE(n.body, QStringLiteral("Bob &lt;B&amp;B&gt; (sip:bob@127.0.0.1)"));
        QCOMPARE(n.actions,
                 (QStringList{QStringLiteral("default"), QStringLiteral("Show"), QStringLiteral("answer"),
                              QStringLiteral("Answer"), QStringLiteral("reject"), QStringLiteral("Reject")}));
        QCOMPARE(n.hints.value(QStringLiteral("urgency")).toInt(), 2);
        QCOMPARE(n.hints.value(QStringLiteral("desktop-entry")).toString(),
                 QStringLiteral("org.parlo.Parlo"));
        QCOMPARE(n.timeout, 0);
        QTRY_COMPARE(notification.notificationId(), n.id);
        QCOMPARE(unavailable.size(), 0);

        // Another application's action is not ours.
        m_server.invoke(n.id + 100, QStringLiteral("answer"));
        QTest::qWait(200);
        QVERIFY(m_controller.incomingCall());

        m_server.invoke(n.id, QStringLiteral("answer"));
        QTRY_COMPARE(call->state(), parlo::Call::State::Active);
        QTRY_VERIFY(!m_controller.incomingCall());
        QTRY_COMPARE(m_server.closed, QList<uint>{n.id});
        QCOMPARE(notification.notificationId(), 0u);
        m_controller.hangup();
        QTRY_COMPARE(ended.size(), 1);
        QTRY_VERIFY(m_controller.calls()->rowCount() == 0);
    }

    void rejectFromTheNotification() {
        IncomingCallNotification notification;
        notification.setCalls(&m_controller);
        m_server.shown.clear();
        m_server.closed.clear();
        Caller bob;
        QSignalSpy ended(&bob.calls, &parlo::CallManager::callEnded);
        parlo::Call *call = bob.calls.dial(*parlo::sip::SipUri::parse(m_aliceUri.toUtf8()));
        QVERIFY(call);
        QTRY_COMPARE(m_server.shown.size(), 1);
        QTRY_VERIFY(notification.notificationId() != 0);
        m_server.invoke(notification.notificationId(), QStringLiteral("reject"));
        QTRY_COMPARE(ended.size(), 1);
        QTRY_VERIFY(!m_controller.incomingCall());
        QTRY_COMPARE(m_server.closed.size(), 1);
        QTRY_VERIFY(m_controller.calls()->rowCount() == 0);
    }

    void withdrawnWhenTheCallerGivesUp() {
        IncomingCallNotification notification;
        notification.setCalls(&m_controller);
        m_server.shown.clear();
        m_server.closed.clear();
        Caller bob;
        parlo::Call *call = bob.calls.dial(*parlo::sip::SipUri::parse(m_aliceUri.toUtf8()));
        QTRY_COMPARE(m_server.shown.size(), 1);
        QTRY_VERIFY(notification.notificationId() != 0);
        const uint id = notification.notificationId();
        call->hangup(); // CANCEL while ringing
        QTRY_COMPARE(m_server.closed, QList<uint>{id});
        QCOMPARE(notification.notificationId(), 0u);
        QTRY_VERIFY(m_controller.calls()->rowCount() == 0);
    }
};

QTEST_MAIN(TestIncomingNotification)
#include "tst_incomingnotification.moc"

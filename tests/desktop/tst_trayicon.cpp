// The tray icon's logic without a real tray (offscreen has none; a recording TrayView stands in
// for the Qt Widgets one): the tooltip (accounts, DND, missed calls since the window was last
// seen), the menu (no call entries unless a call rings, DND toggles the setting both ways), and
// closing the window into the tray only when there is one. tests/desktop/test_tray.sh runs the
// real app against a real tray host.
#include "AccountListModel.h"
#include "AppSettings.h"
#include "CallController.h"
#include "TrayIcon.h"
#include "account/AccountManager.h"
#include "account/UserAgent.h"
#include "call/CallManager.h"
#include "sip/transport/TransportLayer.h"
#include "storage/CallHistoryStore.h"
#include "storage/Database.h"

#include <QAction>
#include <QGuiApplication>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QWindow>

using parlo::storage::CallHistoryStore;
using parlo::storage::CallRecord;
using parlo::storage::Database;

namespace {
// Bob's side of the loop: SIP only, no audio.
class NoMedia : public parlo::CallMedia {
public:
    QHostAddress localAddress() const override { return QHostAddress::LocalHost; }
    quint16 localPort() const override { return 40000; }
    void start(const parlo::sdp::NegotiatedMedia &) override {}
    void stop() override {}
};
// What the tray would show, recorded.
class RecordingTrayView : public TrayView {
public:
    struct Shown {
        QList<QAction *> menu;
        QString toolTip;
        int icons = 0;
        bool visible = false;
        QStringList messages;
    };
    RecordingTrayView(const QIcon &, const QList<QAction *> &menu, Shown *shown)
        : m_shown(shown) {
        m_shown->menu = menu;
    }
    void setIcon(const QIcon &) override { ++m_shown->icons; }
    void setToolTip(const QString &text) override { m_shown->toolTip = text; }
    void show() override { m_shown->visible = true; }
    bool isVisible() const override { return m_shown->visible; }
    void showMessage(const QString &title, const QString &, const QIcon &) override {
        m_shown->messages << title;
    }

private:
    Shown *m_shown;
};
} // namespace

class TestTrayIcon : public QObject {
    Q_OBJECT

    std::unique_ptr<QTemporaryDir> dir;
    std::unique_ptr<AppSettings> settings;
    qint64 now = 1'700'000'000'000;
    RecordingTrayView::Shown shown;
    RecordingTrayView *view = nullptr;

    TrayViewFactory recordingView() {
        shown = {};
        return [this](const QIcon &icon, const QList<QAction *> &menu) {
            auto v = std::make_unique<RecordingTrayView>(icon, menu, &shown);
            view = v.get();
            return v;
        };
    }

    CallRecord missedCall(qint64 startMs) {
        CallRecord r;
        r.direction = CallRecord::Direction::Incoming;
        r.remoteUri = QStringLiteral("sip:carol@example.org");
        r.startMs = startMs;
        r.endMs = startMs + 5000;
        r.missed = true;
        return r;
    }

private Q_SLOTS:
    void init() {
        dir = std::make_unique<QTemporaryDir>();
        settings = std::make_unique<AppSettings>(dir->filePath(QStringLiteral("settings.ini")));
    }
    void cleanup() {
        settings.reset();
        dir.reset();
    }

    void toolTipShowsAccountsAndDnd() {
        const QString accountsFile = dir->filePath(QStringLiteral("accounts.ini"));
        parlo::AccountManager manager(accountsFile);
        parlo::AccountSettings alice;
        alice.aor = *parlo::sip::SipUri::parse("sip:alice@example.invalid");
        QVERIFY(!manager.save(alice).isEmpty());
        AccountListModel accounts;
        accounts.setSettingsFile(accountsFile);
        accounts.start();

        TrayIcon tray(settings.get(), recordingView());
        QSignalSpy changed(&tray, &TrayIcon::toolTipChanged);
        tray.setAccounts(&accounts);
        QVERIFY2(tray.toolTip().startsWith(QStringLiteral("Parlo\n")), qPrintable(tray.toolTip()));
        // No password (no keychain here): not signed in.
        QVERIFY2(tray.toolTip().contains(QStringLiteral("alice@example.invalid: offline")),
                 qPrintable(tray.toolTip()));
        QVERIFY(!tray.toolTip().contains(QStringLiteral("Do not disturb")));

        tray.doNotDisturbAction()->trigger();
        QVERIFY(settings->doNotDisturb());
        QVERIFY(tray.toolTip().contains(QStringLiteral("Do not disturb")));
        QVERIFY(changed.size() >= 1);
        settings->setDoNotDisturb(false); // e.g. from the settings page
        QVERIFY(!tray.doNotDisturbAction()->isChecked());
        QVERIFY(!tray.toolTip().contains(QStringLiteral("Do not disturb")));
        QCOMPARE(shown.toolTip, tray.toolTip()); // what the tray shows
    }

    void withoutAccounts() {
        TrayIcon tray(settings.get(), recordingView());
        AccountListModel accounts;
        accounts.setSettingsFile(dir->filePath(QStringLiteral("none.ini")));
        accounts.start();
        tray.setAccounts(&accounts);
        QCOMPARE(tray.toolTip(), QStringLiteral("Parlo\nNo account set up"));
    }

    void noCallEntriesWithoutARingingCall() {
        TrayIcon tray(settings.get(), recordingView());
        QVERIFY(tray.isAvailable());
        // The menu, separators as nulls.
        QCOMPARE(shown.menu,
                 (QList<QAction *>{tray.showHideAction(), tray.answerAction(), tray.rejectAction(), nullptr,
                                   tray.doNotDisturbAction(), nullptr, tray.quitAction()}));
        QVERIFY(!shown.visible);
        tray.show();
        QVERIFY(shown.visible);
        QVERIFY(!tray.answerAction()->isVisible());
        QVERIFY(!tray.rejectAction()->isVisible());
        QVERIFY(tray.quitAction()->isVisible());
    }

    void missedCallsSinceTheWindowWasSeen() {
        Database db(QStringLiteral("tst_trayicon"));
        QVERIFY(!db.open(dir->filePath(QStringLiteral("parlo.sqlite"))));
        CallHistoryStore history(&db);
        QVERIFY(std::holds_alternative<qint64>(history.add(missedCall(now - 60'000)))); // before start

        TrayIcon tray(settings.get(), recordingView());
        tray.setNow([this] { return now; });
        QWindow window;
        tray.setWindow(&window);
        // setNow came after construction: count from now on.
        QSignalSpy changed(&tray, &TrayIcon::toolTipChanged);
        tray.setHistory(&history);
        window.show();
        window.requestActivate();
        QTRY_VERIFY(window.isActive());
        QCOMPARE(tray.missedCalls(), 0);

        window.hide();
        now += 1000;
        QVERIFY(std::holds_alternative<qint64>(history.add(missedCall(now))));
        QCOMPARE(tray.missedCalls(), 1);
        QVERIFY2(tray.toolTip().endsWith(QStringLiteral("\n1 missed call")), qPrintable(tray.toolTip()));
        QCOMPARE(shown.icons, 1); // the badged icon
        QCOMPARE(shown.toolTip, tray.toolTip());
        now += 1000;
        CallRecord answered = missedCall(now);
        answered.missed = false;
        QVERIFY(std::holds_alternative<qint64>(history.add(answered)));
        QVERIFY(std::holds_alternative<qint64>(history.add(missedCall(now))));
        QCOMPARE(tray.missedCalls(), 2);
        QVERIFY(tray.toolTip().endsWith(QStringLiteral("\n2 missed calls")));

        // Looking at the window clears the count.
        now += 1000;
        window.show();
        window.requestActivate();
        QTRY_COMPARE(tray.missedCalls(), 0);
        QVERIFY(!tray.toolTip().contains(QStringLiteral("missed")));
        QCOMPARE(tray.showHideAction()->text(), QStringLiteral("Hide window"));
        QCOMPARE(shown.icons, 2); // back to the plain icon
    }

    void closingHidesIntoTheTrayOnce() {
        TrayIcon tray(settings.get(), recordingView());
        tray.show();
        QSignalSpy notified(&tray, &TrayIcon::notified);
        QWindow window;
        tray.setWindow(&window);
        window.show();
        QVERIFY(window.isVisible());
        window.close();
        QVERIFY(!window.isVisible());
        QCOMPARE(tray.showHideAction()->text(), QStringLiteral("Show window"));
        QCOMPARE(notified.size(), 1);
        QCOMPARE(notified.first().first().toString(), QStringLiteral("Parlo is still running"));
        QCOMPARE(shown.messages, QStringList{QStringLiteral("Parlo is still running")}); // from the tray

        view->onActivated(); // a click on the icon
        QVERIFY(window.isVisible());
        view->onActivated();
        QVERIFY(!window.isVisible());
        tray.showHideAction()->trigger();
        QVERIFY(window.isVisible());
        window.close();
        QVERIFY(!window.isVisible());
        QCOMPARE(notified.size(), 1); // said once
        QVERIFY(settings->trayHintShown());
    }

    void withoutTrayClosingCloses() {
        TrayIcon tray(settings.get());
        QVERIFY(!tray.isAvailable());
        QSignalSpy notified(&tray, &TrayIcon::notified);
        QWindow window;
        tray.setWindow(&window);
        window.show();
        window.close();
        QVERIFY(!window.isVisible());
        QCOMPARE(notified.size(), 0);
        QVERIFY(!settings->trayHintShown());
    }

    // Over real SIP on loopback: bob calls the GUI's account list. The ringing call raises a
    // notification and brings Answer/Reject into the menu; Reject turns it away; with
    // do-not-disturb on (the app's settings, which the GUI's calls follow) bob gets 486.
    void ringingCallFromTheTray() {
        qputenv("XDG_CONFIG_HOME", dir->path().toLocal8Bit()); // AppSettings::instance()'s file
        AppSettings *app = AppSettings::instance();
        app->setDoNotDisturb(false);
        AccountListModel accounts;
        accounts.setSettingsFile(dir->filePath(QStringLiteral("loop.ini")));
        accounts.start();
        parlo::AccountSettings alice;
        alice.aor = *parlo::sip::SipUri::parse("sip:alice@127.0.0.1:1");
        QVERIFY(!accounts.addAccount(alice, QStringLiteral("secret")).isEmpty());
        CallController calls;
        calls.setAccounts(&accounts);
        const quint16 port =
            accounts.userAgent()->transport()->localEndpoint(parlo::sip::TransportProtocol::Udp).port;
        QVERIFY(port > 0);

        TrayIcon tray(app, recordingView());
        tray.setCalls(&calls);
        QSignalSpy notified(&tray, &TrayIcon::notified);

        parlo::UserAgent bobUa;
        QVERIFY(bobUa.listen(QHostAddress::LocalHost, 0));
        parlo::CallManager bob(&bobUa);
        bob.setMediaFactory([](const QHostAddress &) { return std::make_unique<NoMedia>(); });
        parlo::CallManager::Identity me;
        me.from =
            parlo::sip::NameAddr(*parlo::sip::SipUri::parse("sip:bob@127.0.0.1"), QStringLiteral("Bob"));
        bob.setIdentity(me);
        const auto target =
            *parlo::sip::SipUri::parse(QStringLiteral("sip:alice@127.0.0.1:%1").arg(port).toUtf8());

        parlo::Call *first = bob.dial(target);
        QVERIFY(first);
        QSignalSpy firstEnded(first, &parlo::Call::ended);
        QTRY_VERIFY(calls.incomingCall());
        QCOMPARE(notified.size(), 1);
        QCOMPARE(notified.first().at(0).toString(), QStringLiteral("Incoming call"));
        QVERIFY(notified.first().at(1).toString().contains(QStringLiteral("Bob")));
        QVERIFY(tray.answerAction()->isVisible());
        QVERIFY(tray.rejectAction()->isVisible());
        tray.rejectAction()->trigger();
        QTRY_COMPARE(firstEnded.size(), 1);
        QVERIFY(first->endStatus() >= 400);
        QTRY_VERIFY(!calls.incomingCall());
        QVERIFY(!tray.answerAction()->isVisible());

        tray.doNotDisturbAction()->trigger();
        QVERIFY(app->doNotDisturb());
        parlo::Call *second = bob.dial(target);
        QVERIFY(second);
        QSignalSpy secondEnded(second, &parlo::Call::ended);
        QTRY_COMPARE(secondEnded.size(), 1);
        QCOMPARE(second->endStatus(), 486);
        QCOMPARE(notified.size(), 1); // it never rang here
        app->setDoNotDisturb(false);

        // With a desktop notification taking the call, the tray keeps quiet but still offers
        // Answer and Reject.
        tray.setAnnounceCalls(false);
        parlo::Call *third = bob.dial(target);
        QVERIFY(third);
        QSignalSpy thirdEnded(third, &parlo::Call::ended);
        QTRY_VERIFY(calls.incomingCall());
        QVERIFY(tray.answerAction()->isVisible());
        QCOMPARE(notified.size(), 1);
        tray.rejectAction()->trigger();
        QTRY_COMPARE(thirdEnded.size(), 1);
    }

    void iconIsDrawn() {
        const QIcon plain = TrayIcon::makeIcon(false);
        const QIcon badged = TrayIcon::makeIcon(true);
        QVERIFY(!plain.isNull());
        const QImage a = plain.pixmap(32, 32).toImage();
        const QImage b = badged.pixmap(32, 32).toImage();
        QCOMPARE(a.size(), QSize(32, 32));
        // The blue square fills the middle; the badge changes the corner.
        QCOMPARE(a.pixelColor(4, 16).blue() > 150, true);
        QVERIFY(a != b);
    }
};

QTEST_MAIN(TestTrayIcon)
#include "tst_trayicon.moc"

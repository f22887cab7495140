#include "AccountListModel.h"
#include "AppStorage.h"
#include "ContactListModel.h"
#include "PresenceController.h"
#include "ScratchAppStorage.h"
#include "VoicemailIndicator.h"
#include "account/AccountSettings.h"
#include "account/UserAgent.h"
#include "sip/dialog/UasCore.h"
#include "sip/transaction/ServerTransaction.h"
#include "sip/transport/TransportLayer.h"

#include <QSet>
#include <QTemporaryDir>
#include <QTest>

using parlo::sip::ServerTransaction;
using parlo::sip::SipMessage;
using parlo::sip::SipUri;
using parlo::sip::TransportProtocol;

// When the GUI watches its contacts: a loopback "server" accepts the account's REGISTER and
// refuses every SUBSCRIBE (489), which is enough to see which contacts get a watcher — only
// those that ask for it, at most maxWatchers — and that they go when the account does. The
// voicemail indicator subscribes to the account's mailbox and stays absent when refused.
class TestPresenceController : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() {
        QVERIFY(openScratchAppStorage(m_dir));

        QVERIFY(m_server.listen(QHostAddress::LocalHost, 0));
        m_serverPort = m_server.transport()->localEndpoint(TransportProtocol::Udp).port;
        m_server.uas()->addHandler("REGISTER", this, [](ServerTransaction *t, const SipMessage &request) {
            SipMessage ok = SipMessage::responseTo(request, 200, "OK", "registrar");
            ok.addHeader("Contact", request.header("Contact"));
            ok.setHeader("Expires", "600");
            t->respond(ok);
            return true;
        });
        m_server.uas()->addHandler(
            "SUBSCRIBE", this, [this](ServerTransaction *t, const SipMessage &request) {
                m_subscribed.insert(request.header("Event") + ' ' + request.requestUri().user());
                t->respond(489);
                return true;
            });
    }

    void watchesOnlyWhileRegistered() {
        auto *store = AppStorage::instance()->contacts();
        const qint64 ann = add("Ann", "ann", true);
        add("Ben", "ben", true);
        add("Cleo", "cleo", true);
        add("Dirk", "dirk", false); // asks for nothing
        parlo::storage::Contact phoneOnly;
        phoneOnly.name = QStringLiteral("Eva");
        phoneOnly.phones = {{QStringLiteral("+4930123"), {}}};
        phoneOnly.watchPresence = true; // but no SIP address to watch
        QVERIFY(std::holds_alternative<qint64>(store->add(phoneOnly)));

        ContactListModel contacts;
        AccountListModel accounts;
        accounts.setSettingsFile(m_dir.filePath(QStringLiteral("accounts.ini")));
        PresenceController presence;
        presence.setMaxWatchers(2);
        presence.setContacts(&contacts);
        presence.setAccounts(&accounts);
        VoicemailIndicator voicemail;
        voicemail.setAccounts(&accounts);
        QVERIFY(!presence.isActive());

        accounts.start();
        parlo::AccountSettings alice;
        alice.aor = *SipUri::parse(QStringLiteral("sip:alice@127.0.0.1:%1").arg(m_serverPort).toUtf8());
        alice.registerExpires = 600;
        QVERIFY(!accounts.addAccount(alice, QStringLiteral("secret")).isEmpty());

        // Registered: the first two contacts that ask (by name) get a watcher; the cap holds.
        QTRY_VERIFY(presence.isActive());
        QCOMPARE(presence.watcherCount(), 2);
        QTRY_COMPARE(m_subscribed.size(), 3);
        QVERIFY(m_subscribed.contains("presence ann"));
        QVERIFY(m_subscribed.contains("presence ben"));
        QVERIFY(m_subscribed.contains("message-summary alice"));
        QTRY_COMPARE(voicemail.available(), false);

        // A higher cap, then a contact that stops asking: watchers follow.
        presence.setMaxWatchers(10);
        QCOMPARE(presence.watcherCount(), 3);
        QTRY_VERIFY(m_subscribed.contains("presence cleo"));
        auto a = store->find(ann);
        a->watchPresence = false;
        QVERIFY(!store->update(*a));
        QTRY_COMPARE(presence.watcherCount(), 2);

        // The account goes: so do the watchers.
        accounts.remove(0);
        QTRY_VERIFY(!presence.isActive());
        QCOMPARE(presence.watcherCount(), 0);
    }

private:
    qint64 add(const QString &name, const QString &user, bool watch) {
        parlo::storage::Contact c;
        c.name = name;
        c.sipUri = QStringLiteral("sip:%1@127.0.0.1:%2").arg(user).arg(m_serverPort); // at our server
        c.watchPresence = watch;
        const auto id = AppStorage::instance()->contacts()->add(c);
        return std::get<qint64>(id);
    }

    QTemporaryDir m_dir;
    parlo::UserAgent m_server;
    quint16 m_serverPort = 0;
    QSet<QByteArray> m_subscribed;
};

QTEST_MAIN(TestPresenceController)
#include "tst_presencecontroller.moc"

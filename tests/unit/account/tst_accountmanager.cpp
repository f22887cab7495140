// Accounts persist through QSettings (a real INI file in a temporary directory) and validate.
#include "account/AccountManager.h"

#include <QCryptographicHash>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace parlo;
using namespace parlo::sip;

Q_DECLARE_METATYPE(AccountSettings::Problem)

class TestAccountManager : public QObject {
    Q_OBJECT

    static AccountSettings alice() {
        AccountSettings a;
        a.displayName = QStringLiteral("Alice Ä.");
        a.aor = *SipUri::parse("sip:alice@example.com");
        a.authUsername = QStringLiteral("alice-auth");
        a.outboundProxy = SipUri::parse("sip:proxy.example.com:5080;transport=tcp");
        a.transport = TransportProtocol::Tls;
        a.registerExpires = 600;
        a.pinnedCertificate = QCryptographicHash::hash("server certificate", QCryptographicHash::Sha256);
        return a;
    }

private Q_SLOTS:
    void roundTrip() {
        QTemporaryDir dir;
        const QString file = dir.filePath(QStringLiteral("parlo.ini"));
        QString id;
        {
            AccountManager m(file);
            QVERIFY(m.load());
            QCOMPARE(m.accounts().size(), 0);
            QSignalSpy changed(&m, &AccountManager::accountsChanged);
            id = m.save(alice());
            QVERIFY(!id.isEmpty());
            QCOMPARE(changed.size(), 1);
        }
        AccountManager again(file);
        QVERIFY(again.load());
        QCOMPARE(again.accounts().size(), 1);
        const AccountSettings a = again.accounts().first();
        QCOMPARE(a.id, id);
        QCOMPARE(a.displayName, QStringLiteral("Alice Ä."));
        QCOMPARE(a.aor.toString(), QByteArray("sip:alice@example.com"));
        QCOMPARE(a.authUsername, QStringLiteral("alice-auth"));
        QVERIFY(a.outboundProxy);
        QCOMPARE(a.outboundProxy->toString(), QByteArray("sip:proxy.example.com:5080;transport=tcp"));
        QCOMPARE(a.transport, std::optional(TransportProtocol::Tls));
        QCOMPARE(a.registerExpires, 600u);
        QCOMPARE(a.pinnedCertificate,
                 QCryptographicHash::hash("server certificate", QCryptographicHash::Sha256));
        // The password is never in the settings file.
        QFile f(file);
        QVERIFY(f.open(QIODevice::ReadOnly));
        QVERIFY(!f.readAll().toLower().contains("password"));
    }

    void replaceAndRemove() {
        QTemporaryDir dir;
        AccountManager m(dir.filePath(QStringLiteral("p.ini")));
        const QString id = m.save(alice());
        AccountSettings changed = *m.account(id);
        changed.displayName = QStringLiteral("Alice");
        QCOMPARE(m.save(changed), id);
        QCOMPARE(m.accounts().size(), 1);
        QCOMPARE(m.account(id)->displayName, QStringLiteral("Alice"));
        QVERIFY(m.remove(id));
        QVERIFY(!m.remove(id));
        AccountManager reread(dir.filePath(QStringLiteral("p.ini")));
        QVERIFY(reread.load());
        QCOMPARE(reread.accounts().size(), 0);
    }

    void validation_data() {
        QTest::addColumn<QByteArray>("aor");
        QTest::addColumn<quint32>("expires");
        QTest::addColumn<AccountSettings::Problem>("problem");
        using P = AccountSettings::Problem;
        QTest::newRow("ok") << QByteArray("sip:alice@example.com") << 3600u << P::None;
        QTest::newRow("no user") << QByteArray("sip:example.com") << 3600u << P::AorNoUser;
        QTest::newRow("tel") << QByteArray("tel:+4930123") << 3600u << P::AorInvalid;
        QTest::newRow("expires too short")
            << QByteArray("sip:alice@example.com") << 5u << P::ExpiresOutOfRange;
    }
    void validation() {
        QFETCH(QByteArray, aor);
        QFETCH(quint32, expires);
        QFETCH(AccountSettings::Problem, problem);
        AccountSettings a;
        a.aor = *SipUri::parse(aor);
        a.registerExpires = expires;
        QCOMPARE(a.validate(), problem);
        QTemporaryDir dir;
        AccountManager m(dir.filePath(QStringLiteral("v.ini")));
        QCOMPARE(m.save(a).isEmpty(), problem != AccountSettings::Problem::None);
    }
};

QTEST_GUILESS_MAIN(TestAccountManager)
#include "tst_accountmanager.moc"

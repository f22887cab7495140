// SecretStore against whatever keychain this machine has: with a Secret Service the password makes
// a round trip; without one (CI: no D-Bus session) the failure is reported as NoKeychain, so the
// app can tell the user instead of silently writing the password to disk.
#include "account/SecretStore.h"

#include <QTest>
#include <QUuid>

using namespace parlo;

class TestSecretStore : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void roundTripOrNoKeychain() {
        QVERIFY(SecretStore::isAvailable()); // built with qtkeychain
        SecretStore store;
        const QString id = QStringLiteral("test-") + QUuid::createUuid().toString(QUuid::WithoutBraces);
        bool done = false;
        SecretStore::Error writeError = SecretStore::Error::Other;
        store.writePassword(id, QStringLiteral("s3cret"), [&](SecretStore::Error e, const QString &detail) {
            qInfo() << "write:" << int(e) << detail;
            writeError = e;
            done = true;
        });
        QTRY_VERIFY_WITH_TIMEOUT(done, 30000);
        if (writeError != SecretStore::Error::None) {
            QCOMPARE(writeError, SecretStore::Error::NoKeychain);
            // Nothing may have been written anywhere: reading finds no keychain either.
            done = false;
            SecretStore::Error readError = SecretStore::Error::None;
            store.readPassword(id, [&](SecretStore::Error e, const QString &) {
                readError = e;
                done = true;
            });
            QTRY_VERIFY_WITH_TIMEOUT(done, 30000);
            QCOMPARE(readError, SecretStore::Error::NoKeychain);
            return;
        }
        done = false;
        QString read;
        store.readPassword(id, [&](SecretStore::Error e, const QString &pw) {
            QCOMPARE(e, SecretStore::Error::None);
            read = pw;
            done = true;
        });
        QTRY_VERIFY_WITH_TIMEOUT(done, 30000);
        QCOMPARE(read, QStringLiteral("s3cret"));
        done = false;
        store.deletePassword(id, [&](SecretStore::Error e) {
            QCOMPARE(e, SecretStore::Error::None);
            done = true;
        });
        QTRY_VERIFY_WITH_TIMEOUT(done, 30000);
    }
};

QTEST_GUILESS_MAIN(TestSecretStore)
#include "tst_secretstore.moc"

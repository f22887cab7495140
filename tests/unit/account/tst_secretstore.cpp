// SecretStore and its helper, parlo-keychain, against whatever keychain the test finds: with a
// Secret Service (unit/secretstore_keyring runs gnome-keyring on a private session bus and sets
// PARLO_EXPECT_KEYCHAIN) the password makes a round trip, is found only under its own id and is
// gone after delete; without one (no D-Bus session) the failure is reported as NoKeychain, so the
// app can tell the user instead of silently writing the password to disk.
#include "account/SecretStore.h"

#include <QTest>
#include <QUuid>

using namespace parlo;

namespace {
struct Result {
    bool done = false;
    SecretStore::Error error = SecretStore::Error::Other;
    QString text;
};

Result write(SecretStore &store, const QString &id, const QString &password) {
    Result r;
    store.writePassword(id, password, [&](SecretStore::Error e, const QString &detail) {
        r = {true, e, detail};
    });
    [&] { QTRY_VERIFY_WITH_TIMEOUT(r.done, 30000); }();
    return r;
}

Result read(SecretStore &store, const QString &id) {
    Result r;
    store.readPassword(id, [&](SecretStore::Error e, const QString &password) { r = {true, e, password}; });
    [&] { QTRY_VERIFY_WITH_TIMEOUT(r.done, 30000); }();
    return r;
}

Result remove(SecretStore &store, const QString &id) {
    Result r;
    store.deletePassword(id, [&](SecretStore::Error e) { r = {true, e, {}}; });
    [&] { QTRY_VERIFY_WITH_TIMEOUT(r.done, 30000); }();
    return r;
}

QString newId() {
    return QStringLiteral("test-") + QUuid::createUuid().toString(QUuid::WithoutBraces);
}
} // namespace

class TestSecretStore : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void roundTripOrNoKeychain() {
        QVERIFY2(SecretStore::isAvailable(), "parlo-keychain not found"); // the build has qtkeychain
        const bool expectKeychain = qEnvironmentVariableIsSet("PARLO_EXPECT_KEYCHAIN");
        SecretStore store;
        const QString id = newId();
        // Lines, spaces and non-ASCII survive the pipes.
        const QString password = QStringLiteral("s3cret pässwort\nsecond line ");
        const Result written = write(store, id, password);
        QVERIFY(written.done);
        qInfo() << "write:" << written.error << written.text;
        if (written.error != SecretStore::Error::None) {
            QVERIFY2(!expectKeychain, qPrintable(written.text));
            QCOMPARE(written.error, SecretStore::Error::NoKeychain);
            // Nothing may have been written anywhere: reading finds no keychain either.
            const Result r = read(store, id);
            QCOMPARE(r.error, SecretStore::Error::NoKeychain);
            QVERIFY(r.text.isEmpty());
            return;
        }
        const Result r = read(store, id);
        QCOMPARE(r.error, SecretStore::Error::None);
        QCOMPARE(r.text, password);

        const Result other = read(store, newId());
        QCOMPARE(other.error, SecretStore::Error::NotFound);
        QVERIFY(other.text.isEmpty()); // the reason is not handed out as a password

        QCOMPARE(remove(store, id).error, SecretStore::Error::None);
        QCOMPARE(read(store, id).error, SecretStore::Error::NotFound);
    }

    void missingHelperIsNoKeychain() {
        const QByteArray helper = qgetenv("PARLO_KEYCHAIN_HELPER");
        const QByteArray bus = qgetenv("DBUS_SESSION_BUS_ADDRESS");
        qputenv("PARLO_KEYCHAIN_HELPER", "/nonexistent/parlo-keychain");
        qputenv("DBUS_SESSION_BUS_ADDRESS", "unix:path=/nonexistent"); // gets past the bus check
        QVERIFY(!SecretStore::isAvailable());
        SecretStore store;
        const Result r = write(store, newId(), QStringLiteral("x"));
        qputenv("PARLO_KEYCHAIN_HELPER", helper);
        qputenv("DBUS_SESSION_BUS_ADDRESS", bus);
        QCOMPARE(r.error, SecretStore::Error::NoKeychain);
        QVERIFY2(r.text.contains(QStringLiteral("parlo-keychain")), qPrintable(r.text));
    }
};

QTEST_GUILESS_MAIN(TestSecretStore)
#include "tst_secretstore.moc"

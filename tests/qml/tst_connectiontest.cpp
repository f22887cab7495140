// The wizard's connection test against a real registrar: Kamailio on loopback (users alice/bob/
// carol, tests/interop/kamailio). Success, a wrong password, an untrusted TLS certificate, and
// trusting (pinning) that certificate: the test then succeeds, and a new server certificate fails.
#include "AccountListModel.h"
#include "AccountSetupController.h"
#include "sip/dialog/ClientRegistration.h"

#include <QCryptographicHash>
#include <QFile>
#include <QProcess>
#include <QRandomGenerator>
#include <QSignalSpy>
#include <QSslCertificate>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>
#include <QUdpSocket>

class tst_ConnectionTest : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void test_data();
    void test();
    void trustCertificate();

private:
    static bool portFree(quint16 port);
    void startKamailio();
    void stopKamailio();
    QByteArray serverCertificateDigest() const;
    static bool finished(const AccountSetupController &c);
    QTemporaryDir m_run;
    quint16 m_port = 0;
    bool m_up = false;
};

bool tst_ConnectionTest::portFree(quint16 port) {
    QUdpSocket udp;
    QTcpServer tcp, tls;
    return udp.bind(QHostAddress::Any, port) && tcp.listen(QHostAddress::Any, port) &&
           tls.listen(QHostAddress::Any, port + 1);
}

void tst_ConnectionTest::initTestCase() {
    QVERIFY(m_run.isValid());
    for (int i = 0; i < 50 && !m_port; ++i) {
        const auto p = quint16(20000 + QRandomGenerator::global()->bounded(30000));
        if (portFree(p))
            m_port = p;
    }
    QVERIFY(m_port);
    startKamailio();
}

void tst_ConnectionTest::startKamailio() {
    QProcess up;
    up.setProcessChannelMode(QProcess::MergedChannels);
    up.start(QStringLiteral("bash"), {QStringLiteral(PARLO_SOURCE_DIR "/tests/interop/kamailio/up.sh"),
                                      m_run.path(), QString::number(m_port)});
    QVERIFY(up.waitForFinished(30000));
    QVERIFY2(up.exitCode() == 0, up.readAll().constData());
    m_up = true;
}

void tst_ConnectionTest::stopKamailio() {
    if (m_up)
        QProcess::execute(QStringLiteral("bash"),
                          {QStringLiteral(PARLO_SOURCE_DIR "/tests/interop/kamailio/down.sh"), m_run.path()});
    m_up = false;
}

void tst_ConnectionTest::cleanupTestCase() {
    stopKamailio();
}

QByteArray tst_ConnectionTest::serverCertificateDigest() const {
    const auto certs = QSslCertificate::fromPath(m_run.filePath(QStringLiteral("kam/cert.pem")));
    return certs.isEmpty() ? QByteArray() : certs.first().digest(QCryptographicHash::Sha256);
}

bool tst_ConnectionTest::finished(const AccountSetupController &c) {
    return c.testState() == AccountSetupController::TestState::Succeeded ||
           c.testState() == AccountSetupController::TestState::Failed;
}

void tst_ConnectionTest::test_data() {
    QTest::addColumn<QString>("aor");
    QTest::addColumn<QString>("password");
    QTest::addColumn<QString>("proxy"); // %1: the port, %2: the TLS port
    QTest::addColumn<int>("transport");
    QTest::addColumn<int>("result");
    QTest::addColumn<int>("failedStep");
    QTest::addColumn<QString>("errorContains");

    using C = AccountSetupController;
    QTest::newRow("udp ok") << "alice@127.0.0.1:%1"
                            << "alicepw"
                            << "" << int(C::Transport::Automatic) << int(C::TestState::Succeeded)
                            << int(C::TestState::Idle) << "";
    QTest::newRow("tcp via proxy ok") << "bob@127.0.0.1"
                                      << "bobpw"
                                      << "sip:127.0.0.1:%1" << int(C::Transport::Tcp)
                                      << int(C::TestState::Succeeded) << int(C::TestState::Idle) << "";
    QTest::newRow("wrong password") << "alice@127.0.0.1:%1"
                                    << "wrong"
                                    << "" << int(C::Transport::Automatic) << int(C::TestState::Failed)
                                    << int(C::TestState::Registering) << "rejected the user name or password";
    QTest::newRow("untrusted certificate")
        << "carol@127.0.0.1"
        << "carolpw"
        << "sip:127.0.0.1:%2;transport=tls" << int(C::Transport::Tls) << int(C::TestState::Failed)
        << int(C::TestState::Connecting) << "is not trusted: ";
}

void tst_ConnectionTest::test() {
    QFETCH(QString, aor);
    QFETCH(QString, password);
    QFETCH(QString, proxy);
    QFETCH(int, transport);
    QFETCH(int, result);
    QFETCH(int, failedStep);
    QFETCH(QString, errorContains);

    AccountSetupController c;
    const auto ports = [this](QString s) {
        return s.replace(QLatin1String("%1"), QString::number(m_port))
            .replace(QLatin1String("%2"), QString::number(m_port + 1));
    };
    c.setAor(ports(aor));
    c.setPassword(password);
    c.setOutboundProxy(ports(proxy));
    c.setTransport(AccountSetupController::Transport(transport));

    QList<AccountSetupController::TestState> steps;
    connect(&c, &AccountSetupController::testChanged, &c, [&]() {
        if (c.testState() != AccountSetupController::TestState::Idle &&
            (steps.isEmpty() || steps.last() != c.testState()))
            steps << c.testState();
    });
    c.testConnection();
    QTRY_VERIFY_WITH_TIMEOUT(c.testState() == AccountSetupController::TestState::Succeeded ||
                                 c.testState() == AccountSetupController::TestState::Failed,
                             20000);
    QCOMPARE(int(c.testState()), result);
    QCOMPARE(steps.first(), AccountSetupController::TestState::Resolving);
    if (result == int(AccountSetupController::TestState::Succeeded)) {
        QVERIFY2(steps.contains(AccountSetupController::TestState::Registering),
                 QTest::toString(steps.size()));
        QVERIFY(c.testError().isEmpty());
        QVERIFY(c.testServer().startsWith(QLatin1String("127.0.0.1:")));
    } else {
        QCOMPARE(int(c.failedStep()), failedStep);
        QVERIFY2(c.testError().contains(errorContains), qPrintable(c.testError()));
        QVERIFY(!c.testHint().isEmpty());
    }
}

void tst_ConnectionTest::trustCertificate() {
    using C = AccountSetupController;
    C c;
    c.setAor(QStringLiteral("carol@127.0.0.1"));
    c.setPassword(QStringLiteral("carolpw"));
    c.setOutboundProxy(QStringLiteral("sip:127.0.0.1:%1;transport=tls").arg(m_port + 1));
    c.setTransport(C::Transport::Tls);

    c.testConnection();
    QTRY_VERIFY_WITH_TIMEOUT(finished(c), 20000);
    QCOMPARE(c.testState(), C::TestState::Failed);
    QVERIFY(c.certificateTrustable());
    QVERIFY(!c.certificateTrusted());
    const QByteArray digest = serverCertificateDigest();
    QVERIFY(!digest.isEmpty());
    QCOMPARE(c.certificateFingerprint(), QString::fromLatin1(digest.toHex(':').toUpper()));
    QVERIFY2(c.certificateSubject().contains(QLatin1String("127.0.0.1")), qPrintable(c.certificateSubject()));
    QCOMPARE(c.certificateIssuer(), c.certificateSubject()); // self-signed
    QVERIFY(!c.certificateValidity().isEmpty());

    // Trusting pins exactly this certificate and tests again, which now gets through.
    c.trustCertificate();
    QVERIFY(c.testState() != C::TestState::Failed);
    QTRY_VERIFY_WITH_TIMEOUT(finished(c), 20000);
    QVERIFY2(c.testState() == C::TestState::Succeeded, qPrintable(c.testError()));
    QVERIFY(c.certificateTrusted());
    QVERIFY(!c.certificateTrustable());
    QCOMPARE(c.settings().pinnedCertificate, digest);

    // Saved with the account, the pin lets the app's own user agent register too.
    {
        AccountListModel accounts;
        accounts.setSettingsFile(m_run.filePath(QStringLiteral("accounts.ini")));
        accounts.start();
        parlo::AccountSettings saved = c.settings();
        saved.id = QStringLiteral("carol-tls");
        QVERIFY(!accounts.addAccount(saved, QStringLiteral("carolpw")).isEmpty());
        QTRY_COMPARE_WITH_TIMEOUT(
            accounts.data(accounts.index(0), AccountListModel::RegistrationStateRole).toInt(),
            int(parlo::sip::ClientRegistration::State::Registered), 20000);
    }

    // The server now presents another certificate: the pin does not cover it.
    stopKamailio();
    QVERIFY(QFile::remove(m_run.filePath(QStringLiteral("kam/cert.pem"))));
    QVERIFY(QFile::remove(m_run.filePath(QStringLiteral("kam/key.pem"))));
    startKamailio();
    QVERIFY(serverCertificateDigest() != digest);
    c.testConnection();
    QTRY_VERIFY_WITH_TIMEOUT(finished(c), 20000);
    QCOMPARE(c.testState(), C::TestState::Failed);
    QCOMPARE(c.failedStep(), C::TestState::Connecting);
    QVERIFY2(c.testError().contains(QLatin1String("is not trusted: ")), qPrintable(c.testError()));
    QVERIFY(c.certificateTrustable());
    QCOMPARE(c.certificateFingerprint(), QString::fromLatin1(serverCertificateDigest().toHex(':').toUpper()));
}

QTEST_MAIN(tst_ConnectionTest)
#include "tst_connectiontest.moc"

// The wizard's connection test against a real registrar: Kamailio on loopback (users alice/bob/
// carol, tests/interop/kamailio). Success, a wrong password, and an untrusted TLS certificate.
#include "AccountSetupController.h"

#include <QProcess>
#include <QRandomGenerator>
#include <QSignalSpy>
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

private:
    static bool portFree(quint16 port);
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
    QProcess up;
    up.setProcessChannelMode(QProcess::MergedChannels);
    up.start(QStringLiteral("bash"), {QStringLiteral(PARLO_SOURCE_DIR "/tests/interop/kamailio/up.sh"),
                                      m_run.path(), QString::number(m_port)});
    QVERIFY(up.waitForFinished(30000));
    QVERIFY2(up.exitCode() == 0, up.readAll().constData());
    m_up = true;
}

void tst_ConnectionTest::cleanupTestCase() {
    if (m_up)
        QProcess::execute(QStringLiteral("bash"),
                          {QStringLiteral(PARLO_SOURCE_DIR "/tests/interop/kamailio/down.sh"), m_run.path()});
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

QTEST_MAIN(tst_ConnectionTest)
#include "tst_connectiontest.moc"

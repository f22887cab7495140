#include "LaunchUri.h"
#include "SingleInstance.h"

#include <QLocalServer>
#include <QLocalSocket>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

using parlo::LaunchUri;
using parlo::SingleInstance;

// The first instance lives on its own thread: a hand-off blocks until it is acknowledged, so the
// receiving side needs an event loop that runs meanwhile, as it does in the real (other) process.
class SingleInstanceTest : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void init() {
        m_dir = std::make_unique<QTemporaryDir>();
        m_name = m_dir->filePath(QStringLiteral("parlo.instance"));
        m_received.clear();
    }
    void cleanup() {
        m_thread.quit();
        m_thread.wait();
        delete m_first; // its thread has finished, so nothing else touches it
        m_first = nullptr;
    }

    void launchUri_data() {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("uri");
        QTest::newRow("sip") << QStringList{"sip:bob@example.com"} << "sip:bob@example.com";
        QTest::newRow("sips") << QStringList{"sips:bob@example.com:5061"} << "sips:bob@example.com:5061";
        QTest::newRow("tel") << QStringList{"tel:+49-30-1234567"} << "tel:+49-30-1234567";
        QTest::newRow("callto") << QStringList{"callto://+4930123"} << "callto://+4930123";
        QTest::newRow("scheme case") << QStringList{"SIP:Bob@Example.com"} << "SIP:Bob@Example.com";
        QTest::newRow("trimmed") << QStringList{"  tel:110 "} << "tel:110";
        QTest::newRow("first link wins") << QStringList{"notes.txt", "tel:1", "sip:2@x"} << "tel:1";
        QTest::newRow("none") << QStringList{} << "";
        QTest::newRow("http") << QStringList{"https://example.com/sip:bob"} << "";
        QTest::newRow("mailto") << QStringList{"mailto:bob@example.com"} << "";
        QTest::newRow("no scheme") << QStringList{"bob@example.com"} << "";
        QTest::newRow("empty scheme") << QStringList{":sip"} << "";
        QTest::newRow("newline") << QStringList{"sip:bob@example.com\nsip:eve@example.com"} << "";
        QTest::newRow("too long") << QStringList{"sip:" + QString(LaunchUri::MaxLength, 'a')} << "";
        QTest::newRow("longest") << QStringList{"sip:" + QString(LaunchUri::MaxLength - 4, 'a')}
                                 << "sip:" + QString(LaunchUri::MaxLength - 4, 'a');
    }
    void launchUri() {
        QFETCH(QStringList, args);
        QFETCH(QString, uri);
        QCOMPARE(LaunchUri::fromArguments(args), uri);
    }

    void handsTheLinkToTheRunningInstance() {
        startFirst();
        SingleInstance second(m_name);
        QVERIFY(second.handOffOrListen(QStringLiteral("sip:bob@example.com")));
        QVERIFY(!second.isListening());
        QTRY_COMPARE(m_received, QStringList{"sip:bob@example.com"});
    }

    void plainLaunchOnlyActivates() {
        startFirst();
        SingleInstance second(m_name);
        QVERIFY(second.handOffOrListen(QString()));
        QTRY_COMPARE(m_received, QStringList{QString()});
    }

    void firstLaunchListens() {
        SingleInstance only(m_name);
        QVERIFY(!only.handOffOrListen(QStringLiteral("sip:bob@example.com")));
        QVERIFY(only.isListening());
    }

    // A crashed instance leaves its socket file behind, with nobody listening.
    void takesOverAStaleSocket() {
        const int fd = ::socket(AF_UNIX, SOCK_STREAM, 0);
        QVERIFY(fd >= 0);
        sockaddr_un addr{};
        addr.sun_family = AF_UNIX;
        const QByteArray path = QFile::encodeName(m_name);
        QVERIFY(size_t(path.size()) < sizeof(addr.sun_path));
        memcpy(addr.sun_path, path.constData(), path.size());
        QCOMPARE(::bind(fd, reinterpret_cast<sockaddr *>(&addr), sizeof(addr)), 0);
        ::close(fd);
        QVERIFY(QFile::exists(m_name));

        SingleInstance next(m_name);
        QVERIFY(!next.handOffOrListen(QString(), 500));
        QVERIFY(next.isListening());
    }

    // Only call links get through; other text still brings the window up.
    void otherTextOnlyActivates() {
        startFirst();
        QLocalSocket client;
        client.connectToServer(m_name);
        QVERIFY(client.waitForConnected(2000));
        client.write("https://evil.example/\n");
        QVERIFY(client.waitForReadyRead(2000));
        QCOMPARE(client.readAll(), QByteArray("ok\n"));
        QTRY_COMPARE(m_received, QStringList{QString()});
    }

    // A client that never ends its line is cut off once it has sent more than a message can be,
    // and the instance keeps serving the next launch.
    void endlessMessageIsDropped() {
        startFirst();
        QLocalSocket client;
        client.connectToServer(m_name);
        QVERIFY(client.waitForConnected(2000));
        const QByteArray chunk(1024, 'a');
        for (int i = 0; i < 64 && client.state() == QLocalSocket::ConnectedState; ++i) {
            client.write(chunk);
            client.waitForBytesWritten(200);
        }
        QTRY_COMPARE(client.state(), QLocalSocket::UnconnectedState);
        QVERIFY(m_received.isEmpty());

        SingleInstance second(m_name);
        QVERIFY(second.handOffOrListen(QStringLiteral("tel:+4930123")));
        QTRY_COMPARE(m_received, QStringList{"tel:+4930123"});
    }

private:
    void startFirst() {
        m_first = new SingleInstance(m_name);
        QVERIFY(!m_first->handOffOrListen(QString()));
        QVERIFY(m_first->isListening());
        connect(m_first, &SingleInstance::activated, this, [this](const QString &uri) { m_received << uri; });
        m_first->moveToThread(&m_thread);
        m_thread.start();
    }

    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_name;
    QThread m_thread;
    SingleInstance *m_first = nullptr;
    QStringList m_received;
};

QTEST_GUILESS_MAIN(SingleInstanceTest)
#include "tst_singleinstance.moc"

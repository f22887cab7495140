#include "sip/transport/TransportProtocol.h"

#include <QTest>

using namespace parlo::sip;

class tst_TransportProtocol : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void names_data();
    void names();
    void unknownName();
    void peerToString_data();
    void peerToString();
};

void tst_TransportProtocol::names_data() {
    QTest::addColumn<TransportProtocol>("protocol");
    QTest::addColumn<QByteArray>("name");
    QTest::addColumn<quint16>("port");
    QTest::addColumn<bool>("reliable");
    QTest::newRow("udp") << TransportProtocol::Udp << QByteArray("UDP") << quint16(5060) << false;
    QTest::newRow("tcp") << TransportProtocol::Tcp << QByteArray("TCP") << quint16(5060) << true;
    QTest::newRow("tls") << TransportProtocol::Tls << QByteArray("TLS") << quint16(5061) << true;
}

void tst_TransportProtocol::names() {
    QFETCH(TransportProtocol, protocol);
    QFETCH(QByteArray, name);
    QFETCH(quint16, port);
    QFETCH(bool, reliable);
    QCOMPARE(transportName(protocol), name);
    QCOMPARE(transportFromName(name), protocol);
    QCOMPARE(transportFromName(name.toLower()), protocol); // transport=tcp
    QCOMPARE(defaultPort(protocol), port);
    QCOMPARE(isReliable(protocol), reliable);
}

void tst_TransportProtocol::unknownName() {
    QVERIFY(!transportFromName("SCTP"));
    QVERIFY(!transportFromName(""));
    QVERIFY(!transportFromName("tcpx"));
}

void tst_TransportProtocol::peerToString_data() {
    QTest::addColumn<TransportProtocol>("protocol");
    QTest::addColumn<QString>("address");
    QTest::addColumn<quint16>("port");
    QTest::addColumn<QString>("text");
    QTest::newRow("udp v4") << TransportProtocol::Udp << QStringLiteral("127.0.0.1") << quint16(5060)
                            << QStringLiteral("udp:127.0.0.1:5060");
    QTest::newRow("tls v6") << TransportProtocol::Tls << QStringLiteral("::1") << quint16(5061)
                            << QStringLiteral("tls:[::1]:5061");
}

void tst_TransportProtocol::peerToString() {
    QFETCH(TransportProtocol, protocol);
    QFETCH(QString, address);
    QFETCH(quint16, port);
    QFETCH(QString, text);
    const Peer peer{protocol, QHostAddress(address), port, {}};
    QVERIFY(peer.isValid());
    QCOMPARE(peer.toString(), text);
    QVERIFY(!Peer{}.isValid());
}

QTEST_GUILESS_MAIN(tst_TransportProtocol)
#include "tst_transportprotocol.moc"

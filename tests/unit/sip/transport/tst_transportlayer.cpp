#include "sip/transport/TlsTransport.h"
#include "sip/transport/TransportLayer.h"

#include <QNetworkDatagram>
#include <QProcess>
#include <QSignalSpy>
#include <QSslKey>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>
#include <QUdpSocket>

using namespace parlo::sip;

// Real sockets on 127.0.0.1 and ::1. Everything waits on signals or QTRY_ (the event loop runs
// the sockets); the only timers are the layer's own, set short where a test needs them.
class tst_TransportLayer : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void udpSendReceive_data();
    void udpSendReceive();
    void tcpConnectionReuse_data();
    void tcpConnectionReuse();
    void streamFraming_data();
    void streamFraming();
    void keepAlivePingPong();
    void outboundKeepAlive();
    void streamClosed_data();
    void streamClosed();
    void malformedRequestAnswered_data();
    void malformedRequestAnswered();
    void garbageDropped();
    void receivedAndRport_data();
    void receivedAndRport();
    void connectionRefused_data();
    void connectionRefused();
    void connectTimeout();
    void maxConnections();
    void idleTimeout();
    void tls_data();
    void tls();
    void pinnable_data();
    void pinnable();

private:
    QTemporaryDir m_dir;
    QSslCertificate m_certificate;
    QSslKey m_key;
};

namespace {

constexpr int kTimeout = 5000;

QByteArray hostPort(const QHostAddress &address, quint16 port) {
    const QByteArray host = address.toString().toLatin1();
    return (address.protocol() == QAbstractSocket::IPv6Protocol ? "[" + host + "]" : host) + ':' +
           QByteArray::number(port);
}

QByteArray via(const Peer &peer, const QByteArray &branch) {
    return "SIP/2.0/" + transportName(peer.protocol) + ' ' + hostPort(peer.address, peer.port) +
           ";branch=z9hG4bK" + branch;
}

QByteArray rawRequest(const QByteArray &method, const QByteArray &uri, const QByteArray &viaValue,
                      const QByteArray &callId = "call-1@test", const QByteArray &cseq = {}) {
    return method + ' ' + uri + " SIP/2.0\r\n" + "Via: " + viaValue + "\r\n" +
           "Max-Forwards: 70\r\n"
           "From: <sip:alice@example.com>;tag=a1\r\n"
           "To: <sip:bob@example.com>\r\n"
           "Call-ID: " +
           callId + "\r\nCSeq: " + (cseq.isEmpty() ? "1 " + method : cseq) + "\r\nContent-Length: 0\r\n\r\n";
}

SipMessage parsed(const QByteArray &raw) {
    const SipParseResult result = SipMessage::parse(raw);
    if (!result.ok())
        qWarning() << "test message does not parse:" << result.error.reason;
    return result.message;
}

SipMessage receivedMessage(const QSignalSpy &spy, int i) {
    return spy.at(i).at(0).value<SipMessage>();
}

ReceivedFrom receivedFrom(const QSignalSpy &spy, int i) {
    return spy.at(i).at(1).value<ReceivedFrom>();
}

TransportError failure(const QSignalSpy &spy, int i) {
    return spy.at(i).at(1).value<TransportError>();
}

// Connects a raw client and proves the layer serves it by a ping/pong round trip.
bool pingPong(QTcpSocket &socket) {
    socket.write("\r\n\r\n");
    QByteArray got;
    QDeadlineTimer deadline(kTimeout);
    while (got.size() < 2 && !deadline.hasExpired() && socket.state() == QAbstractSocket::ConnectedState) {
        QTest::qWait(5);
        got += socket.readAll();
    }
    return got == "\r\n";
}

} // namespace

void tst_TransportLayer::initTestCase() {
    // Debian has ::1; a machine without an IPv6 loopback must fail here, not silently skip.
    QUdpSocket probe;
    QVERIFY2(probe.bind(QHostAddress::LocalHostIPv6, 0), "no IPv6 loopback (::1)");

    QVERIFY(m_dir.isValid());
    const QString cert = m_dir.filePath(QStringLiteral("cert.pem"));
    const QString key = m_dir.filePath(QStringLiteral("key.pem"));
    QProcess openssl;
    openssl.start(QStringLiteral("openssl"),
                  {QStringLiteral("req"), QStringLiteral("-x509"), QStringLiteral("-newkey"),
                   QStringLiteral("ec"), QStringLiteral("-pkeyopt"),
                   QStringLiteral("ec_paramgen_curve:prime256v1"), QStringLiteral("-nodes"),
                   QStringLiteral("-days"), QStringLiteral("2"), QStringLiteral("-subj"),
                   QStringLiteral("/CN=localhost"), QStringLiteral("-addext"),
                   QStringLiteral("subjectAltName=DNS:localhost,IP:127.0.0.1,IP:0:0:0:0:0:0:0:1"),
                   QStringLiteral("-keyout"), key, QStringLiteral("-out"), cert});
    QVERIFY(openssl.waitForFinished(30000));
    QVERIFY2(openssl.exitStatus() == QProcess::NormalExit && openssl.exitCode() == 0,
             openssl.readAllStandardError().constData());
    const QList<QSslCertificate> certs = QSslCertificate::fromPath(cert);
    QCOMPARE(certs.size(), 1);
    m_certificate = certs.first();
    QFile keyFile(key);
    QVERIFY(keyFile.open(QIODevice::ReadOnly));
    m_key = QSslKey(keyFile.readAll(), QSsl::Ec);
    QVERIFY(!m_key.isNull());
}

void tst_TransportLayer::udpSendReceive_data() {
    QTest::addColumn<QString>("address");
    QTest::newRow("IPv4") << QStringLiteral("127.0.0.1");
    QTest::newRow("IPv6") << QStringLiteral("::1");
}

void tst_TransportLayer::udpSendReceive() {
    QFETCH(QString, address);
    const QHostAddress host(address);
    TransportLayer a, b;
    QString error;
    QVERIFY2(a.listen(TransportProtocol::Udp, host, 0, &error), qPrintable(error));
    QVERIFY2(b.listen(TransportProtocol::Udp, host, 0, &error), qPrintable(error));
    const Peer aEnd = a.localEndpoint(TransportProtocol::Udp);
    const Peer bEnd = b.localEndpoint(TransportProtocol::Udp);
    QCOMPARE(aEnd.address, host);
    QVERIFY(aEnd.port != 0);
    QVERIFY(!a.localEndpoint(TransportProtocol::Tcp).isValid());

    QSignalSpy aReceived(&a, &TransportLayer::messageReceived);
    QSignalSpy bReceived(&b, &TransportLayer::messageReceived);
    QSignalSpy aTrace(&a, &TransportLayer::wireTrace);
    QSignalSpy bTrace(&b, &TransportLayer::wireTrace);

    const SipMessage request =
        parsed(rawRequest("OPTIONS", "sip:bob@" + hostPort(host, bEnd.port), via(aEnd, "u1")));
    TransportError sendError;
    QVERIFY(a.send(request, bEnd, 0, &sendError));
    QTRY_COMPARE_WITH_TIMEOUT(bReceived.size(), 1, kTimeout);
    const SipMessage got = receivedMessage(bReceived, 0);
    const ReceivedFrom from = receivedFrom(bReceived, 0);
    QCOMPARE(got.method(), QByteArray("OPTIONS"));
    QCOMPARE(got.callId(), QByteArray("call-1@test"));
    QCOMPARE(from.peer.protocol, TransportProtocol::Udp);
    QCOMPARE(from.peer.address, host);
    QCOMPARE(from.peer.port, aEnd.port); // sent from the listener, so responses reach it
    QCOMPARE(from.localPort, bEnd.port);
    QCOMPARE(from.connectionId, quint64(0));
    QVERIFY(got.topVia()->received().isEmpty()); // sent-by is the source: nothing to add

    QCOMPARE(aTrace.size(), 1);
    QCOMPARE(aTrace.at(0).at(0).toBool(), true);
    QCOMPARE(aTrace.at(0).at(1).value<Peer>().port, bEnd.port);
    QCOMPARE(aTrace.at(0).at(2).toByteArray(), request.toBytes());
    QCOMPARE(bTrace.size(), 1);
    QCOMPARE(bTrace.at(0).at(0).toBool(), false);
    QCOMPARE(bTrace.at(0).at(2).toByteArray(), request.toBytes());

    QVERIFY(b.send(SipMessage::responseTo(got, 200), from.peer));
    QTRY_COMPARE_WITH_TIMEOUT(aReceived.size(), 1, kTimeout);
    QCOMPARE(receivedMessage(aReceived, 0).statusCode(), 200);
    QCOMPARE(receivedFrom(aReceived, 0).peer.port, bEnd.port);
}

void tst_TransportLayer::tcpConnectionReuse_data() {
    udpSendReceive_data();
}

void tst_TransportLayer::tcpConnectionReuse() {
    QFETCH(QString, address);
    const QHostAddress host(address);
    TransportLayer a, b;
    QVERIFY(a.listen(TransportProtocol::Tcp, host, 0));
    QVERIFY(b.listen(TransportProtocol::Tcp, host, 0));
    const Peer aEnd = a.localEndpoint(TransportProtocol::Tcp);
    const Peer bEnd = b.localEndpoint(TransportProtocol::Tcp);
    QCOMPARE(bEnd.protocol, TransportProtocol::Tcp);
    QSignalSpy aReceived(&a, &TransportLayer::messageReceived);
    QSignalSpy bReceived(&b, &TransportLayer::messageReceived);
    QSignalSpy aFailed(&a, &TransportLayer::sendFailed);

    const QByteArray uri = "sip:bob@" + hostPort(host, bEnd.port) + ";transport=tcp";
    QVERIFY(a.send(parsed(rawRequest("OPTIONS", uri, via(aEnd, "t1"), "call-1@test")), bEnd));
    QVERIFY(a.send(parsed(rawRequest("OPTIONS", uri, via(aEnd, "t2"), "call-2@test")), bEnd));
    QTRY_COMPARE_WITH_TIMEOUT(bReceived.size(), 2, kTimeout);
    QCOMPARE(receivedMessage(bReceived, 0).callId(), QByteArray("call-1@test"));
    QCOMPARE(receivedMessage(bReceived, 1).callId(), QByteArray("call-2@test"));
    const ReceivedFrom first = receivedFrom(bReceived, 0), second = receivedFrom(bReceived, 1);
    QVERIFY(first.connectionId != 0);
    QCOMPARE(second.connectionId, first.connectionId); // one connection for both
    QCOMPARE(second.peer.port, first.peer.port);
    QCOMPARE(first.peer.protocol, TransportProtocol::Tcp);
    QVERIFY(first.peer.port != aEnd.port); // an outbound connection, not a's listener

    // The response names the sent-by (a's listener) but must go back on the request's connection.
    const Peer sentBy{TransportProtocol::Tcp, host, aEnd.port, {}};
    QVERIFY(b.send(SipMessage::responseTo(receivedMessage(bReceived, 0), 200), sentBy, first.connectionId));
    QTRY_COMPARE_WITH_TIMEOUT(aReceived.size(), 1, kTimeout);
    const ReceivedFrom back = receivedFrom(aReceived, 0);
    QCOMPARE(receivedMessage(aReceived, 0).statusCode(), 200);
    QVERIFY(back.connectionId != 0);
    QCOMPARE(back.peer.port, bEnd.port); // arrived on a's outbound connection to b's listener
    QVERIFY(aFailed.isEmpty());
}

void tst_TransportLayer::streamFraming_data() {
    QTest::addColumn<QList<QByteArray>>("chunks");
    const QByteArray one = rawRequest("OPTIONS", "sip:bob@127.0.0.1",
                                      "SIP/2.0/TCP 127.0.0.1:5999;branch=z9hG4bKf1", "call-1@test");
    QByteArray two = rawRequest("MESSAGE", "sip:bob@127.0.0.1", "SIP/2.0/TCP 127.0.0.1:5999;branch=z9hG4bKf2",
                                "call-2@test");
    two.replace("Content-Length: 0\r\n\r\n", "Content-Type: text/plain\r\nContent-Length: 5\r\n\r\nhello");
    QList<QByteArray> bytes;
    for (char c : one + two)
        bytes.append(QByteArray(1, c));
    QTest::newRow("byte by byte") << bytes;
    QTest::newRow("two messages in one write") << QList<QByteArray>{one + two};
    QTest::newRow("split in header and body")
        << QList<QByteArray>{one.left(30), one.mid(30) + two.left(two.size() - 3), two.right(3)};
    QTest::newRow("keep-alives between") << QList<QByteArray>{"\r\n\r\n" + one + "\r\n\r\n", two};
}

void tst_TransportLayer::streamFraming() {
    QFETCH(QList<QByteArray>, chunks);
    TransportLayer b;
    QVERIFY(b.listen(TransportProtocol::Tcp, QHostAddress::LocalHost, 0));
    QSignalSpy received(&b, &TransportLayer::messageReceived);
    QTcpSocket client;
    client.connectToHost(QHostAddress::LocalHost, b.localEndpoint(TransportProtocol::Tcp).port);
    QVERIFY(client.waitForConnected(kTimeout));
    for (const QByteArray &chunk : std::as_const(chunks)) {
        client.write(chunk);
        QVERIFY(client.waitForBytesWritten(kTimeout));
        QCoreApplication::processEvents(); // let the layer read this piece on its own
    }
    QTRY_COMPARE_WITH_TIMEOUT(received.size(), 2, kTimeout);
    QCOMPARE(receivedMessage(received, 0).callId(), QByteArray("call-1@test"));
    QCOMPARE(receivedMessage(received, 1).method(), QByteArray("MESSAGE"));
    QCOMPARE(receivedMessage(received, 1).body(), QByteArray("hello"));
    QCOMPARE(client.state(), QAbstractSocket::ConnectedState);
}

void tst_TransportLayer::keepAlivePingPong() {
    TransportLayer b;
    QVERIFY(b.listen(TransportProtocol::Tcp, QHostAddress::LocalHostIPv6, 0));
    QSignalSpy received(&b, &TransportLayer::messageReceived);
    QTcpSocket client;
    client.connectToHost(QHostAddress::LocalHostIPv6, b.localEndpoint(TransportProtocol::Tcp).port);
    QVERIFY(client.waitForConnected(kTimeout));
    QVERIFY(pingPong(client));
    QVERIFY(pingPong(client));
    client.write(rawRequest("OPTIONS", "sip:bob@[::1]", "SIP/2.0/TCP [::1]:5999;branch=z9hG4bKk1"));
    QTRY_COMPARE_WITH_TIMEOUT(received.size(), 1, kTimeout);
    QVERIFY(client.bytesAvailable() == 0); // nothing but pongs were ever sent back
}

void tst_TransportLayer::outboundKeepAlive() {
    QTcpServer server;
    QVERIFY(server.listen(QHostAddress::LocalHost));
    TransportLayer a;
    TransportLayer::Settings settings;
    settings.keepAliveIntervalMs = 50;
    a.setSettings(settings);
    QCOMPARE(a.settings().keepAliveIntervalMs, 50);
    const SipMessage request = parsed(
        rawRequest("REGISTER", "sip:example.com", "SIP/2.0/TCP 127.0.0.1:5999;branch=z9hG4bKka", "ka@test"));
    QVERIFY(a.send(request, {TransportProtocol::Tcp, QHostAddress::LocalHost, server.serverPort(), {}}));
    QTRY_VERIFY_WITH_TIMEOUT(server.hasPendingConnections(), kTimeout);
    QTcpSocket *peer = server.nextPendingConnection();
    QByteArray got;
    QTRY_VERIFY_WITH_TIMEOUT((got += peer->readAll()).size() >= request.toBytes().size() + 8, kTimeout);
    QVERIFY(got.startsWith(request.toBytes()));
    QCOMPARE(got.mid(request.toBytes().size(), 8), QByteArray("\r\n\r\n\r\n\r\n")); // two pings
    peer->write("\r\n"); // a pong must not disturb the connection
    QSignalSpy received(&a, &TransportLayer::messageReceived);
    peer->write(SipMessage::responseTo(request, 200).toBytes());
    QTRY_COMPARE_WITH_TIMEOUT(received.size(), 1, kTimeout);
    QCOMPARE(receivedMessage(received, 0).statusCode(), 200);
}

void tst_TransportLayer::streamClosed_data() {
    QTest::addColumn<QByteArray>("data");
    QByteArray endless = "OPTIONS sip:bob@127.0.0.1 SIP/2.0\r\n";
    while (endless.size() < 8192)
        endless += "X-Filler: aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\r\n";
    QTest::newRow("header section over the buffer") << endless;
    QByteArray huge =
        rawRequest("OPTIONS", "sip:bob@127.0.0.1", "SIP/2.0/TCP 127.0.0.1:5999;branch=z9hG4bKo1");
    huge.replace("Content-Length: 0", "Content-Length: 100000");
    QTest::newRow("Content-Length over the buffer") << huge + QByteArray(100, 'x');
    QByteArray missing =
        rawRequest("OPTIONS", "sip:bob@127.0.0.1", "SIP/2.0/TCP 127.0.0.1:5999;branch=z9hG4bKo2");
    missing.replace("Content-Length: 0\r\n", "");
    QTest::newRow("no Content-Length") << missing;
}

void tst_TransportLayer::streamClosed() {
    QFETCH(QByteArray, data);
    TransportLayer b;
    TransportLayer::Settings settings;
    settings.maxStreamBuffer = 4096;
    b.setSettings(settings);
    QVERIFY(b.listen(TransportProtocol::Tcp, QHostAddress::LocalHost, 0));
    QSignalSpy received(&b, &TransportLayer::messageReceived);
    QTcpSocket client;
    client.connectToHost(QHostAddress::LocalHost, b.localEndpoint(TransportProtocol::Tcp).port);
    QVERIFY(client.waitForConnected(kTimeout));
    QVERIFY(pingPong(client)); // served until the bad input
    QSignalSpy disconnected(&client, &QAbstractSocket::disconnected);
    client.write(data);
    QTRY_COMPARE_WITH_TIMEOUT(disconnected.size(), 1, kTimeout);
    QVERIFY(received.isEmpty());
}

void tst_TransportLayer::malformedRequestAnswered_data() {
    QTest::addColumn<QByteArray>("request");
    QTest::addColumn<QByteArray>("viaSuffix");
    QTest::addColumn<int>("status");
    const QByteArray uri = "sip:bob@127.0.0.1";
    QTest::newRow("bad CSeq, rport") << rawRequest("OPTIONS", uri, "VIA", "c@t", "abc OPTIONS")
                                     << QByteArray(";rport") << 400;
    QTest::newRow("bad CSeq, sent-by port")
        << rawRequest("OPTIONS", uri, "VIA", "c@t", "abc OPTIONS") << QByteArray() << 400;
    QTest::newRow("unknown URI scheme")
        << rawRequest("OPTIONS", "mailto:bob@example.com", "VIA") << QByteArray(";rport") << 416;
}

void tst_TransportLayer::malformedRequestAnswered() {
    QFETCH(QByteArray, request);
    QFETCH(QByteArray, viaSuffix);
    QFETCH(int, status);
    TransportLayer b;
    QVERIFY(b.listen(TransportProtocol::Udp, QHostAddress::LocalHost, 0));
    QSignalSpy received(&b, &TransportLayer::messageReceived);
    QUdpSocket client;
    QVERIFY(client.bind(QHostAddress::LocalHost, 0));
    // With rport the sent-by port is wrong on purpose: the answer must go to the source port.
    const quint16 viaPort = viaSuffix.isEmpty() ? client.localPort() : 9;
    request.replace("VIA",
                    "SIP/2.0/UDP 127.0.0.1:" + QByteArray::number(viaPort) + ";branch=z9hG4bKm1" + viaSuffix);
    const SipParseResult expected = SipMessage::parse(request);
    QVERIFY(!expected.ok());
    QVERIFY(!expected.error.reason.isEmpty());

    client.writeDatagram(request, QHostAddress::LocalHost, b.localEndpoint(TransportProtocol::Udp).port);
    QTRY_VERIFY_WITH_TIMEOUT(client.hasPendingDatagrams(), kTimeout);
    const QByteArray answer = client.receiveDatagram().data();
    QVERIFY2(
        answer.startsWith("SIP/2.0 " + QByteArray::number(status) + ' ' + expected.error.reason + "\r\n"),
        answer.constData());
    const SipParseResult response = SipMessage::parse(answer);
    QVERIFY2(response.ok() || response.error.code == SipParseError::Code::BadHeaderValue, answer.constData());
    QCOMPARE(response.message.statusCode(), status);
    QCOMPARE(response.message.reasonPhrase(), expected.error.reason);
    QCOMPARE(response.message.topViaBranch(), QByteArrayView("z9hG4bKm1"));
    if (!viaSuffix.isEmpty())
        QVERIFY2(answer.contains(";rport=" + QByteArray::number(client.localPort())), answer.constData());
    QVERIFY(received.isEmpty());
}

void tst_TransportLayer::garbageDropped() {
    TransportLayer b;
    QVERIFY(b.listen(TransportProtocol::Udp, QHostAddress::LocalHost, 0));
    const quint16 port = b.localEndpoint(TransportProtocol::Udp).port;
    QSignalSpy received(&b, &TransportLayer::messageReceived);
    QSignalSpy trace(&b, &TransportLayer::wireTrace);
    QUdpSocket client;
    QVERIFY(client.bind(QHostAddress::LocalHost, 0));
    const QList<QByteArray> garbage{QByteArray("\x00\x01\xff garbage", 11), "hello world\r\n\r\n", "\r\n\r\n",
                                    "SIP/2.0 200 OK\r\nContent-Length: 0\r\n\r\n", // malformed response
                                    QByteArray(3000, 'z')};
    for (const QByteArray &g : garbage)
        client.writeDatagram(g, QHostAddress::LocalHost, port);
    const QByteArray good =
        rawRequest("OPTIONS", "sip:bob@127.0.0.1",
                   "SIP/2.0/UDP 127.0.0.1:" + QByteArray::number(client.localPort()) + ";branch=z9hG4bKg1");
    client.writeDatagram(good, QHostAddress::LocalHost, port);
    QTRY_COMPARE_WITH_TIMEOUT(received.size(), 1, kTimeout);
    QCOMPARE(receivedMessage(received, 0).method(), QByteArray("OPTIONS"));
    QVERIFY(!client.hasPendingDatagrams()); // nothing answered the garbage
    QCOMPARE(trace.size(), garbage.size()); // all but the CRLF keep-alive, plus the good one
}

void tst_TransportLayer::receivedAndRport_data() {
    QTest::addColumn<QString>("address");
    QTest::addColumn<bool>("tcp");
    QTest::addColumn<QByteArray>("viaValue"); // HOST and PORT: the client's own address and port
    QTest::addColumn<QByteArray>("received"); // expected received=, empty for none
    QTest::addColumn<QByteArray>("rport");    // expected rport value, "-" for no rport, PORT for ours

    const QString v4 = QStringLiteral("127.0.0.1");
    QTest::newRow("host name, rport") << v4 << false << QByteArray("SIP/2.0/UDP client.invalid:5060;rport")
                                      << QByteArray("127.0.0.1") << QByteArray("PORT");
    QTest::newRow("matching sent-by")
        << v4 << false << QByteArray("SIP/2.0/UDP HOST:PORT") << QByteArray() << QByteArray("-");
    QTest::newRow("other address") << v4 << false << QByteArray("SIP/2.0/UDP 192.0.2.1:5060")
                                   << QByteArray("127.0.0.1") << QByteArray("-");
    QTest::newRow("matching sent-by, rport") << v4 << false << QByteArray("SIP/2.0/UDP HOST:PORT;rport")
                                             << QByteArray("127.0.0.1") << QByteArray("PORT");
    QTest::newRow("rport with value kept")
        << v4 << false << QByteArray("SIP/2.0/UDP 192.0.2.1:5060;rport=1234") << QByteArray("127.0.0.1")
        << QByteArray("1234");
    QTest::newRow("IPv6 host name, rport")
        << QStringLiteral("::1") << false << QByteArray("SIP/2.0/UDP client.invalid;rport")
        << QByteArray("::1") << QByteArray("PORT");
    QTest::newRow("IPv6 matching") << QStringLiteral("::1") << false << QByteArray("SIP/2.0/UDP [::1]:PORT")
                                   << QByteArray() << QByteArray("-");
    QTest::newRow("TCP, rport") << v4 << true << QByteArray("SIP/2.0/TCP client.invalid:5060;rport")
                                << QByteArray("127.0.0.1") << QByteArray("PORT");
}

void tst_TransportLayer::receivedAndRport() {
    QFETCH(QString, address);
    QFETCH(bool, tcp);
    QFETCH(QByteArray, viaValue);
    QFETCH(QByteArray, received);
    QFETCH(QByteArray, rport);
    const QHostAddress host(address);
    const TransportProtocol protocol = tcp ? TransportProtocol::Tcp : TransportProtocol::Udp;
    TransportLayer b;
    QVERIFY(b.listen(protocol, host, 0));
    const quint16 port = b.localEndpoint(protocol).port;
    QSignalSpy spy(&b, &TransportLayer::messageReceived);

    QUdpSocket udp;
    QTcpSocket stream;
    quint16 clientPort = 0;
    if (tcp) {
        stream.connectToHost(host, port);
        QVERIFY(stream.waitForConnected(kTimeout));
        clientPort = stream.localPort();
    } else {
        QVERIFY(udp.bind(host, 0));
        clientPort = udp.localPort();
    }
    const QByteArray portText = QByteArray::number(clientPort);
    viaValue.replace("HOST", host.toString().toLatin1()).replace("PORT", portText);
    const QByteArray request = rawRequest("OPTIONS", "sip:bob@example.com", viaValue + ";branch=z9hG4bKr1");
    if (tcp)
        stream.write(request);
    else
        udp.writeDatagram(request, host, port);
    QTRY_COMPARE_WITH_TIMEOUT(spy.size(), 1, kTimeout);
    const std::optional<Via> top = receivedMessage(spy, 0).topVia();
    QVERIFY(top);
    QCOMPARE(top->branch(), QByteArray("z9hG4bKr1"));
    QCOMPARE(top->received(), received);
    if (rport == "-") {
        QVERIFY(!top->hasRport());
    } else {
        QCOMPARE(QByteArray::number(top->rport()), rport == "PORT" ? portText : rport);
    }
    QCOMPARE(receivedMessage(spy, 0).vias().size(), 1);
}

void tst_TransportLayer::connectionRefused_data() {
    QTest::addColumn<QString>("address");
    QTest::addColumn<bool>("tls");
    QTest::newRow("TCP IPv4") << QStringLiteral("127.0.0.1") << false;
    QTest::newRow("TCP IPv6") << QStringLiteral("::1") << false;
    QTest::newRow("TLS IPv4") << QStringLiteral("127.0.0.1") << true;
}

void tst_TransportLayer::connectionRefused() {
    QFETCH(QString, address);
    QFETCH(bool, tls);
    const QHostAddress host(address);
    quint16 closedPort = 0;
    {
        QTcpServer probe; // a port that was just free: nobody listens there now
        QVERIFY(probe.listen(host));
        closedPort = probe.serverPort();
    }
    TransportLayer a;
    QSignalSpy failed(&a, &TransportLayer::sendFailed);
    const Peer destination{tls ? TransportProtocol::Tls : TransportProtocol::Tcp, host, closedPort, {}};
    const QByteArray v = "SIP/2.0/TCP " + hostPort(host, 5999) + ";branch=z9hG4bKc";
    // Both are queued on the one connection attempt, and each is reported when it fails.
    QVERIFY(a.send(parsed(rawRequest("OPTIONS", "sip:bob@example.com", v + "1", "c1@t")), destination));
    QVERIFY(a.send(parsed(rawRequest("OPTIONS", "sip:bob@example.com", v + "2", "c2@t")), destination));
    QTRY_COMPARE_WITH_TIMEOUT(failed.size(), 2, kTimeout);
    for (int i = 0; i < 2; ++i) {
        QVERIFY(failed.at(i).at(0).value<Peer>().sameEndpoint(destination));
        QCOMPARE(failure(failed, i).kind, TransportError::Kind::ConnectionRefused);
    }
    // The failed connection left the pool: a new send tries again.
    QVERIFY(a.send(parsed(rawRequest("OPTIONS", "sip:bob@example.com", v + "3", "c3@t")), destination));
    QTRY_COMPARE_WITH_TIMEOUT(failed.size(), 3, kTimeout);
}

void tst_TransportLayer::connectTimeout() {
    // Accepts TCP but never answers the TLS hello: the connection is not usable in time.
    QTcpServer silent;
    QVERIFY(silent.listen(QHostAddress::LocalHost));
    TransportLayer a;
    TransportLayer::Settings settings;
    settings.connectTimeoutMs = 200;
    a.setSettings(settings);
    QSignalSpy failed(&a, &TransportLayer::sendFailed);
    const Peer destination{TransportProtocol::Tls, QHostAddress::LocalHost, silent.serverPort(), {}};
    QVERIFY(a.send(
        parsed(rawRequest("OPTIONS", "sip:bob@example.com", "SIP/2.0/TLS 127.0.0.1:5999;branch=z9hG4bKt")),
        destination));
    QTRY_COMPARE_WITH_TIMEOUT(failed.size(), 1, kTimeout);
    QCOMPARE(failure(failed, 0).kind, TransportError::Kind::ConnectTimeout);
}

void tst_TransportLayer::maxConnections() {
    TransportLayer b;
    TransportLayer::Settings settings;
    settings.maxConnections = 2;
    b.setSettings(settings);
    QVERIFY(b.listen(TransportProtocol::Tcp, QHostAddress::LocalHost, 0));
    const quint16 port = b.localEndpoint(TransportProtocol::Tcp).port;
    QTcpSocket first, second, third;
    for (QTcpSocket *s : {&first, &second}) {
        s->connectToHost(QHostAddress::LocalHost, port);
        QVERIFY(s->waitForConnected(kTimeout));
        QVERIFY(pingPong(*s));
    }
    QSignalSpy firstClosed(&first, &QAbstractSocket::disconnected);
    third.connectToHost(QHostAddress::LocalHost, port);
    QVERIFY(third.waitForConnected(kTimeout));
    QVERIFY(pingPong(third));                                   // the newcomer is served ...
    QTRY_COMPARE_WITH_TIMEOUT(firstClosed.size(), 1, kTimeout); // ... in place of the oldest idle one
    QVERIFY(pingPong(second));
}

void tst_TransportLayer::idleTimeout() {
    TransportLayer b;
    TransportLayer::Settings settings;
    settings.idleTimeoutMs = 150;
    b.setSettings(settings);
    QVERIFY(b.listen(TransportProtocol::Tcp, QHostAddress::LocalHost, 0));
    QTcpSocket client;
    client.connectToHost(QHostAddress::LocalHost, b.localEndpoint(TransportProtocol::Tcp).port);
    QVERIFY(client.waitForConnected(kTimeout));
    QVERIFY(pingPong(client));
    QSignalSpy closed(&client, &QAbstractSocket::disconnected);
    QTRY_COMPARE_WITH_TIMEOUT(closed.size(), 1, kTimeout);
}

void tst_TransportLayer::tls_data() {
    QTest::addColumn<QString>("address");
    QTest::addColumn<QString>("hostName");
    QTest::addColumn<bool>("trusted");
    QTest::addColumn<QString>("pinned"); // "this": the server's certificate, "other": another digest
    QTest::addColumn<QSslError::SslError>("sslError"); // NoError: delivered
    const QString no;
    QTest::newRow("IPv4, CA given") << QStringLiteral("127.0.0.1") << QString() << true << no
                                    << QSslError::NoError;
    QTest::newRow("IPv6, CA given") << QStringLiteral("::1") << QString() << true << no << QSslError::NoError;
    QTest::newRow("host name, CA given")
        << QStringLiteral("127.0.0.1") << QStringLiteral("localhost") << true << no << QSslError::NoError;
    QTest::newRow("IPv4, no CA") << QStringLiteral("127.0.0.1") << QString() << false << no
                                 << QSslError::SelfSignedCertificate;
    QTest::newRow("IPv6, no CA") << QStringLiteral("::1") << QString() << false << no
                                 << QSslError::SelfSignedCertificate;
    QTest::newRow("wrong host name") << QStringLiteral("127.0.0.1") << QStringLiteral("sip.example.com")
                                     << true << no << QSslError::HostNameMismatch;
    QTest::newRow("no CA, pinned") << QStringLiteral("127.0.0.1") << QString() << false
                                   << QStringLiteral("this") << QSslError::NoError;
    QTest::newRow("no CA, wrong host name, pinned")
        << QStringLiteral("127.0.0.1") << QStringLiteral("sip.example.com") << false << QStringLiteral("this")
        << QSslError::NoError;
    QTest::newRow("no CA, another certificate pinned")
        << QStringLiteral("127.0.0.1") << QString() << false << QStringLiteral("other")
        << QSslError::SelfSignedCertificate;
}

void tst_TransportLayer::tls() {
    QFETCH(QString, address);
    QFETCH(QString, hostName);
    QFETCH(bool, trusted);
    QFETCH(QString, pinned);
    QFETCH(QSslError::SslError, sslError);
    const QHostAddress host(address);

    TransportLayer b;
    QString error;
    QVERIFY(!b.listen(TransportProtocol::Tls, host, 0, &error)); // no certificate yet
    b.setServerCertificate(m_certificate, m_key);
    QVERIFY2(b.listen(TransportProtocol::Tls, host, 0, &error), qPrintable(error));
    Peer destination = b.localEndpoint(TransportProtocol::Tls);
    QCOMPARE(destination.protocol, TransportProtocol::Tls);
    destination.hostName = hostName;

    TransportLayer a;
    TransportLayer::Settings settings;
    if (trusted)
        settings.caCertificates = {m_certificate};
    if (pinned == QLatin1String("this"))
        settings.pinnedCertificates = {m_certificate.digest(QCryptographicHash::Sha256)};
    else if (pinned == QLatin1String("other"))
        settings.pinnedCertificates = {QCryptographicHash::hash("other", QCryptographicHash::Sha256)};
    a.setSettings(settings);
    QSignalSpy failed(&a, &TransportLayer::sendFailed);
    QSignalSpy aReceived(&a, &TransportLayer::messageReceived);
    QSignalSpy bReceived(&b, &TransportLayer::messageReceived);
    const SipMessage request =
        parsed(rawRequest("OPTIONS", "sips:bob@" + hostPort(host, destination.port),
                          "SIP/2.0/TLS " + hostPort(host, 5999) + ";branch=z9hG4bKs1"));
    QVERIFY(a.send(request, destination));

    if (sslError == QSslError::NoError) {
        QTRY_COMPARE_WITH_TIMEOUT(bReceived.size(), 1, kTimeout);
        const ReceivedFrom from = receivedFrom(bReceived, 0);
        QCOMPARE(from.peer.protocol, TransportProtocol::Tls);
        QVERIFY(from.connectionId != 0);
        QVERIFY(
            b.send(SipMessage::responseTo(receivedMessage(bReceived, 0), 200), from.peer, from.connectionId));
        QTRY_COMPARE_WITH_TIMEOUT(aReceived.size(), 1, kTimeout);
        QCOMPARE(receivedMessage(aReceived, 0).statusCode(), 200);
        QVERIFY(failed.isEmpty());
        return;
    }
    QTRY_COMPARE_WITH_TIMEOUT(failed.size(), 1, kTimeout);
    const TransportError e = failure(failed, 0);
    QCOMPARE(e.kind, TransportError::Kind::TlsCertificate);
    QVERIFY(!e.sslErrors.isEmpty());
    bool found = false;
    for (const QSslError &s : e.sslErrors)
        found = found || s.error() == sslError;
    QVERIFY2(found, qPrintable(e.detail));
    if (sslError == QSslError::SelfSignedCertificate)
        QVERIFY2(e.detail.contains(QStringLiteral("self-signed")), qPrintable(e.detail));
    QVERIFY(bReceived.isEmpty());
    QCOMPARE(e.peerCertificateChain.value(0), m_certificate); // shown to the user, who may pin it
}

void tst_TransportLayer::pinnable_data() {
    QTest::addColumn<QList<QSslError::SslError>>("errors");
    QTest::addColumn<bool>("pinnable");
    using E = QSslError;
    QTest::newRow("none") << QList<E::SslError>{} << false;
    QTest::newRow("self-signed") << QList<E::SslError>{E::SelfSignedCertificate} << true;
    QTest::newRow("unknown CA, other name")
        << QList<E::SslError>{E::UnableToGetLocalIssuerCertificate, E::UnableToVerifyFirstCertificate,
                              E::HostNameMismatch}
        << true;
    QTest::newRow("expired") << QList<E::SslError>{E::CertificateExpired} << false;
    QTest::newRow("self-signed and expired")
        << QList<E::SslError>{E::SelfSignedCertificate, E::CertificateExpired} << false;
    QTest::newRow("not yet valid") << QList<E::SslError>{E::CertificateNotYetValid} << false;
    QTest::newRow("bad signature") << QList<E::SslError>{E::CertificateSignatureFailed} << false;
    QTest::newRow("revoked") << QList<E::SslError>{E::CertificateRevoked} << false;
}

void tst_TransportLayer::pinnable() {
    QFETCH(QList<QSslError::SslError>, errors);
    QFETCH(bool, pinnable);
    QList<QSslError> list;
    for (QSslError::SslError e : errors)
        list << QSslError(e, m_certificate);
    QCOMPARE(TlsTransport::pinnable(list), pinnable);
}

QTEST_GUILESS_MAIN(tst_TransportLayer)
#include "tst_transportlayer.moc"

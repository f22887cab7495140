#include "sip/message/Via.h"

#include <QTest>

using namespace parlo::sip;

class TestVia : public QObject {
    Q_OBJECT

private slots:
    void parse_data();
    void parse();
    void invalid_data();
    void invalid();
    void list_data();
    void list();
    void build();
};

void TestVia::parse_data() {
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<QByteArray>("transport");
    QTest::addColumn<QByteArray>("host");
    QTest::addColumn<int>("port");
    QTest::addColumn<QByteArray>("branch");
    QTest::addColumn<bool>("hasRport");
    QTest::addColumn<int>("rport");
    QTest::addColumn<QByteArray>("received");
    QTest::addColumn<QByteArray>("serialized");

    auto row = [](const char *tag, const char *text, const char *tr, const char *host, int port,
                  const char *branch, bool hasRport, int rport, const char *received, const char *out) {
        QTest::newRow(tag) << QByteArray(text) << QByteArray(tr) << QByteArray(host) << port
                           << QByteArray(branch) << hasRport << rport << QByteArray(received)
                           << QByteArray(out);
    };
    row("basic", "SIP/2.0/UDP pc33.atlanta.com;branch=z9hG4bK776asdhds", "UDP", "pc33.atlanta.com", 0,
        "z9hG4bK776asdhds", false, 0, "", "SIP/2.0/UDP pc33.atlanta.com;branch=z9hG4bK776asdhds");
    row("port rport", "SIP/2.0/TCP 192.0.2.1:5070;rport;branch=z9hG4bKx", "TCP", "192.0.2.1", 5070,
        "z9hG4bKx", true, 0, "", "SIP/2.0/TCP 192.0.2.1:5070;rport;branch=z9hG4bKx");
    row("rport value", "SIP/2.0/UDP h.example;received=192.0.2.9;rport=5066;branch=z9hG4bKy", "UDP",
        "h.example", 0, "z9hG4bKy", true, 5066, "192.0.2.9",
        "SIP/2.0/UDP h.example;received=192.0.2.9;rport=5066;branch=z9hG4bKy");
    row("lower transport", "sip/2.0/tls H.Example.COM:5061;branch=z9hG4bKz", "TLS", "h.example.com", 5061,
        "z9hG4bKz", false, 0, "", "SIP/2.0/TLS h.example.com:5061;branch=z9hG4bKz");
    row("lws everywhere", "SIP  /   2.0 /UDP    192.0.2.2  :  5060 ;  branch = 390skdjuw", "UDP", "192.0.2.2",
        5060, "390skdjuw", false, 0, "", "SIP/2.0/UDP 192.0.2.2:5060;branch=390skdjuw");
    row("ipv6", "SIP/2.0/UDP [2001:db8::9:1]:6050;branch=z9hG4bKas3-111", "UDP", "2001:db8::9:1", 6050,
        "z9hG4bKas3-111", false, 0, "", "SIP/2.0/UDP [2001:db8::9:1]:6050;branch=z9hG4bKas3-111");
    row("ipv6 received bracketed", "SIP/2.0/UDP [2001:db8::9:1];received=[2001:db8::9:255];branch=z9hG4bKa",
        "UDP", "2001:db8::9:1", 0, "z9hG4bKa", false, 0, "[2001:db8::9:255]",
        "SIP/2.0/UDP [2001:db8::9:1];received=[2001:db8::9:255];branch=z9hG4bKa");
    row("rfc2543 no branch", "SIP/2.0/UDP iftgw.example.com", "UDP", "iftgw.example.com", 0, "", false, 0, "",
        "SIP/2.0/UDP iftgw.example.com");
    row("extension param", "SIP/2.0/WS df7jal23ls0d.invalid;branch=z9hG4bK;alias;x=\"q;,v\"", "WS",
        "df7jal23ls0d.invalid", 0, "z9hG4bK", false, 0, "",
        "SIP/2.0/WS df7jal23ls0d.invalid;branch=z9hG4bK;alias;x=\"q;,v\"");
    row("ttl maddr", "SIP/2.0/UDP h.example;ttl=16;maddr=224.2.0.1;branch=z9hG4bKm", "UDP", "h.example", 0,
        "z9hG4bKm", false, 0, "", "SIP/2.0/UDP h.example;ttl=16;maddr=224.2.0.1;branch=z9hG4bKm");
}

void TestVia::parse() {
    QFETCH(QByteArray, text);
    QFETCH(QByteArray, transport);
    QFETCH(QByteArray, host);
    QFETCH(int, port);
    QFETCH(QByteArray, branch);
    QFETCH(bool, hasRport);
    QFETCH(int, rport);
    QFETCH(QByteArray, received);
    QFETCH(QByteArray, serialized);

    const auto v = Via::parse(text);
    QVERIFY(v);
    QCOMPARE(v->protocolName(), QByteArray("SIP"));
    QCOMPARE(v->protocolVersion(), QByteArray("2.0"));
    QCOMPARE(v->transport(), transport);
    QCOMPARE(v->host(), host);
    QCOMPARE(int(v->port()), port);
    QCOMPARE(v->branch(), branch);
    QCOMPARE(v->hasRport(), hasRport);
    QCOMPARE(int(v->rport()), rport);
    QCOMPARE(v->received(), received);
    QCOMPARE(v->toString(), serialized);
    QCOMPARE(*Via::parse(v->toString()), *v);
}

void TestVia::invalid_data() {
    QTest::addColumn<QByteArray>("text");
    QTest::newRow("empty") << QByteArray();
    QTest::newRow("no transport") << QByteArray("SIP/2.0 host.example");
    QTest::newRow("no host") << QByteArray("SIP/2.0/UDP");
    QTest::newRow("no space") << QByteArray("SIP/2.0/UDPhost.example");
    QTest::newRow("empty params") << QByteArray("SIP/2.0/UDP 192.0.2.15;;");
    QTest::newRow("bad port") << QByteArray("SIP/2.0/UDP h.example:99999");
    QTest::newRow("bad host") << QByteArray("SIP/2.0/UDP h..example");
    QTest::newRow("bad v6") << QByteArray("SIP/2.0/UDP [2001:db8::1::2]");
    QTest::newRow("bad received") << QByteArray("SIP/2.0/UDP h.example;received=host.example");
    QTest::newRow("bad rport") << QByteArray("SIP/2.0/UDP h.example;rport=x");
    QTest::newRow("bad ttl") << QByteArray("SIP/2.0/UDP h.example;ttl=256");
    QTest::newRow("junk") << QByteArray("SIP/2.0/UDP h.example junk");
    QTest::newRow("bad branch") << QByteArray("SIP/2.0/UDP h.example;branch=a b");
    QTest::newRow("quote in branch") << QByteArray("SIP/2.0/UDP h.example;branch=\"x\"");
}

void TestVia::invalid() {
    QFETCH(QByteArray, text);
    QVERIFY(!Via::parse(text));
}

void TestVia::list_data() {
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<int>("count");
    QTest::newRow("one") << QByteArray("SIP/2.0/UDP a.example;branch=z9hG4bK1") << 1;
    QTest::newRow("three") << QByteArray("SIP/2.0/UDP a.example;branch=z9hG4bK1 , SIP/2.0/TCP b.example,"
                                         "SIP/2.0/TLS [::1]:5061;branch=z9hG4bK3")
                           << 3;
    QTest::newRow("quoted comma") << QByteArray("SIP/2.0/UDP a.example;x=\"a,b\", SIP/2.0/UDP b.example")
                                  << 2;
    QTest::newRow("badinv01") << QByteArray("SIP/2.0/UDP 192.0.2.15;;,;,,") << -1;
    QTest::newRow("empty element") << QByteArray("SIP/2.0/UDP a.example,,SIP/2.0/UDP b.example") << -1;
}

void TestVia::list() {
    QFETCH(QByteArray, text);
    QFETCH(int, count);
    const auto l = Via::parseList(text);
    QCOMPARE(l.has_value(), count >= 0);
    if (l)
        QCOMPARE(l->size(), count);
}

void TestVia::build() {
    Via v;
    v.setTransport("tcp");
    v.setHost("::1");
    v.setPort(5060);
    v.setBranch("z9hG4bKabc");
    v.params().setFlag("rport");
    QCOMPARE(v.toString(), QByteArray("SIP/2.0/TCP [::1]:5060;branch=z9hG4bKabc;rport"));
    v.setBranch("z9hG4bKdef");
    QCOMPARE(v.branch(), QByteArray("z9hG4bKdef"));
    QCOMPARE(*Via::parse(v.toString()), v);
}

QTEST_APPLESS_MAIN(TestVia)
#include "tst_via.moc"

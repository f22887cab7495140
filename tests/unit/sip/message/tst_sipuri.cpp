#include "sip/message/SipUri.h"

#include <QTest>

using namespace parlo::sip;

class TestSipUri : public QObject {
    Q_OBJECT

private slots:
    void parse_data();
    void parse();
    void invalid_data();
    void invalid();
    void unsupportedScheme_data();
    void unsupportedScheme();
    void escaping_data();
    void escaping();
    void headers();
    void builders();
    void equivalent_data();
    void equivalent();
    void ipv6_data();
    void ipv6();
};

void TestSipUri::parse_data() {
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<int>("scheme");
    QTest::addColumn<QByteArray>("user");
    QTest::addColumn<QByteArray>("password");
    QTest::addColumn<QByteArray>("host");
    QTest::addColumn<int>("port");
    QTest::addColumn<QByteArray>("transport");
    QTest::addColumn<int>("paramCount");
    QTest::addColumn<QByteArray>("serialized");

    auto row = [](const char *tag, const char *text, SipUri::Scheme scheme, const char *user, const char *pw,
                  const char *host, int port, const char *transport, int params, const char *out) {
        QTest::newRow(tag) << QByteArray(text) << int(scheme) << QByteArray(user) << QByteArray(pw)
                           << QByteArray(host) << port << QByteArray(transport) << params << QByteArray(out);
    };
    using S = SipUri::Scheme;
    row("plain", "sip:alice@atlanta.com", S::Sip, "alice", "", "atlanta.com", 0, "", 0,
        "sip:alice@atlanta.com");
    row("host only", "sip:atlanta.com", S::Sip, "", "", "atlanta.com", 0, "", 0, "sip:atlanta.com");
    row("port", "sip:alice@atlanta.com:5070", S::Sip, "alice", "", "atlanta.com", 5070, "", 0,
        "sip:alice@atlanta.com:5070");
    row("password", "sip:alice:secretword@atlanta.com;transport=tcp", S::Sip, "alice", "secretword",
        "atlanta.com", 0, "tcp", 1, "sip:alice:secretword@atlanta.com;transport=tcp");
    row("sips", "sips:alice@atlanta.com?subject=project%20x&priority=urgent", S::Sips, "alice", "",
        "atlanta.com", 0, "", 0, "sips:alice@atlanta.com?subject=project%20x&priority=urgent");
    row("phone user", "sip:+1-212-555-1212:1234@gateway.com;user=phone", S::Sip, "+1-212-555-1212", "1234",
        "gateway.com", 0, "", 1, "sip:+1-212-555-1212:1234@gateway.com;user=phone");
    row("ipv4", "sip:alice@192.0.2.4", S::Sip, "alice", "", "192.0.2.4", 0, "", 0, "sip:alice@192.0.2.4");
    row("ipv6 port", "sip:[2001:db8::1]:5060;transport=UDP", S::Sip, "", "", "2001:db8::1", 5060, "udp", 1,
        "sip:[2001:db8::1]:5060;transport=UDP");
    row("maddr lr", "sip:atlanta.com;method=REGISTER?to=alice%40atlanta.com", S::Sip, "", "", "atlanta.com",
        0, "", 1, "sip:atlanta.com;method=REGISTER?to=alice%40atlanta.com");
    row("escaped user", "sip:%61lice@atlanta.com", S::Sip, "alice", "", "atlanta.com", 0, "", 0,
        "sip:alice@atlanta.com");
    row("host case", "SIP:Alice@AtLanTa.CoM;Transport=TCP", S::Sip, "Alice", "", "atlanta.com", 0, "tcp", 1,
        "sip:Alice@atlanta.com;Transport=TCP");
    row("flag params", "sip:proxy.example.com;lr;ob", S::Sip, "", "", "proxy.example.com", 0, "", 2,
        "sip:proxy.example.com;lr;ob");
    row("trailing dot", "sip:example.com.", S::Sip, "", "", "example.com.", 0, "", 0, "sip:example.com.");
    row("tel global", "tel:+1-201-555-0123", S::Tel, "+1-201-555-0123", "", "", 0, "", 0,
        "tel:+1-201-555-0123");
    row("tel local", "tel:7042;phone-context=example.com", S::Tel, "7042", "", "", 0, "", 1,
        "tel:7042;phone-context=example.com");
    row("port max", "sip:h.example:65535", S::Sip, "", "", "h.example", 65535, "", 0, "sip:h.example:65535");
}

void TestSipUri::parse() {
    QFETCH(QByteArray, text);
    QFETCH(int, scheme);
    QFETCH(QByteArray, user);
    QFETCH(QByteArray, password);
    QFETCH(QByteArray, host);
    QFETCH(int, port);
    QFETCH(QByteArray, transport);
    QFETCH(int, paramCount);
    QFETCH(QByteArray, serialized);

    const auto u = SipUri::parse(text);
    QVERIFY(u);
    QCOMPARE(int(u->scheme()), scheme);
    QCOMPARE(u->user(), user);
    QCOMPARE(u->password(), password);
    QCOMPARE(u->host(), host);
    QCOMPARE(int(u->port()), port);
    QCOMPARE(u->transportParam(), transport);
    QCOMPARE(u->params().items().size(), paramCount);
    QVERIFY(u->isValid());
    QCOMPARE(u->toString(), serialized);
    // Round trip: the serialized form parses to the same value.
    const auto again = SipUri::parse(u->toString());
    QVERIFY(again);
    QCOMPARE(*again, *u);
}

void TestSipUri::invalid_data() {
    QTest::addColumn<QByteArray>("text");
    QTest::newRow("empty") << QByteArray();
    QTest::newRow("no scheme") << QByteArray("alice@atlanta.com");
    QTest::newRow("no host") << QByteArray("sip:alice@");
    QTest::newRow("empty user") << QByteArray("sip:@atlanta.com");
    QTest::newRow("space") << QByteArray("sip:alice@atlanta.com; lr");
    QTest::newRow("leading space") << QByteArray(" sip:alice@atlanta.com");
    QTest::newRow("angle") << QByteArray("<sip:alice@atlanta.com>");
    QTest::newRow("bad port") << QByteArray("sip:atlanta.com:50x0");
    QTest::newRow("port overflow") << QByteArray("sip:atlanta.com:65536");
    QTest::newRow("port huge") << QByteArray("sip:atlanta.com:99999999999999999999999");
    QTest::newRow("empty port") << QByteArray("sip:atlanta.com:");
    QTest::newRow("bad escape") << QByteArray("sip:al%4@atlanta.com");
    QTest::newRow("bad escape end") << QByteArray("sip:al%@atlanta.com");
    QTest::newRow("unbracketed v6") << QByteArray("sip:2001:db8::10");
    QTest::newRow("open bracket") << QByteArray("sip:[2001:db8::10");
    QTest::newRow("bad v6") << QByteArray("sip:[2001:db8::10::1]");
    QTest::newRow("v6 too long") << QByteArray("sip:[1:2:3:4:5:6:7:8:9]");
    QTest::newRow("bad v4") << QByteArray("sip:192.0.2.256");
    QTest::newRow("v4 short") << QByteArray("sip:192.0.2");
    QTest::newRow("label dash") << QByteArray("sip:-bad.example.com");
    QTest::newRow("numeric toplabel") << QByteArray("sip:example.123");
    QTest::newRow("empty label") << QByteArray("sip:a..b");
    QTest::newRow("empty param") << QByteArray("sip:a.example;;lr");
    QTest::newRow("trailing semicolon") << QByteArray("sip:a.example;");
    QTest::newRow("header no value") << QByteArray("sip:a.example?subject");
    QTest::newRow("nul in host") << QByteArray("sip:a\0b.example", 15);
    QTest::newRow("tel empty") << QByteArray("tel:");
    QTest::newRow("tel letters") << QByteArray("tel:+1-abc-xyz");
    QTest::newRow("scheme digit") << QByteArray("1sip:a.example");
}

void TestSipUri::invalid() {
    QFETCH(QByteArray, text);
    bool unsupported = true;
    QVERIFY(!SipUri::parse(text, &unsupported));
    QVERIFY(!unsupported);
}

void TestSipUri::unsupportedScheme_data() {
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<bool>("wellFormed");
    QTest::newRow("mailto") << QByteArray("mailto:alice@atlanta.com") << true;
    QTest::newRow("http") << QByteArray("http://www.example.com/a?b=c") << true;
    QTest::newRow("soap.beep") << QByteArray("soap.beep://192.0.2.103:3002") << true;
    QTest::newRow("opaque") << QByteArray("nobodyKnowsThisScheme:totallyopaquecontent") << true;
    QTest::newRow("empty rest") << QByteArray("urn:") << false;
    QTest::newRow("space") << QByteArray("urn:a b") << false;
}

void TestSipUri::unsupportedScheme() {
    QFETCH(QByteArray, text);
    QFETCH(bool, wellFormed);
    bool unsupported = !wellFormed;
    QVERIFY(!SipUri::parse(text, &unsupported));
    QCOMPARE(unsupported, wellFormed);
}

void TestSipUri::escaping_data() {
    QTest::addColumn<QByteArray>("user");
    QTest::addColumn<QByteArray>("password");
    QTest::addColumn<QByteArray>("expected");
    QTest::newRow("space") << QByteArray("I have spaces") << QByteArray()
                           << QByteArray("sip:I%20have%20spaces@h.example");
    QTest::newRow("at and colon") << QByteArray("sips:user@example.com") << QByteArray()
                                  << QByteArray("sip:sips%3Auser%40example.com@h.example");
    QTest::newRow("user-unreserved kept")
        << QByteArray("a&=+$,;?/b") << QByteArray() << QByteArray("sip:a&=+$,;?/b@h.example");
    QTest::newRow("nul") << QByteArray("\0", 1) << QByteArray() << QByteArray("sip:%00@h.example");
    QTest::newRow("utf8") << QByteArray("j\xc3\xb6rg") << QByteArray()
                          << QByteArray("sip:j%C3%B6rg@h.example");
    QTest::newRow("password") << QByteArray("bob") << QByteArray("p@ss:w;rd")
                              << QByteArray("sip:bob:p%40ss%3Aw%3Brd@h.example");
}

void TestSipUri::escaping() {
    QFETCH(QByteArray, user);
    QFETCH(QByteArray, password);
    QFETCH(QByteArray, expected);
    SipUri u = SipUri::sip(user, "h.example");
    u.setPassword(password);
    QCOMPARE(u.toString(), expected);
    const auto back = SipUri::parse(expected);
    QVERIFY(back);
    QCOMPARE(back->user(), user);
    QCOMPARE(back->password(), password);
}

void TestSipUri::headers() {
    const auto u =
        SipUri::parse("sip:alice@atlanta.com?Route=%3Csip:p.example.com%3Blr%3E&Subject=hi%20there");
    QVERIFY(u);
    QCOMPARE(u->headers().items().size(), 2);
    QCOMPARE(u->headers().value("route"), QByteArray("<sip:p.example.com;lr>"));
    QCOMPARE(u->headers().value("Subject"), QByteArray("hi there"));
    QCOMPARE(u->toString(),
             QByteArray("sip:alice@atlanta.com?Route=%3Csip:p.example.com%3Blr%3E&Subject=hi%20there"));
    QCOMPARE(*SipUri::parse(u->toString()), *u);
}

void TestSipUri::builders() {
    SipUri u = SipUri::sip("bob", "Biloxi.Example.COM", 5080);
    QCOMPARE(u.host(), QByteArray("biloxi.example.com"));
    QCOMPARE(u.hostPort(), QByteArray("biloxi.example.com:5080"));
    u.params().set("transport", "tcp");
    u.params().setFlag("lr");
    QCOMPARE(u.toString(), QByteArray("sip:bob@biloxi.example.com:5080;transport=tcp;lr"));
    u.setHost("[::1]");
    QCOMPARE(u.host(), QByteArray("::1"));
    QVERIFY(u.isIPv6Host());
    QCOMPARE(u.toString(), QByteArray("sip:bob@[::1]:5080;transport=tcp;lr"));
    u.params().remove("TRANSPORT");
    QCOMPARE(u.transportParam(), QByteArray());
    QCOMPARE(u.toDisplayString(), QStringLiteral("sip:bob@[::1]:5080;lr"));
    QVERIFY(!SipUri().isValid());
}

void TestSipUri::equivalent_data() {
    // RFC 3261 §19.1.4 examples.
    QTest::addColumn<QByteArray>("a");
    QTest::addColumn<QByteArray>("b");
    QTest::addColumn<bool>("equal");
    int n = 0;
    auto row = [&n](const char *a, const char *b, bool eq) {
        QTest::addRow("%d: %s", ++n, a) << QByteArray(a) << QByteArray(b) << eq;
    };
    row("sip:%61lice@atlanta.com;transport=TCP", "sip:alice@AtLanTa.CoM;Transport=tcp", true);
    row("sip:carol@chicago.com", "sip:carol@chicago.com;newparam=5", true);
    row("sip:carol@chicago.com;security=on", "sip:carol@chicago.com;newparam=5", true);
    row("sip:biloxi.com;transport=tcp;method=REGISTER?to=sip:bob%40biloxi.com",
        "sip:biloxi.com;method=REGISTER;transport=tcp?to=sip:bob%40biloxi.com", true);
    row("sip:alice@atlanta.com?subject=project%20x&priority=urgent",
        "sip:alice@atlanta.com?priority=urgent&subject=project%20x", true);
    row("SIP:ALICE@AtLanTa.CoM;Transport=udp", "sip:alice@AtLanTa.CoM;Transport=UDP", false);
    row("sip:bob@biloxi.com", "sip:bob@biloxi.com:5060", false);
    row("sip:bob@biloxi.com", "sip:bob@biloxi.com;transport=udp", false);
    row("sip:bob@biloxi.com", "sip:bob@biloxi.com:6000;transport=tcp", false);
    row("sip:carol@chicago.com", "sip:carol@chicago.com?Subject=next%20meeting", false);
    row("sip:bob@phone21.boxesbybob.com", "sip:bob@192.0.2.4", false);
    row("sip:carol@chicago.com;security=on", "sip:carol@chicago.com;security=off", false);
    row("sip:carol@chicago.com", "sip:carol@chicago.com;user=phone", false);
    row("sip:carol@chicago.com", "sip:carol@chicago.com;maddr=10.0.0.1", false);
    row("sip:carol@chicago.com", "sips:carol@chicago.com", false);
}

void TestSipUri::equivalent() {
    QFETCH(QByteArray, a);
    QFETCH(QByteArray, b);
    QFETCH(bool, equal);
    const auto ua = SipUri::parse(a), ub = SipUri::parse(b);
    QVERIFY(ua && ub);
    QCOMPARE(ua->equivalent(*ub), equal);
    QCOMPARE(ub->equivalent(*ua), equal);
}

void TestSipUri::ipv6_data() {
    QTest::addColumn<QByteArray>("host");
    QTest::addColumn<bool>("valid");
    auto row = [](const char *h, bool ok) { QTest::newRow(h) << QByteArray(h) << ok; };
    row("::1", true);
    row("::", true);
    row("2001:db8::10", true);
    row("2001:db8:0:0:0:0:0:1", true);
    row("2001:db8::192.0.2.1", true);
    row("2001:db8:::192.0.2.1", true); // RFC 5118 §4.10: tolerated
    row("::ffff:192.0.2.2", true);
    row("fe80::1:2:3:4:5:6", true);
    row("2001:db8::10:5070", true);
    row("1:2:3:4:5:6:7::", true);
    row("2001:db8::1::2", false);
    row("2001:db8:::1", false);
    row("12345::1", false);
    row("1:2:3:4:5:6:7:8:9", false);
    row("1:2:3:4:5:6:7", false);
    row(":1:2", false);
    row("1:", false);
    row("g::1", false);
    row("::192.0.2.256", false);
    row("2001:db8::192.0.2.1:5", false);
}

void TestSipUri::ipv6() {
    QFETCH(QByteArray, host);
    QFETCH(bool, valid);
    const auto u = SipUri::parse("sip:[" + host + "]:5060");
    QCOMPARE(u.has_value(), valid);
    if (valid) {
        QCOMPARE(u->host(), host);
        QCOMPARE(u->port(), quint16(5060));
    }
}

QTEST_APPLESS_MAIN(TestSipUri)
#include "tst_sipuri.moc"

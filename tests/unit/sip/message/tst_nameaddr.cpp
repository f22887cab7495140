#include "sip/message/NameAddr.h"

#include <QTest>

using namespace parlo::sip;

class TestNameAddr : public QObject {
    Q_OBJECT

private slots:
    void parse_data();
    void parse();
    void invalid_data();
    void invalid();
    void list_data();
    void list();
    void serialize();
    void wildcard();
};

void TestNameAddr::parse_data() {
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<QString>("displayName");
    QTest::addColumn<QByteArray>("uri");
    QTest::addColumn<QByteArray>("tag");
    QTest::addColumn<int>("headerParams");
    QTest::addColumn<int>("uriParams");

    auto row = [](const char *tag, const char *text, const QString &dn, const char *uri, const char *t,
                  int hp, int up) {
        QTest::newRow(tag) << QByteArray(text) << dn << QByteArray(uri) << QByteArray(t) << hp << up;
    };
    row("name-addr", "Bob <sip:bob@biloxi.com>;tag=a6c85cf", "Bob", "sip:bob@biloxi.com", "a6c85cf", 1, 0);
    row("quoted", "\"Alice Smith\" <sip:alice@atlanta.com>;tag=1928301774", "Alice Smith",
        "sip:alice@atlanta.com", "1928301774", 1, 0);
    row("quoted escapes", "\"A \\\"B\\\" \\\\ C\" <sip:a@b.example>", "A \"B\" \\ C", "sip:a@b.example", "",
        0, 0);
    row("quoted comma", "\"Watson, Thomas\" <sip:t@example.org>", "Watson, Thomas", "sip:t@example.org", "",
        0, 0);
    row("quoted utf8", "\"J\xc3\xb6rg\" <sip:j@example.org>", QStringLiteral("Jörg"), "sip:j@example.org", "",
        0, 0);
    row("no space before <", "caller<sip:caller@example.com>;tag=323", "caller", "sip:caller@example.com",
        "323", 1, 0);
    row("tokens", "token1~` token2'+_   token3*%!.- <sip:m@example.com>", "token1~` token2'+_ token3*%!.-",
        "sip:m@example.com", "", 0, 0);
    row("addr-spec", "sip:alice@atlanta.com;tag=88sja8x", "", "sip:alice@atlanta.com", "88sja8x", 1, 0);
    row("addr-spec spaces", "  sip:alice@atlanta.com  ;  tag = 88  ", "", "sip:alice@atlanta.com", "88", 1,
        0);
    row("uri params inside <>", "<sip:alice@atlanta.com;transport=tcp>;tag=1", "",
        "sip:alice@atlanta.com;transport=tcp", "1", 1, 1);
    row("addr-spec params are header params", "sip:alice@atlanta.com;transport=tcp", "",
        "sip:alice@atlanta.com", "", 1, 0);
    row("contact params", "<sip:a@192.0.2.4>;expires=3600;q=0.7;+sip.instance=\"<urn:uuid:1>\"", "",
        "sip:a@192.0.2.4", "", 3, 0);
    row("quoted param with ; and ,", "<sip:a@b.example>;x=\"a;b,c\";tag=9", "", "sip:a@b.example", "9", 2, 0);
    row("ipv6", "<sip:[2001:db8::1]:5060>", "", "sip:[2001:db8::1]:5060", "", 0, 0);
    row("tel", "<tel:+1-201-555-0123>;tag=x", "", "tel:+1-201-555-0123", "x", 1, 0);
    row("empty quoted", "\"\" <sip:a@b.example>", "", "sip:a@b.example", "", 0, 0);
}

void TestNameAddr::parse() {
    QFETCH(QByteArray, text);
    QFETCH(QString, displayName);
    QFETCH(QByteArray, uri);
    QFETCH(QByteArray, tag);
    QFETCH(int, headerParams);
    QFETCH(int, uriParams);

    const auto na = NameAddr::parse(text);
    QVERIFY(na);
    QCOMPARE(na->displayName(), displayName);
    QCOMPARE(na->uri().toString(), uri);
    QCOMPARE(na->tag(), tag);
    QCOMPARE(na->params().items().size(), headerParams);
    QCOMPARE(na->uri().params().items().size(), uriParams);
    QVERIFY(!na->isWildcard());
    // Round trip through the canonical name-addr form.
    const auto again = NameAddr::parse(na->toString());
    QVERIFY2(again, na->toString().constData());
    QCOMPARE(*again, *na);
}

void TestNameAddr::invalid_data() {
    QTest::addColumn<QByteArray>("text");
    QTest::newRow("empty") << QByteArray();
    QTest::newRow("blank") << QByteArray("   ");
    QTest::newRow("unterminated quote") << QByteArray("\"Mr. J. User <sip:j.user@example.com>");
    QTest::newRow("unterminated angle") << QByteArray("<sip:a@b.example");
    QTest::newRow("spaces in <>") << QByteArray("\"Watson\" < sip:t.watson@example.org >");
    QTest::newRow("unquoted comma") << QByteArray("Bell, Alexander <sip:a.g.bell@example.com>");
    QTest::newRow("addr-spec with ?") << QByteArray("sip:user@example.com?Route=%3Csip:x%3E");
    QTest::newRow("empty params") << QByteArray("\"Joe\" <sip:joe@example.org>;;;;");
    QTest::newRow("trailing semicolon") << QByteArray("<sip:joe@example.org>;");
    QTest::newRow("junk after >") << QByteArray("<sip:joe@example.org> junk");
    QTest::newRow("bad param name") << QByteArray("<sip:joe@example.org>;a b=c");
    QTest::newRow("unterminated param quote") << QByteArray("<sip:joe@example.org>;a=\"b");
    QTest::newRow("other scheme") << QByteArray("<http://www.example.com>");
    QTest::newRow("quote then addr-spec") << QByteArray("\"x\" sip:a@b.example");
    QTest::newRow("bad quoted-pair") << QByteArray("\"a\\");
}

void TestNameAddr::invalid() {
    QFETCH(QByteArray, text);
    QVERIFY(!NameAddr::parse(text));
}

void TestNameAddr::list_data() {
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<int>("count");
    QTest::addColumn<QByteArray>("lastUri");
    QTest::newRow("one") << QByteArray("<sip:a@a.example>") << 1 << QByteArray("sip:a@a.example");
    QTest::newRow("two") << QByteArray("<sip:a@a.example>, \"B, C\" <sip:b@b.example>;q=0.5") << 2
                         << QByteArray("sip:b@b.example");
    QTest::newRow("comma in uri user")
        << QByteArray("<sip:a,b@a.example>,<sip:c@c.example>") << 2 << QByteArray("sip:c@c.example");
    QTest::newRow("routes") << QByteArray(
                                   "<sip:p1.example.com;lr>,<sip:p2.example.com;lr>,<sip:p3.example.com;lr>")
                            << 3 << QByteArray("sip:p3.example.com;lr");
    QTest::newRow("empty element") << QByteArray("<sip:a@a.example>,,<sip:b@b.example>") << -1
                                   << QByteArray();
    QTest::newRow("trailing comma") << QByteArray("<sip:a@a.example>,") << -1 << QByteArray();
}

void TestNameAddr::list() {
    QFETCH(QByteArray, text);
    QFETCH(int, count);
    QFETCH(QByteArray, lastUri);
    const auto l = NameAddr::parseList(text);
    QCOMPARE(l.has_value(), count >= 0);
    if (!l)
        return;
    QCOMPARE(l->size(), count);
    QCOMPARE(l->last().uri().toString(), lastUri);
}

void TestNameAddr::serialize() {
    NameAddr na(SipUri::sip("alice", "atlanta.com"), QStringLiteral("Alice \"Al\" \\ Smith"));
    na.setTag("abc");
    QCOMPARE(na.toString(), QByteArray("\"Alice \\\"Al\\\" \\\\ Smith\" <sip:alice@atlanta.com>;tag=abc"));
    QCOMPARE(NameAddr::parse(na.toString())->displayName(), na.displayName());
    na.setTag("def");
    QCOMPARE(na.tag(), QByteArray("def"));
    QCOMPARE(na.params().items().size(), 1);
    NameAddr plain(SipUri::sip("bob", "biloxi.com"));
    QCOMPARE(plain.toString(), QByteArray("<sip:bob@biloxi.com>"));
}

void TestNameAddr::wildcard() {
    const auto w = NameAddr::parse(" * ");
    QVERIFY(w);
    QVERIFY(w->isWildcard());
    QCOMPARE(w->toString(), QByteArray("*"));
    QCOMPARE(*w, NameAddr::wildcard());
    QVERIFY(!NameAddr::parse("*;expires=0")); // the wildcard takes no parameters in Contact
}

QTEST_APPLESS_MAIN(TestNameAddr)
#include "tst_nameaddr.moc"

// RFC 4475 and RFC 5118 torture messages (tests/data/torture, written by generate.py).
#include "sip/message/SipMessage.h"

#include <QFile>
#include <QTest>

using namespace parlo::sip;
using Code = SipParseError::Code;

namespace {

QByteArray fixture(const QString &name) {
    QFile f(QStringLiteral(PARLO_TEST_DATA "/torture/") + name + QStringLiteral(".sip"));
    if (!f.open(QIODevice::ReadOnly))
        qFatal("missing fixture %s", qPrintable(name));
    return f.readAll();
}

// The fields that must survive a serialize/parse round trip.
struct Fields {
    bool request;
    QByteArray method;
    QByteArray requestUri;
    int status;
    QByteArray reason;
    QByteArray callId;
    CSeq cseq;
    QList<Via> vias;
    NameAddr from, to;
    QList<NameAddr> contacts, routes, recordRoutes;
    int maxForwards;
    QByteArray body;

    static Fields of(const SipMessage &m) {
        return {m.isRequest(),    m.method(),       m.isRequest() ? m.requestUri().toString() : QByteArray(),
                m.statusCode(),   m.reasonPhrase(), m.callId(),
                m.cseq(),         m.vias(),         m.from(),
                m.to(),           m.contacts(),     m.routes(),
                m.recordRoutes(), m.maxForwards(),  m.body()};
    }
    void compare(const Fields &o) const {
        QCOMPARE(o.request, request);
        QCOMPARE(o.method, method);
        QCOMPARE(o.requestUri, requestUri);
        QCOMPARE(o.status, status);
        QCOMPARE(o.reason, reason);
        QCOMPARE(o.callId, callId);
        QCOMPARE(o.cseq, cseq);
        QCOMPARE(o.vias.size(), vias.size());
        for (int i = 0; i < vias.size(); ++i)
            QCOMPARE(o.vias[i].toString(), vias[i].toString());
        QCOMPARE(o.from.toString(), from.toString());
        QCOMPARE(o.to.toString(), to.toString());
        QCOMPARE(o.contacts.size(), contacts.size());
        for (int i = 0; i < contacts.size(); ++i)
            QCOMPARE(o.contacts[i], contacts[i]);
        QCOMPARE(o.routes, routes);
        QCOMPARE(o.recordRoutes, recordRoutes);
        QCOMPARE(o.maxForwards, maxForwards);
        QCOMPARE(o.body, body);
    }
};

} // namespace

class TestTorture : public QObject {
    Q_OBJECT

private slots:
    void valid_data();
    void valid();
    void invalid_data();
    void invalid();

    void wsinv();
    void intmeth();
    void esc01();
    void escnull();
    void esc02();
    void longreq();
    void dblreq();
    void semiuri();
    void mpart01();
    void unreason();
    void noreason();
    void ipv6();
};

void TestTorture::valid_data() {
    QTest::addColumn<QString>("file");
    QTest::addColumn<QByteArray>("method");
    QTest::addColumn<QByteArray>("callId");
    QTest::addColumn<quint32>("cseq");
    QTest::addColumn<int>("viaCount");
    QTest::addColumn<QByteArray>("topBranch");
    QTest::addColumn<QByteArray>("fromTag");
    QTest::addColumn<int>("bodySize");

    auto row = [](const char *file, const char *method, const char *callId, quint32 cseq, int vias,
                  const char *branch, const char *fromTag, int bodySize) {
        QTest::newRow(file) << QString::fromLatin1("valid/") + QLatin1String(file) << QByteArray(method)
                            << QByteArray(callId) << cseq << vias << QByteArray(branch) << QByteArray(fromTag)
                            << bodySize;
    };
    row("wsinv", "INVITE", "wsinv.ndaksdj@192.0.2.1", 9, 3, "390skdjuw", "98asjd8", 150);
    row("intmeth", "!interesting-Method0123456789_*+`.%indeed'~",
        "intmeth.word%ZK-!.*_+'@word`~)(><:\\/\"][?}{", 139122385, 1, "z9hG4bK-.!%66*_+`'~",
        "_token~1'+`*%!-.", 0);
    row("esc01", "INVITE", "esc01.239409asdfakjkn23onasd0-3234", 234234, 1, "z9hG4bKkdjuw", "938", 150);
    row("escnull", "REGISTER", "escnull.39203ndfvkjdasfkq3w4otrq0adsfdfnavd", 14398234, 1, "z9hG4bKkdjuw",
        "839923423", 0);
    row("esc02", "RE%47IST%45R", "esc02.asdfnqwo34rq23i34jrjasdcnl23nrlknsdf", 29344, 1,
        "z9hG4bK209%fzsnel234", "f232jadfj23", 0);
    row("lwsdisp", "OPTIONS", "lwsdisp.1234abcd@funky.example.com", 60, 1, "z9hG4bKkdjuw", "323", 0);
    row("longreq", "INVITE",
        "longreq."
        "onereallyreallyreallyreallyreallyreallyreallyreallyreallyreallyreallyreallyreallyreallyreally"
        "reallyreallyreallyreallyreallylongcallid",
        3882340, 34, "", "", 150);
    row("dblreq", "REGISTER", "dblreq.0ha0isndaksdj99sdfafnl3lk233412", 8, 1, "z9hG4bKkdjuw23492",
        "43251j3j324", 0);
    row("semiuri", "OPTIONS", "semiuri.0ha0isndaksdj", 8, 1, "z9hG4bKkdjuw", "33242", 0);
    row("transports", "OPTIONS", "transports.kijh4akdnaqjkwendsasfdj", 60, 5, "z9hG4bKkdjuw", "323", 0);
    row("mpart01", "MESSAGE", "3d9485ad0c49859b@Zmx1ZmZ5LW1hYy0xNi5sb2NhbA..", 1, 1,
        "z9hG4bK-d87543-4dade06d0bdb11ee-1--d87543-", "2fb0dcc9", -1);
    row("unreason", "INVITE", "unreason.1234ksdfak3j2erwedfsASdf", 35, 1, "z9hG4bK1324923", "11141343", 154);
    row("noreason", "INVITE", "noreason.asndj203insdf99223ndf", 35, 1, "z9hG4bK2398ndaoe", "39ansfi3", 0);
    row("ipv6-good", "REGISTER", "SSG9559905523997077@hlau_4100", 98176, 1, "z9hG4bKas3-111", "81x2", 0);
    row("port-ambiguous", "REGISTER", "SSG9559905523997077@hlau_4100", 98176, 1, "z9hG4bKas3-111", "81x2", 0);
    row("port-unambiguous", "REGISTER", "SSG9559905523997077@hlau_4100", 98176, 1, "z9hG4bKas3-111", "81x2",
        0);
    row("via-received-param-with-delim", "BYE", "SSG9559905523997077@hlau_4100", 321, 1, "z9hG4bKas3-111",
        "81x2", 0);
    row("via-received-param-no-delim", "OPTIONS", "SSG95523997077@hlau_4100", 921, 1, "z9hG4bKas3", "81x2",
        0);
    row("ipv6-in-sdp", "INVITE", "SSG9559905523997077@hlau_4100", 8612, 1, "z9hG4bKas3-111", "81x2", -1);
    row("mult-ip-in-header", "BYE", "997077@lau_4100", 89187, 3, "z9hG4bKas3-111", "81x2", 0);
    row("mult-ip-in-sdp", "INVITE", "SSG9559905523997077@hlau_4100", 8912, 1, "z9hG4bKas3-111", "81x2", -1);
    row("ipv4-mapped-ipv6", "INVITE", "SSG9559905523997077@hlau_4100", 612, 2, "z9hG4bKbh19", "81x2", -1);
    row("ipv6-bug-abnf-3-colons", "OPTIONS", "G9559905523997077@hlau_4100", 689, 1, "z9hG4bKas3-111", "810x2",
        0);
    row("ipv6-correct-abnf-2-colons", "OPTIONS", "G9559905523997077@hlau_4100", 689, 1, "z9hG4bKas3-111",
        "810x2", 0);
}

void TestTorture::valid() {
    QFETCH(QString, file);
    QFETCH(QByteArray, method);
    QFETCH(QByteArray, callId);
    QFETCH(quint32, cseq);
    QFETCH(int, viaCount);
    QFETCH(QByteArray, topBranch);
    QFETCH(QByteArray, fromTag);
    QFETCH(int, bodySize);
    if (file.endsWith(QLatin1String("longreq")))
        fromTag = "12" + QByteArray("982").repeated(50) + "424"; // too long for the table

    const auto r = SipMessage::parse(fixture(file));
    QVERIFY2(r.ok(), r.error.reason.constData());
    const SipMessage &m = r.message;
    QCOMPARE(m.method(), method);
    QCOMPARE(m.callId(), callId);
    QCOMPARE(m.callIdView(), QByteArrayView(callId));
    QCOMPARE(m.cseq().number, cseq);
    QCOMPARE(m.cseqNumber(), cseq);
    QCOMPARE(m.vias().size(), viaCount);
    QCOMPARE(m.topViaBranch().toByteArray(), topBranch);
    QCOMPARE(m.fromTag().toByteArray(), fromTag);
    QCOMPARE(m.from().tag(), fromTag);
    if (bodySize >= 0)
        QCOMPARE(m.body().size(), bodySize);
    if (m.hasHeader(HeaderId::ContentLength))
        QCOMPARE(QByteArray::number(m.body().size()), m.header(HeaderId::ContentLength).trimmed());
    QVERIFY(!SipMessage::errorResponse(r));

    // Round trip: serialize, parse again, same fields.
    const Fields before = Fields::of(m);
    const auto again = SipMessage::parse(m.toBytes());
    QVERIFY2(again.ok(), again.error.reason.constData());
    before.compare(Fields::of(again.message));
    // And a second serialization is byte-identical (canonical form is a fixed point).
    QCOMPARE(again.message.toBytes(), m.toBytes());
}

void TestTorture::invalid_data() {
    QTest::addColumn<QString>("file");
    QTest::addColumn<int>("code"); // Code::None: RFC 4475 says elements should accept it
    QTest::addColumn<int>("status");
    QTest::addColumn<bool>("answer"); // errorResponse() gives a response (else: drop)

    auto row = [](const char *file, Code code, int status, bool answer) {
        QTest::newRow(file) << QString::fromLatin1("invalid/") + QLatin1String(file) << int(code) << status
                            << answer;
    };
    // 3.1.2: syntactically invalid
    row("badinv01", Code::BadHeaderValue, 400, false); // its only Via is the malformed one
    row("clerr", Code::BodyTooShort, 400, true);
    row("ncl", Code::BadHeaderValue, 400, true);
    row("scalar02", Code::BadHeaderValue, 400, true);  // CSeq > 2^32-1
    row("scalarlg", Code::BadHeaderValue, 400, false); // a response: dropped
    row("quotbal", Code::BadHeaderValue, 400, true);
    row("ltgtruri", Code::BadRequestUri, 400, true);
    row("lwsruri", Code::BadStartLine, 400, true);
    row("lwsstart", Code::BadStartLine, 400, true);
    row("trws", Code::BadStartLine, 400, true);
    row("escruri", Code::BadRequestUri, 400, true);
    row("regbadct", Code::BadHeaderValue, 400, true);
    row("badaspec", Code::BadHeaderValue, 400, true);
    row("baddn", Code::BadHeaderValue, 400, true);
    row("badvers", Code::UnsupportedVersion, 505, true);
    row("mismatch01", Code::CSeqMethodMismatch, 400, true);
    row("mismatch02", Code::CSeqMethodMismatch, 400, true);
    row("bigcode", Code::BadStartLine, 400, false);
    row("multi01", Code::BadHeaderValue, 400, true);
    row("mcl01", Code::BadHeaderValue, 400, true);
    row("insuf", Code::MissingHeader, 400, false); // no From/To/Call-ID to answer with
    row("unkscm", Code::UnsupportedUriScheme, 416, true);
    row("novelsc", Code::UnsupportedUriScheme, 416, true);
    row("ipv6-bad", Code::BadRequestUri, 400, true);
    // Accepted by the parser: the RFC leaves these to the application (or says accept).
    row("baddate", Code::None, 0, false);
    row("badbranch", Code::None, 0, false);
    row("unksm2", Code::None, 0, false);
    row("bext01", Code::None, 0, false);
    row("invut", Code::None, 0, false);
    row("regaut01", Code::None, 0, false);
    row("bcast", Code::None, 0, false);
    row("zeromf", Code::None, 0, false);
    row("cparam01", Code::None, 0, false);
    row("cparam02", Code::None, 0, false);
    row("regescrt", Code::None, 0, false);
    row("sdp01", Code::None, 0, false);
    row("inv2543", Code::None, 0, false);
}

void TestTorture::invalid() {
    QFETCH(QString, file);
    QFETCH(int, code);
    QFETCH(int, status);
    QFETCH(bool, answer);

    const auto r = SipMessage::parse(fixture(file));
    QCOMPARE(int(r.error.code), code);
    QCOMPARE(r.error.status(), status);
    if (code != int(Code::None))
        QVERIFY(!r.error.reason.isEmpty());
    const auto resp = SipMessage::errorResponse(r);
    QCOMPARE(resp.has_value(), answer);
    if (resp) {
        QCOMPARE(resp->statusCode(), status);
        QCOMPARE(resp->reasonPhrase(), r.error.reason);
        // A To tag is added when the request's To could be parsed; a broken To is echoed as is.
        if (NameAddr::parse(r.message.header(HeaderId::To)))
            QVERIFY(!resp->toTag().isEmpty());
        QCOMPARE(resp->callIdView(), r.message.callIdView());
        QCOMPARE(resp->topViaBranch(), r.message.topViaBranch());
        // The error response itself must be well formed.
        const auto reparsed = SipMessage::parse(resp->toBytes());
        QVERIFY2(reparsed.ok() || reparsed.error.code == Code::BadHeaderValue,
                 reparsed.error.reason.constData());
    }
}

void TestTorture::wsinv() {
    const SipMessage m = SipMessage::parse(fixture("valid/wsinv")).message;
    QCOMPARE(m.requestUri().user(), QByteArray("vivekg"));
    QCOMPARE(m.requestUri().host(), QByteArray("chair-dnrc.example.com"));
    QVERIFY(m.requestUri().params().contains("unknownparam"));
    QCOMPARE(m.to().tag(), QByteArray("1918181833n"));
    QCOMPARE(m.to().uri().user(), QByteArray("vivekg"));
    QCOMPARE(m.from().displayName(), QStringLiteral("J Rosenberg \\\""));
    QCOMPARE(m.maxForwards(), 68);
    QCOMPARE(m.cseq().method, QByteArray("INVITE"));
    const QList<Via> vias = m.vias();
    QCOMPARE(vias[0].transport(), QByteArray("UDP"));
    QCOMPARE(vias[0].host(), QByteArray("192.0.2.2"));
    QCOMPARE(vias[1].transport(), QByteArray("TCP"));
    QCOMPARE(vias[1].host(), QByteArray("spindle.example.com"));
    QCOMPARE(vias[1].branch(), QByteArray("z9hG4bK9ikj8"));
    QCOMPARE(vias[2].host(), QByteArray("192.168.255.111"));
    QCOMPARE(vias[2].branch(), QByteArray("z9hG4bK30239"));
    QVERIFY(m.hasHeader(HeaderId::Subject));
    QCOMPARE(m.header(HeaderId::Subject), QByteArray());
    QCOMPARE(m.header("NewFangledHeader"), QByteArray("newfangled value continued newfangled value"));
    QCOMPARE(m.header("unknownheaderwithunusualvalue"), QByteArray(";;,,;;,;"));
    QCOMPARE(m.contentType(), QByteArray("application/sdp"));
    const auto routes = m.routes();
    QCOMPARE(routes.size(), 1);
    QVERIFY(routes[0].uri().params().contains("lr"));
    QCOMPARE(routes[0].uri().params().value("unknownwith"), QByteArray("value"));
    const auto contacts = m.contacts();
    QCOMPARE(contacts.size(), 1);
    QCOMPARE(contacts[0].displayName(), QStringLiteral("Quoted string \"\""));
    QCOMPARE(contacts[0].params().value("newparam"), QByteArray("newvalue"));
    QVERIFY(contacts[0].params().contains("secondparam"));
    QCOMPARE(contacts[0].params().value("q"), QByteArray("0.33"));
}

void TestTorture::intmeth() {
    const SipMessage m = SipMessage::parse(fixture("valid/intmeth")).message;
    const SipUri ruri = m.requestUri();
    QCOMPARE(ruri.user(), QByteArray("1_unusual.URI~(to-be!sure)&isn't+it$/crazy?,/;;*"));
    QCOMPARE(ruri.password(), QByteArray("&it+has=1,weird!*pas$wo~d_too.(doesn't-it)"));
    QCOMPARE(ruri.host(), QByteArray("example.com"));
    const QByteArray dn("BEL:\x07 NUL:\x00 DEL:\x7f", 17);
    QCOMPARE(m.to().displayName().toUtf8(), dn);
    QCOMPARE(m.from().displayName(), QStringLiteral("token1~` token2'+_ token3*%!.-"));
    QCOMPARE(
        m.from().params().value("fromParam''~+*_!.-%"),
        QByteArray("\"\xd1\x80\xd0\xb0\xd0\xb1\xd0\xbe\xd1\x82\xd0\xb0\xd1\x8e\xd1\x89\xd0\xb8\xd0\xb9\""));
    QCOMPARE(m.maxForwards(), 255);
    QCOMPARE(m.header("extensionHeader-!.%*+_`'~"),
             QByteArray("\xef\xbb\xbf\xe5\xa4\xa7\xe5\x81\x9c\xe9\x9b\xbb"));
}

void TestTorture::esc01() {
    const SipMessage m = SipMessage::parse(fixture("valid/esc01")).message;
    QCOMPARE(m.requestUri().user(), QByteArray("sips:user@example.com"));
    QCOMPARE(m.requestUri().host(), QByteArray("example.net"));
    QCOMPARE(m.to().uri().user(), QByteArray("user"));
    QCOMPARE(m.from().uri().user(), QByteArray("I have spaces"));
    const NameAddr contact = m.contacts().value(0);
    QCOMPARE(contact.uri().user(), QByteArray("caller"));
    // URI parameters stay escaped: "value%41" is not "valueA" (no recursive unescaping).
    QVERIFY(contact.uri().params().contains("%6C%72"));
    QCOMPARE(contact.uri().params().value("n%61me"), QByteArray("v%61lue%25%34%31"));
    // Unescaped user parts are re-escaped on output and compare equal.
    QVERIFY(SipUri::parse("sip:%75se%72@example.com")->equivalent(*SipUri::parse("sip:user@EXAMPLE.com")));
}

void TestTorture::escnull() {
    const SipMessage m = SipMessage::parse(fixture("valid/escnull")).message;
    QCOMPARE(m.to().uri().user(), QByteArray("null-\0-null", 11));
    const auto contacts = m.contacts();
    QCOMPARE(contacts.size(), 2);
    QCOMPARE(contacts[0].uri().user(), QByteArray("\0", 1));
    QCOMPARE(contacts[1].uri().user(), QByteArray("\0\0", 2));
    QVERIFY(!contacts[0].uri().equivalent(contacts[1].uri()));
    QCOMPARE(contacts[0].uri().toString(), QByteArray("sip:%00@host5.example.com"));
}

void TestTorture::esc02() {
    const SipMessage m = SipMessage::parse(fixture("valid/esc02")).message;
    QCOMPARE(m.to().displayName(), QStringLiteral("%Z%45"));
    QCOMPARE(m.contacts().size(), 2); // C%6Fntact is an unknown header, not a Contact
    QCOMPARE(m.header("C%6Fntact"), QByteArray("<sip:alias2@host2.example.com>"));
    QCOMPARE(m.cseq().method, QByteArray("RE%47IST%45R"));
}

void TestTorture::longreq() {
    const SipMessage m = SipMessage::parse(fixture("valid/longreq")).message;
    QCOMPARE(m.to().uri().port(), quint16(6000));
    QCOMPARE(m.to().uri().params().items().size(), 3);
    QCOMPARE(m.from().params().items().size(), 3);
    const auto vias = m.vias();
    for (int i = 0; i < 33; ++i)
        QCOMPARE(vias[i].host(), "sip" + QByteArray::number(33 - i) + ".example.com");
    QCOMPARE(vias[33].received(), QByteArray("192.0.2.5"));
}

void TestTorture::dblreq() {
    const SipMessage m = SipMessage::parse(fixture("valid/dblreq")).message;
    QVERIFY(m.body().isEmpty()); // the trailing INVITE is noise past Content-Length
    QCOMPARE(m.contacts().value(0).uri().host(), QByteArray("host.example.com"));
}

void TestTorture::semiuri() {
    const SipMessage m = SipMessage::parse(fixture("valid/semiuri")).message;
    QCOMPARE(m.requestUri().user(), QByteArray("user;par=u@example.net"));
    QCOMPARE(m.requestUri().host(), QByteArray("example.com"));
    QVERIFY(m.requestUri().params().isEmpty());
    QCOMPARE(m.tokens(HeaderId::Accept).size(), 6);
    QCOMPARE(m.tokens(HeaderId::Accept).last(), QByteArray("message/sipfrag"));
}

void TestTorture::mpart01() {
    const QByteArray raw = fixture("valid/mpart01");
    const SipMessage m = SipMessage::parse(raw).message;
    QVERIFY(m.body().contains('\0'));
    QVERIFY(raw.endsWith(m.body()));
    QCOMPARE(m.topVia()->port(), quint16(5070));
    QVERIFY(m.topVia()->hasRport());
    QCOMPARE(m.routes().value(0).uri().port(), quint16(5080));
    QCOMPARE(m.userAgent(), QByteArray("SIPimp.org/0.2.5 (curses)"));
}

void TestTorture::unreason() {
    const SipMessage m = SipMessage::parse(fixture("valid/unreason")).message;
    QVERIFY(m.isResponse());
    QCOMPARE(m.statusCode(), 200);
    QCOMPARE(QString::fromUtf8(m.reasonPhrase()),
             QStringLiteral("= 2**3 * 5**2 но сто девяносто девять - простое"));
}

void TestTorture::noreason() {
    const SipMessage m = SipMessage::parse(fixture("valid/noreason")).message;
    QCOMPARE(m.statusCode(), 100);
    QCOMPARE(m.reasonPhrase(), QByteArray());
    QCOMPARE(m.method(), QByteArray("INVITE"));
}

void TestTorture::ipv6() {
    SipMessage m = SipMessage::parse(fixture("valid/ipv6-good")).message;
    QCOMPARE(m.requestUri().host(), QByteArray("2001:db8::10"));
    QVERIFY(m.requestUri().isIPv6Host());
    QCOMPARE(m.topVia()->host(), QByteArray("2001:db8::9:1"));
    QCOMPARE(m.contacts().value(0).uri().host(), QByteArray("2001:db8::1"));

    m = SipMessage::parse(fixture("valid/port-ambiguous")).message;
    QCOMPARE(m.requestUri().host(), QByteArray("2001:db8::10:5070"));
    QCOMPARE(m.requestUri().port(), quint16(0));
    m = SipMessage::parse(fixture("valid/port-unambiguous")).message;
    QCOMPARE(m.requestUri().host(), QByteArray("2001:db8::10"));
    QCOMPARE(m.requestUri().port(), quint16(5070));
    QCOMPARE(m.requestUri().hostPort(), QByteArray("[2001:db8::10]:5070"));

    m = SipMessage::parse(fixture("valid/via-received-param-with-delim")).message;
    QCOMPARE(m.topVia()->received(), QByteArray("[2001:db8::9:255]"));
    m = SipMessage::parse(fixture("valid/via-received-param-no-delim")).message;
    QCOMPARE(m.topVia()->received(), QByteArray("2001:db8::9:255"));

    m = SipMessage::parse(fixture("valid/mult-ip-in-header")).message;
    const auto vias = m.vias();
    QCOMPARE(vias[0].host(), QByteArray("2001:db8::9:1"));
    QCOMPARE(vias[0].port(), quint16(6050));
    QCOMPARE(vias[1].host(), QByteArray("192.0.2.1"));
    QCOMPARE(vias[2].received(), QByteArray("192.0.2.200"));

    m = SipMessage::parse(fixture("valid/ipv4-mapped-ipv6")).message;
    QCOMPARE(m.topVia()->host(), QByteArray("::ffff:192.0.2.10"));
    QCOMPARE(m.topVia()->port(), quint16(19823));

    m = SipMessage::parse(fixture("valid/ipv6-bug-abnf-3-colons")).message;
    QCOMPARE(m.requestUri().host(), QByteArray("2001:db8:::192.0.2.1"));
    m = SipMessage::parse(fixture("valid/ipv6-correct-abnf-2-colons")).message;
    QCOMPARE(m.requestUri().host(), QByteArray("2001:db8::192.0.2.1"));
}

QTEST_APPLESS_MAIN(TestTorture)
#include "tst_torture.moc"

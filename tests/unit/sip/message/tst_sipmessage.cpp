#include "sip/message/SipIdentifiers.h"
#include "sip/message/SipMessage.h"

#include <QRandomGenerator>
#include <QTest>

using namespace parlo::sip;
using Code = SipParseError::Code;

namespace {

QByteArray crlf(QByteArray text) {
    return text.replace("\n", "\r\n");
}

const QByteArray kInvite = crlf("INVITE sip:bob@biloxi.example.com SIP/2.0\n"
                                "Via: SIP/2.0/UDP pc33.atlanta.example.com;branch=z9hG4bK776asdhds\n"
                                "Max-Forwards: 70\n"
                                "To: Bob <sip:bob@biloxi.example.com>\n"
                                "From: Alice <sip:alice@atlanta.example.com>;tag=1928301774\n"
                                "Call-ID: a84b4c76e66710@pc33.atlanta.example.com\n"
                                "CSeq: 314159 INVITE\n"
                                "Contact: <sip:alice@pc33.atlanta.example.com>\n"
                                "Content-Type: application/sdp\n"
                                "Content-Length: 4\n"
                                "\n"
                                "v=0\n");

QByteArray withHeader(const QByteArray &line) {
    QByteArray m = kInvite;
    return m.insert(m.indexOf("\r\n") + 2, line + "\r\n");
}

QByteArray replaceHeader(const QByteArray &name, const QByteArray &line) {
    QByteArray m = kInvite;
    const qsizetype at = m.indexOf("\r\n" + name + ":");
    Q_ASSERT(at >= 0);
    const qsizetype end = m.indexOf("\r\n", at + 2);
    return m.replace(at + 2, end - at - 2, line);
}

} // namespace

class TestSipMessage : public QObject {
    Q_OBJECT

private slots:
    void parseRequest();
    void parseResponse();
    void views();
    void rawDataIsCopied();
    void params();
    void cseq_data();
    void cseq();
    void copyOnWrite();
    void construction();
    void mutation();
    void headerAccess();
    void compactAndCase_data();
    void compactAndCase();
    void folding();
    void bodies_data();
    void bodies();
    void typedHeaders();
    void viaOperations();
    void responseTo();
    void defaultReason_data();
    void defaultReason();
    void errors_data();
    void errors();
    void errorResponse();
    void limits();
    void pathological_data();
    void pathological();
    void fuzz();
    void identifiers();
};

void TestSipMessage::parseRequest() {
    const auto r = SipMessage::parse(kInvite);
    QVERIFY(r.ok());
    const SipMessage &m = r.message;
    QVERIFY(m.isValid());
    QVERIFY(m.isRequest());
    QVERIFY(!m.isResponse());
    QCOMPARE(m.method(), QByteArray("INVITE"));
    QCOMPARE(m.requestUri().toString(), QByteArray("sip:bob@biloxi.example.com"));
    QCOMPARE(m.statusCode(), 0);
    QCOMPARE(m.headerCount(), 9);
    QCOMPARE(m.headerId(0), HeaderId::Via);
    QCOMPARE(m.headerName(2), QByteArray("To"));
    QCOMPARE(m.headerValue(2), QByteArray("Bob <sip:bob@biloxi.example.com>"));
    QCOMPARE(m.from().displayName(), QStringLiteral("Alice"));
    QCOMPARE(m.to().uri().user(), QByteArray("bob"));
    QCOMPARE(m.cseq(), (CSeq{314159, "INVITE"}));
    QCOMPARE(m.maxForwards(), 70);
    QCOMPARE(m.contentType(), QByteArray("application/sdp"));
    QCOMPARE(m.body(), QByteArray("v=0\r"));
    QCOMPARE(m.startLine(), QByteArray("INVITE sip:bob@biloxi.example.com SIP/2.0"));
    QCOMPARE(m.toBytes(), kInvite.left(kInvite.size() - 1)); // body is 4 bytes: "v=0\r"
}

void TestSipMessage::parseResponse() {
    const QByteArray raw = crlf("\n\nSIP/2.0 180 Ringing\n"
                                "Via: SIP/2.0/UDP a.example;branch=z9hG4bK1;received=192.0.2.1\n"
                                "To: <sip:b@b.example>;tag=xyz\n"
                                "From: <sip:a@a.example>;tag=abc\n"
                                "Call-ID: c1\n"
                                "CSeq: 2 INVITE\n"
                                "Content-Length: 0\n\n");
    const auto r = SipMessage::parse(raw); // leading CRLFs (keep-alives) are skipped
    QVERIFY2(r.ok(), r.error.reason.constData());
    QVERIFY(r.message.isResponse());
    QCOMPARE(r.message.statusCode(), 180);
    QCOMPARE(r.message.reasonPhrase(), QByteArray("Ringing"));
    QCOMPARE(r.message.method(), QByteArray("INVITE"));
    QCOMPARE(r.message.toTag(), QByteArrayView("xyz"));
    QCOMPARE(r.message.requestUri(), SipUri());
    QCOMPARE(r.message.startLine(), QByteArray("SIP/2.0 180 Ringing"));
    QVERIFY(!SipMessage::errorResponse(r));
}

void TestSipMessage::views() {
    const SipMessage m = SipMessage::parse(kInvite).message;
    QCOMPARE(m.topViaBranch(), QByteArrayView("z9hG4bK776asdhds"));
    QCOMPARE(m.fromTag(), QByteArrayView("1928301774"));
    QCOMPARE(m.toTag(), QByteArrayView());
    QCOMPARE(m.callIdView(), QByteArrayView("a84b4c76e66710@pc33.atlanta.example.com"));
    QCOMPARE(m.cseqNumber(), 314159u);
    QCOMPARE(m.cseqMethod(), QByteArrayView("INVITE"));
    // Quoted display names may hold '<' and ';tag=' without confusing the views.
    const auto tricky =
        SipMessage::parse(replaceHeader("From", "From: \"a<b;tag=no\" <sip:a@a.example;tag=no>;tag=yes"));
    QVERIFY(tricky.ok());
    QCOMPARE(tricky.message.fromTag(), QByteArrayView("yes"));
    const SipMessage empty;
    QCOMPARE(empty.topViaBranch(), QByteArrayView());
    QCOMPARE(empty.cseqNumber(), 0u);
}

void TestSipMessage::rawDataIsCopied() {
    // A parse of borrowed bytes must not keep pointing at them.
    QByteArray buffer = kInvite;
    SipMessage m = SipMessage::parse(QByteArray::fromRawData(buffer.constData(), buffer.size())).message;
    buffer.fill('X');
    QCOMPARE(m.callIdView(), QByteArrayView("a84b4c76e66710@pc33.atlanta.example.com"));
    QCOMPARE(m.method(), QByteArray("INVITE"));
}

void TestSipMessage::params() {
    SipParams p;
    QVERIFY(p.isEmpty());
    p.set("transport", "tcp");
    p.setFlag("lr");
    p.set("TRANSPORT", "udp"); // replaces: names compare case-insensitively
    QCOMPARE(p.items().size(), 2);
    QCOMPARE(p.value("transport"), std::optional<QByteArray>("udp"));
    QCOMPARE(p.value("lr"), std::optional<QByteArray>(QByteArray()));
    QCOMPARE(p.value("maddr"), std::nullopt);
    QVERIFY(p.contains("LR"));
    QCOMPARE(p.toString(), QByteArray(";transport=udp;lr"));
    p.set("lr", "on");
    QCOMPARE(p.toString(), QByteArray(";transport=udp;lr=on"));
    p.setFlag("lr");
    QCOMPARE(p.toString(), QByteArray(";transport=udp;lr"));
    p.remove("Transport");
    QCOMPARE(p.toString(), QByteArray(";lr"));
    p.append({"x", "", true});
    QCOMPARE(p.toString(), QByteArray(";lr;x="));
}

void TestSipMessage::cseq_data() {
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<bool>("valid");
    QTest::addColumn<quint32>("number");
    QTest::addColumn<QByteArray>("method");
    QTest::newRow("plain") << QByteArray("4711 INVITE") << true << 4711u << QByteArray("INVITE");
    QTest::newRow("lws") << QByteArray("  0009 \t  ACK ") << true << 9u << QByteArray("ACK");
    QTest::newRow("max") << QByteArray("4294967295 BYE") << true << 4294967295u << QByteArray("BYE");
    QTest::newRow("overflow") << QByteArray("4294967296 BYE") << false << 0u << QByteArray();
    QTest::newRow("no space") << QByteArray("1INVITE") << false << 0u << QByteArray();
    QTest::newRow("negative") << QByteArray("-1 INVITE") << false << 0u << QByteArray();
    QTest::newRow("two methods") << QByteArray("1 INVITE ACK") << false << 0u << QByteArray();
    QTest::newRow("empty") << QByteArray() << false << 0u << QByteArray();
}

void TestSipMessage::cseq() {
    QFETCH(QByteArray, text);
    QFETCH(bool, valid);
    QFETCH(quint32, number);
    QFETCH(QByteArray, method);
    const auto c = CSeq::parse(text);
    QCOMPARE(c.has_value(), valid);
    if (c) {
        QCOMPARE(c->number, number);
        QCOMPARE(c->method, method);
        QCOMPARE(*CSeq::parse(c->toString()), *c);
    }
}

void TestSipMessage::copyOnWrite() {
    const SipMessage a = SipMessage::parse(kInvite).message;
    SipMessage b = a;
    b.setHeader(HeaderId::Subject, "changed");
    b.setCallId("other");
    QVERIFY(!a.hasHeader(HeaderId::Subject));
    QCOMPARE(a.callId(), QByteArray("a84b4c76e66710@pc33.atlanta.example.com"));
    QCOMPARE(b.callId(), QByteArray("other"));
    SipMessage c = std::move(b);
    QCOMPARE(c.callId(), QByteArray("other"));
    SipMessage d;
    QVERIFY(!d.isValid());
    d = c;
    QCOMPARE(d.header(HeaderId::Subject), QByteArray("changed"));
}

void TestSipMessage::construction() {
    SipMessage m = SipMessage::makeRequest("REGISTER", *SipUri::parse("sip:registrar.example.com"));
    Via via;
    via.setHost("192.0.2.10");
    via.setPort(5060);
    via.setBranch(newBranch());
    via.params().setFlag("rport");
    m.prependVia(via);
    m.setMaxForwards(70);
    NameAddr aor(SipUri::sip("alice", "example.com"), QStringLiteral("Alice Ä"));
    m.setTo(aor);
    aor.setTag(newTag());
    m.setFrom(aor);
    m.setCallId(newCallId());
    m.setCSeq({1, "REGISTER"});
    m.setContacts({NameAddr(SipUri::sip("alice", "192.0.2.10", 5060))});
    m.setExpires(3600);
    m.addHeader("X-Custom", "  yes ");
    const QByteArray wire = m.toBytes();
    QVERIFY(wire.startsWith(
        "REGISTER sip:registrar.example.com SIP/2.0\r\nVia: SIP/2.0/UDP 192.0.2.10:5060;branch=z9hG4bK"));
    QVERIFY(wire.endsWith("X-Custom: yes\r\nContent-Length: 0\r\n\r\n"));
    const auto r = SipMessage::parse(wire);
    QVERIFY2(r.ok(), r.error.reason.constData());
    QCOMPARE(r.message.from().displayName(), QStringLiteral("Alice Ä"));
    QCOMPARE(r.message.from().tag(), aor.tag());
    QCOMPARE(r.message.expires(), std::optional<quint32>(3600));
    QCOMPARE(r.message.topVia()->branch(), via.branch());
    QCOMPARE(r.message.contacts().value(0).uri().port(), quint16(5060));
    QCOMPARE(r.message.header("x-custom"), QByteArray("yes"));

    const SipMessage resp = SipMessage::makeResponse(486);
    QVERIFY(resp.isResponse());
    QCOMPARE(resp.reasonPhrase(), QByteArray("Busy Here"));
    QCOMPARE(SipMessage::makeResponse(299, "Fine").startLine(), QByteArray("SIP/2.0 299 Fine"));
}

void TestSipMessage::mutation() {
    SipMessage m = SipMessage::parse(kInvite).message;
    m.setRequestUri(*SipUri::parse("sip:carol@chicago.example.com"));
    QCOMPARE(m.requestUri().user(), QByteArray("carol"));
    m.addHeader(HeaderId::Route, "<sip:p2.example.com;lr>");
    m.prependHeader(HeaderId::Route, "<sip:p1.example.com;lr>");
    QCOMPARE(m.headerId(0), HeaderId::Route);
    QCOMPARE(m.routes().size(), 2);
    QCOMPARE(m.routes().first().uri().host(), QByteArray("p1.example.com"));
    m.setRoutes({});
    QVERIFY(!m.hasHeader(HeaderId::Route));
    m.setRecordRoutes({NameAddr(*SipUri::parse("sip:rr.example.com;lr"))});
    QCOMPARE(m.header(HeaderId::RecordRoute), QByteArray("<sip:rr.example.com;lr>"));

    // setHeader keeps the position of the first line and drops the others.
    m.addHeader("Subject", "one");
    m.addHeader("Subject", "two");
    const int pos = [&] {
        for (int i = 0; i < m.headerCount(); ++i)
            if (m.headerId(i) == HeaderId::Subject)
                return i;
        return -1;
    }();
    m.setHeader("subject", "three");
    QCOMPARE(m.headers(HeaderId::Subject), QList<QByteArray>{"three"});
    QCOMPARE(m.headerId(pos), HeaderId::Subject);
    m.removeHeaders("SUBJECT");
    QVERIFY(!m.hasHeader("Subject"));
    m.setHeader("X-A", "1");
    m.setHeader("x-a", "2");
    QCOMPARE(m.headers("X-A"), QList<QByteArray>{"2"});
    m.removeHeaders(QByteArrayView("x-A"));
    QVERIFY(!m.hasHeader("X-A"));

    m.setBody("hello", "text/plain");
    QCOMPARE(m.contentType(), QByteArray("text/plain"));
    QVERIFY(m.toBytes().endsWith("Content-Length: 5\r\n\r\nhello"));
    m.setBody({});
    QVERIFY(!m.hasHeader(HeaderId::ContentType));
    QVERIFY(m.toBytes().endsWith("Content-Length: 0\r\n\r\n"));

    // Values set through the API cannot inject header lines.
    m.setHeader(HeaderId::Subject, "hi\r\nVia: SIP/2.0/UDP evil.example");
    QCOMPARE(m.header(HeaderId::Subject), QByteArray("hi  Via: SIP/2.0/UDP evil.example"));
    QVERIFY(!m.toBytes().contains("\r\nVia: SIP/2.0/UDP evil"));
    m.removeHeaders(HeaderId::Subject);

    m.setStatus(200);
    QVERIFY(m.isResponse());
    QCOMPARE(m.startLine(), QByteArray("SIP/2.0 200 OK"));
    QCOMPARE(m.method(), QByteArray("INVITE"));
}

void TestSipMessage::headerAccess() {
    const auto r = SipMessage::parse(withHeader("Allow: INVITE, ACK,CANCEL\r\nAllow: BYE\r\nSupported:\r\n"
                                                "X-Thing: a\r\nx-thing: b"));
    QVERIFY(r.ok());
    const SipMessage &m = r.message;
    QCOMPARE(m.tokens(HeaderId::Allow), (QList<QByteArray>{"INVITE", "ACK", "CANCEL", "BYE"}));
    QCOMPARE(m.headers(HeaderId::Allow).size(), 2);
    QVERIFY(m.hasHeader(HeaderId::Supported));
    QVERIFY(m.tokens(HeaderId::Supported).isEmpty());
    QCOMPARE(m.headers("X-THING"), (QList<QByteArray>{"a", "b"}));
    QCOMPARE(m.header("x-thing"), QByteArray("a"));
    QCOMPARE(m.headerName(1), QByteArray("Allow"));
    QCOMPARE(m.headerName(4), QByteArray("x-thing")); // unknown names as received
    QCOMPARE(m.header(HeaderId::Warning), QByteArray());
    QCOMPARE(m.headerValue(99), QByteArray());
    QCOMPARE(m.headerId(-1), HeaderId::Other);
    QVERIFY(isListHeader(HeaderId::Contact));
    QVERIFY(!isListHeader(HeaderId::WwwAuthenticate));
    QCOMPARE(canonicalHeaderName(HeaderId::WwwAuthenticate), QByteArray("WWW-Authenticate"));
    QCOMPARE(canonicalHeaderName(HeaderId::Other), QByteArray());
}

void TestSipMessage::compactAndCase_data() {
    QTest::addColumn<QByteArray>("name");
    QTest::addColumn<HeaderId>("id");
    auto row = [](const char *n, HeaderId id) { QTest::newRow(n) << QByteArray(n) << id; };
    row("i", HeaderId::CallId);
    row("m", HeaderId::Contact);
    row("e", HeaderId::ContentEncoding);
    row("l", HeaderId::ContentLength);
    row("c", HeaderId::ContentType);
    row("f", HeaderId::From);
    row("s", HeaderId::Subject);
    row("k", HeaderId::Supported);
    row("t", HeaderId::To);
    row("V", HeaderId::Via);
    row("o", HeaderId::Event);
    row("r", HeaderId::ReferTo);
    row("b", HeaderId::ReferredBy);
    row("u", HeaderId::AllowEvents);
    row("x", HeaderId::SessionExpires);
    row("call-id", HeaderId::CallId);
    row("CALL-ID", HeaderId::CallId);
    row("www-authenticate", HeaderId::WwwAuthenticate);
    row("cseq", HeaderId::CSeq);
    row("Record-route", HeaderId::RecordRoute);
    row("sip-etag", HeaderId::SipETag);
    row("q", HeaderId::Other);
    row("Via2", HeaderId::Other);
    row("", HeaderId::Other);
    row("_", HeaderId::Other);
}

void TestSipMessage::compactAndCase() {
    QFETCH(QByteArray, name);
    QFETCH(HeaderId, id);
    QCOMPARE(headerIdFromName(name), id);
    if (id != HeaderId::Other)
        QCOMPARE(headerIdFromName(canonicalHeaderName(id)), id);
}

void TestSipMessage::folding() {
    const auto r = SipMessage::parse(
        withHeader("Subject: I know you're there,\r\n   pick up the phone\r\n\tand talk to me!"));
    QVERIFY(r.ok());
    QCOMPARE(r.message.header(HeaderId::Subject),
             QByteArray("I know you're there, pick up the phone and talk to me!"));
    // A value that starts on the continuation line.
    const auto r2 = SipMessage::parse(replaceHeader("To", "To:\r\n <sip:bob@biloxi.example.com>"));
    QVERIFY(r2.ok());
    QCOMPARE(r2.message.header(HeaderId::To), QByteArray("<sip:bob@biloxi.example.com>"));
    QCOMPARE(r2.message.to().uri().user(), QByteArray("bob"));
    // A continuation line before any header is malformed.
    QByteArray bad = kInvite;
    bad.insert(bad.indexOf("\r\n") + 2, " continued\r\n");
    QCOMPARE(SipMessage::parse(bad).error.code, Code::BadHeader);
}

void TestSipMessage::bodies_data() {
    QTest::addColumn<QByteArray>("tail");
    QTest::addColumn<int>("code");
    QTest::addColumn<QByteArray>("body");
    const QByteArray head = "Content-Type: text/plain\r\n";
    QTest::newRow("exact") << head + "Content-Length: 5\r\n\r\nhello" << int(Code::None)
                           << QByteArray("hello");
    QTest::newRow("extra discarded") << head + "Content-Length: 2\r\n\r\nhello" << int(Code::None)
                                     << QByteArray("he");
    QTest::newRow("too short") << head + "Content-Length: 6\r\n\r\nhello" << int(Code::BodyTooShort)
                               << QByteArray();
    QTest::newRow("missing length") << head + "\r\nhello" << int(Code::None) << QByteArray("hello");
    QTest::newRow("zero") << head + "l: 0\r\n\r\nhello" << int(Code::None) << QByteArray();
    QTest::newRow("negative") << head + "Content-Length: -1\r\n\r\nhello" << int(Code::BadHeaderValue)
                              << QByteArray();
    QTest::newRow("overflow") << head + "Content-Length: 18446744073709551617\r\n\r\nx"
                              << int(Code::BadHeaderValue) << QByteArray();
    QTest::newRow("word") << head + "Content-Length: five\r\n\r\nhello" << int(Code::BadHeaderValue)
                          << QByteArray();
    QTest::newRow("over limit") << head + "Content-Length: 70000\r\n\r\nx" << int(Code::TooLarge)
                                << QByteArray();
    QTest::newRow("binary") << head + "Content-Length: 3\r\n\r\n" + QByteArray("\0\r\n", 3) << int(Code::None)
                            << QByteArray("\0\r\n", 3);
    QTest::newRow("no empty line") << head + "Content-Length: 0\r\n" << int(Code::None) << QByteArray();
}

void TestSipMessage::bodies() {
    QFETCH(QByteArray, tail);
    QFETCH(int, code);
    QFETCH(QByteArray, body);
    QByteArray raw = kInvite.left(kInvite.indexOf("Content-Type:"));
    raw += tail;
    const auto r = SipMessage::parse(raw);
    QCOMPARE(int(r.error.code), code);
    if (code == int(Code::None)) {
        QCOMPARE(r.message.body(), body);
        QVERIFY(r.message.toBytes().endsWith("Content-Length: " + QByteArray::number(body.size()) +
                                             "\r\n\r\n" + body));
    }
}

void TestSipMessage::typedHeaders() {
    const auto r = SipMessage::parse(withHeader("Expires: 99999999999999999999\r\nMin-Expires: 60\r\n"
                                                "Retry-After: 120 (I'm in a meeting);duration=3600\r\n"
                                                "User-Agent: Parlo/0.1\r\nm: *"));
    QVERIFY2(r.ok(), r.error.reason.constData());
    const SipMessage &m = r.message;
    QCOMPARE(m.expires(), std::optional<quint32>(0xffffffffu)); // overlarge delta-seconds saturate
    QCOMPARE(m.minExpires(), std::optional<quint32>(60));
    QCOMPARE(m.retryAfter(), std::optional<quint32>(120));
    QCOMPARE(m.userAgent(), QByteArray("Parlo/0.1"));
    const auto contacts = m.contacts();
    QCOMPARE(contacts.size(), 2);
    QVERIFY(contacts[0].isWildcard());
    const SipMessage none;
    QCOMPARE(none.maxForwards(), -1);
    QCOMPARE(none.expires(), std::nullopt);
    QCOMPARE(none.retryAfter(), std::nullopt);
    QCOMPARE(none.cseq(), CSeq());
    QCOMPARE(none.from(), NameAddr());
    QVERIFY(none.vias().isEmpty());
    QVERIFY(!none.topVia());
}

void TestSipMessage::viaOperations() {
    SipMessage m =
        SipMessage::parse(replaceHeader("Via", "Via: SIP/2.0/UDP a.example;branch=z9hG4bKa;x=\"1,2\", "
                                               "SIP/2.0/TCP b.example;branch=z9hG4bKb\r\n"
                                               "v: SIP/2.0/UDP c.example;branch=z9hG4bKc"))
            .message;
    QCOMPARE(m.vias().size(), 3);
    QCOMPARE(m.topViaBranch(), QByteArrayView("z9hG4bKa"));
    m.removeTopVia();
    QCOMPARE(m.vias().size(), 2);
    QCOMPARE(m.topVia()->host(), QByteArray("b.example"));
    QCOMPARE(m.topViaBranch(), QByteArrayView("z9hG4bKb"));
    m.removeTopVia();
    QCOMPARE(m.topVia()->host(), QByteArray("c.example"));
    Via v;
    v.setHost("proxy.example");
    v.setBranch("z9hG4bKp");
    m.prependVia(v);
    QCOMPARE(m.topViaBranch(), QByteArrayView("z9hG4bKp"));
    QCOMPARE(m.vias().size(), 2);
    m.removeTopVia();
    m.removeTopVia();
    QVERIFY(!m.hasHeader(HeaderId::Via));
    m.removeTopVia(); // no-op
}

void TestSipMessage::responseTo() {
    QByteArray raw = withHeader("Timestamp: 54");
    raw = raw.replace(
        "Via: SIP/2.0/UDP pc33.atlanta.example.com;branch=z9hG4bK776asdhds",
        "Via: SIP/2.0/UDP p1.example;branch=z9hG4bKp1\r\nVia: SIP/2.0/UDP pc33.atlanta.example.com;"
        "branch=z9hG4bK776asdhds");
    const SipMessage req = SipMessage::parse(raw).message;
    const SipMessage resp = SipMessage::responseTo(req, 180, {}, "totag1");
    QVERIFY(resp.isResponse());
    QCOMPARE(resp.statusCode(), 180);
    QCOMPARE(resp.reasonPhrase(), QByteArray("Ringing"));
    QCOMPARE(resp.headers(HeaderId::Via), req.headers(HeaderId::Via));
    QCOMPARE(resp.from(), req.from());
    QCOMPARE(resp.toTag(), QByteArrayView("totag1"));
    QCOMPARE(resp.to().uri(), req.to().uri());
    QCOMPARE(resp.to().displayName(), QStringLiteral("Bob"));
    QCOMPARE(resp.callId(), req.callId());
    QCOMPARE(resp.cseq(), req.cseq());
    QCOMPARE(resp.header(HeaderId::Timestamp), QByteArray("54"));
    QVERIFY(!resp.hasHeader(HeaderId::Contact));
    QVERIFY(!resp.hasHeader(HeaderId::MaxForwards));
    QVERIFY(SipMessage::parse(resp.toBytes()).ok());

    // An existing To tag is kept; no tag when none is given.
    const SipMessage tagged =
        SipMessage::responseTo(SipMessage::parse(resp.toBytes()).message, 200, "Yes", "other");
    QCOMPARE(tagged.toTag(), QByteArrayView("totag1"));
    QCOMPARE(tagged.reasonPhrase(), QByteArray("Yes"));
    QCOMPARE(SipMessage::responseTo(req, 100).toTag(), QByteArrayView());
    // addr-spec To gets brackets before the tag so the tag is a header parameter.
    const SipMessage spec = SipMessage::parse(replaceHeader("To", "To: sip:bob@biloxi.example.com")).message;
    const SipMessage specResp = SipMessage::responseTo(spec, 200, {}, "t9");
    QCOMPARE(specResp.header(HeaderId::To), QByteArray("<sip:bob@biloxi.example.com>;tag=t9"));
}

void TestSipMessage::defaultReason_data() {
    QTest::addColumn<int>("code");
    QTest::addColumn<QByteArray>("reason");
    const std::pair<int, const char *> rows[] = {{100, "Trying"},
                                                 {180, "Ringing"},
                                                 {181, "Call Is Being Forwarded"},
                                                 {182, "Queued"},
                                                 {183, "Session Progress"},
                                                 {200, "OK"},
                                                 {202, "Accepted"},
                                                 {204, "No Notification"},
                                                 {300, "Multiple Choices"},
                                                 {301, "Moved Permanently"},
                                                 {302, "Moved Temporarily"},
                                                 {305, "Use Proxy"},
                                                 {380, "Alternative Service"},
                                                 {400, "Bad Request"},
                                                 {401, "Unauthorized"},
                                                 {402, "Payment Required"},
                                                 {403, "Forbidden"},
                                                 {404, "Not Found"},
                                                 {405, "Method Not Allowed"},
                                                 {406, "Not Acceptable"},
                                                 {407, "Proxy Authentication Required"},
                                                 {408, "Request Timeout"},
                                                 {410, "Gone"},
                                                 {412, "Conditional Request Failed"},
                                                 {413, "Request Entity Too Large"},
                                                 {414, "Request-URI Too Long"},
                                                 {415, "Unsupported Media Type"},
                                                 {416, "Unsupported URI Scheme"},
                                                 {420, "Bad Extension"},
                                                 {421, "Extension Required"},
                                                 {423, "Interval Too Brief"},
                                                 {429, "Provide Referrer Identity"},
                                                 {480, "Temporarily Unavailable"},
                                                 {481, "Call/Transaction Does Not Exist"},
                                                 {482, "Loop Detected"},
                                                 {483, "Too Many Hops"},
                                                 {484, "Address Incomplete"},
                                                 {485, "Ambiguous"},
                                                 {486, "Busy Here"},
                                                 {487, "Request Terminated"},
                                                 {488, "Not Acceptable Here"},
                                                 {489, "Bad Event"},
                                                 {491, "Request Pending"},
                                                 {493, "Undecipherable"},
                                                 {494, "Security Agreement Required"},
                                                 {500, "Server Internal Error"},
                                                 {501, "Not Implemented"},
                                                 {502, "Bad Gateway"},
                                                 {503, "Service Unavailable"},
                                                 {504, "Server Time-out"},
                                                 {505, "Version Not Supported"},
                                                 {513, "Message Too Large"},
                                                 {600, "Busy Everywhere"},
                                                 {603, "Decline"},
                                                 {604, "Does Not Exist Anywhere"},
                                                 {606, "Not Acceptable"},
                                                 {299, "Unknown"},
                                                 {0, "Unknown"}};
    for (const auto &[code, reason] : rows)
        QTest::addRow("%d", code) << code << QByteArray(reason);
}

void TestSipMessage::defaultReason() {
    QFETCH(int, code);
    QFETCH(QByteArray, reason);
    QCOMPARE(SipMessage::defaultReason(code), reason);
}

void TestSipMessage::errors_data() {
    QTest::addColumn<QByteArray>("raw");
    QTest::addColumn<int>("code");
    QTest::addColumn<int>("status");
    QTest::addColumn<QByteArray>("reason");
    auto row = [](const char *tag, const QByteArray &raw, Code code, int status, const char *reason) {
        QTest::newRow(tag) << raw << int(code) << status << QByteArray(reason);
    };
    QByteArray noCallId = kInvite;
    noCallId.remove(noCallId.indexOf("Call-ID:"), noCallId.indexOf("CSeq:") - noCallId.indexOf("Call-ID:"));
    row("missing Call-ID", noCallId, Code::MissingHeader, 400, "Missing Call-ID header");
    row("malformed CSeq", replaceHeader("CSeq", "CSeq: abc INVITE"), Code::BadHeaderValue, 400,
        "Malformed CSeq header");
    row("CSeq overflow", replaceHeader("CSeq", "CSeq: 4294967296 INVITE"), Code::BadHeaderValue, 400,
        "Malformed CSeq header");
    row("CSeq no method", replaceHeader("CSeq", "CSeq: 1"), Code::BadHeaderValue, 400,
        "Malformed CSeq header");
    row("CSeq mismatch", replaceHeader("CSeq", "CSeq: 1 BYE"), Code::CSeqMethodMismatch, 400,
        "CSeq method does not match Request-Line");
    row("Max-Forwards 256", replaceHeader("Max-Forwards", "Max-Forwards: 256"), Code::BadHeaderValue, 400,
        "Malformed Max-Forwards header");
    row("Max-Forwards huge", replaceHeader("Max-Forwards", "Max-Forwards: 99999999999999999999999"),
        Code::BadHeaderValue, 400, "Malformed Max-Forwards header");
    row("Expires word", withHeader("Expires: soon"), Code::BadHeaderValue, 400, "Malformed Expires header");
    row("bad From", replaceHeader("From", "From: <sip:alice@>;tag=1"), Code::BadHeaderValue, 400,
        "Malformed From header");
    row("bad To", replaceHeader("To", "To: Bob <sip:bob@biloxi.example.com"), Code::BadHeaderValue, 400,
        "Malformed To header");
    row("bad Via", replaceHeader("Via", "Via: SIP/2.0/UDP"), Code::BadHeaderValue, 400,
        "Malformed Via header");
    row("bad Call-ID", replaceHeader("Call-ID", "Call-ID: a b"), Code::BadHeaderValue, 400,
        "Malformed Call-ID header");
    row("bad Contact", replaceHeader("Contact", "Contact: <sip:a@b.example>;;"), Code::BadHeaderValue, 400,
        "Malformed Contact header");
    row("Request-URI", QByteArray(kInvite).replace("sip:bob@biloxi.example.com SIP", "sip:bob@ SIP"),
        Code::BadRequestUri, 400, "Bad Request-URI");
    row("scheme",
        QByteArray(kInvite).replace("sip:bob@biloxi.example.com SIP", "mailto:bob@biloxi.example.com SIP"),
        Code::UnsupportedUriScheme, 416, "Unsupported URI Scheme");
    row("version", QByteArray(kInvite).replace("SIP/2.0\r\n", "SIP/3.0\r\n"), Code::UnsupportedVersion, 505,
        "Version Not Supported");
    row("version garbage", QByteArray(kInvite).replace("SIP/2.0\r\n", "HTTP/1.1\r\n"), Code::BadStartLine,
        400, "Malformed Request-Line");
    row("no version", QByteArray(kInvite).replace(" SIP/2.0\r\n", "\r\n"), Code::BadStartLine, 400,
        "Malformed Request-Line");
    row("header no colon", withHeader("NoColonHere"), Code::BadHeader, 400, "Malformed header line");
    row("header space in name", withHeader("Bad Name: x"), Code::BadHeader, 400, "Malformed header line");
    row("status 3 digits", crlf("SIP/2.0 20 OK\nVia: SIP/2.0/UDP a.example\n\n"), Code::BadStartLine, 400,
        "Malformed Status-Line");
    row("status 099", crlf("SIP/2.0 099 Hm\nVia: SIP/2.0/UDP a.example\n\n"), Code::BadStartLine, 400,
        "Malformed Status-Line");
    row("empty", QByteArray("\r\n\r\n"), Code::Empty, 400, "Empty message");
    row("whitespace", QByteArray(" \t\r\n"), Code::Empty, 400, "Empty message");
}

void TestSipMessage::errors() {
    QFETCH(QByteArray, raw);
    QFETCH(int, code);
    QFETCH(int, status);
    QFETCH(QByteArray, reason);
    const auto r = SipMessage::parse(raw);
    QCOMPARE(int(r.error.code), code);
    QCOMPARE(r.error.status(), status);
    QCOMPARE(r.error.reason, reason);
    QVERIFY(!r.ok());
}

void TestSipMessage::errorResponse() {
    const auto bad = SipMessage::parse(replaceHeader("CSeq", "CSeq: 1 BYE"));
    const auto resp = SipMessage::errorResponse(bad);
    QVERIFY(resp);
    QCOMPARE(resp->statusCode(), 400);
    QCOMPARE(resp->reasonPhrase(), QByteArray("CSeq method does not match Request-Line"));
    QCOMPARE(resp->topViaBranch(), QByteArrayView("z9hG4bK776asdhds"));
    QVERIFY(!resp->toTag().isEmpty());
    QCOMPARE(resp->callIdView(), bad.message.callIdView());
    QCOMPARE(resp->cseqNumber(), 1u);

    const auto v505 = SipMessage::errorResponse(
        SipMessage::parse(QByteArray(kInvite).replace("SIP/2.0\r\n", "SIP/3.0\r\n")));
    QVERIFY(v505);
    QCOMPARE(v505->statusCode(), 505);
    QCOMPARE(v505->reasonPhrase(), QByteArray("Version Not Supported"));

    // A 513 for an oversized request that still has its headers.
    ParseLimits small;
    small.maxMessageSize = 200;
    const auto big = SipMessage::parse(kInvite, small);
    QCOMPARE(big.error.code, Code::TooLarge);
    QCOMPARE(SipMessage::errorResponse(big)->statusCode(), 513);

    // Drop: responses, good messages, and requests without what a response needs.
    QVERIFY(!SipMessage::errorResponse(SipMessage::parse(kInvite)));
    QVERIFY(!SipMessage::errorResponse(SipMessage::parse(crlf("SIP/2.0 200 OK\nCSeq: x\n\n"))));
    QVERIFY(!SipMessage::errorResponse(SipMessage::parse(replaceHeader("Via", "Via: garbage"))));
    QVERIFY(!SipMessage::errorResponse(SipMessage::parse("\r\n")));
    QByteArray noFrom = kInvite;
    noFrom.remove(noFrom.indexOf("From:"), noFrom.indexOf("Call-ID:") - noFrom.indexOf("From:"));
    QVERIFY(!SipMessage::errorResponse(SipMessage::parse(noFrom)));
}

void TestSipMessage::limits() {
    ParseLimits l;
    l.maxHeaders = 5;
    const auto many = SipMessage::parse(kInvite, l);
    QCOMPARE(many.error.code, Code::TooManyHeaders);
    QCOMPARE(many.error.status(), 513);
    QCOMPARE(many.message.headerCount(), 5);

    l = ParseLimits();
    l.maxBodySize = 3;
    QCOMPARE(SipMessage::parse(kInvite, l).error.code, Code::TooLarge);
    l.maxBodySize = 4;
    QVERIFY(SipMessage::parse(kInvite, l).ok());

    // Default limits: 128 header lines.
    QByteArray lots = kInvite;
    QByteArray extra;
    for (int i = 0; i < 200; ++i)
        extra += "X-H" + QByteArray::number(i) + ": v\r\n";
    lots.insert(lots.indexOf("\r\n") + 2, extra);
    const auto r = SipMessage::parse(lots);
    QCOMPARE(r.error.code, Code::TooManyHeaders);
    QCOMPARE(r.message.headerCount(), 128);
}

void TestSipMessage::pathological_data() {
    QTest::addColumn<QByteArray>("raw");
    QTest::newRow("nul bytes") << QByteArray(300, '\0');
    QTest::newRow("nul in start line") << QByteArray("INVITE sip:a@b\0c SIP/2.0\r\n\r\n", 28);
    QTest::newRow("nul in header") << withHeader(QByteArray("X-A: a\0b", 8));
    QTest::newRow("commas") << withHeader("Contact: " + QByteArray(100000, ','));
    QTest::newRow("via commas") << replaceHeader("Via", "Via: " + QByteArray(100000, ','));
    QTest::newRow("semicolons") << replaceHeader("From", "From: <sip:a@b.example>" + QByteArray(50000, ';'));
    QTest::newRow("escapes") << QByteArray(kInvite).replace("sip:bob@",
                                                            "sip:" + QByteArray(20000, '%') + "@");
    QTest::newRow("escape chain") << QByteArray(kInvite).replace(
        "sip:bob@", "sip:" + QByteArray("%25").repeated(20000) + "@");
    QTest::newRow("quotes") << replaceHeader("To", "To: " + QByteArray(50001, '"'));
    QTest::newRow("backslashes") << replaceHeader("To", "To: \"" + QByteArray(50001, '\\'));
    QTest::newRow("angles") << replaceHeader("To", "To: " + QByteArray(30000, '<') + QByteArray(30000, '>'));
    QTest::newRow("long line") << withHeader("X-Long: " + QByteArray(1 << 20, 'a'));
    QTest::newRow("long start line") << QByteArray(1 << 20, 'A') + "\r\n\r\n";
    QTest::newRow("only folding") << QByteArray("INVITE sip:a@b.example SIP/2.0\r\nX: a\r\n") +
                                         QByteArray(" \r\n").repeated(10000);
    QTest::newRow("bare LF") << QByteArray(kInvite).replace("\r\n", "\n");
    QTest::newRow("bare CR") << QByteArray(kInvite).replace("\r\n", "\r");
    QTest::newRow("huge CSeq") << replaceHeader("CSeq", "CSeq: " + QByteArray(5000, '9') + " INVITE");
    QTest::newRow("huge Max-Forwards")
        << replaceHeader("Max-Forwards", "Max-Forwards: " + QByteArray(5000, '9'));
    QTest::newRow("huge port") << replaceHeader("Via", "Via: SIP/2.0/UDP h.example:" + QByteArray(5000, '9'));
    QTest::newRow("ipv6 garbage") << replaceHeader("Via", "Via: SIP/2.0/UDP [" + QByteArray(5000, ':') + "]");
    QTest::newRow("just a line") << QByteArray("INVITE");
    QTest::newRow("status only") << QByteArray("SIP/2.0 200");
    QTest::newRow("high bytes") << QByteArray(500, '\xff');
}

void TestSipMessage::pathological() {
    QFETCH(QByteArray, raw);
    QElapsedTimer t;
    t.start();
    const auto r = SipMessage::parse(raw);
    // Every accessor must be safe on whatever came out.
    const SipMessage &m = r.message;
    (void)m.vias();
    (void)m.from();
    (void)m.to();
    (void)m.contacts();
    (void)m.routes();
    (void)m.requestUri();
    (void)m.topViaBranch();
    (void)m.fromTag();
    (void)m.cseqNumber();
    (void)m.toBytes();
    (void)SipMessage::errorResponse(r);
    QVERIFY2(t.elapsed() < 2000, "parse must stay linear");
}

void TestSipMessage::fuzz() {
    // Mutate a valid message a few thousand times; nothing may crash, hang or misreport.
    QRandomGenerator rng(4711); // fixed seed: reproducible failures
    const QByteArray alphabet = QByteArrayLiteral(" \t\r\n:;,<>\"\\%@[]=/?0123456789abcSIPz\x00\xff");
    int parsed = 0;
    for (int round = 0; round < 4000; ++round) {
        QByteArray m = kInvite;
        const int edits = 1 + rng.bounded(8);
        for (int e = 0; e < edits; ++e) {
            const int pos = rng.bounded(int(m.size()) + 1);
            switch (rng.bounded(4)) {
            case 0:
                if (pos < m.size())
                    m[pos] = alphabet[rng.bounded(int(alphabet.size()))];
                break;
            case 1:
                m.insert(pos, alphabet[rng.bounded(int(alphabet.size()))]);
                break;
            case 2:
                m.remove(pos, rng.bounded(8));
                break;
            default:
                m.insert(pos, m.mid(rng.bounded(int(m.size())), rng.bounded(40)));
                break;
            }
        }
        const auto r = SipMessage::parse(m);
        if (r.ok()) {
            ++parsed;
            // A message we accept must serialize to something we accept again with the same key fields.
            const auto again = SipMessage::parse(r.message.toBytes());
            QVERIFY2(again.ok(), (m + "\n--> " + again.error.reason).constData());
            QCOMPARE(again.message.callIdView(), r.message.callIdView());
            QCOMPARE(again.message.cseqNumber(), r.message.cseqNumber());
            QCOMPARE(again.message.topViaBranch(), r.message.topViaBranch());
            QCOMPARE(again.message.body(), r.message.body());
        } else {
            QVERIFY(!r.error.reason.isEmpty());
            (void)SipMessage::errorResponse(r);
        }
        (void)r.message.vias();
        (void)r.message.contacts();
        (void)r.message.to();
    }
    QVERIFY(parsed > 100); // the mutations do not only produce garbage
}

void TestSipMessage::identifiers() {
    const QByteArray b1 = newBranch(), b2 = newBranch();
    QVERIFY(b1.startsWith("z9hG4bK"));
    QVERIFY(b1.size() >= 7 + 16);
    QVERIFY(b1 != b2);
    QVERIFY(newTag().size() >= 10);
    QVERIFY(newCallId().size() >= 20);
    QVERIFY(newTag() != newTag());
    for (char c : newCallId() + newTag() + b1)
        QVERIFY(QChar::fromLatin1(c).isLetterOrNumber());
}

QTEST_APPLESS_MAIN(TestSipMessage)
#include "tst_sipmessage.moc"

#include "sdp/SessionDescription.h"

#include <QFile>
#include <QTest>

using namespace parlo::sdp;

Q_DECLARE_METATYPE(parlo::sdp::SdpError::Code)

namespace {

QByteArray fixture(const char *name) {
    QFile f(QStringLiteral(PARLO_TEST_DATA "/sdp/") + QLatin1String(name));
    if (!f.open(QIODevice::ReadOnly))
        qFatal("missing fixture %s", name);
    return f.readAll();
}

SessionDescription parseOk(const QByteArray &body) {
    auto r = SessionDescription::parse(body);
    if (auto *e = std::get_if<SdpError>(&r))
        qWarning() << "parse failed:" << e->toString();
    return std::get<SessionDescription>(r);
}

} // namespace

class TestSessionDescription : public QObject {
    Q_OBJECT

private slots:
    void roundTrip_data();
    void roundTrip();
    void baresipFields();
    void linphoneFields();
    void opusFmtpFields();
    void ipv6Fields();
    void savpCrypto();
    void fullOrder();
    void lenientLineEnds();
    void unknownAttributesKeptInOrder();
    void directions_data();
    void directions();
    void buildFromScratch();
    void malformed_data();
    void malformed();
    void cryptoLineRedactedInError();
    void limits_data();
    void limits();
};

void TestSessionDescription::roundTrip_data() {
    QTest::addColumn<QByteArray>("name");
    for (const char *n : {"baresip.sdp", "linphone.sdp", "asterisk.sdp", "opus-fmtp.sdp", "ipv6.sdp",
                          "savp-crypto.sdp", "rfc4566-full.sdp"})
        QTest::newRow(n) << QByteArray(n);
}

void TestSessionDescription::roundTrip() {
    QFETCH(QByteArray, name);
    const QByteArray body = fixture(name.constData());
    const SessionDescription sd = parseOk(body);
    QCOMPARE(sd.toBytes(), body);
    // A second pass is stable and equal as a value.
    QCOMPARE(parseOk(sd.toBytes()), sd);
}

void TestSessionDescription::baresipFields() {
    const SessionDescription sd = parseOk(fixture("baresip.sdp"));
    QCOMPARE(sd.origin.username, QByteArray("-"));
    QCOMPARE(sd.origin.sessionId, QByteArray("1432064519"));
    QCOMPARE(sd.origin.sessionVersion, quint64(2143064130));
    QCOMPARE(sd.connection->address, QByteArray("127.0.0.1"));
    QCOMPARE(sd.connection->hostAddress(), QHostAddress(QHostAddress::LocalHost));
    QCOMPARE(sd.media.size(), 1);
    const MediaDescription &m = sd.media[0];
    QCOMPARE(m.port, quint16(10246));
    QCOMPARE(m.payloadTypes(), (QList<int>{96, 9, 0, 8, 101}));
    QCOMPARE(m.bandwidths.value(0), (Bandwidth{"AS", 128}));
    QCOMPARE(m.rtpMap(96), (RtpMap{96, "opus", 48000, 2}));
    QCOMPARE(m.fmtp(96), QByteArray("stereo=1;sprop-stereo=1"));
    QCOMPARE(m.fmtp(101), QByteArray("0-15"));
    QCOMPARE(m.fmtp(0), std::nullopt);
    QCOMPARE(m.ptime(), 20);
    QCOMPARE(m.maxptime(), std::nullopt);
    QCOMPARE(m.direction(), Direction::SendRecv);
    QCOMPARE(m.telephoneEvents().size(), 1);
    QCOMPARE(m.telephoneEvents().first().payloadType, 101);
    QVERIFY(m.hasAttribute("rtcp-rsize"));
    QVERIFY(!m.rtcpMux());
    QCOMPARE(sd.attributes.value(0), Attribute::withValue("tool", "baresip 1.0.0"));
}

void TestSessionDescription::linphoneFields() {
    const SessionDescription sd = parseOk(fixture("linphone.sdp"));
    const MediaDescription &m = sd.media[0];
    // Static payload type 18 has only an fmtp: the rtpmap falls back to RFC 3551.
    QCOMPARE(m.rtpMap(18), (RtpMap{18, "G729", 8000, 1}));
    QCOMPARE(m.rtpMap(0), (RtpMap{0, "PCMU", 8000, 1}));
    QCOMPARE(m.rtpMap(97), (RtpMap{97, "speex", 16000, 1}));
    QCOMPARE(m.rtpMaps().size(), 9);
    QCOMPARE(m.telephoneEvents().size(), 3);
    QCOMPARE(m.direction(), std::nullopt);
    QCOMPARE(sd.direction(0), Direction::SendRecv);
    QCOMPARE(m.attributeValues("rtcp-fb"), (QList<QByteArray>{"* trr-int 1000", "* ccm tmmbr"}));
}

void TestSessionDescription::opusFmtpFields() {
    const SessionDescription sd = parseOk(fixture("opus-fmtp.sdp"));
    const MediaDescription &m = sd.media[0];
    QCOMPARE(m.fmtp(102), QByteArray("useinbandfec=1; maxaveragebitrate=30000; maxplaybackrate=48000; "
                                     "ptime=20; minptime=10; maxptime=40"));
    QCOMPARE(m.rtcpPort(), quint16(24681));
    QCOMPARE(m.rtpMap(13), (RtpMap{13, "CN", 8000, 1}));
    QCOMPARE(sd.origin.sessionVersion, quint64(1700000001));
}

void TestSessionDescription::ipv6Fields() {
    const SessionDescription sd = parseOk(fixture("ipv6.sdp"));
    QVERIFY(sd.connection->isIPv6());
    QCOMPARE(sd.connection->hostAddress(), QHostAddress("2001:db8::2"));
    QCOMPARE(sd.origin.addrType, QByteArray("IP6"));
    QCOMPARE(sd.media.size(), 2);
    QCOMPARE(sd.direction(0), Direction::RecvOnly);
    QCOMPARE(sd.media[1].media, QByteArray("video"));
    QCOMPARE(sd.media[1].port, quint16(0));
    QCOMPARE(sd.connectionFor(1), sd.connection);
}

void TestSessionDescription::savpCrypto() {
    const SessionDescription sd = parseOk(fixture("savp-crypto.sdp"));
    const MediaDescription &m = sd.media[0];
    QVERIFY(m.isSecureRtp());
    const QList<CryptoAttribute> c = m.cryptoAttributes();
    QCOMPARE(c.size(), 2);
    QCOMPARE(c[0].tag(), 1);
    QCOMPARE(c[0].suite(), CryptoAttribute::Suite::AesCm128HmacSha1_80);
    QCOMPARE(c[1].suite(), CryptoAttribute::Suite::AesCm128HmacSha1_32);
    QCOMPARE(c[1].keyParams().first().mkiLength, 4);
}

void TestSessionDescription::fullOrder() {
    const SessionDescription sd = parseOk(fixture("rfc4566-full.sdp"));
    QCOMPARE(sd.sessionName, QByteArray("SDP Seminar"));
    QCOMPARE(sd.emails.size(), 1);
    QCOMPARE(sd.phones.size(), 1);
    QCOMPARE(sd.connection->suffix, QByteArray("/127"));
    QCOMPARE(sd.timings.size(), 1);
    QCOMPARE(sd.timings[0].start, quint64(2873397496));
    QCOMPARE(sd.timings[0].repeats, QList<QByteArray>{"604800 3600 0 90000"});
    QCOMPARE(sd.key, QByteArray("prompt"));
    QCOMPARE(sd.sessionDirection(), Direction::RecvOnly);
    QCOMPARE(sd.direction(0), Direction::RecvOnly); // inherited from session level
    QCOMPARE(sd.media[0].information, QByteArray("voice"));
    QCOMPARE(sd.connectionFor(0)->suffix, QByteArray("/127/2"));
    QCOMPARE(sd.media[1].numberOfPorts, 2);

    // Built out of order, written in RFC 4566 order.
    SessionDescription b;
    b.origin = sd.origin;
    MediaDescription m;
    m.attributes.append(Attribute::property("sendonly"));
    m.bandwidths.append({"AS", 64});
    m.connections.append(*Connection::parse("IN IP4 192.0.2.1"));
    m.formats = {"0"};
    b.media.append(m);
    b.attributes.append(Attribute::property("recvonly"));
    b.key = "prompt";
    b.connection = Connection::parse("IN IP4 192.0.2.1");
    b.information = "info";
    const QByteArray out = b.toBytes();
    const QList<QByteArray> lines = out.split('\n');
    QByteArray letters;
    for (const QByteArray &l : lines) {
        if (!l.isEmpty())
            letters += l[0];
    }
    QCOMPARE(letters, QByteArray("vosictkamcba"));
    QVERIFY(out.endsWith("\r\n"));
}

void TestSessionDescription::lenientLineEnds() {
    QByteArray body = fixture("asterisk.sdp");
    const SessionDescription crlf = parseOk(body);
    body.replace("\r\n", "\n");
    body.replace("a=ptime:20", "a=ptime:20  "); // trailing blanks
    body += "\n";                               // trailing blank line
    const SessionDescription lf = parseOk(body);
    QCOMPARE(lf, crlf);
    QCOMPARE(lf.toBytes(), fixture("asterisk.sdp"));
    // No final line end at all.
    QByteArray noEol = fixture("asterisk.sdp");
    noEol.chop(2);
    QCOMPARE(parseOk(noEol), crlf);
}

void TestSessionDescription::unknownAttributesKeptInOrder() {
    const QByteArray body = "v=0\r\no=- 1 1 IN IP4 192.0.2.1\r\ns=-\r\nc=IN IP4 192.0.2.1\r\nt=0 0\r\n"
                            "m=audio 4000 RTP/AVP 0\r\na=x-zeta:1\r\na=rtpmap:0 PCMU/8000\r\na=x-alpha\r\n"
                            "a=x-zeta:2\r\n";
    const SessionDescription sd = parseOk(body);
    const QList<Attribute> &a = sd.media[0].attributes;
    QCOMPARE(a.size(), 4);
    QCOMPARE(a[0], Attribute::withValue("x-zeta", "1"));
    QCOMPARE(a[2], Attribute::property("x-alpha"));
    QCOMPARE(sd.media[0].attributeValues("x-zeta"), (QList<QByteArray>{"1", "2"}));
    QCOMPARE(sd.toBytes(), body);
    // Unknown line types are ignored (RFC 4566 §5).
    QByteArray withY = body;
    withY.insert(withY.indexOf("t=0 0"), "y=whatever\r\n");
    QCOMPARE(parseOk(withY), sd);
}

void TestSessionDescription::directions_data() {
    QTest::addColumn<QByteArray>("sessionAttr");
    QTest::addColumn<QByteArray>("mediaAttr");
    QTest::addColumn<Direction>("expected");
    QTest::newRow("none") << QByteArray() << QByteArray() << Direction::SendRecv;
    QTest::newRow("session sendonly") << QByteArray("sendonly") << QByteArray() << Direction::SendOnly;
    QTest::newRow("media overrides") << QByteArray("sendonly") << QByteArray("inactive")
                                     << Direction::Inactive;
    QTest::newRow("media recvonly") << QByteArray() << QByteArray("recvonly") << Direction::RecvOnly;
    QTest::newRow("media sendrecv") << QByteArray("inactive") << QByteArray("sendrecv")
                                    << Direction::SendRecv;
}

void TestSessionDescription::directions() {
    QFETCH(QByteArray, sessionAttr);
    QFETCH(QByteArray, mediaAttr);
    QFETCH(Direction, expected);
    QByteArray body = "v=0\r\no=- 1 1 IN IP4 192.0.2.1\r\ns=-\r\nc=IN IP4 192.0.2.1\r\nt=0 0\r\n";
    if (!sessionAttr.isEmpty())
        body += "a=" + sessionAttr + "\r\n";
    body += "m=audio 4000 RTP/AVP 0\r\n";
    if (!mediaAttr.isEmpty())
        body += "a=" + mediaAttr + "\r\n";
    SessionDescription sd = parseOk(body);
    QCOMPARE(sd.direction(0), expected);
    sd.media[0].setDirection(Direction::Inactive);
    QCOMPARE(sd.direction(0), Direction::Inactive);
    QCOMPARE(sd.media[0].attributes.size(), 1);
}

void TestSessionDescription::buildFromScratch() {
    SessionDescription sd;
    sd.origin.sessionId = "42";
    sd.origin.sessionVersion = 7;
    sd.origin.address = "192.0.2.1";
    sd.connection = Connection::fromHostAddress(QHostAddress("2001:db8::1"));
    MediaDescription m;
    m.port = 5004;
    m.formats = {"0", "101"};
    m.addAttribute(Attribute::withValue("rtpmap", "101 telephone-event/8000"));
    m.setDirection(Direction::SendOnly);
    sd.media.append(m);
    QCOMPARE(sd.toBytes(), QByteArray("v=0\r\no=- 42 7 IN IP4 192.0.2.1\r\ns=-\r\nc=IN IP6 2001:db8::1\r\n"
                                      "t=0 0\r\nm=audio 5004 RTP/AVP 0 101\r\n"
                                      "a=rtpmap:101 telephone-event/8000\r\na=sendonly\r\n"));
}

void TestSessionDescription::malformed_data() {
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<SdpError::Code>("code");
    QTest::addColumn<int>("line");
    QTest::addColumn<QByteArray>("text");

    const QByteArray head = "v=0\r\no=- 1 1 IN IP4 192.0.2.1\r\ns=-\r\nc=IN IP4 192.0.2.1\r\nt=0 0\r\n";
    auto row = [](const char *tag, const QByteArray &body, SdpError::Code code, int line, const char *text) {
        QTest::newRow(tag) << body << code << line << QByteArray(text);
    };
    row("empty", "", SdpError::Code::Empty, 0, "");
    row("blank only", "\r\n\r\n", SdpError::Code::Empty, 0, "");
    row("no v", "o=- 1 1 IN IP4 192.0.2.1\r\n", SdpError::Code::MissingVersion, 1,
        "o=- 1 1 IN IP4 192.0.2.1");
    row("v=1", "v=1\r\n", SdpError::Code::BadVersion, 1, "v=1");
    row("not a line", head + "hello\r\n", SdpError::Code::BadLine, 6, "hello");
    row("upper type", head + "M=audio 1 RTP/AVP 0\r\n", SdpError::Code::BadLine, 6, "M=audio 1 RTP/AVP 0");
    row("bad origin", "v=0\r\no=- 1 x IN IP4 a\r\n", SdpError::Code::BadOrigin, 2, "o=- 1 x IN IP4 a");
    row("short origin", "v=0\r\no=- 1 1 IN IP4\r\n", SdpError::Code::BadOrigin, 2, "o=- 1 1 IN IP4");
    row("no origin", "v=0\r\ns=-\r\nm=audio 1 RTP/AVP 0\r\n", SdpError::Code::MissingOrigin, 3,
        "m=audio 1 RTP/AVP 0");
    row("no origin at all", "v=0\r\ns=-\r\n", SdpError::Code::MissingOrigin, 0, "");
    row("bad c", head + "m=audio 1 RTP/AVP 0\r\nc=IN IP4\r\n", SdpError::Code::BadConnection, 7, "c=IN IP4");
    row("c ip6 in ip4", head + "m=audio 1 RTP/AVP 0\r\nc=IN IP4 2001:db8::1\r\n",
        SdpError::Code::BadConnection, 7, "c=IN IP4 2001:db8::1");
    row("bad b", head + "b=AS\r\n", SdpError::Code::BadBandwidth, 6, "b=AS");
    row("bad t", "v=0\r\no=- 1 1 IN IP4 a\r\ns=-\r\nt=0\r\n", SdpError::Code::BadTiming, 4, "t=0");
    row("r without t", "v=0\r\no=- 1 1 IN IP4 a\r\ns=-\r\nr=1 2 3\r\n", SdpError::Code::BadTiming, 4,
        "r=1 2 3");
    row("port", head + "m=audio 70000 RTP/AVP 0\r\n", SdpError::Code::BadMedia, 6, "m=audio 70000 RTP/AVP 0");
    row("no proto", head + "m=audio 4000\r\n", SdpError::Code::BadMedia, 6, "m=audio 4000");
    row("pt word", head + "m=audio 4000 RTP/AVP pcmu\r\n", SdpError::Code::BadMedia, 6,
        "m=audio 4000 RTP/AVP pcmu");
    row("pt 200", head + "m=audio 4000 RTP/AVP 200\r\n", SdpError::Code::BadMedia, 6,
        "m=audio 4000 RTP/AVP 200");
    row("bad rtpmap", head + "m=audio 4000 RTP/AVP 96\r\na=rtpmap:96 opus\r\n", SdpError::Code::BadAttribute,
        7, "a=rtpmap:96 opus");
    row("bad rtpmap rate", head + "m=audio 4000 RTP/AVP 96\r\na=rtpmap:96 opus/x\r\n",
        SdpError::Code::BadAttribute, 7, "a=rtpmap:96 opus/x");
    row("bad ptime", head + "m=audio 4000 RTP/AVP 0\r\na=ptime:abc\r\n", SdpError::Code::BadAttribute, 7,
        "a=ptime:abc");
    row("bad rtcp", head + "m=audio 4000 RTP/AVP 0\r\na=rtcp:99999\r\n", SdpError::Code::BadAttribute, 7,
        "a=rtcp:99999");
    row("empty attribute", head + "a=\r\n", SdpError::Code::BadAttribute, 6, "a=");
    row("o after m", head + "m=audio 4000 RTP/AVP 0\r\no=- 1 1 IN IP4 a\r\n", SdpError::Code::MisplacedLine,
        7, "o=- 1 1 IN IP4 a");
    row("t after m", head + "m=audio 4000 RTP/AVP 0\r\nt=0 0\r\n", SdpError::Code::MisplacedLine, 7, "t=0 0");
    row("second v", head + "v=0\r\n", SdpError::Code::BadVersion, 6, "v=0");
}

void TestSessionDescription::malformed() {
    QFETCH(QByteArray, body);
    QFETCH(SdpError::Code, code);
    QFETCH(int, line);
    QFETCH(QByteArray, text);
    const auto r = SessionDescription::parse(body);
    QVERIFY(std::holds_alternative<SdpError>(r));
    const SdpError e = std::get<SdpError>(r);
    QCOMPARE(e.code, code);
    QCOMPARE(e.lineNumber, line);
    QCOMPARE(e.line, text);
    if (line > 0)
        QVERIFY(e.toString().startsWith("line " + QByteArray::number(line) + ": "));
}

void TestSessionDescription::cryptoLineRedactedInError() {
    // Errors get logged: an a=crypto line named by an error must not carry its key.
    QByteArray body = "v=0\r\no=- 1 1 IN IP4 192.0.2.1\r\ns=-\r\nm=audio 4000 RTP/SAVP 0\r\n";
    for (int i = 0; i < 256; ++i)
        body += "a=x-" + QByteArray::number(i) + "\r\n";
    body += "a=crypto:1 AES_CM_128_HMAC_SHA1_80 inline:WVNfX19zZW1jdGwgKCkgewkyMjA7fQp9CnVubGVz\r\n";
    const auto r = SessionDescription::parse(body);
    const SdpError e = std::get<SdpError>(r);
    QCOMPARE(e.code, SdpError::Code::TooManyAttributes);
    QCOMPARE(e.lineNumber, 261);
    QCOMPARE(e.line, QByteArray("a=crypto:1 <redacted>"));
    QVERIFY(!e.toString().contains("WVNf"));
}

void TestSessionDescription::limits_data() {
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<bool>("ok");
    QTest::addColumn<SdpError::Code>("code");

    const QByteArray head = "v=0\r\no=- 1 1 IN IP4 192.0.2.1\r\ns=-\r\nc=IN IP4 192.0.2.1\r\nt=0 0\r\n";
    QByteArray media16 = head, media17 = head;
    for (int i = 0; i < 16; ++i)
        media16 += "m=audio " + QByteArray::number(4000 + 2 * i) + " RTP/AVP 0\r\n";
    media17 = media16 + "m=audio 5000 RTP/AVP 0\r\n";
    QByteArray attrs256 = head + "m=audio 4000 RTP/AVP 0\r\n", attrs257;
    for (int i = 0; i < 256; ++i)
        attrs256 += "a=x-" + QByteArray::number(i) + "\r\n";
    attrs257 = attrs256 + "a=one-more\r\n";
    QByteArray big = head + "m=audio 4000 RTP/AVP 0\r\n";
    big += "a=x-pad:" + QByteArray(64 * 1024, 'p') + "\r\n";

    QTest::newRow("16 media") << media16 << true << SdpError::Code::None;
    QTest::newRow("17 media") << media17 << false << SdpError::Code::TooManyMedia;
    QTest::newRow("256 attributes") << attrs256 << true << SdpError::Code::None;
    QTest::newRow("257 attributes") << attrs257 << false << SdpError::Code::TooManyAttributes;
    QTest::newRow("over 64 KiB") << big << false << SdpError::Code::TooLarge;
}

void TestSessionDescription::limits() {
    QFETCH(QByteArray, body);
    QFETCH(bool, ok);
    QFETCH(SdpError::Code, code);
    const auto r = SessionDescription::parse(body);
    QCOMPARE(std::holds_alternative<SessionDescription>(r), ok);
    if (!ok)
        QCOMPARE(std::get<SdpError>(r).code, code);
    else
        QCOMPARE(std::get<SessionDescription>(r).toBytes(), body);
}

QTEST_GUILESS_MAIN(TestSessionDescription)
#include "tst_sessiondescription.moc"

#include "sdp/OfferAnswer.h"

#include <QTest>

using namespace parlo::sdp;
using Code = NegotiationError::Code;

Q_DECLARE_METATYPE(parlo::sdp::NegotiationError::Code)

namespace {

MediaCapabilities caps(SrtpPolicy srtp = SrtpPolicy::Off, const char *address = "192.0.2.100") {
    MediaCapabilities c;
    c.codecs = MediaCapabilities::defaultCodecs();
    c.srtp = srtp;
    c.address = QHostAddress(QString::fromLatin1(address));
    c.port = 4000;
    return c;
}

SessionDescription parse(const QByteArray &body) {
    auto r = SessionDescription::parse(body);
    if (auto *e = std::get_if<SdpError>(&r))
        qWarning() << "fixture does not parse:" << e->toString();
    return std::get<SessionDescription>(r);
}

// A remote offer: one m= line per entry of `media` ("audio 5000 RTP/AVP 0 8" + attribute lines).
SessionDescription offerSdp(const QList<QByteArray> &media,
                            const QByteArray &address = "IN IP4 198.51.100.1") {
    QByteArray body = "v=0\r\no=peer 10 20 " + address + "\r\ns=-\r\nc=" + address + "\r\nt=0 0\r\n";
    for (const QByteArray &m : media)
        body += "m=" + m + "\r\n";
    body.replace("\n\n", "\n");
    return parse(body);
}

const QByteArray kKey80 = "WVNfX19zZW1jdGwgKCkgewkyMjA7fQp9CnVubGVz";
const QByteArray kKey32 = "NzB4d1BINUAvLEw6UzF3WSJ+PSdFcGdUJShpX1Zj";

QByteArray formatsOf(const MediaDescription &m) {
    return m.formats.join(' ');
}

} // namespace

class TestOfferAnswer : public QObject {
    Q_OBJECT

private slots:
    void offer_data();
    void offer();
    void offerIPv6();
    void codecIntersection_data();
    void codecIntersection();
    void answerKeepsOffererFmtpForSending();
    void directionComplement_data();
    void directionComplement();
    void rejectedStreams_data();
    void rejectedStreams();
    void srtpMatrix_data();
    void srtpMatrix();
    void srtpPicksFirstSupported();
    void answerIPv6();
    void processAnswer();
    void answerValidation_data();
    void answerValidation();
    void holdResumeVersions();
    void remoteHold();
    void endToEnd_data();
    void endToEnd();
    void warningCodes();
};

void TestOfferAnswer::offer_data() {
    QTest::addColumn<SrtpPolicy>("policy");
    QTest::addColumn<QByteArray>("proto");
    QTest::addColumn<int>("cryptoLines");
    QTest::newRow("off") << SrtpPolicy::Off << QByteArray("RTP/AVP") << 0;
    QTest::newRow("optional") << SrtpPolicy::Optional << QByteArray("RTP/AVP") << 2;
    QTest::newRow("mandatory") << SrtpPolicy::Mandatory << QByteArray("RTP/SAVP") << 2;
}

void TestOfferAnswer::offer() {
    QFETCH(SrtpPolicy, policy);
    QFETCH(QByteArray, proto);
    QFETCH(int, cryptoLines);
    OfferAnswer oa(caps(policy));
    QCOMPARE(oa.state(), OfferAnswer::State::Idle);
    const SessionDescription sd = oa.createOffer();
    QCOMPARE(oa.state(), OfferAnswer::State::OfferSent);
    QCOMPARE(sd.connection->toString(), QByteArray("IN IP4 192.0.2.100"));
    QCOMPARE(sd.origin.address, QByteArray("192.0.2.100"));
    QCOMPARE(sd.media.size(), 1);
    const MediaDescription &m = sd.media[0];
    QCOMPARE(m.mediaLine(), "audio 4000 " + proto + " 111 9 0 8 101 100");
    QCOMPARE(m.rtpMap(111), (RtpMap{111, "opus", 48000, 2}));
    QCOMPARE(m.rtpMap(101), (RtpMap{101, "telephone-event", 48000, 1}));
    QCOMPARE(m.attributeValues("rtpmap").size(), 6); // static ones too, for clarity
    QCOMPARE(m.fmtp(111), QByteArray("useinbandfec=1"));
    QCOMPARE(m.fmtp(100), QByteArray("0-16"));
    QCOMPARE(m.ptime(), 20);
    QCOMPARE(m.direction(), Direction::SendRecv);
    const QList<CryptoAttribute> crypto = m.cryptoAttributes();
    QCOMPARE(crypto.size(), cryptoLines);
    if (cryptoLines) {
        QCOMPARE(crypto[0].tag(), 1);
        QCOMPARE(crypto[0].suite(), CryptoAttribute::Suite::AesCm128HmacSha1_80);
        QCOMPARE(crypto[1].suite(), CryptoAttribute::Suite::AesCm128HmacSha1_32);
        QCOMPARE(crypto[0].keySalt().size(), 30);
    }
    // The offer is valid SDP that round-trips.
    QCOMPARE(parse(sd.toBytes()), sd);
}

void TestOfferAnswer::offerIPv6() {
    MediaCapabilities c = caps(SrtpPolicy::Off, "2001:db8::100");
    c.rtcpMux = true;
    c.maxptime = 60;
    OfferAnswer oa(c);
    const SessionDescription sd = oa.createOffer();
    QCOMPARE(sd.connection->toString(), QByteArray("IN IP6 2001:db8::100"));
    QCOMPARE(sd.origin.addrType, QByteArray("IP6"));
    QVERIFY(sd.media[0].rtcpMux());
    QCOMPARE(sd.media[0].maxptime(), 60);
}

void TestOfferAnswer::codecIntersection_data() {
    QTest::addColumn<QList<QByteArray>>("offer");
    QTest::addColumn<QList<Codec>>("ours");
    QTest::addColumn<QByteArray>("answerFormats"); // empty: rejected
    QTest::addColumn<int>("sendPt");
    QTest::addColumn<QByteArray>("sendName");
    QTest::addColumn<int>("tePt");
    const QList<Codec> def = MediaCapabilities::defaultCodecs();

    QTest::newRow("asterisk g711")
        << QList<QByteArray>{"audio 5000 RTP/AVP 0 8 101\r\na=rtpmap:101 telephone-event/8000"} << def
        << QByteArray("0 8 101") << 0 << QByteArray("PCMU") << 101;
    QTest::newRow("our order wins") << QList<QByteArray>{"audio 5000 RTP/AVP 8 0 9"} << def
                                    << QByteArray("9 0 8") << 9 << QByteArray("G722") << -1;
    QTest::newRow("static without rtpmap") << QList<QByteArray>{"audio 5000 RTP/AVP 18 8"} << def
                                           << QByteArray("8") << 8 << QByteArray("PCMA") << -1;
    QTest::newRow("baresip opus dyn pt")
        << QList<QByteArray>{"audio 5000 RTP/AVP 96 9 0 8 101\r\na=rtpmap:96 opus/48000/2\r\n"
                             "a=fmtp:96 stereo=1\r\na=rtpmap:101 telephone-event/8000"}
        << def << QByteArray("96 9 0 8 101") << 96 << QByteArray("opus") << 101; // te/8000 as fallback
    QTest::newRow("linphone te per rate")
        << QList<QByteArray>{"audio 5000 RTP/AVP 96 97 0 8 18 101 99 100\r\na=rtpmap:96 opus/48000/2\r\n"
                             "a=rtpmap:97 speex/16000\r\na=rtpmap:101 telephone-event/48000\r\n"
                             "a=rtpmap:99 telephone-event/16000\r\na=rtpmap:100 telephone-event/8000"}
        << def << QByteArray("96 0 8 101 100") << 96 << QByteArray("opus") << 101;
    QTest::newRow("opus mono not opus")
        << QList<QByteArray>{"audio 5000 RTP/AVP 120 0\r\na=rtpmap:120 opus/48000/1"} << def
        << QByteArray("0") << 0 << QByteArray("PCMU") << -1;
    QTest::newRow("name case-insensitive")
        << QList<QByteArray>{"audio 5000 RTP/AVP 98\r\na=rtpmap:98 pcma/8000"} << def << QByteArray("98")
        << 98 << QByteArray("pcma") << -1;
    QTest::newRow("dynamic pt for static codec")
        << QList<QByteArray>{"audio 5000 RTP/AVP 98 99\r\na=rtpmap:98 PCMU/8000\r\na=rtpmap:99 "
                             "telephone-event/8000"}
        << def << QByteArray("98 99") << 98 << QByteArray("PCMU") << 99;
    QTest::newRow("te rate without codec dropped")
        << QList<QByteArray>{"audio 5000 RTP/AVP 0 101\r\na=rtpmap:101 telephone-event/48000"} << def
        << QByteArray("0") << 0 << QByteArray("PCMU") << -1;
    QTest::newRow("te we lack dropped")
        << QList<QByteArray>{"audio 5000 RTP/AVP 0 101\r\na=rtpmap:101 telephone-event/8000"}
        << QList<Codec>{{0, "PCMU", 8000, 1, {}}} << QByteArray("0") << 0 << QByteArray("PCMU") << -1;
    QTest::newRow("restricted ours") << QList<QByteArray>{"audio 5000 RTP/AVP 0 8"}
                                     << QList<Codec>{{8, "PCMA", 8000, 1, {}}, {0, "PCMU", 8000, 1, {}}}
                                     << QByteArray("8 0") << 8 << QByteArray("PCMA") << -1;
    QTest::newRow("no common codec") << QList<QByteArray>{"audio 5000 RTP/AVP 18 3"} << def << QByteArray()
                                     << -1 << QByteArray() << -1;
    QTest::newRow("only telephone-event")
        << QList<QByteArray>{"audio 5000 RTP/AVP 101\r\na=rtpmap:101 telephone-event/8000"} << def
        << QByteArray() << -1 << QByteArray() << -1;
}

void TestOfferAnswer::codecIntersection() {
    QFETCH(QList<QByteArray>, offer);
    QFETCH(QList<Codec>, ours);
    QFETCH(QByteArray, answerFormats);
    QFETCH(int, sendPt);
    QFETCH(QByteArray, sendName);
    QFETCH(int, tePt);
    MediaCapabilities c = caps();
    c.codecs = ours;
    OfferAnswer oa(c);
    const auto r = oa.answerOffer(offerSdp(offer));
    if (answerFormats.isEmpty()) {
        QVERIFY(std::holds_alternative<NegotiationError>(r));
        QCOMPARE(std::get<NegotiationError>(r).code, Code::NoCommonCodec);
        QCOMPARE(std::get<NegotiationError>(r).mediaIndex, 0);
        QCOMPARE(oa.state(), OfferAnswer::State::Idle);
        return;
    }
    QVERIFY(std::holds_alternative<OfferAnswer::Answer>(r));
    const auto &a = std::get<OfferAnswer::Answer>(r);
    QCOMPARE(formatsOf(a.sdp.media[0]), answerFormats);
    QCOMPARE(a.sdp.media[0].port, quint16(4000));
    QCOMPARE(a.media.sendCodec.payloadType, sendPt);
    QCOMPARE(a.media.sendCodec.name, sendName);
    QCOMPARE(a.media.telephoneEventPayloadType, tePt);
    QCOMPARE(a.media.remoteAddress, QHostAddress("198.51.100.1"));
    QCOMPARE(a.media.remotePort, quint16(5000));
    QCOMPARE(a.media.remoteRtcpPort, quint16(5001));
    QCOMPARE(a.media.mediaIndex, 0);
    QCOMPARE(oa.state(), OfferAnswer::State::Stable);
    // Every answered payload type has an rtpmap naming the offerer's number.
    for (int pt : a.sdp.media[0].payloadTypes())
        QVERIFY(a.sdp.media[0].attributeValues("rtpmap").contains(a.sdp.media[0].rtpMap(pt)->toString()));
}

void TestOfferAnswer::answerKeepsOffererFmtpForSending() {
    OfferAnswer oa(caps());
    const auto r = oa.answerOffer(offerSdp(
        {"audio 5000 RTP/AVP 102 101\r\na=rtpmap:102 opus/48000/2\r\na=fmtp:102 maxplaybackrate=16000\r\n"
         "a=rtpmap:101 telephone-event/48000\r\na=ptime:40\r\na=rtcp:5009"}));
    const auto &a = std::get<OfferAnswer::Answer>(r);
    QCOMPARE(a.sdp.media[0].fmtp(102), QByteArray("useinbandfec=1"));      // what we want to receive
    QCOMPARE(a.media.sendCodec.fmtp, QByteArray("maxplaybackrate=16000")); // what they want to receive
    QCOMPARE(a.media.telephoneEventPayloadType, 101);
    QCOMPARE(a.media.telephoneEventClockRate, 48000);
    QCOMPARE(a.media.ptime, 40);
    QCOMPARE(a.media.remoteRtcpPort, quint16(5009));
    QVERIFY(!a.media.rtcpMux);
    QVERIFY(!a.media.isSecure());
}

void TestOfferAnswer::directionComplement_data() {
    QTest::addColumn<QByteArray>("offerAttr");
    QTest::addColumn<QByteArray>("connection");
    QTest::addColumn<Direction>("wanted");
    QTest::addColumn<Direction>("answer");
    const QByteArray c4 = "IN IP4 198.51.100.1";
    QTest::newRow("sendrecv") << QByteArray("sendrecv") << c4 << Direction::SendRecv << Direction::SendRecv;
    QTest::newRow("none") << QByteArray() << c4 << Direction::SendRecv << Direction::SendRecv;
    QTest::newRow("sendonly") << QByteArray("sendonly") << c4 << Direction::SendRecv << Direction::RecvOnly;
    QTest::newRow("recvonly") << QByteArray("recvonly") << c4 << Direction::SendRecv << Direction::SendOnly;
    QTest::newRow("inactive") << QByteArray("inactive") << c4 << Direction::SendRecv << Direction::Inactive;
    QTest::newRow("rfc2543 hold") << QByteArray() << QByteArray("IN IP4 0.0.0.0") << Direction::SendRecv
                                  << Direction::RecvOnly;
    QTest::newRow("we hold, they sendrecv")
        << QByteArray("sendrecv") << c4 << Direction::SendOnly << Direction::SendOnly;
    QTest::newRow("both hold") << QByteArray("sendonly") << c4 << Direction::SendOnly << Direction::Inactive;
    QTest::newRow("we inactive") << QByteArray("sendrecv") << c4 << Direction::Inactive
                                 << Direction::Inactive;
    QTest::newRow("we recvonly, they recvonly")
        << QByteArray("recvonly") << c4 << Direction::RecvOnly << Direction::Inactive;
}

void TestOfferAnswer::directionComplement() {
    QFETCH(QByteArray, offerAttr);
    QFETCH(QByteArray, connection);
    QFETCH(Direction, wanted);
    QFETCH(Direction, answer);
    QByteArray m = "audio 5000 RTP/AVP 0";
    if (!offerAttr.isEmpty())
        m += "\r\na=" + offerAttr;
    OfferAnswer oa(caps());
    const auto r = oa.answerOffer(offerSdp({m}, connection), wanted);
    const auto &a = std::get<OfferAnswer::Answer>(r);
    QCOMPARE(a.sdp.media[0].direction(), answer);
    QCOMPARE(a.media.direction, answer);
}

void TestOfferAnswer::rejectedStreams_data() {
    QTest::addColumn<QList<QByteArray>>("offer");
    QTest::addColumn<QList<int>>("ports"); // answer m= ports, empty = offer rejected
    QTest::addColumn<int>("chosenIndex");
    QTest::addColumn<Code>("error");

    QTest::newRow("audio+video") << QList<QByteArray>{"audio 5000 RTP/AVP 0", "video 5002 RTP/AVP 31"}
                                 << QList<int>{4000, 0} << 0 << Code::NoAudio;
    QTest::newRow("video first") << QList<QByteArray>{"video 5002 RTP/AVP 31", "audio 5000 RTP/AVP 0"}
                                 << QList<int>{0, 4000} << 1 << Code::NoAudio;
    QTest::newRow("two audio") << QList<QByteArray>{"audio 5000 RTP/AVP 0", "audio 5010 RTP/AVP 8"}
                               << QList<int>{4000, 0} << 0 << Code::NoAudio;
    QTest::newRow("first audio no codec")
        << QList<QByteArray>{"audio 5000 RTP/AVP 18", "audio 5010 RTP/AVP 8"} << QList<int>{0, 4000} << 1
        << Code::NoAudio;
    QTest::newRow("disabled audio") << QList<QByteArray>{"audio 0 RTP/AVP 0", "audio 5010 RTP/AVP 8"}
                                    << QList<int>{0, 4000} << 1 << Code::NoAudio;
    QTest::newRow("application") << QList<QByteArray>{"application 9 TCP/BFCP *", "audio 5000 RTP/AVP 0"}
                                 << QList<int>{0, 4000} << 1 << Code::NoAudio;
    QTest::newRow("avpf rejected") << QList<QByteArray>{"audio 5000 RTP/AVPF 0"} << QList<int>{} << -1
                                   << Code::NoCommonCodec;
    QTest::newRow("video only") << QList<QByteArray>{"video 5002 RTP/AVP 31"} << QList<int>{} << -1
                                << Code::NoAudio;
    QTest::newRow("no media") << QList<QByteArray>{} << QList<int>{} << -1 << Code::NoAudio;
}

void TestOfferAnswer::rejectedStreams() {
    QFETCH(QList<QByteArray>, offer);
    QFETCH(QList<int>, ports);
    QFETCH(int, chosenIndex);
    QFETCH(Code, error);
    OfferAnswer oa(caps());
    const SessionDescription o = offerSdp(offer);
    const auto r = oa.answerOffer(o);
    if (ports.isEmpty()) {
        QCOMPARE(std::get<NegotiationError>(r).code, error);
        return;
    }
    const auto &a = std::get<OfferAnswer::Answer>(r);
    QCOMPARE(a.sdp.media.size(), o.media.size());
    for (int i = 0; i < ports.size(); ++i) {
        QCOMPARE(a.sdp.media[i].port, quint16(ports[i]));
        QCOMPARE(a.sdp.media[i].media, o.media[i].media);
        QVERIFY(!a.sdp.media[i].formats.isEmpty()); // a rejected m= still lists formats
    }
    QCOMPARE(a.media.mediaIndex, chosenIndex);
    // The answer is valid SDP.
    QCOMPARE(parse(a.sdp.toBytes()), a.sdp);
}

void TestOfferAnswer::srtpMatrix_data() {
    QTest::addColumn<SrtpPolicy>("policy");
    QTest::addColumn<QByteArray>("offer");
    QTest::addColumn<int>("outcome"); // 0 plain, 1 srtp, 2 rejected
    QTest::addColumn<Code>("error");
    const QByteArray c80 = "\r\na=crypto:3 AES_CM_128_HMAC_SHA1_80 inline:" + kKey80 + "|2^20|1:4";
    const QByteArray f8 = "\r\na=crypto:1 F8_128_HMAC_SHA1_80 inline:" + kKey80;
    const QByteArray avp = "audio 5000 RTP/AVP 0", savp = "audio 5000 RTP/SAVP 0";
    const Code none = Code::Malformed;

    QTest::newRow("off avp") << SrtpPolicy::Off << avp << 0 << none;
    QTest::newRow("off avp+crypto") << SrtpPolicy::Off << avp + c80 << 0 << none;
    QTest::newRow("off savp") << SrtpPolicy::Off << savp + c80 << 2 << Code::SrtpNotSupported;
    QTest::newRow("optional avp") << SrtpPolicy::Optional << avp << 0 << none;
    QTest::newRow("optional avp+crypto") << SrtpPolicy::Optional << avp + c80 << 1 << none;
    QTest::newRow("optional avp+f8") << SrtpPolicy::Optional << avp + f8 << 0 << none;
    QTest::newRow("optional savp") << SrtpPolicy::Optional << savp + c80 << 1 << none;
    QTest::newRow("optional savp no crypto") << SrtpPolicy::Optional << savp << 2 << Code::SrtpNotSupported;
    QTest::newRow("mandatory avp") << SrtpPolicy::Mandatory << avp << 2 << Code::SrtpRequired;
    QTest::newRow("mandatory avp+f8") << SrtpPolicy::Mandatory << avp + f8 << 2 << Code::SrtpRequired;
    QTest::newRow("mandatory avp+crypto") << SrtpPolicy::Mandatory << avp + c80 << 1 << none;
    QTest::newRow("mandatory savp") << SrtpPolicy::Mandatory << savp + c80 << 1 << none;
    QTest::newRow("mandatory savp f8 only")
        << SrtpPolicy::Mandatory << savp + f8 << 2 << Code::SrtpNotSupported;
}

void TestOfferAnswer::srtpMatrix() {
    QFETCH(SrtpPolicy, policy);
    QFETCH(QByteArray, offer);
    QFETCH(int, outcome);
    QFETCH(Code, error);
    OfferAnswer oa(caps(policy));
    const SessionDescription o = offerSdp({offer});
    const auto r = oa.answerOffer(o);
    if (outcome == 2) {
        QVERIFY(std::holds_alternative<NegotiationError>(r));
        QCOMPARE(std::get<NegotiationError>(r).code, error);
        return;
    }
    const auto &a = std::get<OfferAnswer::Answer>(r);
    const MediaDescription &m = a.sdp.media[0];
    QCOMPARE(m.proto, o.media[0].proto); // the answer keeps the offered profile
    QCOMPARE(a.media.isSecure(), outcome == 1);
    if (outcome == 0) {
        QVERIFY(!m.hasAttribute("crypto"));
        return;
    }
    const QList<CryptoAttribute> c = m.cryptoAttributes();
    QCOMPARE(c.size(), 1);
    QCOMPARE(c[0].tag(), 3); // the offerer's tag
    QCOMPARE(c[0].suite(), CryptoAttribute::Suite::AesCm128HmacSha1_80);
    QVERIFY(c[0].keySalt() != QByteArray::fromBase64(kKey80)); // our own key
    QCOMPARE(a.media.localCrypto, c[0]);
    QCOMPARE(a.media.remoteCrypto->keySalt(), QByteArray::fromBase64(kKey80));
    QCOMPARE(a.media.remoteCrypto->keyParams().first().mkiLength, 4);
}

void TestOfferAnswer::srtpPicksFirstSupported() {
    // Our keys come from the capabilities when given.
    MediaCapabilities c = caps(SrtpPolicy::Mandatory);
    c.crypto = {CryptoAttribute::generate(1, CryptoAttribute::Suite::AesCm128HmacSha1_80),
                CryptoAttribute::generate(2, CryptoAttribute::Suite::AesCm128HmacSha1_32)};
    OfferAnswer oa(c);
    const auto r =
        oa.answerOffer(offerSdp({"audio 5000 RTP/SAVP 0\r\na=crypto:5 F8_128_HMAC_SHA1_80 inline:" + kKey80 +
                                 "\r\na=crypto:7 AES_CM_128_HMAC_SHA1_32 inline:" + kKey32 +
                                 "\r\na=crypto:9 AES_CM_128_HMAC_SHA1_80 inline:" + kKey80}));
    const auto &a = std::get<OfferAnswer::Answer>(r);
    QCOMPARE(a.media.localCrypto->tag(), 7);
    QCOMPARE(a.media.localCrypto->suite(), CryptoAttribute::Suite::AesCm128HmacSha1_32);
    QCOMPARE(a.media.localCrypto->keySalt(), c.crypto[1].keySalt());
    QCOMPARE(a.media.remoteCrypto->keySalt(), QByteArray::fromBase64(kKey32));
    // Keys never reach debug output.
    QString out;
    QDebug(&out) << a.media;
    QVERIFY(!out.contains(QString::fromLatin1(kKey32)));
    QVERIFY(!out.contains(QString::fromLatin1(c.crypto[1].keySalt().toBase64())));
    QVERIFY(out.contains("AES_CM_128_HMAC_SHA1_32"));
}

void TestOfferAnswer::answerIPv6() {
    OfferAnswer oa(caps(SrtpPolicy::Off, "2001:db8::100"));
    const auto r = oa.answerOffer(offerSdp({"audio 5000 RTP/AVP 0"}, "IN IP6 2001:db8::1"));
    const auto &a = std::get<OfferAnswer::Answer>(r);
    QCOMPARE(a.media.remoteAddress, QHostAddress("2001:db8::1"));
    QCOMPARE(a.sdp.connection->toString(), QByteArray("IN IP6 2001:db8::100"));
    // A media-level c= overrides the session one.
    OfferAnswer oa2(caps());
    const auto r2 = oa2.answerOffer(offerSdp({"audio 5000 RTP/AVP 0\r\nc=IN IP6 2001:db8::7"}));
    QCOMPARE(std::get<OfferAnswer::Answer>(r2).media.remoteAddress, QHostAddress("2001:db8::7"));
}

void TestOfferAnswer::processAnswer() {
    MediaCapabilities c = caps();
    c.rtcpMux = true;
    OfferAnswer oa(c);
    QCOMPARE(std::get<NegotiationError>(oa.processAnswer(offerSdp({"audio 5000 RTP/AVP 0"}))).code,
             Code::NoOfferPending);
    oa.createOffer();
    const auto r =
        oa.processAnswer(offerSdp({"audio 6000 RTP/AVP 8 100\r\na=rtpmap:100 telephone-event/8000\r\n"
                                   "a=ptime:30\r\na=rtcp-mux\r\na=recvonly"}));
    QVERIFY(std::holds_alternative<NegotiatedMedia>(r));
    const NegotiatedMedia m = std::get<NegotiatedMedia>(r);
    QCOMPARE(m.remoteAddress, QHostAddress("198.51.100.1"));
    QCOMPARE(m.remotePort, quint16(6000));
    QCOMPARE(m.remoteRtcpPort, quint16(6000)); // rtcp-mux
    QVERIFY(m.rtcpMux);
    QCOMPARE(m.sendCodec, (Codec{8, "PCMA", 8000, 1, {}}));
    QCOMPARE(m.telephoneEventPayloadType, 100);
    QCOMPARE(m.ptime, 30);
    QCOMPARE(m.direction, Direction::SendOnly); // they only receive
    QCOMPARE(m.receiveCodecs.size(), 2);
    QCOMPARE(oa.state(), OfferAnswer::State::Stable);
    QCOMPARE(oa.negotiated(), m);
    // Once answered, a second answer has no offer to match.
    QCOMPARE(std::get<NegotiationError>(oa.processAnswer(offerSdp({"audio 6000 RTP/AVP 8"}))).code,
             Code::NoOfferPending);
}

void TestOfferAnswer::answerValidation_data() {
    QTest::addColumn<SrtpPolicy>("policy");
    QTest::addColumn<QList<QByteArray>>("answer");
    QTest::addColumn<bool>("ok");
    QTest::addColumn<Code>("error");
    // Our offer: one audio m= with 111 9 0 8 101 100, crypto tags 1 (_80) and 2 (_32) unless off.
    const QByteArray ok80 = "\r\na=crypto:1 AES_CM_128_HMAC_SHA1_80 inline:" + kKey80;
    QTest::newRow("plain ok") << SrtpPolicy::Off << QList<QByteArray>{"audio 6000 RTP/AVP 0"} << true
                              << Code::Malformed;
    QTest::newRow("unknown pt") << SrtpPolicy::Off << QList<QByteArray>{"audio 6000 RTP/AVP 0 18"} << false
                                << Code::UnknownPayloadType;
    QTest::newRow("unknown dynamic pt")
        << SrtpPolicy::Off << QList<QByteArray>{"audio 6000 RTP/AVP 96\r\na=rtpmap:96 opus/48000/2"} << false
        << Code::UnknownPayloadType;
    QTest::newRow("extra m=") << SrtpPolicy::Off
                              << QList<QByteArray>{"audio 6000 RTP/AVP 0", "video 0 RTP/AVP 31"} << false
                              << Code::MediaCountMismatch;
    QTest::newRow("no m=") << SrtpPolicy::Off << QList<QByteArray>{} << false << Code::MediaCountMismatch;
    QTest::newRow("media type changed")
        << SrtpPolicy::Off << QList<QByteArray>{"video 6000 RTP/AVP 0"} << false << Code::Malformed;
    QTest::newRow("rejected") << SrtpPolicy::Off << QList<QByteArray>{"audio 0 RTP/AVP 0"} << false
                              << Code::NoCommonCodec;
    QTest::newRow("only te") << SrtpPolicy::Off << QList<QByteArray>{"audio 6000 RTP/AVP 100"} << false
                             << Code::NoCommonCodec;
    QTest::newRow("crypto not offered") << SrtpPolicy::Off << QList<QByteArray>{"audio 6000 RTP/AVP 0" + ok80}
                                        << false << Code::UnknownCryptoTag;
    QTest::newRow("srtp ok") << SrtpPolicy::Mandatory << QList<QByteArray>{"audio 6000 RTP/SAVP 0" + ok80}
                             << true << Code::Malformed;
    QTest::newRow("optional plain ok")
        << SrtpPolicy::Optional << QList<QByteArray>{"audio 6000 RTP/AVP 0"} << true << Code::Malformed;
    QTest::newRow("optional srtp ok")
        << SrtpPolicy::Optional << QList<QByteArray>{"audio 6000 RTP/AVP 0" + ok80} << true
        << Code::Malformed;
    QTest::newRow("unknown tag")
        << SrtpPolicy::Mandatory
        << QList<QByteArray>{"audio 6000 RTP/SAVP 0\r\na=crypto:3 AES_CM_128_HMAC_SHA1_80 "
                             "inline:" +
                             kKey80}
        << false << Code::UnknownCryptoTag;
    QTest::newRow("tag with other suite")
        << SrtpPolicy::Mandatory
        << QList<QByteArray>{"audio 6000 RTP/SAVP 0\r\na=crypto:1 AES_CM_128_HMAC_SHA1_32 inline:" + kKey32}
        << false << Code::UnknownCryptoTag;
    QTest::newRow("malformed crypto")
        << SrtpPolicy::Mandatory
        << QList<QByteArray>{"audio 6000 RTP/SAVP 0\r\na=crypto:1 AES_CM_128_HMAC_SHA1_80"} << false
        << Code::Malformed;
    QTest::newRow("mandatory without crypto")
        << SrtpPolicy::Mandatory << QList<QByteArray>{"audio 6000 RTP/SAVP 0"} << false << Code::SrtpRequired;
}

void TestOfferAnswer::answerValidation() {
    QFETCH(SrtpPolicy, policy);
    QFETCH(QList<QByteArray>, answer);
    QFETCH(bool, ok);
    QFETCH(Code, error);
    OfferAnswer oa(caps(policy));
    oa.createOffer();
    const auto r = oa.processAnswer(offerSdp(answer));
    QCOMPARE(std::holds_alternative<NegotiatedMedia>(r), ok);
    if (!ok) {
        QCOMPARE(std::get<NegotiationError>(r).code, error);
        QCOMPARE(oa.state(), OfferAnswer::State::OfferSent); // still waiting: the caller decides
        return;
    }
    const NegotiatedMedia m = std::get<NegotiatedMedia>(r);
    QCOMPARE(m.sendCodec.payloadType, 0);
    const bool secure = answer.first().contains("crypto");
    QCOMPARE(m.isSecure(), secure);
    if (secure) {
        QCOMPARE(m.remoteCrypto->keySalt(), QByteArray::fromBase64(kKey80));
        QCOMPARE(m.localCrypto->tag(), 1);
        QCOMPARE(m.localCrypto, oa.capabilities().crypto.first());
    }
}

void TestOfferAnswer::holdResumeVersions() {
    OfferAnswer oa(caps(SrtpPolicy::Optional));
    const SessionDescription o1 = oa.createOffer();
    const quint64 v = o1.origin.sessionVersion;
    QCOMPARE(oa.sessionVersion(), v);
    QVERIFY(std::holds_alternative<NegotiatedMedia>(oa.processAnswer(offerSdp({"audio 6000 RTP/AVP 0"}))));

    struct Step {
        std::optional<Direction> dir;
        Direction expected;
        quint64 version;
        const char *answerAttr;
        Direction negotiated;
    };
    const Step steps[] = {
        {Direction::SendOnly, Direction::SendOnly, v + 1, "recvonly", Direction::SendOnly}, // hold
        {Direction::SendOnly, Direction::SendOnly, v + 1, "recvonly", Direction::SendOnly}, // unchanged
        {Direction::Inactive, Direction::Inactive, v + 2, "inactive", Direction::Inactive}, // hold both ways
        {std::nullopt, Direction::SendRecv, v + 3, "sendrecv", Direction::SendRecv},        // resume
        {Direction::SendRecv, Direction::SendRecv, v + 3, "sendonly", Direction::RecvOnly}, // they hold
    };
    for (const Step &s : steps) {
        const SessionDescription o = oa.createOffer(s.dir);
        QCOMPARE(o.media[0].direction(), s.expected);
        QCOMPARE(o.origin.sessionVersion, s.version);
        QVERIFY(o.origin.sameSession(o1.origin));
        // Same keys across re-offers: a hold must not rekey the stream.
        QCOMPARE(o.media[0].cryptoAttributes(), o1.media[0].cryptoAttributes());
        const auto r = oa.processAnswer(offerSdp({QByteArray("audio 6000 RTP/AVP 0\r\na=") + s.answerAttr}));
        QCOMPARE(std::get<NegotiatedMedia>(r).direction, s.negotiated);
    }
    // A refused re-offer rolls back to the last agreed media.
    oa.createOffer(Direction::SendOnly);
    QCOMPARE(oa.state(), OfferAnswer::State::OfferSent);
    oa.rollback();
    QCOMPARE(oa.state(), OfferAnswer::State::Stable);
    QCOMPARE(oa.negotiated()->direction, Direction::RecvOnly);
}

void TestOfferAnswer::remoteHold() {
    OfferAnswer oa(caps());
    const auto r1 = oa.answerOffer(offerSdp({"audio 5000 RTP/AVP 0"}));
    const quint64 v = std::get<OfferAnswer::Answer>(r1).sdp.origin.sessionVersion;
    // The peer puts us on hold: our answer changes, so its version goes up.
    const auto r2 = oa.answerOffer(offerSdp({"audio 5000 RTP/AVP 0\r\na=sendonly"}));
    const auto &a2 = std::get<OfferAnswer::Answer>(r2);
    QCOMPARE(a2.sdp.media[0].direction(), Direction::RecvOnly);
    QCOMPARE(a2.sdp.origin.sessionVersion, v + 1);
    // Same offer again (e.g. a session refresh): identical answer, same version.
    const auto r3 = oa.answerOffer(offerSdp({"audio 5000 RTP/AVP 0\r\na=sendonly"}));
    QCOMPARE(std::get<OfferAnswer::Answer>(r3).sdp, a2.sdp);
    // Resume.
    const auto r4 = oa.answerOffer(offerSdp({"audio 5000 RTP/AVP 0"}));
    QCOMPARE(std::get<OfferAnswer::Answer>(r4).sdp.origin.sessionVersion, v + 2);
    QCOMPARE(std::get<OfferAnswer::Answer>(r4).media.direction, Direction::SendRecv);
}

void TestOfferAnswer::endToEnd_data() {
    QTest::addColumn<SrtpPolicy>("alice");
    QTest::addColumn<SrtpPolicy>("bob");
    QTest::addColumn<bool>("ok");
    QTest::addColumn<bool>("secure");
    QTest::newRow("off/off") << SrtpPolicy::Off << SrtpPolicy::Off << true << false;
    QTest::newRow("optional/off") << SrtpPolicy::Optional << SrtpPolicy::Off << true << false;
    QTest::newRow("optional/optional") << SrtpPolicy::Optional << SrtpPolicy::Optional << true << true;
    QTest::newRow("mandatory/optional") << SrtpPolicy::Mandatory << SrtpPolicy::Optional << true << true;
    QTest::newRow("optional/mandatory") << SrtpPolicy::Optional << SrtpPolicy::Mandatory << true << true;
    QTest::newRow("mandatory/mandatory") << SrtpPolicy::Mandatory << SrtpPolicy::Mandatory << true << true;
    QTest::newRow("mandatory/off") << SrtpPolicy::Mandatory << SrtpPolicy::Off << false << false;
    QTest::newRow("off/mandatory") << SrtpPolicy::Off << SrtpPolicy::Mandatory << false << false;
}

void TestOfferAnswer::endToEnd() {
    QFETCH(SrtpPolicy, alice);
    QFETCH(SrtpPolicy, bob);
    QFETCH(bool, ok);
    QFETCH(bool, secure);
    OfferAnswer a(caps(alice, "192.0.2.1"));
    MediaCapabilities bc = caps(bob, "2001:db8::2");
    bc.codecs = {
        {0, "PCMU", 8000, 1, {}}, {96, "opus", 48000, 2, {}}, {97, "telephone-event", 48000, 1, "0-15"}};
    bc.port = 7000;
    OfferAnswer b(bc);
    // Over the wire and back.
    const auto answer = b.answerOffer(parse(a.createOffer().toBytes()));
    QCOMPARE(std::holds_alternative<OfferAnswer::Answer>(answer), ok);
    if (!ok)
        return;
    const auto &ans = std::get<OfferAnswer::Answer>(answer);
    const auto r = a.processAnswer(parse(ans.sdp.toBytes()));
    const NegotiatedMedia am = std::get<NegotiatedMedia>(r);
    const NegotiatedMedia &bm = ans.media;
    // Bob prefers PCMU, on Alice's payload type numbers.
    QCOMPARE(bm.sendCodec.payloadType, 0);
    QCOMPARE(am.sendCodec.payloadType, 0);
    QCOMPARE(am.remoteAddress, QHostAddress("2001:db8::2"));
    QCOMPARE(am.remotePort, quint16(7000));
    QCOMPARE(bm.remoteAddress, QHostAddress("192.0.2.1"));
    QCOMPARE(bm.remotePort, quint16(4000));
    QCOMPARE(am.telephoneEventPayloadType, 101); // only /48000 in common, fallback for PCMU
    QCOMPARE(am.telephoneEventClockRate, 48000);
    QCOMPARE(am.isSecure(), secure);
    QCOMPARE(bm.isSecure(), secure);
    if (secure) {
        QCOMPARE(am.localCrypto->keySalt(), bm.remoteCrypto->keySalt());
        QCOMPARE(am.remoteCrypto->keySalt(), bm.localCrypto->keySalt());
        QVERIFY(am.localCrypto->keySalt() != am.remoteCrypto->keySalt());
        QCOMPARE(am.localCrypto->tag(), bm.localCrypto->tag());
    }
}

void TestOfferAnswer::warningCodes() {
    QCOMPARE((NegotiationError{Code::NoAudio}).warningCode(), 304);
    QCOMPARE((NegotiationError{Code::NoCommonCodec}).warningCode(), 305);
    QCOMPARE((NegotiationError{Code::UnknownPayloadType}).warningCode(), 305);
    QCOMPARE((NegotiationError{Code::SrtpRequired}).warningCode(), 399);
    QCOMPARE((NegotiationError{Code::Malformed}).warningCode(), 399);
}

QTEST_GUILESS_MAIN(TestOfferAnswer)
#include "tst_offeranswer.moc"

// SRTP/SRTCP through libsrtp2: both suites round-trip, tampering and replays are caught and counted.
#include "media/SrtpContext.h"

#include <QTest>

using namespace parlo::media;
using Suite = SrtpContext::Suite;
using Dir = SrtpContext::Direction;
using Error = SrtpContext::Error;

Q_DECLARE_METATYPE(SrtpContext::Suite)

namespace {
QByteArray key(char seed) {
    QByteArray k(SrtpContext::kMasterKeyAndSaltLength, '\0');
    for (int i = 0; i < k.size(); ++i)
        k[i] = char(seed + i * 7);
    return k;
}

// A plain RTP packet (RFC 3550 fixed header, PT 0) with a recognisable payload.
QByteArray rtp(quint16 seq, int payloadBytes = 160) {
    QByteArray p(12, '\0');
    p[0] = char(0x80);
    p[1] = 0;
    p[2] = char(seq >> 8);
    p[3] = char(seq & 0xff);
    const quint32 ts = quint32(seq) * 160;
    p[4] = char(ts >> 24);
    p[5] = char(ts >> 16);
    p[6] = char(ts >> 8);
    p[7] = char(ts);
    p[8] = 0x12;
    p[9] = 0x34;
    p[10] = 0x56;
    p[11] = 0x78;
    for (int i = 0; i < payloadBytes; ++i)
        p.append(char(i * 3 + seq));
    return p;
}

QByteArray rtcpReceiverReport() {
    // RR with no report blocks: V=2, RC=0, PT=201, length=1 (two 32-bit words), SSRC.
    return QByteArray::fromHex("80c9000112345678");
}
} // namespace

class TestSrtpContext : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void roundTrip_data() {
        QTest::addColumn<Suite>("suite");
        QTest::addColumn<int>("tag");
        QTest::newRow("AES_CM_128_HMAC_SHA1_80") << Suite::AesCm128HmacSha1_80 << 10;
        QTest::newRow("AES_CM_128_HMAC_SHA1_32") << Suite::AesCm128HmacSha1_32 << 4;
    }
    void roundTrip() {
        QFETCH(Suite, suite);
        QFETCH(int, tag);
        auto tx = SrtpContext::create(suite, key(1), Dir::Outbound);
        auto rx = SrtpContext::create(suite, key(1), Dir::Inbound);
        QVERIFY(tx && rx);
        QCOMPARE(SrtpContext::rtpTagLength(suite), tag);
        for (quint16 seq = 100; seq < 150; ++seq) {
            const QByteArray plain = rtp(seq);
            QByteArray wire = plain;
            QCOMPARE(tx->protectRtp(wire), Error::None);
            QCOMPARE(wire.size(), plain.size() + tag);
            QCOMPARE(wire.left(12), plain.left(12));     // header stays clear
            QVERIFY(wire.mid(12, 160) != plain.mid(12)); // payload is encrypted
            QCOMPARE(rx->unprotectRtp(wire), Error::None);
            QCOMPARE(wire, plain);
        }
        QByteArray rtcp = rtcpReceiverReport();
        QCOMPARE(tx->protectRtcp(rtcp), Error::None);
        QCOMPARE(rtcp.size(), 8 + 4 + 10); // SRTCP index + 80-bit tag for both suites
        QCOMPARE(rx->unprotectRtcp(rtcp), Error::None);
        QCOMPARE(rtcp, rtcpReceiverReport());
    }

    void tamperingAndReplaysAreCountedNotFatal() {
        auto tx = SrtpContext::create(Suite::AesCm128HmacSha1_80, key(5), Dir::Outbound);
        auto rx = SrtpContext::create(Suite::AesCm128HmacSha1_80, key(5), Dir::Inbound);
        QByteArray first = rtp(1);
        QVERIFY(tx->protectRtp(first) == Error::None);
        QByteArray copy = first;
        QCOMPARE(rx->unprotectRtp(copy), Error::None);
        copy = first;
        QCOMPARE(rx->unprotectRtp(copy), Error::Replayed);
        QCOMPARE(rx->replayFailures(), 1u);

        QByteArray second = rtp(2);
        QVERIFY(tx->protectRtp(second) == Error::None);
        second[20] = char(second[20] ^ 0x01);
        const QByteArray tampered = second;
        QCOMPARE(rx->unprotectRtp(second), Error::AuthenticationFailed);
        QCOMPARE(second, tampered); // left untouched
        QCOMPARE(rx->authenticationFailures(), 1u);

        // The stream goes on after the failures.
        QByteArray third = rtp(3);
        QVERIFY(tx->protectRtp(third) == Error::None);
        QCOMPARE(rx->unprotectRtp(third), Error::None);
        QCOMPARE(third, rtp(3));
    }

    void wrongKeyFailsAuthentication() {
        auto tx = SrtpContext::create(Suite::AesCm128HmacSha1_32, key(1), Dir::Outbound);
        auto rx = SrtpContext::create(Suite::AesCm128HmacSha1_32, key(2), Dir::Inbound);
        QByteArray p = rtp(7);
        QVERIFY(tx->protectRtp(p) == Error::None);
        QCOMPARE(rx->unprotectRtp(p), Error::AuthenticationFailed);
    }

    void badInput() {
        SrtpContext::Error e = Error::None;
        QVERIFY(!SrtpContext::create(Suite::AesCm128HmacSha1_80, QByteArray(16, 'k'), Dir::Outbound, &e));
        QCOMPARE(e, Error::BadKey);
        auto rx = SrtpContext::create(Suite::AesCm128HmacSha1_80, key(1), Dir::Inbound);
        QByteArray tiny("\x80\x00", 2);
        QCOMPARE(rx->unprotectRtp(tiny), Error::Malformed);
        QByteArray p = rtp(1);
        QCOMPARE(rx->protectRtp(p), Error::Malformed); // wrong direction
        QByteArray junk(200, '\x80');
        QVERIFY(rx->unprotectRtp(junk) != Error::None);
    }
};

QTEST_GUILESS_MAIN(TestSrtpContext)
#include "tst_srtpcontext.moc"

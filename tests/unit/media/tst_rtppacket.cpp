#include "media/RtpPacket.h"
#include "media/SequenceNumber.h"

#include <QTest>

using namespace parlo::media;

Q_DECLARE_METATYPE(parlo::media::MediaError::Kind)

class TestRtpPacket : public QObject {
    Q_OBJECT

private slots:
    void parseKnownBytes();
    void roundTrip_data();
    void roundTrip();
    void malformed_data();
    void malformed();
    void sequenceDelta_data();
    void sequenceDelta();
    void extendedSequence();
};

void TestRtpPacket::parseKnownBytes() {
    // V=2 P=0 X=0 CC=1, M=1 PT=0, seq 0x1234, ts 0xdeadbeef, SSRC 0x01020304, CSRC 0x0a0b0c0d, 3 bytes.
    const QByteArray wire = QByteArray::fromHex("8180123"
                                                "4deadbeef01020304"
                                                "0a0b0c0d"
                                                "ffeedd");
    MediaError error;
    const auto rtp = RtpPacket::parse(wire, &error);
    QVERIFY(rtp);
    QCOMPARE(error.kind, MediaError::Kind::None);
    QCOMPARE(rtp->version, 2);
    QVERIFY(rtp->marker);
    QCOMPARE(rtp->payloadType, 0);
    QCOMPARE(rtp->sequence, 0x1234);
    QCOMPARE(rtp->timestamp, 0xdeadbeefu);
    QCOMPARE(rtp->ssrc, 0x01020304u);
    QCOMPARE(rtp->csrcs, QList<uint32_t>{0x0a0b0c0du});
    QVERIFY(!rtp->hasExtension);
    QCOMPARE(rtp->payload, QByteArray::fromHex("ffeedd"));
    QCOMPARE(rtp->toBytes(), wire);
}

void TestRtpPacket::roundTrip_data() {
    QTest::addColumn<RtpPacket>("packet");
    RtpPacket plain;
    plain.payloadType = 8;
    plain.sequence = 65535;
    plain.timestamp = 160;
    plain.ssrc = 0xcafebabe;
    plain.payload = QByteArray(160, '\xd5');
    QTest::newRow("plain") << plain;

    RtpPacket marker = plain;
    marker.marker = true;
    marker.payloadType = 111;
    QTest::newRow("marker dynamic pt") << marker;

    RtpPacket csrc = plain;
    for (uint32_t i = 1; i <= 15; ++i)
        csrc.csrcs.append(i * 0x01010101u);
    QTest::newRow("15 csrcs") << csrc;

    RtpPacket ext = plain;
    ext.hasExtension = true;
    ext.extensionProfile = 0xbede;
    ext.extension = QByteArray::fromHex("10ff000022aabbcc");
    QTest::newRow("extension") << ext;

    RtpPacket emptyExt = plain;
    emptyExt.hasExtension = true;
    emptyExt.extensionProfile = 0x1000;
    QTest::newRow("empty extension") << emptyExt;

    RtpPacket padded = ext;
    padded.paddingSize = 4;
    padded.csrcs = {7};
    QTest::newRow("padding+ext+csrc") << padded;

    RtpPacket empty;
    empty.payloadType = 13;
    QTest::newRow("empty payload") << empty;
}

void TestRtpPacket::roundTrip() {
    QFETCH(RtpPacket, packet);
    const QByteArray wire = packet.toBytes();
    QCOMPARE(wire.size(), 12 + 4 * packet.csrcs.size() +
                              (packet.hasExtension ? 4 + packet.extension.size() : 0) +
                              packet.payload.size() + packet.paddingSize);
    const auto parsed = RtpPacket::parse(wire);
    QVERIFY(parsed);
    QCOMPARE(*parsed, packet);
    QCOMPARE(parsed->toBytes(), wire);
}

void TestRtpPacket::malformed_data() {
    QTest::addColumn<QByteArray>("wire");
    QTest::addColumn<MediaError::Kind>("kind");
    const QByteArray header = QByteArray::fromHex("800000010000000000000001");
    QTest::newRow("empty") << QByteArray() << MediaError::Kind::TooShort;
    QTest::newRow("11 bytes") << header.left(11) << MediaError::Kind::TooShort;
    QByteArray v1 = header;
    v1[0] = char(0x40);
    QTest::newRow("version 1") << v1 << MediaError::Kind::BadVersion;
    QByteArray v0 = header;
    v0[0] = char(0x00);
    QTest::newRow("version 0") << v0 << MediaError::Kind::BadVersion;
    QByteArray cc = header;
    cc[0] = char(0x82); // two CSRCs announced, one present
    QTest::newRow("csrc beyond") << cc + QByteArray(4, 'x') << MediaError::Kind::BadLength;
    QByteArray ext = header;
    ext[0] = char(0x90);
    QTest::newRow("extension header missing") << ext + QByteArray(2, 'x') << MediaError::Kind::BadLength;
    QTest::newRow("extension body beyond")
        << ext + QByteArray::fromHex("bede0002") + QByteArray(4, 'x') << MediaError::Kind::BadLength;
    QByteArray pad = header;
    pad[0] = char(0xa0);
    QTest::newRow("padding beyond") << pad + QByteArray::fromHex("0000000a") << MediaError::Kind::BadLength;
    QTest::newRow("padding zero") << pad + QByteArray::fromHex("00000000") << MediaError::Kind::BadLength;
}

void TestRtpPacket::malformed() {
    QFETCH(QByteArray, wire);
    QFETCH(MediaError::Kind, kind);
    MediaError error;
    QVERIFY(!RtpPacket::parse(wire, &error));
    QCOMPARE(error.kind, kind);
    QVERIFY(bool(error));
}

void TestRtpPacket::sequenceDelta_data() {
    QTest::addColumn<int>("a");
    QTest::addColumn<int>("b");
    QTest::addColumn<int>("delta");
    QTest::newRow("equal") << 5 << 5 << 0;
    QTest::newRow("next") << 6 << 5 << 1;
    QTest::newRow("previous") << 4 << 5 << -1;
    QTest::newRow("wrap forward") << 2 << 65534 << 4;
    QTest::newRow("wrap backward") << 65534 << 2 << -4;
    QTest::newRow("half") << 32767 << 0 << 32767;
    QTest::newRow("beyond half") << 32768 << 0 << -32768;
}

void TestRtpPacket::sequenceDelta() {
    QFETCH(int, a);
    QFETCH(int, b);
    QFETCH(int, delta);
    QCOMPARE(SequenceNumber::delta(uint16_t(a), uint16_t(b)), delta);
    QCOMPARE(SequenceNumber::isNewer(uint16_t(a), uint16_t(b)), delta > 0);
}

void TestRtpPacket::extendedSequence() {
    ExtendedSequence ext;
    QCOMPARE(ext.update(65533), 65533u);
    QCOMPARE(ext.update(65535), 65535u);
    QCOMPARE(ext.update(0), 65536u);     // wrapped
    QCOMPARE(ext.update(65534), 65534u); // reordered from before the wrap
    QCOMPARE(ext.highest(), 65536u);
    QCOMPARE(ext.update(3), 65539u);
    QCOMPARE(ext.highest(), 65539u);
}

QTEST_APPLESS_MAIN(TestRtpPacket)
#include "tst_rtppacket.moc"

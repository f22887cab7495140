#include "media/RtcpPacket.h"

#include <QTest>

using namespace parlo::media;

Q_DECLARE_METATYPE(parlo::media::MediaError::Kind)

class TestRtcpPacket : public QObject {
    Q_OBJECT

private slots:
    void roundTrip_data();
    void roundTrip();
    void reportBlockWire();
    void negativeCumulativeLost();
    void compound();
    void sdesSkipsOtherItems();
    void unknownTypeKept();
    void malformed_data();
    void malformed();
};

static RtcpReportBlock block(uint32_t ssrc, int32_t lost) {
    RtcpReportBlock b;
    b.ssrc = ssrc;
    b.fractionLost = 64;
    b.cumulativeLost = lost;
    b.extendedHighestSequence = 0x00011234;
    b.jitter = 37;
    b.lastSr = 0x12345678;
    b.delaySinceLastSr = 65536 * 2;
    return b;
}

void TestRtcpPacket::roundTrip_data() {
    QTest::addColumn<RtcpPacket>("packet");
    QTest::addColumn<int>("size");
    QTest::newRow("SR no blocks") << RtcpPacket::senderReport(1, 0xe1234567'89abcdefULL, 8000, 50, 8000)
                                  << 28;
    QTest::newRow("SR two blocks") << RtcpPacket::senderReport(1, 42, 160, 1, 160,
                                                               {block(2, 5), block(3, -3)})
                                   << 28 + 48;
    QTest::newRow("RR empty") << RtcpPacket::receiverReport(7) << 8;
    QTest::newRow("RR one") << RtcpPacket::receiverReport(7, {block(9, 0x7fffff)}) << 32;
    QTest::newRow("SDES cname") << RtcpPacket::sdesCname(5, "alice@example.com") << 4 + 4 + 20;
    QTest::newRow("SDES 2-byte cname") << RtcpPacket::sdesCname(5, "ab") << 4 + 4 + 8;
    QTest::newRow("SDES 1-byte cname") << RtcpPacket::sdesCname(5, "a") << 4 + 4 + 4;
    QTest::newRow("BYE") << RtcpPacket::bye({1, 2}) << 12;
    QTest::newRow("BYE reason") << RtcpPacket::bye({1}, "hangup") << 8 + 8;
}

void TestRtcpPacket::roundTrip() {
    QFETCH(RtcpPacket, packet);
    QFETCH(int, size);
    const QByteArray wire = packet.toBytes();
    QCOMPARE(wire.size(), size);
    QCOMPARE(wire.size() % 4, 0);
    QCOMPARE((uint8_t(wire[2]) << 8 | uint8_t(wire[3])), size / 4 - 1);
    qsizetype used = 0;
    const auto parsed = RtcpPacket::parse(wire, nullptr, &used);
    QVERIFY(parsed);
    QCOMPARE(used, wire.size());
    QCOMPARE(*parsed, packet);
    QCOMPARE(parsed->toBytes(), wire);
}

void TestRtcpPacket::reportBlockWire() {
    // RR from SSRC 0x11111111 with one block, every field distinct (RFC 3550 §6.4.2 layout).
    const QByteArray wire = QByteArray::fromHex("81c90007"
                                                "11111111"
                                                "22222222"
                                                "40fffffe"   // fraction 64/256, cumulative -2
                                                "00011234"   // cycles 1, highest 0x1234
                                                "00000025"   // jitter 37
                                                "12345678"   // LSR
                                                "00020000"); // DLSR 2 s
    const auto rr = RtcpPacket::parse(wire);
    QVERIFY(rr);
    QCOMPARE(rr->type, RtcpPacket::Type::ReceiverReport);
    QCOMPARE(rr->ssrc, 0x11111111u);
    QCOMPARE(rr->reports.size(), 1);
    const RtcpReportBlock &b = rr->reports.first();
    QCOMPARE(b.ssrc, 0x22222222u);
    QCOMPARE(b.fractionLost, 64);
    QCOMPARE(b.cumulativeLost, -2);
    QCOMPARE(b.extendedHighestSequence, 0x00011234u);
    QCOMPARE(b.jitter, 37u);
    QCOMPARE(b.lastSr, 0x12345678u);
    QCOMPARE(b.delaySinceLastSr, 0x20000u);
    QCOMPARE(rr->toBytes(), wire);
}

void TestRtcpPacket::negativeCumulativeLost() {
    // Out of 24-bit range values clamp instead of wrapping into the wrong sign.
    auto rr = RtcpPacket::receiverReport(1, {block(2, -0x800000), block(3, 0x1000000), block(4, -0x1000000)});
    const auto parsed = RtcpPacket::parse(rr.toBytes());
    QVERIFY(parsed);
    QCOMPARE(parsed->reports[0].cumulativeLost, -0x800000);
    QCOMPARE(parsed->reports[1].cumulativeLost, 0x7fffff);
    QCOMPARE(parsed->reports[2].cumulativeLost, -0x800000);
}

void TestRtcpPacket::compound() {
    const QList<RtcpPacket> packets = {RtcpPacket::senderReport(10, 1, 2, 3, 4, {block(20, 1)}),
                                       RtcpPacket::sdesCname(10, "parlo@host"), RtcpPacket::bye({10}, "bye")};
    const QByteArray wire = RtcpPacket::compoundToBytes(packets);
    const auto parsed = RtcpPacket::parseCompound(wire);
    QVERIFY(parsed);
    QCOMPARE(*parsed, packets);
    QCOMPARE(RtcpPacket::compoundToBytes(*parsed), wire);

    MediaError error;
    QVERIFY(!RtcpPacket::parseCompound(wire.left(wire.size() - 4), &error));
    QCOMPARE(error.kind, MediaError::Kind::BadLength);
    QVERIFY(!RtcpPacket::parseCompound(wire + QByteArray(2, '\0'), &error));
    QCOMPARE(error.kind, MediaError::Kind::TooShort);
}

void TestRtcpPacket::sdesSkipsOtherItems() {
    // Chunk with NAME (2) "Al" then CNAME (1) "a@b", null terminator, padding.
    const QByteArray wire = QByteArray::fromHex("81ca0004"
                                                "00000005"
                                                "0202416c"
                                                "0103614062"
                                                "000000");
    const auto sdes = RtcpPacket::parse(wire);
    QVERIFY(sdes);
    QCOMPARE(sdes->type, RtcpPacket::Type::SourceDescription);
    QCOMPARE(sdes->chunks.size(), 1);
    QCOMPARE(sdes->chunks[0].ssrc, 5u);
    QCOMPARE(sdes->chunks[0].cname, QByteArray("a@b"));
}

void TestRtcpPacket::unknownTypeKept() {
    // An APP packet (204) inside a compound packet does not stop the walk.
    const QByteArray app = QByteArray::fromHex("80cc00020000000161626364");
    const QByteArray wire = RtcpPacket::receiverReport(3).toBytes() + app;
    const auto parsed = RtcpPacket::parseCompound(wire);
    QVERIFY(parsed);
    QCOMPARE(parsed->size(), 2);
    QCOMPARE(parsed->at(1).type, RtcpPacket::Type::Other);
    QCOMPARE(parsed->at(1).otherType, 204);
    QCOMPARE(parsed->at(1).toBytes(), app);
}

void TestRtcpPacket::malformed_data() {
    QTest::addColumn<QByteArray>("wire");
    QTest::addColumn<MediaError::Kind>("kind");
    QTest::newRow("short") << QByteArray::fromHex("80c9") << MediaError::Kind::TooShort;
    QTest::newRow("version 1") << QByteArray::fromHex("40c9000100000001") << MediaError::Kind::BadVersion;
    QTest::newRow("length beyond") << QByteArray::fromHex("80c9000500000001") << MediaError::Kind::BadLength;
    QTest::newRow("rc beyond length")
        << QByteArray::fromHex("81c9000100000001") << MediaError::Kind::BadLength;
    QTest::newRow("SR missing sender info")
        << QByteArray::fromHex("80c8000100000001") << MediaError::Kind::BadLength;
    QTest::newRow("padding beyond") << QByteArray::fromHex("a0c90001000000ff") << MediaError::Kind::BadLength;
    QTest::newRow("SDES unterminated")
        << QByteArray::fromHex("81ca00020000000501026162") << MediaError::Kind::BadLength;
    QTest::newRow("SDES item beyond")
        << QByteArray::fromHex("81ca00020000000501206162") << MediaError::Kind::BadLength;
    QTest::newRow("BYE reason beyond")
        << QByteArray::fromHex("81cb00020000000109616263") << MediaError::Kind::BadLength;
    QTest::newRow("RTP payload type")
        << QByteArray::fromHex("80000001deadbeef") << MediaError::Kind::BadPayloadType;
}

void TestRtcpPacket::malformed() {
    QFETCH(QByteArray, wire);
    QFETCH(MediaError::Kind, kind);
    MediaError error;
    QVERIFY(!RtcpPacket::parseCompound(wire, &error));
    QCOMPARE(error.kind, kind);
}

QTEST_APPLESS_MAIN(TestRtcpPacket)
#include "tst_rtcppacket.moc"

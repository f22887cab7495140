#include "media/G711.h"
#include "media/PcmaCodec.h"
#include "media/PcmuCodec.h"

#include <QTest>

using namespace parlo::media;

class TestG711 : public QObject {
    Q_OBJECT

private slots:
    void ulawReference_data();
    void ulawReference();
    void alawReference_data();
    void alawReference();
    void ulawAllCodesRoundTrip();
    void alawAllCodesRoundTrip();
    void monotonic();
    void quantizationError();
    void codecFrames();
};

void TestG711::ulawReference_data() {
    QTest::addColumn<int>("linear");
    QTest::addColumn<int>("code");
    // G.711 Table 2a: zero is 0xFF (the inverted all-ones), full scale 0x80 / 0x00.
    QTest::newRow("zero") << 0 << 0xff;
    QTest::newRow("minus one") << -1 << 0x7f;
    QTest::newRow("+max") << 32767 << 0x80;
    QTest::newRow("-max") << -32768 << 0x00;
    QTest::newRow("+clip edge 32124") << 32124 << 0x80;
    QTest::newRow("+100") << 100 << 0xf2;
    QTest::newRow("-100 (ones complement)") << -100 << 0x73;
    QTest::newRow("+1000") << 1000 << 0xce;
    QTest::newRow("+8000") << 8000 << 0xa0;
}

void TestG711::ulawReference() {
    QFETCH(int, linear);
    QFETCH(int, code);
    QCOMPARE(int(G711::linearToUlaw(int16_t(linear))), code);
}

void TestG711::alawReference_data() {
    QTest::addColumn<int>("linear");
    QTest::addColumn<int>("code");
    // G.711 Table 1a: even bits inverted, positive zero 0xD5, negative zero 0x55.
    QTest::newRow("zero") << 0 << 0xd5;
    QTest::newRow("minus one") << -1 << 0x55;
    QTest::newRow("+max") << 32767 << 0xaa;
    QTest::newRow("-max") << -32768 << 0x2a;
    QTest::newRow("+100") << 100 << 0xd3;
    QTest::newRow("+1000") << 1000 << 0xfa;
    QTest::newRow("-1000") << -1000 << 0x7a;
}

void TestG711::alawReference() {
    QFETCH(int, linear);
    QFETCH(int, code);
    QCOMPARE(int(G711::linearToAlaw(int16_t(linear))), code);
}

void TestG711::ulawAllCodesRoundTrip() {
    // Decoder output values (G.711 Table 2a, scaled to 16 bits by 4).
    QCOMPARE(G711::ulawToLinear(0xff), 0);
    QCOMPARE(G711::ulawToLinear(0x7f), 0);
    QCOMPARE(G711::ulawToLinear(0x80), 32124);
    QCOMPARE(G711::ulawToLinear(0x00), -32124);
    QCOMPARE(G711::ulawToLinear(0xfe), 8);
    QCOMPARE(G711::ulawToLinear(0xf0), 120);
    for (int c = 0; c < 256; ++c) {
        const int16_t linear = G711::ulawToLinear(uint8_t(c));
        // 0x7F is negative zero and encodes back to positive zero 0xFF.
        const int expected = c == 0x7f ? 0xff : c;
        QVERIFY2(G711::linearToUlaw(linear) == expected, qPrintable(QString::number(c, 16)));
    }
}

void TestG711::alawAllCodesRoundTrip() {
    QCOMPARE(G711::alawToLinear(0xd5), 8);
    QCOMPARE(G711::alawToLinear(0x55), -8);
    QCOMPARE(G711::alawToLinear(0xaa), 32256);
    QCOMPARE(G711::alawToLinear(0x2a), -32256);
    for (int c = 0; c < 256; ++c) {
        const int16_t linear = G711::alawToLinear(uint8_t(c));
        QVERIFY2(G711::linearToAlaw(linear) == c, qPrintable(QString::number(c, 16)));
    }
}

void TestG711::monotonic() {
    int prevU = G711::ulawToLinear(G711::linearToUlaw(-32768));
    int prevA = G711::alawToLinear(G711::linearToAlaw(-32768));
    for (int x = -32767; x <= 32767; ++x) {
        const int u = G711::ulawToLinear(G711::linearToUlaw(int16_t(x)));
        const int a = G711::alawToLinear(G711::linearToAlaw(int16_t(x)));
        QVERIFY(u >= prevU);
        QVERIFY(a >= prevA);
        prevU = u;
        prevA = a;
    }
}

void TestG711::quantizationError() {
    // Logarithmic quantization: the error stays within half a step of the segment (about 3 %).
    for (int x = 64; x <= 32000; x += 37) {
        const int u = G711::ulawToLinear(G711::linearToUlaw(int16_t(x)));
        const int a = G711::alawToLinear(G711::linearToAlaw(int16_t(x)));
        QVERIFY2(std::abs(u - x) <= qMax(8, x / 30), qPrintable(QString::number(x)));
        QVERIFY2(std::abs(a - x) <= qMax(16, x / 30), qPrintable(QString::number(x)));
    }
}

void TestG711::codecFrames() {
    PcmuCodec pcmu;
    PcmaCodec pcma;
    QCOMPARE(pcmu.name(), QByteArray("PCMU"));
    QCOMPARE(pcmu.payloadType(), 0);
    QCOMPARE(pcma.name(), QByteArray("PCMA"));
    QCOMPARE(pcma.payloadType(), 8);
    QCOMPARE(pcmu.frameSamples(), 160);
    QCOMPARE(pcmu.rtpTimestampIncrement(), 160);
    std::vector<int16_t> ramp(160);
    for (int i = 0; i < 160; ++i)
        ramp[size_t(i)] = int16_t(i * 100 - 8000);
    const QByteArray u = pcmu.encode(ramp);
    QCOMPARE(u.size(), 160);
    QCOMPARE(uint8_t(u[0]), G711::linearToUlaw(-8000));
    const auto decoded = pcmu.decode(u);
    QCOMPARE(decoded.size(), size_t(160));
    QCOMPARE(decoded[0], G711::ulawToLinear(uint8_t(u[0])));
    // Short input is padded with silence.
    QCOMPARE(pcma.encode(std::span<const int16_t>(ramp.data(), 10)).size(), 160);
    QCOMPARE(uint8_t(pcma.encode(std::span<const int16_t>(ramp.data(), 10))[159]), 0xd5);
    // Concealment yields a full frame that continues the signal rather than silence.
    const auto plc = pcmu.conceal();
    QCOMPARE(plc.size(), size_t(160));
    QVERIFY(std::any_of(plc.begin(), plc.end(), [](int16_t s) { return s != 0; }));
}

QTEST_APPLESS_MAIN(TestG711)
#include "tst_g711.moc"

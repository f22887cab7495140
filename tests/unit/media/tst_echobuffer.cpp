#include "media/EchoBuffer.h"
#include "media/GoertzelDetector.h"
#include "media/ToneGenerator.h"

#include <QTest>

using namespace parlo::media;

class TestEchoBuffer : public QObject {
    Q_OBJECT

private slots:
    void delayThenSameSamples_data();
    void delayThenSameSamples();
    void silenceWhenEmpty();
    void bounded();
    void resamplesKeepingTone_data();
    void resamplesKeepingTone();
};

void TestEchoBuffer::delayThenSameSamples_data() {
    QTest::addColumn<int>("rate");
    QTest::addColumn<int>("delayMs");
    QTest::newRow("8k, 400 ms") << 8000 << 400;
    QTest::newRow("48k, 100 ms") << 48000 << 100;
    QTest::newRow("no delay") << 16000 << 0;
}

void TestEchoBuffer::delayThenSameSamples() {
    QFETCH(int, rate);
    QFETCH(int, delayMs);
    EchoBuffer echo(rate, delayMs);
    const int delay = rate * delayMs / 1000;
    QCOMPARE(echo.buffered(), delay);
    std::vector<int16_t> in(size_t(rate / 50));
    for (size_t i = 0; i < in.size(); ++i)
        in[i] = int16_t(i + 1);
    echo.write(in, rate);
    // First the delay's silence, then exactly what went in, in order.
    const std::vector<int16_t> silence = echo.read(delay);
    QVERIFY(std::all_of(silence.begin(), silence.end(), [](int16_t s) { return s == 0; }));
    QCOMPARE(echo.read(int(in.size())), in);
    QCOMPARE(echo.buffered(), 0);
}

void TestEchoBuffer::silenceWhenEmpty() {
    EchoBuffer echo(8000, 0);
    const std::vector<int16_t> out = echo.read(160);
    QCOMPARE(out.size(), size_t(160));
    QVERIFY(std::all_of(out.begin(), out.end(), [](int16_t s) { return s == 0; }));
    // Half a frame buffered: it comes first, silence fills the rest.
    echo.write(std::vector<int16_t>(80, 7), 8000);
    const std::vector<int16_t> half = echo.read(160);
    QCOMPARE(half[79], int16_t(7));
    QCOMPARE(half[80], int16_t(0));
}

void TestEchoBuffer::bounded() {
    EchoBuffer echo(8000, 0);
    const int limit = EchoBuffer::kMaxSeconds * 8000;
    echo.write(std::vector<int16_t>(size_t(limit), 1), 8000);
    echo.write(std::vector<int16_t>(800, 2), 8000);
    QCOMPARE(echo.buffered(), limit);
    // The oldest audio went: the newest is still there, at the end.
    const std::vector<int16_t> all = echo.read(limit);
    QCOMPARE(all.front(), int16_t(1));
    QCOMPARE(all.back(), int16_t(2));
    QCOMPARE(std::count(all.begin(), all.end(), int16_t(2)), 800);
}

void TestEchoBuffer::resamplesKeepingTone_data() {
    QTest::addColumn<int>("inRate");
    QTest::addColumn<int>("outRate");
    QTest::newRow("48k in, 8k out") << 48000 << 8000;
    QTest::newRow("8k in, 16k out") << 8000 << 16000;
}

void TestEchoBuffer::resamplesKeepingTone() {
    QFETCH(int, inRate);
    QFETCH(int, outRate);
    EchoBuffer echo(outRate, 0);
    ToneGenerator gen(inRate, ToneGenerator::sine(1000, 8000));
    for (int i = 0; i < 25; ++i) // half a second in 20 ms frames
        echo.write(gen.generate(inRate / 50), inRate);
    QVERIFY(qAbs(echo.buffered() - outRate / 2) < outRate / 50);
    echo.read(outRate / 10); // past the resampler's start-up
    const std::vector<int16_t> out = echo.read(outRate / 5);
    QVERIFY(GoertzelDetector::amplitude(out, 1000, outRate) > 6000);
    QVERIFY(GoertzelDetector::amplitude(out, 1500, outRate) < 500);
}

QTEST_GUILESS_MAIN(TestEchoBuffer)
#include "tst_echobuffer.moc"

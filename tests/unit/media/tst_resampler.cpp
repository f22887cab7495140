#include "media/GoertzelDetector.h"
#include "media/Resampler.h"
#include "media/ToneGenerator.h"

#include <QTest>

using namespace parlo::media;

class TestResampler : public QObject {
    Q_OBJECT

private slots:
    void upAndDownKeepsTone();
    void lengths_data();
    void lengths();
    void stereo();
    void sameRate();
};

static std::vector<int16_t> run(Resampler &r, const std::vector<int16_t> &in, int chunk) {
    std::vector<int16_t> out;
    for (size_t pos = 0; pos < in.size(); pos += size_t(chunk)) {
        const size_t n = qMin(size_t(chunk), in.size() - pos);
        const auto part = r.process(std::span<const int16_t>(in.data() + pos, n));
        out.insert(out.end(), part.begin(), part.end());
    }
    return out;
}

void TestResampler::upAndDownKeepsTone() {
    ToneGenerator gen(8000, ToneGenerator::sine(1000, 8000));
    const auto in = gen.generate(8000); // 1 s
    Resampler up(8000, 48000), down(48000, 8000);
    QVERIFY(up.isValid());
    const auto high = run(up, in, 160); // 20 ms device chunks
    const auto back = run(down, high, 960);
    // Filter delay eats a few samples; nearly all of the second must come through.
    QVERIFY2(high.size() > 47000 && high.size() <= 48000, qPrintable(QString::number(high.size())));
    QVERIFY2(back.size() > 7800 && back.size() <= 8000, qPrintable(QString::number(back.size())));
    const std::span<const int16_t> hs(high.data() + 4800, high.size() - 4800);
    QCOMPARE(GoertzelDetector::dominant(hs, 48000, {440, 1000, 2000}), 1000.0);
    const std::span<const int16_t> bs(back.data() + 800, back.size() - 800);
    QCOMPARE(GoertzelDetector::dominant(bs, 8000, {440, 1000, 2000}), 1000.0);
    QVERIFY(GoertzelDetector::snrDb(bs, 8000, 1000, {440, 2000}) > 40);
    const double amp = GoertzelDetector::amplitude(bs, 1000, 8000);
    QVERIFY2(amp > 7600 && amp < 8400, qPrintable(QString::number(amp)));
}

void TestResampler::lengths_data() {
    QTest::addColumn<int>("in");
    QTest::addColumn<int>("out");
    QTest::newRow("8k->16k") << 8000 << 16000;
    QTest::newRow("16k->48k") << 16000 << 48000;
    QTest::newRow("44.1k->8k") << 44100 << 8000;
    QTest::newRow("48k->16k") << 48000 << 16000;
}

void TestResampler::lengths() {
    QFETCH(int, in);
    QFETCH(int, out);
    Resampler r(in, out);
    QVERIFY(r.isValid());
    QCOMPARE(r.inRate(), in);
    std::vector<int16_t> silence(size_t(in / 50), 0);
    size_t total = 0;
    for (int i = 0; i < 50; ++i)
        total += r.process(silence).size();
    // One second in, about one second out (less the filter delay).
    QVERIFY2(total <= size_t(out) && total + size_t(out / 50) >= size_t(out),
             qPrintable(QString::number(total)));
}

void TestResampler::stereo() {
    Resampler r(48000, 16000, 2);
    std::vector<int16_t> in(960 * 2);
    ToneGenerator left(48000, ToneGenerator::sine(1000, 8000));
    std::vector<int16_t> leftOut;
    for (int f = 0; f < 25; ++f) {
        const auto l = left.generate(960);
        for (int i = 0; i < 960; ++i) {
            in[size_t(2 * i)] = l[size_t(i)];
            in[size_t(2 * i + 1)] = 0;
        }
        const auto o = r.process(in);
        QCOMPARE(o.size() % 2, size_t(0));
        for (size_t i = 0; i < o.size(); i += 2) {
            leftOut.push_back(o[i]);
            QVERIFY(qAbs(o[i + 1]) < 50);
        }
    }
    QCOMPARE(GoertzelDetector::dominant(leftOut, 16000, {440, 1000, 2000}), 1000.0);
}

void TestResampler::sameRate() {
    Resampler r(8000, 8000);
    const std::vector<int16_t> in{1, 2, 3, 4};
    QCOMPARE(r.process(in), in);
}

QTEST_APPLESS_MAIN(TestResampler)
#include "tst_resampler.moc"

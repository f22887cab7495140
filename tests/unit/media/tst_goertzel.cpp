#include "media/GoertzelDetector.h"
#include "media/ToneGenerator.h"

#include <QTest>

using namespace parlo::media;

class TestGoertzel : public QObject {
    Q_OBJECT

private slots:
    void amplitude_data();
    void amplitude();
    void dominant_data();
    void dominant();
    void dtmfDigits();
    void cadence();
    void continuousAcrossCalls();
    void silence();
};

void TestGoertzel::amplitude_data() {
    QTest::addColumn<int>("rate");
    QTest::addColumn<double>("hz");
    QTest::addColumn<double>("amp");
    QTest::newRow("1k at 8k") << 8000 << 1000.0 << 8000.0;
    QTest::newRow("425 at 8k") << 8000 << 425.0 << 3000.0;
    QTest::newRow("1k at 16k") << 16000 << 1000.0 << 10000.0;
    QTest::newRow("3k at 48k") << 48000 << 3000.0 << 20000.0;
}

void TestGoertzel::amplitude() {
    QFETCH(int, rate);
    QFETCH(double, hz);
    QFETCH(double, amp);
    ToneGenerator gen(rate, ToneGenerator::sine(hz, amp));
    const auto samples = gen.generate(rate / 5);
    QVERIFY(qAbs(GoertzelDetector::amplitude(samples, hz, rate) - amp) < amp * 0.02);
    // Far from the tone: almost nothing.
    QVERIFY(GoertzelDetector::amplitude(samples, hz * 1.5, rate) < amp * 0.01);
    QVERIFY(qAbs(GoertzelDetector::rms(samples) - amp / std::sqrt(2.0)) < amp * 0.01);
}

void TestGoertzel::dominant_data() {
    QTest::addColumn<QList<double>>("mix");
    QTest::addColumn<QList<double>>("candidates");
    QTest::addColumn<double>("expected");
    QTest::newRow("single") << QList<double>{1000} << QList<double>{440, 1000, 2000} << 1000.0;
    QTest::newRow("other") << QList<double>{440} << QList<double>{440, 1000, 2000} << 440.0;
    QTest::newRow("no candidates") << QList<double>{440} << QList<double>{} << 0.0;
}

void TestGoertzel::dominant() {
    QFETCH(QList<double>, mix);
    QFETCH(QList<double>, candidates);
    QFETCH(double, expected);
    ToneGenerator gen(8000, ToneGenerator::Tone{mix, 5000});
    const auto samples = gen.generate(8000);
    QCOMPARE(GoertzelDetector::dominant(samples, 8000, candidates), expected);
}

void TestGoertzel::dtmfDigits() {
    const QList<double> rows{697, 770, 852, 941}, cols{1209, 1336, 1477, 1633};
    for (char d : QByteArray("0123456789*#ABCD")) {
        ToneGenerator gen(8000, ToneGenerator::dtmf(d));
        const auto samples = gen.generate(800); // 100 ms
        const auto f = ToneGenerator::dtmfFrequencies(d);
        QVERIFY(f);
        QCOMPARE(GoertzelDetector::dominant(samples, 8000, rows), f->first);
        QCOMPARE(GoertzelDetector::dominant(samples, 8000, cols), f->second);
        QList<double> otherCols = cols;
        otherCols.removeAll(f->second);
        QVERIFY(GoertzelDetector::snrDb(samples, 8000, f->second, otherCols) > 20);
    }
    QVERIFY(!ToneGenerator::dtmfFrequencies('x'));
    QCOMPARE(ToneGenerator::dtmfFrequencies('a'), ToneGenerator::dtmfFrequencies('A'));
    QVERIFY(ToneGenerator::dtmf('x').frequencies.isEmpty());
}

void TestGoertzel::cadence() {
    // Europe: 1 s of 425 Hz then 4 s silent; North America: 2 s of 440+480 then 4 s silent.
    ToneGenerator eu(8000, ToneGenerator::ringbackEurope());
    const auto first = eu.generate(8000);
    const auto gap = eu.generate(4 * 8000);
    const auto again = eu.generate(8000);
    QVERIFY(GoertzelDetector::amplitude(first, 425, 8000) > 5000);
    QCOMPARE(GoertzelDetector::rms(gap), 0.0);
    QVERIFY(GoertzelDetector::amplitude(again, 425, 8000) > 5000);

    ToneGenerator na(8000, ToneGenerator::ringbackNorthAmerica());
    const auto on = na.generate(2 * 8000);
    const auto off = na.generate(4 * 8000);
    QVERIFY(GoertzelDetector::amplitude(on, 440, 8000) > 3500);
    QVERIFY(GoertzelDetector::amplitude(on, 480, 8000) > 3500);
    QCOMPARE(GoertzelDetector::rms(off), 0.0);
}

void TestGoertzel::continuousAcrossCalls() {
    // Twenty 20 ms chunks equal one 400 ms block: the phase carries over.
    ToneGenerator a(8000, ToneGenerator::sine(1000, 8000)), b(8000, ToneGenerator::sine(1000, 8000));
    std::vector<int16_t> chunks;
    for (int i = 0; i < 20; ++i) {
        const auto c = a.generate(160);
        chunks.insert(chunks.end(), c.begin(), c.end());
    }
    QCOMPARE(chunks, b.generate(3200));
}

void TestGoertzel::silence() {
    const std::vector<int16_t> zeros(800, 0);
    QCOMPARE(GoertzelDetector::amplitude(zeros, 1000, 8000), 0.0);
    QCOMPARE(GoertzelDetector::amplitude({}, 1000, 8000), 0.0);
    QCOMPARE(GoertzelDetector::rms({}), 0.0);
}

QTEST_APPLESS_MAIN(TestGoertzel)
#include "tst_goertzel.moc"

// speexdsp echo cancellation: the microphone hears a delayed, attenuated copy of what we play;
// after convergence the echo is largely gone, while a near-end talker alone passes.
#include "media/EchoCanceller.h"
#include "media/GoertzelDetector.h"
#include "media/ToneGenerator.h"

#include <QRandomGenerator>
#include <QTest>
#include <cmath>

using namespace parlo::media;

namespace {
// Runs far/near through a simulated room (echo = far delayed by delay samples, halved) and the
// canceller, in 20 ms chunks (not the canceller's 10 ms frames).
std::vector<int16_t> run(EchoCanceller &aec, const std::vector<int16_t> &far,
                         const std::vector<int16_t> &near, int delay) {
    const int rate = aec.sampleRate();
    const int total = int(far.size());
    const int chunk = rate / 50;
    std::vector<int16_t> out;
    std::vector<int16_t> mic(static_cast<size_t>(chunk));
    for (int at = 0; at + chunk <= total; at += chunk) {
        for (int i = 0; i < chunk; ++i) {
            const int n = at + i;
            const int echo = n >= delay ? far[size_t(n - delay)] / 2 : 0;
            mic[size_t(i)] = int16_t(echo + near[size_t(n)]);
        }
        aec.playback(std::span<const int16_t>(far.data() + at, size_t(chunk)));
        const auto cleaned = aec.capture(mic);
        out.insert(out.end(), cleaned.begin(), cleaned.end());
    }
    return out;
}
} // namespace

class TestEchoCanceller : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void removesEcho_data() {
        QTest::addColumn<int>("rate");
        QTest::addColumn<int>("delayMs");
        QTest::addColumn<int>("tailMs");
        QTest::newRow("16 kHz, 12 ms") << 16000 << 12 << 200;
        QTest::newRow("48 kHz, 30 ms") << 48000 << 30 << 200;
        // A sound server's buffers: PulseAudio's null sink loop measures about 240 ms.
        QTest::newRow("48 kHz, 250 ms, 400 ms tail") << 48000 << 250 << 400;
    }
    void removesEcho() {
        QFETCH(int, rate);
        QFETCH(int, delayMs);
        QFETCH(int, tailMs);
        EchoCanceller aec(rate, tailMs);
        QCOMPARE(aec.frameSamples(), rate / 100);
        QRandomGenerator rng(42);
        const int total = rate * 6;
        const int delay = rate * delayMs / 1000;
        // Far end: broadband noise as a stand-in for speech (what an adaptive filter learns from).
        std::vector<int16_t> far(static_cast<size_t>(total));
        for (auto &s : far)
            s = int16_t(rng.bounded(-6000, 6000));
        const std::vector<int16_t> silence(static_cast<size_t>(total), 0);
        const auto out = run(aec, far, silence, delay);
        QCOMPARE(int(out.size()), total);
        // Echo return loss enhancement over the last two seconds.
        double echo = 0;
        for (int n = total - 2 * rate; n < total; ++n)
            echo += std::pow(far[size_t(n - delay)] / 2.0, 2);
        echo = std::sqrt(echo / (2 * rate));
        const std::span<const int16_t> tail(out.data() + total - 2 * rate, size_t(2 * rate));
        const double erleDb = 20 * std::log10(echo / qMax(1.0, GoertzelDetector::rms(tail)));
        qInfo("ERLE %.1f dB", erleDb);
        QVERIFY2(erleDb > 15, qPrintable(QString("ERLE %1 dB").arg(erleDb)));
    }

    void keepsNearEnd() {
        // Nothing played, someone talks: the canceller must not mute the microphone.
        const int rate = 16000;
        EchoCanceller aec(rate);
        ToneGenerator near(rate, ToneGenerator::sine(700, 4000));
        const auto nearPcm = near.generate(rate * 3);
        const std::vector<int16_t> silence(nearPcm.size(), 0);
        const auto out = run(aec, silence, nearPcm, 0);
        const std::span<const int16_t> tail(out.data() + rate, size_t(rate));
        const double amp = GoertzelDetector::amplitude(tail, 700, rate);
        qInfo("near-end tone %.0f of 4000", amp);
        QVERIFY2(amp > 3000, qPrintable(QString::number(amp)));
    }
};

QTEST_GUILESS_MAIN(TestEchoCanceller)
#include "tst_echocanceller.moc"

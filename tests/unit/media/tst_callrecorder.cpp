// CallRecorder on a scripted clock: both directions land where the wall clock puts them, gaps are
// silence, late and early frames are handled, the buffer between the two paths stays bounded and
// the file is a valid WAV only once closed.
#include "media/CallRecorder.h"
#include "media/GoertzelDetector.h"
#include "media/ToneGenerator.h"
#include "media/WavReader.h"

#include <QFileInfo>
#include <QTemporaryDir>
#include <QTest>

using namespace parlo::media;
using Direction = CallRecorder::Direction;

namespace {
std::span<const int16_t> window(const std::vector<int16_t> &pcm, int rate, int fromMs, int toMs) {
    const size_t from = size_t(int64_t(rate) * fromMs / 1000);
    const size_t to = std::min(pcm.size(), size_t(int64_t(rate) * toMs / 1000));
    return from < to ? std::span<const int16_t>(pcm.data() + from, to - from) : std::span<const int16_t>();
}
double amp(const std::vector<int16_t> &pcm, int rate, int fromMs, int toMs, double hz) {
    return GoertzelDetector::amplitude(window(pcm, rate, fromMs, toMs), hz, rate);
}
} // namespace

class TestCallRecorder : public QObject {
    Q_OBJECT
    QTemporaryDir m_dir;

private Q_SLOTS:
    void mixesBothDirectionsOnTheTimeLine() {
        // We send 1 kHz at 8 kHz (PCMU-like) for the whole second; the peer's 440 Hz arrives at
        // 48 kHz (Opus-like) from 400 ms on only. Recorded at 16 kHz.
        const QString path = m_dir.filePath("mix.wav");
        CallRecorder r;
        const int64_t t0 = 10000; // the session clock is not at 0 when recording starts
        QVERIFY(r.open(path, 16000, t0));
        ToneGenerator sent(8000, ToneGenerator::sine(1000, 8000));
        ToneGenerator received(48000, ToneGenerator::sine(440, 8000));
        for (int64_t t = t0; t < t0 + 1000; t += 20) {
            QVERIFY(r.add(Direction::Sent, sent.generate(160), 8000, t + 20));
            if (t >= t0 + 400)
                QVERIFY(r.add(Direction::Received, received.generate(960), 48000, t + 20));
            QVERIFY(r.advance(t + 20));
        }
        QVERIFY(QFileInfo::exists(path) == false); // atomic: nothing before close
        QVERIFY(r.close(t0 + 1000));
        WavFormat fmt;
        const auto pcm = WavReader::readAll(path, &fmt);
        QVERIFY(pcm);
        QCOMPARE(fmt.sampleRate, 16000);
        QCOMPARE(fmt.channels, 1);
        QVERIFY2(qAbs(int64_t(pcm->size()) - 16000) <= 16000 / 50, qPrintable(QString::number(pcm->size())));
        QVERIFY(amp(*pcm, 16000, 20, 380, 1000) > 6000);
        QVERIFY(amp(*pcm, 16000, 20, 380, 440) < 300); // not yet
        QVERIFY(amp(*pcm, 16000, 450, 980, 1000) > 6000);
        QVERIFY(amp(*pcm, 16000, 450, 980, 440) > 6000);
    }

    void gapIsSilenceAndLateFramesBurst() {
        // A hold: nothing sent from 200 to 700 ms; then frames arrive in bursts of five (a stalled
        // timer) — they still line up without a gap.
        const QString path = m_dir.filePath("gap.wav");
        CallRecorder r;
        QVERIFY(r.open(path, 8000, 0));
        ToneGenerator tone(8000, ToneGenerator::sine(1000, 8000));
        for (int64_t t = 0; t < 200; t += 20)
            QVERIFY(r.add(Direction::Sent, tone.generate(160), 8000, t + 20));
        QVERIFY(r.advance(700));
        for (int64_t t = 700; t < 1500; t += 100) {
            QVERIFY(r.advance(t + 100)); // the clock is already there when the frames come
            for (int k = 0; k < 5; ++k)
                QVERIFY(r.add(Direction::Sent, tone.generate(160), 8000, t + 20 * (k + 1)));
        }
        QVERIFY(r.close(1500));
        const auto pcm = WavReader::readAll(path);
        QVERIFY(pcm);
        QCOMPARE(int64_t(pcm->size()), 8000 * 1500 / 1000);
        QVERIFY(amp(*pcm, 8000, 0, 200, 1000) > 6000);
        QVERIFY(GoertzelDetector::rms(window(*pcm, 8000, 210, 690)) < 1);
        QVERIFY(amp(*pcm, 8000, 700, 1500, 1000) > 6000);
        // No hole anywhere after the hold: every 20 ms block carries the tone.
        for (int ms = 700; ms < 1500; ms += 20)
            QVERIFY2(GoertzelDetector::rms(window(*pcm, 8000, ms, ms + 20)) > 3000,
                     qPrintable(QString::number(ms)));
    }

    void bufferIsBounded() {
        // The received side runs 5 s ahead of the clock (a broken peer's burst) and no advance()
        // comes: the buffer between the paths never exceeds its limit.
        const QString path = m_dir.filePath("bounded.wav");
        CallRecorder r;
        QVERIFY(r.open(path, 8000, 0));
        const std::vector<int16_t> frame(160, 1000);
        int64_t most = 0;
        for (int i = 0; i < 250; ++i) { // 5 s of frames, all "due" at once
            QVERIFY(r.add(Direction::Received, frame, 8000, 20 + 20 * i));
            most = std::max(most, r.buffered());
        }
        QVERIFY2(most <= 8000 * CallRecorder::kMaxBufferedMs / 1000, qPrintable(QString::number(most)));
        QVERIFY(r.close(100));
        const auto pcm = WavReader::readAll(path);
        QVERIFY(pcm);
        QCOMPARE(int64_t(pcm->size()), 8000 * 5); // everything, in order, once
    }

    void unwritablePath() {
        CallRecorder r;
        QVERIFY(!r.open(m_dir.filePath("no-such-dir/x.wav"), 8000, 0));
        QVERIFY(!r.isOpen());
        QVERIFY(r.error());
        QVERIFY(!r.add(Direction::Sent, std::vector<int16_t>(160, 0), 8000, 20));
        QVERIFY(r.close(20)); // nothing to finish
    }
};

QTEST_GUILESS_MAIN(TestCallRecorder)
#include "tst_callrecorder.moc"

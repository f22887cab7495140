#include "media/CodecFactory.h"
#include "media/GoertzelDetector.h"
#include "media/OpusCodec.h"
#include "media/ToneGenerator.h"

#include <QTest>

#include <cmath>

using namespace parlo::media;

class TestCodecs : public QObject {
    Q_OBJECT

private slots:
    void properties_data();
    void properties();
    void toneSurvives_data();
    void toneSurvives();
    void opusStereo();
    void opusFecBeatsPlc();
    void concealmentFrameSize_data();
    void concealmentFrameSize();
    void factoryRejects();
    void fmtpValue();
};

void TestCodecs::properties_data() {
    QTest::addColumn<QByteArray>("name");
    QTest::addColumn<int>("sdpRate");
    QTest::addColumn<int>("sdpChannels");
    QTest::addColumn<QByteArray>("fmtp");
    QTest::addColumn<int>("pt");
    QTest::addColumn<int>("clockRate");
    QTest::addColumn<int>("rtpClockRate");
    QTest::addColumn<int>("channels");
    QTest::addColumn<int>("frameSamples");
    QTest::addColumn<int>("tsIncrement");
    QTest::newRow("PCMU") << QByteArray("PCMU") << 8000 << 1 << QByteArray() << 0 << 8000 << 8000 << 1 << 160
                          << 160;
    QTest::newRow("pcma lower") << QByteArray("pcma") << 8000 << 1 << QByteArray() << 8 << 8000 << 8000 << 1
                                << 160 << 160;
    QTest::newRow("G722") << QByteArray("G722") << 8000 << 1 << QByteArray() << 9 << 16000 << 8000 << 1 << 320
                          << 160;
    QTest::newRow("opus mono") << QByteArray("opus") << 48000 << 2 << QByteArray("useinbandfec=1") << 111
                               << 48000 << 48000 << 1 << 960 << 960;
    QTest::newRow("opus stereo pt 96")
        << QByteArray("OPUS") << 48000 << 2 << QByteArray("stereo=1; sprop-stereo=1") << 96 << 48000 << 48000
        << 2 << 960 << 960;
}

void TestCodecs::properties() {
    QFETCH(QByteArray, name);
    QFETCH(int, sdpRate);
    QFETCH(int, sdpChannels);
    QFETCH(QByteArray, fmtp);
    QFETCH(int, pt);
    auto codec = CodecFactory::create(name, sdpRate, sdpChannels, fmtp, pt == 96 ? 96 : -1);
    QVERIFY(codec);
    QCOMPARE(codec->name().toLower(), name.toLower());
    QTEST(codec->payloadType(), "pt");
    QTEST(codec->clockRate(), "clockRate");
    QTEST(codec->rtpClockRate(), "rtpClockRate");
    QTEST(codec->channels(), "channels");
    QTEST(codec->frameSamples(), "frameSamples");
    QTEST(codec->rtpTimestampIncrement(), "tsIncrement");
}

void TestCodecs::toneSurvives_data() {
    QTest::addColumn<QByteArray>("name");
    QTest::addColumn<int>("sdpRate");
    QTest::newRow("PCMU") << QByteArray("PCMU") << 8000;
    QTest::newRow("PCMA") << QByteArray("PCMA") << 8000;
    QTest::newRow("G722") << QByteArray("G722") << 8000;
    QTest::newRow("opus") << QByteArray("opus") << 48000;
}

void TestCodecs::toneSurvives() {
    QFETCH(QByteArray, name);
    QFETCH(int, sdpRate);
    auto codec = CodecFactory::create(name, sdpRate, name == "opus" ? 2 : 1);
    QVERIFY(codec);
    const int rate = codec->clockRate();
    ToneGenerator tone(rate, ToneGenerator::sine(1000, 8000));
    std::vector<int16_t> decoded;
    qsizetype payloadBytes = 0;
    for (int frame = 0; frame < 50; ++frame) { // 1 s in 20 ms frames
        const auto pcm = tone.generate(codec->frameSamples());
        const QByteArray payload = codec->encode(pcm);
        QVERIFY(!payload.isEmpty());
        payloadBytes += payload.size();
        const auto out = codec->decode(payload);
        QCOMPARE(out.size(), size_t(codec->frameSamples()));
        decoded.insert(decoded.end(), out.begin(), out.end());
    }
    // Skip the codec's start-up (filter delay, encoder warm-up).
    const std::span<const int16_t> steady(decoded.data() + rate / 10, decoded.size() - size_t(rate / 10));
    QCOMPARE(GoertzelDetector::dominant(steady, rate, {440, 1000, 2000}), 1000.0);
    const double snr = GoertzelDetector::snrDb(steady, rate, 1000, {440, 2000});
    QVERIFY2(snr > 20, qPrintable(QString::number(snr)));
    // Level preserved within 3 dB.
    const double amp = GoertzelDetector::amplitude(steady, 1000, rate);
    QVERIFY2(amp > 8000 / 1.42 && amp < 8000 * 1.42, qPrintable(QString::number(amp)));
    if (name == "PCMU" || name == "PCMA")
        QCOMPARE(payloadBytes, 50 * 160);
    if (name == "G722")
        QCOMPARE(payloadBytes, 50 * 160); // 64 kbit/s
}

void TestCodecs::opusStereo() {
    auto codec = CodecFactory::create("opus", 48000, 2, "stereo=1");
    QVERIFY(codec);
    QCOMPARE(codec->channels(), 2);
    // Left 1 kHz, right 440 Hz; they must stay on their sides.
    ToneGenerator left(48000, ToneGenerator::sine(1000, 8000));
    ToneGenerator right(48000, ToneGenerator::sine(440, 8000));
    std::vector<int16_t> l, r;
    for (int frame = 0; frame < 25; ++frame) {
        const auto a = left.generate(960), b = right.generate(960);
        std::vector<int16_t> interleaved(1920);
        for (int i = 0; i < 960; ++i) {
            interleaved[size_t(2 * i)] = a[size_t(i)];
            interleaved[size_t(2 * i + 1)] = b[size_t(i)];
        }
        const auto out = codec->decode(codec->encode(interleaved));
        QCOMPARE(out.size(), size_t(1920));
        if (frame < 5)
            continue;
        for (int i = 0; i < 960; ++i) {
            l.push_back(out[size_t(2 * i)]);
            r.push_back(out[size_t(2 * i + 1)]);
        }
    }
    QCOMPARE(GoertzelDetector::dominant(l, 48000, {440, 1000}), 1000.0);
    QCOMPARE(GoertzelDetector::dominant(r, 48000, {440, 1000}), 440.0);
}

static double errorEnergy(const std::vector<int16_t> &a, const std::vector<int16_t> &b) {
    double e = 0;
    for (size_t i = 0; i < qMin(a.size(), b.size()); ++i)
        e += (double(a[i]) - b[i]) * (double(a[i]) - b[i]);
    return e + 1e9 * double(qMax(a.size(), b.size()) - qMin(a.size(), b.size()));
}

void TestCodecs::opusFecBeatsPlc() {
    OpusCodec encoder;
    QVERIFY(encoder.supportsFec());
    // A voice-like signal that changes at the lost frame, so extrapolation (PLC) cannot guess it.
    constexpr int kFrames = 40, kLost = 25;
    QList<QByteArray> packets;
    ToneGenerator low(48000, ToneGenerator::Tone{{300, 600, 900}, 3000});
    ToneGenerator high(48000, ToneGenerator::Tone{{700, 1400}, 5000});
    for (int f = 0; f < kFrames; ++f)
        packets.append(encoder.encode(f < kLost ? low.generate(960) : high.generate(960)));

    OpusCodec reference, withFec, withPlc;
    std::vector<int16_t> refFrame, fecFrame, plcFrame;
    for (int f = 0; f < kFrames; ++f) {
        const auto ref = reference.decode(packets[f]);
        if (f == kLost) {
            refFrame = ref;
            fecFrame = withFec.decodeFec(packets[f + 1]);
            plcFrame = withPlc.conceal();
            continue;
        }
        withFec.decode(packets[f]);
        withPlc.decode(packets[f]);
    }
    QCOMPARE(fecFrame.size(), size_t(960));
    QCOMPARE(plcFrame.size(), size_t(960));
    const double fecError = errorEnergy(fecFrame, refFrame);
    const double plcError = errorEnergy(plcFrame, refFrame);
    qInfo("lost-frame error energy: FEC %.3g, PLC %.3g", fecError, plcError);
    QVERIFY2(fecError * 2 < plcError,
             qPrintable(QStringLiteral("fec %1 plc %2").arg(fecError).arg(plcError)));
}

void TestCodecs::concealmentFrameSize_data() {
    toneSurvives_data();
}

void TestCodecs::concealmentFrameSize() {
    QFETCH(QByteArray, name);
    QFETCH(int, sdpRate);
    auto codec = CodecFactory::create(name, sdpRate, 1);
    QVERIFY(codec);
    ToneGenerator tone(codec->clockRate(), ToneGenerator::sine(500, 6000));
    for (int i = 0; i < 5; ++i)
        codec->decode(codec->encode(tone.generate(codec->frameSamples())));
    const auto plc = codec->conceal();
    QCOMPARE(plc.size(), size_t(codec->frameSamples() * codec->channels()));
    // Concealment right after speech continues it rather than dropping to silence.
    QVERIFY(GoertzelDetector::rms(plc) > 100);
    QCOMPARE(codec->supportsFec(), name == "opus");
}

void TestCodecs::factoryRejects() {
    QVERIFY(!CodecFactory::create("PCMU", 16000, 1));
    QVERIFY(!CodecFactory::create("PCMU", 8000, 2));
    QVERIFY(!CodecFactory::create("opus", 8000, 1));
    QVERIFY(!CodecFactory::create("GSM", 8000, 1));
    QVERIFY(!CodecFactory::create("telephone-event", 8000, 1));
    QVERIFY(CodecFactory::create("G722", 16000, 1));
    QCOMPARE(CodecFactory::supportedNames().size(), 4);
}

void TestCodecs::fmtpValue() {
    const QByteArray fmtp = "minptime=10; useinbandfec=1;stereo=1 ;maxaveragebitrate=20000";
    QCOMPARE(CodecFactory::fmtpValue(fmtp, "stereo"), QByteArray("1"));
    QCOMPARE(CodecFactory::fmtpValue(fmtp, "USEINBANDFEC"), QByteArray("1"));
    QCOMPARE(CodecFactory::fmtpValue(fmtp, "maxaveragebitrate"), QByteArray("20000"));
    QCOMPARE(CodecFactory::fmtpValue(fmtp, "ptime"), QByteArray());
}

QTEST_APPLESS_MAIN(TestCodecs)
#include "tst_codecs.moc"

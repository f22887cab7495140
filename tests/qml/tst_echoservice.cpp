#include "EchoService.h"

#include "account/UserAgent.h"
#include "call/Call.h"
#include "call/CallManager.h"
#include "call/EngineCallMedia.h"
#include "media/GoertzelDetector.h"
#include "media/MediaEngine.h"
#include "media/ToneGenerator.h"
#include "media/WavReader.h"
#include "media/WavWriter.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace parlo;

// The test call's echo service over the real stack on loopback: a second user agent calls it,
// plays a 1 kHz tone into the call and records what comes back. The tone must come back, after
// the echo's delay; the service must stop by itself once the call is over.
class TestEchoService : public QObject {
    Q_OBJECT
    QTemporaryDir m_dir;

private Q_SLOTS:
    void initTestCase() {
        QVERIFY(m_dir.isValid());
        media::ToneGenerator gen(8000, media::ToneGenerator::sine(1000, 8000));
        media::WavWriter w;
        QVERIFY(w.open(m_dir.filePath("tone.wav"), {8000, 1}));
        QVERIFY(w.write(gen.generate(8000 * 4)));
        QVERIFY(w.close());
    }

    void echoesTheCallersAudio_data() {
        QTest::addColumn<int>("srtp"); // sdp::SrtpPolicy
        QTest::addColumn<bool>("secure");
        QTest::newRow("plain RTP") << int(sdp::SrtpPolicy::Off) << false;
        QTest::newRow("SRTP") << int(sdp::SrtpPolicy::Optional) << true;
    }
    void echoesTheCallersAudio() {
        QFETCH(int, srtp);
        QFETCH(bool, secure);
        EchoService echo;
        QSignalSpy running(&echo, &EchoService::runningChanged);
        const QString uri = echo.start();
        QVERIFY(uri.startsWith(QLatin1String("sip:echo@127.0.0.1:")));
        QVERIFY(echo.running());
        QCOMPARE(echo.uri(), uri);
        QCOMPARE(echo.start(), uri); // already running: the same service
        QCOMPARE(running.count(), 1);

        // The caller: its own user agent and media, playing the tone and recording what it hears.
        UserAgent ua;
        QVERIFY(ua.listen(QHostAddress::LocalHost, 0));
        media::MediaEngine engine;
        CallManager caller(&ua);
        sdp::MediaCapabilities caps = caller.capabilities();
        caps.srtp = sdp::SrtpPolicy(srtp);
        caller.setCapabilities(caps);
        const QString recording = m_dir.filePath(QStringLiteral("heard-%1.wav").arg(secure));
        CallMediaOptions options;
        options.playFile = m_dir.filePath("tone.wav");
        options.recordFile = recording;
        caller.setMediaFactory(makeCallMediaFactory(&engine, options));

        Call *call = caller.dial(*sip::SipUri::parse(uri.toUtf8()));
        QVERIFY(call);
        QTRY_COMPARE_WITH_TIMEOUT(call->state(), Call::State::Active, 5000);
        QCOMPARE(echo.callManager()->calls().size(), 1);
        // About two seconds of audio back from the echo.
        QTRY_VERIFY_WITH_TIMEOUT(call->stats().packetsReceived >= 100, 10000);
        QCOMPARE(call->stats().secure, secure);

        QSignalSpy ended(&caller, &CallManager::callEnded);
        call->hangup();
        QTRY_COMPARE_WITH_TIMEOUT(ended.count(), 1, 5000);

        // What we heard: silence while the echo waits, then our tone.
        media::WavFormat format;
        const auto heard = media::WavReader::readAll(recording, &format);
        QVERIFY(heard);
        const int rate = format.sampleRate;
        QVERIFY(int(heard->size()) >= rate * 3 / 2);
        const std::span<const int16_t> all(*heard);
        const auto early = all.subspan(0, size_t(rate / 4));
        QVERIFY2(media::GoertzelDetector::rms(early) < 300, "the echo came back without its delay");
        const auto late = all.subspan(size_t(rate), size_t(rate / 2));
        const double tone = media::GoertzelDetector::amplitude(late, 1000, rate);
        QVERIFY2(tone > 4000, qPrintable(QStringLiteral("1 kHz at %1").arg(tone)));
        QVERIFY(media::GoertzelDetector::snrDb(late, rate, 1000, {440, 1500, 2000}) > 20);

        // Idle after the call: the service closes its ports by itself.
        QTRY_VERIFY_WITH_TIMEOUT(!echo.running(), EchoService::kIdleStopMs + 3000);
        QVERIFY(echo.uri().isEmpty());
    }

    // stop() while a call is up ends it; the service can be started again afterwards.
    void stopEndsTheCall() {
        EchoService echo;
        const QString uri = echo.start();
        QVERIFY(!uri.isEmpty());
        UserAgent ua;
        QVERIFY(ua.listen(QHostAddress::LocalHost, 0));
        media::MediaEngine engine;
        CallManager caller(&ua);
        caller.setMediaFactory(makeCallMediaFactory(&engine, {}));
        Call *call = caller.dial(*sip::SipUri::parse(uri.toUtf8()));
        QVERIFY(call);
        QTRY_COMPARE_WITH_TIMEOUT(call->state(), Call::State::Active, 5000);
        QSignalSpy ended(&caller, &CallManager::callEnded);
        echo.stop();
        QVERIFY(!echo.running());
        QTRY_COMPARE_WITH_TIMEOUT(ended.count(), 1, 5000);
        QVERIFY(!echo.start().isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestEchoService)
#include "tst_echoservice.moc"

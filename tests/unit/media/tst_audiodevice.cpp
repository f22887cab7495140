// The sound-card path against a real PulseAudio server with a null sink and source, started by
// this test on a private socket: device discovery, playback that comes back through the sink's
// monitor, following the default device, a whole call whose audio goes out of one side's
// speaker and back in through its microphone, and moving a running call to other devices.
#include "call/EngineCallMedia.h"
#include "media/AudioDevice.h"
#include "media/GoertzelDetector.h"
#include "media/MediaEngine.h"
#include "media/SoundSystem.h"
#include "media/ToneGenerator.h"
#include "media/WavReader.h"
#include "media/WavWriter.h"

#include <QAudioDevice>
#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QMediaDevices>
#include <QProcess>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>
#include <QTimer>

#include <csignal>
#include <sys/types.h>

using namespace parlo;
using namespace parlo::media;

namespace {
// A private PulseAudio daemon: null sink + null source (the testbed's script), unix socket only.
class PulseServer {
public:
    bool start(QString *why) {
        const QString exe = QStandardPaths::findExecutable("pulseaudio");
        if (exe.isEmpty()) {
            *why = "pulseaudio is not installed (packaging/install-deps.sh --tests installs it)";
            return false;
        }
        if (!m_dir.isValid()) {
            *why = "no temporary directory";
            return false;
        }
        const QString run = m_dir.path();
        QDir().mkpath(run + "/pulse");
        QFile script(QStringLiteral(PARLO_TEST_DATA "/../../../shared/testbed/pulse/null.pa"));
        QByteArray text;
        if (script.open(QIODevice::ReadOnly)) {
            text = script.readAll();
        } else {
            // The same script, for a work tree without shared/ beside it.
            text = "load-module module-null-sink sink_name=nullsink "
                   "sink_properties=device.description=NullSink\n"
                   "load-module module-null-source source_name=nullsrc\n"
                   "load-module module-native-protocol-unix auth-anonymous=1 socket=@RUN@/pulse/native\n"
                   "set-default-sink nullsink\nset-default-source nullsrc\n";
        }
        text.replace("@RUN@", run.toUtf8());
        // Qt lists no monitor sources: a remapped source over the sink's monitor is a microphone
        // that hears exactly what we play.
        text += "load-module module-remap-source master=nullsink.monitor source_name=loopmic\n";
        QFile pa(run + "/null.pa");
        if (!pa.open(QIODevice::WriteOnly) || pa.write(text) != text.size()) {
            *why = "cannot write null.pa";
            return false;
        }
        pa.close();
        QProcess p;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert("HOME", run);
        env.insert("XDG_RUNTIME_DIR", run);
        env.insert("PULSE_RUNTIME_PATH", run + "/pulse");
        env.insert("PULSE_STATE_PATH", run + "/state");
        env.remove("PULSE_SERVER");
        p.setProcessEnvironment(env);
        // Exits by itself 10 s after its last client, should this test die before stop().
        p.start(exe, {"-n", "-F", run + "/null.pa", "--daemonize=yes", "--exit-idle-time=10",
                      "--use-pid-file=yes", "--log-target=stderr"});
        if (!p.waitForFinished(20000) || p.exitCode() != 0) {
            *why = "pulseaudio did not start: " + QString::fromUtf8(p.readAllStandardError());
            return false;
        }
        m_socket = run + "/pulse/native";
        for (int i = 0; i < 100 && !QFile::exists(m_socket); ++i)
            QThread::msleep(50); // before the event loop exists: the daemon creates its socket
        QFile pid(run + "/pulse/pid");
        if (pid.open(QIODevice::ReadOnly))
            m_pid = pid.readAll().trimmed().toLongLong();
        if (!QFile::exists(m_socket) || m_pid <= 0) {
            *why = "pulseaudio socket or pid file missing";
            return false;
        }
        return true;
    }
    void stop() {
        if (m_pid > 0 && ::kill(pid_t(m_pid), SIGTERM) == 0) { // the daemon we started, by its id
            // Wait for it to go before its directory is removed.
            for (int i = 0; i < 100 && ::kill(pid_t(m_pid), 0) == 0; ++i)
                QThread::msleep(50);
        }
        m_pid = 0;
    }
    ~PulseServer() { stop(); }
    QString serverString() const { return "unix:" + m_socket; }

private:
    QTemporaryDir m_dir{QDir::tempPath() + "/parlo-pulse-XXXXXX"};
    QString m_socket;
    qint64 m_pid = 0;
};

PulseServer *g_pulse = nullptr;
QString g_pulseError;

bool pactl(const QStringList &args) {
    QProcess p;
    p.start("pactl", args);
    return p.waitForFinished(10000) && p.exitStatus() == QProcess::NormalExit && p.exitCode() == 0;
}

bool writeTone(const QString &path, double hz, int rate, int seconds) {
    ToneGenerator gen(rate, ToneGenerator::sine(hz, 8000));
    WavWriter w;
    return w.open(path, WavFormat{rate, 1}) && w.write(gen.generate(rate * seconds)) && w.close();
}

// A second null sink with a microphone on its monitor, besides nullsink/loopmic: devices to move to.
bool ensureOtherDevices() {
    static bool loaded = false;
    if (!loaded)
        loaded =
            pactl({"load-module", "module-null-sink", "sink_name=othersink"}) &&
            pactl({"load-module", "module-remap-source", "master=othersink.monitor", "source_name=othermic"});
    if (!loaded)
        return false;
    QDeadlineTimer deadline(10000);
    while (!deadline.hasExpired()) {
        bool sink = false, mic = false;
        for (const QAudioDevice &d : QMediaDevices::audioOutputs())
            sink = sink || d.id() == "othersink";
        for (const QAudioDevice &d : QMediaDevices::audioInputs())
            mic = mic || d.id() == "othermic";
        if (sink && mic)
            return true;
        QCoreApplication::processEvents(QEventLoop::AllEvents, 50);
        QThread::msleep(50);
    }
    return false;
}

// The loudest 1 kHz in any 100 ms of [fromMs, toMs) of a recording: on a loaded machine the null
// sink underruns now and then, which thins a tone over a long stretch but not in every window.
double best1k(const std::vector<int16_t> &pcm, int rate, qint64 fromMs, qint64 toMs) {
    double best = 0;
    const size_t step = size_t(rate) / 10;
    for (size_t at = size_t(fromMs * rate / 1000);
         at + step <= std::min(pcm.size(), size_t(toMs * rate / 1000)); at += step / 2)
        best = std::max(
            best, GoertzelDetector::amplitude(std::span<const int16_t>(pcm.data() + at, step), 1000, rate));
    return best;
}

// Plays a 1 kHz tone through dev for ms milliseconds in 20 ms steps and returns what it captured.
std::vector<int16_t> loop(AudioDevice &dev, int ms, int rate = 16000) {
    ToneGenerator tone(rate, ToneGenerator::sine(1000, 8000));
    auto gen = [&](int n) { return tone.generate(n); };
    std::vector<int16_t> captured;
    QTimer timer;
    timer.setTimerType(Qt::PreciseTimer);
    int steps = 0;
    QObject::connect(&timer, &QTimer::timeout, [&]() {
        dev.play(gen(rate / 50), rate);
        const auto c = dev.capture(rate / 50, rate);
        captured.insert(captured.end(), c.begin(), c.end());
        ++steps;
    });
    timer.start(20);
    QDeadlineTimer deadline(ms * 3);
    while (steps < ms / 20 && !deadline.hasExpired())
        QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents, 50);
    return captured;
}
} // namespace

// The call audio from the sound module (Qt Multimedia), as MediaSession gets it.
std::unique_ptr<AudioDevice> openAudio(const QByteArray &input, const QByteArray &output, bool aec = true) {
    QString why;
    SoundSystem *sound = SoundSystem::instance(&why);
    if (!sound)
        qWarning() << "no sound module:" << why;
    return sound ? sound->openCallAudio(input, output, aec) : nullptr;
}

// What a device reported through its callbacks.
struct Reports {
    int inputs = 0, outputs = 0, errors = 0;
    explicit Reports(AudioDevice &dev) {
        dev.onInputChanged = [this]() { ++inputs; };
        dev.onOutputChanged = [this]() { ++outputs; };
        dev.onError = [this](AudioDevice::Error, const QString &) { ++errors; };
    }
};

// G.722 towards peer's RTP/RTCP ports: what an offer/answer between the two would settle on.
static sdp::NegotiatedMedia negotiated(const CallMedia &peer) {
    sdp::NegotiatedMedia m;
    m.remoteAddress = peer.localAddress();
    m.remotePort = peer.localPort();
    m.remoteRtcpPort = quint16(peer.localPort() + 1);
    m.sendCodec = sdp::Codec{9, "G722", 8000, 1, {}};
    m.receiveCodecs = {m.sendCodec};
    return m;
}

class TestAudioDevice : public QObject {
    Q_OBJECT
    QTemporaryDir m_dir;

private Q_SLOTS:
    void initTestCase() {
        QVERIFY2(g_pulse, qPrintable(g_pulseError));
        QVERIFY(m_dir.isValid());
    }

    void listsNullDevices() {
        QTRY_VERIFY_WITH_TIMEOUT(!QMediaDevices::defaultAudioOutput().isNull(), 5000);
        QCOMPARE(QMediaDevices::defaultAudioOutput().id(), QByteArray("nullsink"));
        QCOMPARE(QMediaDevices::defaultAudioInput().id(), QByteArray("nullsrc"));
        bool monitor = false;
        for (const QAudioDevice &d : QMediaDevices::audioInputs())
            monitor = monitor || d.id() == "loopmic";
        QVERIFY(monitor);
    }

    void opensDefaults() {
        auto dev = openAudio({}, {});
        QVERIFY(dev);
        Reports reports(*dev);
        dev->start();
        QVERIFY(dev->hasInput());
        QVERIFY(dev->hasOutput());
        QCOMPARE(dev->currentInput().id, QByteArray("nullsrc"));
        QCOMPARE(dev->currentOutput().id, QByteArray("nullsink"));
        QVERIFY(dev->echoCancelling());
        // The null source gives silence, in the size asked for.
        const auto captured = loop(*dev, 400);
        QVERIFY(captured.size() >= 16000 / 50 * 19);
        QVERIFY(GoertzelDetector::rms(captured) < 10);
        QCOMPARE(reports.errors, 0);
        dev->stop();
        QVERIFY(!dev->hasInput());
    }

    void unknownDeviceFallsBackToDefault() {
        auto dev = openAudio("no-such-source", "no-such-sink");
        QVERIFY(dev);
        dev->start();
        QCOMPARE(dev->currentInput().id, QByteArray("nullsrc"));
        QCOMPARE(dev->currentOutput().id, QByteArray("nullsink"));
    }

    void playbackComesBackThroughMonitor() {
        // Capture from the null sink's monitor: we hear exactly what we play.
        auto dev = openAudio("loopmic", {}, false);
        QVERIFY(dev);
        dev->start();
        QVERIFY(dev->hasInput() && dev->hasOutput());
        QVERIFY(!dev->echoCancelling());
        const auto captured = loop(*dev, 2000);
        // The best 100 ms of the second second: on a loaded machine PulseAudio's null sink may
        // underrun now and then, which thins the tone over a whole second but not in every window.
        double amp = 0;
        for (size_t at = captured.size() / 2; at + 1600 <= captured.size(); at += 1600)
            amp = std::max(amp, GoertzelDetector::amplitude(
                                    std::span<const int16_t>(captured.data() + at, 1600), 1000, 16000));
        QVERIFY2(amp > 2000, qPrintable(QString::number(amp)));
    }

    void callThroughDevices() {
        // B plays 1 kHz; A has devices with its microphone on its own speaker's monitor and no echo
        // cancellation, so B's tone comes back to B: the whole device path both ways, in a call.
        const QString tone = m_dir.filePath("1k.wav");
        const QString recB = m_dir.filePath("b.wav");
        QVERIFY(writeTone(tone, 1000, 8000, 5));
        MediaEngine engine;
        CallMediaOptions oa;
        oa.useAudioDevices = true;
        oa.inputDeviceId = "loopmic";
        oa.echoCancellation = false;
        CallMediaOptions ob;
        ob.playFile = tone;
        ob.recordFile = recB;
        auto a = createCallMedia(&engine, oa, QHostAddress::LocalHost);
        auto b = createCallMedia(&engine, ob, QHostAddress::LocalHost);
        QVERIFY(a && b);
        QSignalSpy errors(a.get(), &CallMedia::mediaError);
        a->start(negotiated(*b));
        b->start(negotiated(*a));
        QTRY_VERIFY_WITH_TIMEOUT(b->stats().packetsReceived > 100, 10000);
        QTest::qWait(1000);
        a->stop();
        b->stop();
        QCOMPARE(errors.count(), 0);
        WavFormat fmt;
        const auto pcm = WavReader::readAll(recB, &fmt);
        QVERIFY(pcm && pcm->size() > size_t(fmt.sampleRate));
        const std::span<const int16_t> tail(pcm->data() + pcm->size() / 2, pcm->size() / 2);
        const double amp = GoertzelDetector::amplitude(tail, 1000, fmt.sampleRate);
        QVERIFY2(amp > 1000, qPrintable(QString::number(amp)));
    }

    void setDevicesMovesAtOnce() {
        QVERIFY(ensureOtherDevices());
        auto dev = openAudio({}, {});
        QVERIFY(dev);
        Reports reports(*dev);
        dev->setDevices("othermic", {}); // before start: only remembered
        QCOMPARE(reports.inputs, 0);
        dev->start();
        QCOMPARE(dev->currentInput().id, QByteArray("othermic"));
        QCOMPARE(dev->currentOutput().id, QByteArray("nullsink"));
        QVERIFY(dev->echoCancelling());
        dev->setDevices("othermic", "othersink");
        QCOMPARE(reports.inputs, 1); // the microphone stays
        QCOMPARE(reports.outputs, 2);
        QCOMPARE(dev->currentOutput().id, QByteArray("othersink"));
        QVERIFY(dev->hasInput() && dev->hasOutput());
        QVERIFY(dev->echoCancelling()); // started over for the new pair
        dev->setDevices("othermic", "othersink");
        QCOMPARE(reports.inputs + reports.outputs, 3); // nothing moved
        dev->setDevices({}, {});                       // back to the defaults
        QCOMPARE(dev->currentInput().id, QByteArray("nullsrc"));
        QCOMPARE(dev->currentOutput().id, QByteArray("nullsink"));
        dev->setDevices("no-such-source", {}); // gone: the default, as at start
        QCOMPARE(dev->currentInput().id, QByteArray("nullsrc"));
        QVERIFY(dev->hasInput());
        QCOMPARE(reports.errors, 0);

        // The moved pair carries audio: played on othersink, heard on its monitor.
        auto loopDev = openAudio("loopmic", {}, false);
        QVERIFY(loopDev);
        loopDev->start();
        loopDev->setDevices("othermic", "othersink");
        const auto captured = loop(*loopDev, 2000);
        double amp = 0;
        QString seen;
        for (size_t at = 0; at + 1600 <= captured.size(); at += 1600) {
            const double a = GoertzelDetector::amplitude(std::span<const int16_t>(captured.data() + at, 1600),
                                                         1000, 16000);
            seen += QString::number(int(a)) + " ";
            if (at >= captured.size() / 2)
                amp = std::max(amp, a);
        }
        QVERIFY2(amp > 2000, qPrintable(seen));
    }

    void callMovesToOtherDevices() {
        // B plays 1 kHz and records what it receives. A has devices and no echo canceller; its
        // microphone hears either of the two sinks' monitors. Four phases: A's speaker and
        // microphone on different sinks (B hears silence), then on the same one (B hears its
        // tone), moving the speaker and then the microphone, all in one running call.
        QVERIFY(ensureOtherDevices());
        const QString tone = m_dir.filePath("1k-long.wav");
        const QString recB = m_dir.filePath("b-moves.wav");
        QVERIFY(writeTone(tone, 1000, 8000, 10));
        MediaEngine engine;
        CallMediaOptions oa;
        oa.useAudioDevices = true;
        oa.inputDeviceId = "othermic";
        oa.outputDeviceId = "nullsink";
        oa.echoCancellation = false;
        CallMediaOptions ob;
        ob.playFile = tone;
        ob.recordFile = recB;
        auto a = createCallMedia(&engine, oa, QHostAddress::LocalHost);
        auto b = createCallMedia(&engine, ob, QHostAddress::LocalHost);
        QVERIFY(a && b);
        QSignalSpy errors(a.get(), &CallMedia::mediaError);
        QSignalSpy timeouts(b.get(), &CallMedia::rtpTimeoutChanged);
        QElapsedTimer clock;
        clock.start();
        b->start(negotiated(*a));
        a->start(negotiated(*b));
        // Phases count from when the call flows (opening A's devices at the start takes a while).
        QTRY_VERIFY_WITH_TIMEOUT(b->stats().packetsReceived > 10, 5000);
        constexpr int kPhaseMs = 1500;
        QList<qint64> phaseStart{clock.elapsed()};
        QList<quint64> perSecond;
        connect(b.get(), &CallMedia::statsChanged, this,
                [&]() { perSecond.append(b->stats().packetsReceived); });
        const QList<std::pair<QByteArray, QByteArray>> moves{
            {"othermic", "othersink"}, // speaker moves to where the microphone listens: tone
            {"loopmic", "othersink"},  // microphone moves away: silence
            {"loopmic", "nullsink"},   // speaker follows: tone
        };
        for (const auto &[input, output] : moves) {
            QTest::qWait(kPhaseMs);
            phaseStart.append(clock.elapsed());
            QVERIFY(a->setAudioDevices(input, output));
        }
        QTest::qWait(kPhaseMs);
        phaseStart.append(clock.elapsed());
        disconnect(b.get(), &CallMedia::statsChanged, this, nullptr);
        a->stop();
        b->stop();
        QCOMPARE(errors.count(), 0);
        QCOMPARE(timeouts.count(), 0);
        // RTP kept flowing through every move: B's once-a-second counts each grew by about 50
        // (a pause of a quarter second would show). The 6 s give 5 or 6 reports, fewer when the
        // machine is busy; 4 still span three moves.
        QString counts;
        for (int i = 1; i < perSecond.size(); ++i)
            counts += QString::number(perSecond[i] - perSecond[i - 1]) + " ";
        QVERIFY2(perSecond.size() >= 4, qPrintable(counts));
        for (int i = 1; i < perSecond.size(); ++i)
            QVERIFY2(perSecond[i] - perSecond[i - 1] >= 38, qPrintable(counts));
        qInfo() << "packets received per second:" << counts;
        WavFormat fmt;
        const auto pcm = WavReader::readAll(recB, &fmt);
        QVERIFY(pcm);
        // Each phase after its first 400 ms (device start, buffers, jitter buffer).
        QList<double> levels;
        for (int i = 0; i + 1 < phaseStart.size(); ++i)
            levels.append(best1k(*pcm, fmt.sampleRate, phaseStart[i] + 400, phaseStart[i + 1]));
        const QString seen =
            QString("%1 / %2 / %3 / %4").arg(levels[0]).arg(levels[1]).arg(levels[2]).arg(levels[3]);
        qInfo() << "1 kHz per phase:" << seen;
        QVERIFY2(levels[0] < 300, qPrintable(seen));
        QVERIFY2(levels[1] > 1000, qPrintable(seen));
        QVERIFY2(levels[2] < 300, qPrintable(seen));
        QVERIFY2(levels[3] > 1000, qPrintable(seen));
    }

    void followsDefaultOutput() {
        // Runs last: it changes the server's default sink.
        auto dev = openAudio({}, {});
        QVERIFY(dev);
        dev->start();
        QCOMPARE(dev->currentOutput().id, QByteArray("nullsink"));
        QVERIFY(pactl({"load-module", "module-null-sink", "sink_name=second"}));
        QVERIFY(pactl({"set-default-sink", "second"}));
        QTRY_COMPARE_WITH_TIMEOUT(dev->currentOutput().id, QByteArray("second"), 10000);
        QVERIFY(dev->hasOutput());
        QVERIFY(pactl({"set-default-sink", "nullsink"}));
        QTRY_COMPARE_WITH_TIMEOUT(dev->currentOutput().id, QByteArray("nullsink"), 10000);
    }
};

int main(int argc, char **argv) {
    // The server must exist before Qt Multimedia first looks for devices.
    PulseServer pulse;
    if (pulse.start(&g_pulseError)) {
        g_pulse = &pulse;
        qputenv("PULSE_SERVER", pulse.serverString().toUtf8());
    } else {
        qputenv("PULSE_SERVER", "unix:/nonexistent/parlo-test-no-audio");
    }
    int rc = 0;
    {
        QCoreApplication app(argc, argv);
        TestAudioDevice test;
        QTEST_SET_MAIN_SOURCE_PATH
        rc = QTest::qExec(&test, argc, argv);
    }
    pulse.stop();
    return rc;
}

#include "tst_audiodevice.moc"

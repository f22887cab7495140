// The audio settings against a real PulseAudio server with a null sink and a microphone that
// hears the sink (started by this test on a private socket): devices are listed, the choice is
// kept, and the test tone played on the speaker moves the level meter of that microphone.
#include "AudioSettings.h"

#include <QDir>
#include <QFile>
#include <QMediaDevices>
#include <QProcess>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

#include <signal.h>

namespace {
// A private PulseAudio daemon: the testbed's null sink and source, plus a source over the sink's
// monitor ("loopmic"), unix socket only. Must start before Qt Multimedia connects.
class PulseServer {
public:
    bool start(QString *why) {
        const QString exe = QStandardPaths::findExecutable(QStringLiteral("pulseaudio"));
        if (exe.isEmpty()) {
            *why =
                QStringLiteral("pulseaudio is not installed (packaging/install-deps.sh --tests installs it)");
            return false;
        }
        const QString run = m_dir.path();
        QDir().mkpath(run + QStringLiteral("/pulse"));
        QByteArray text =
            "load-module module-null-sink sink_name=nullsink "
            "sink_properties=device.description=NullSink\n"
            "load-module module-null-source source_name=nullsrc\n"
            "load-module module-native-protocol-unix auth-anonymous=1 socket=@RUN@/pulse/native\n"
            "load-module module-remap-source master=nullsink.monitor source_name=loopmic "
            "source_properties=device.description=LoopMic\n"
            "set-default-sink nullsink\nset-default-source nullsrc\n";
        text.replace("@RUN@", run.toUtf8());
        QFile pa(run + QStringLiteral("/null.pa"));
        if (!pa.open(QIODevice::WriteOnly) || pa.write(text) != text.size()) {
            *why = QStringLiteral("cannot write null.pa");
            return false;
        }
        pa.close();
        QProcess p;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("HOME"), run);
        env.insert(QStringLiteral("XDG_RUNTIME_DIR"), run);
        env.insert(QStringLiteral("PULSE_RUNTIME_PATH"), run + QStringLiteral("/pulse"));
        env.insert(QStringLiteral("PULSE_STATE_PATH"), run + QStringLiteral("/state"));
        env.remove(QStringLiteral("PULSE_SERVER"));
        p.setProcessEnvironment(env);
        // Exits by itself 10 s after its last client, should this test die before stop().
        p.start(exe, {QStringLiteral("-n"), QStringLiteral("-F"), run + QStringLiteral("/null.pa"),
                      QStringLiteral("--daemonize=yes"), QStringLiteral("--exit-idle-time=10"),
                      QStringLiteral("--use-pid-file=yes"), QStringLiteral("--log-target=stderr")});
        if (!p.waitForFinished(20000) || p.exitCode() != 0) {
            *why = QStringLiteral("pulseaudio did not start: ") + QString::fromUtf8(p.readAllStandardError());
            return false;
        }
        m_socket = run + QStringLiteral("/pulse/native");
        for (int i = 0; i < 100 && !QFile::exists(m_socket); ++i)
            QThread::msleep(50); // before the event loop exists: the daemon creates its socket
        QFile pid(run + QStringLiteral("/pulse/pid"));
        if (pid.open(QIODevice::ReadOnly))
            m_pid = pid.readAll().trimmed().toLongLong();
        if (!QFile::exists(m_socket) || m_pid <= 0) {
            *why = QStringLiteral("pulseaudio socket or pid file missing");
            return false;
        }
        return true;
    }
    void stop() {
        if (m_pid > 0 && ::kill(pid_t(m_pid), SIGTERM) == 0) // the daemon we started, by its id
            for (int i = 0; i < 100 && ::kill(pid_t(m_pid), 0) == 0; ++i)
                QThread::msleep(50);
        m_pid = 0;
    }
    ~PulseServer() { stop(); }
    QString serverString() const { return QStringLiteral("unix:") + m_socket; }

private:
    QTemporaryDir m_dir{QDir::tempPath() + QStringLiteral("/parlo-pulse-XXXXXX")};
    QString m_socket;
    qint64 m_pid = 0;
};

PulseServer *g_pulse = nullptr;
QString g_pulseError;

int rowNamed(const QVariantList &devices, const QString &name) {
    for (int i = 0; i < devices.size(); ++i)
        if (devices[i].toMap().value(QStringLiteral("name")).toString() == name)
            return i;
    return -1;
}
} // namespace

class TestAudioSettings : public QObject {
    Q_OBJECT
    QTemporaryDir dir;

private Q_SLOTS:
    void initTestCase() {
        QVERIFY2(g_pulse, qPrintable(g_pulseError));
        QVERIFY(dir.isValid());
    }

    // Start-up does not wait for the sound system: it is asked only when the devices are needed.
    void connectsToTheSoundSystemOnFirstUse() {
        AudioSettings audio(dir.filePath(QStringLiteral("lazy.ini")));
        QCOMPARE(audio.findChild<QMediaDevices *>(), nullptr);
        audio.setRinging(false);
        QCOMPARE(audio.inputDeviceId(), QByteArray());
        QCOMPARE(audio.findChild<QMediaDevices *>(), nullptr);
        QVERIFY(audio.hasOutput());
        QVERIFY(audio.findChild<QMediaDevices *>() != nullptr);
        QVERIFY(rowNamed(audio.outputs(), QStringLiteral("NullSink")) > 0);
    }

    void listsDevicesAndKeepsTheChoice() {
        const QString file = dir.filePath(QStringLiteral("audio.ini"));
        {
            AudioSettings audio(file);
            QTRY_VERIFY(audio.hasInput() && audio.hasOutput());
            QCOMPARE(audio.inputs().first().toMap().value(QStringLiteral("id")).toString(), QString());
            const int sink = rowNamed(audio.outputs(), QStringLiteral("NullSink"));
            const int mic = rowNamed(audio.inputs(), QStringLiteral("LoopMic"));
            QVERIFY(sink > 0);
            QVERIFY(mic > 0);
            audio.setOutputId(audio.outputs()[sink].toMap().value(QStringLiteral("id")).toString());
            audio.setRingerId(audio.outputs()[sink].toMap().value(QStringLiteral("id")).toString());
            audio.setInputId(audio.inputs()[mic].toMap().value(QStringLiteral("id")).toString());
            QCOMPARE(audio.outputIndex(), sink);
            QCOMPARE(audio.inputIndex(), mic);
        }
        AudioSettings again(file);
        QTRY_VERIFY(again.hasInput());
        QCOMPARE(again.inputDeviceId(), QByteArray("loopmic"));
        QCOMPARE(again.outputDeviceId(), QByteArray("nullsink"));
        QCOMPARE(again.ringerId(), QStringLiteral("nullsink"));
    }

    void testToneMovesTheMeter() {
        AudioSettings audio(dir.filePath(QStringLiteral("tone.ini")));
        QTRY_VERIFY(audio.hasInput() && audio.hasOutput());
        audio.setInputId(QStringLiteral("loopmic"));
        audio.setOutputId(QStringLiteral("nullsink"));
        audio.setMonitoring(true);
        QVERIFY(audio.errorText().isEmpty());

        QSignalSpy playing(&audio, &AudioSettings::testTonePlayingChanged);
        audio.playTestTone();
        QVERIFY(audio.testTonePlaying());
        // 440 Hz at 8000/32768 peak is about -15 dBFS RMS: 0.75 on the meter.
        QTRY_VERIFY_WITH_TIMEOUT(audio.level() > 0.6, 3000);
        // A second long, then it stops by itself.
        QTRY_VERIFY_WITH_TIMEOUT(!audio.testTonePlaying(), 5000);
        QCOMPARE(playing.size(), 2);

        audio.setMonitoring(false);
        QCOMPARE(audio.level(), 0.0);
    }

    void ringtoneRingsUntilStopped() {
        AudioSettings audio(dir.filePath(QStringLiteral("ring.ini")));
        QTRY_VERIFY(audio.hasInput() && audio.hasOutput());
        audio.setInputId(QStringLiteral("loopmic"));
        audio.setRingerId(QStringLiteral("nullsink"));
        audio.setMonitoring(true);
        audio.setRinging(true);
        QTRY_VERIFY_WITH_TIMEOUT(audio.level() > 0.5, 3000);
        audio.setRinging(false);
        QTRY_VERIFY_WITH_TIMEOUT(audio.level() < 0.2, 3000);
    }
};

int main(int argc, char **argv) {
    // The daemon first: Qt Multimedia connects once, when it is first used.
    PulseServer pulse;
    if (pulse.start(&g_pulseError)) {
        g_pulse = &pulse;
        qputenv("PULSE_SERVER", pulse.serverString().toUtf8());
    }
    QCoreApplication app(argc, argv);
    TestAudioSettings test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_audiosettings.moc"

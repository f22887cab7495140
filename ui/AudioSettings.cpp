#include "AudioSettings.h"

#include "AppSettings.h"
#include "media/ToneGenerator.h"

#include <QAudioSink>
#include <QAudioSource>
#include <QCoreApplication>
#include <QLoggingCategory>
#include <QMediaDevices>
#include <QSettings>
#include <cmath>

Q_LOGGING_CATEGORY(lcAudioSettings, "parlo.ui.audio")

namespace {
const QString kInput = QStringLiteral("audio/input");
const QString kOutput = QStringLiteral("audio/output");
const QString kRinger = QStringLiteral("audio/ringer");

// Endless (or limited) generated tone in the sink's format, pulled by QAudioSink.
class ToneStream : public QIODevice {
public:
    ToneStream(const QAudioFormat &format, const parlo::media::ToneGenerator::Tone &tone, qint64 frames,
               QObject *parent)
        : QIODevice(parent)
        , m_format(format)
        , m_tone(format.sampleRate(), tone)
        , m_framesLeft(frames) {
        open(QIODevice::ReadOnly);
    }
    bool isSequential() const override { return true; }
    qint64 bytesAvailable() const override {
        return (m_framesLeft < 0 ? 1 << 20 : m_framesLeft * m_format.bytesPerFrame()) +
               QIODevice::bytesAvailable();
    }

protected:
    qint64 readData(char *data, qint64 maxSize) override {
        const int bpf = m_format.bytesPerFrame();
        qint64 frames = maxSize / bpf;
        if (m_framesLeft >= 0)
            frames = std::min(frames, m_framesLeft);
        if (frames <= 0)
            return 0;
        const std::vector<int16_t> mono = m_tone.generate(int(frames));
        const int channels = m_format.channelCount();
        for (qint64 i = 0; i < frames; ++i) {
            for (int c = 0; c < channels; ++c) {
                char *at = data + i * bpf + c * m_format.bytesPerSample();
                if (m_format.sampleFormat() == QAudioFormat::Float) {
                    const float v = float(mono[size_t(i)]) / 32768.0f;
                    memcpy(at, &v, sizeof v);
                } else {
                    const qint16 v = mono[size_t(i)];
                    memcpy(at, &v, sizeof v);
                }
            }
        }
        if (m_framesLeft >= 0)
            m_framesLeft -= frames;
        return frames * bpf;
    }
    qint64 writeData(const char *, qint64) override { return -1; }

private:
    QAudioFormat m_format;
    parlo::media::ToneGenerator m_tone;
    qint64 m_framesLeft; // -1: endless
};

// 16-bit mono if the device takes it (every PulseAudio device does), else its own format with
// 16-bit or float samples.
QAudioFormat formatFor(const QAudioDevice &device) {
    QAudioFormat f = device.preferredFormat();
    QAudioFormat mono = f;
    mono.setChannelCount(1);
    mono.setSampleFormat(QAudioFormat::Int16);
    if (device.isFormatSupported(mono))
        return mono;
    if (f.sampleFormat() != QAudioFormat::Float)
        f.setSampleFormat(QAudioFormat::Int16);
    return f;
}

QVariantList describe(const QList<QAudioDevice> &devices) {
    QVariantList out;
    out << QVariantMap{
        {QStringLiteral("id"), QString()},
        {QStringLiteral("name"), QCoreApplication::translate("AudioSettings", "System default")}};
    for (const QAudioDevice &d : devices)
        out << QVariantMap{{QStringLiteral("id"), QString::fromUtf8(d.id())},
                           {QStringLiteral("name"), d.description()}};
    return out;
}

int rowOf(const QList<QAudioDevice> &devices, const QString &id) {
    if (id.isEmpty())
        return 0;
    for (qsizetype i = 0; i < devices.size(); ++i)
        if (QString::fromUtf8(devices[i].id()) == id)
            return int(i) + 1;
    return 0;
}
} // namespace

AudioSettings::AudioSettings(const QString &settingsFile, QObject *parent)
    : QObject(parent)
    , m_file(settingsFile) {
    const auto s = AppSettings::openSettings(m_file);
    m_inputId = s->value(kInput).toString();
    m_outputId = s->value(kOutput).toString();
    m_ringerId = s->value(kRinger).toString();
    // "System default" in the lists follows a language switch.
    if (QCoreApplication *app = QCoreApplication::instance())
        app->installEventFilter(this);
}

void AudioSettings::ensureDevices() const {
    if (m_devices)
        return;
    // Connecting to PulseAudio costs start-up time and memory (its client library, a thread):
    // only done once the devices matter. Lists follow hot-plugging from then on.
    auto *self = const_cast<AudioSettings *>(this);
    m_devices = new QMediaDevices(self);
    connect(m_devices, &QMediaDevices::audioInputsChanged, self, &AudioSettings::refresh);
    connect(m_devices, &QMediaDevices::audioOutputsChanged, self, &AudioSettings::refresh);
    m_inputs = QMediaDevices::audioInputs();
    m_outputs = QMediaDevices::audioOutputs();
    qCDebug(lcAudioSettings) << m_inputs.size() << "inputs," << m_outputs.size() << "outputs";
}

bool AudioSettings::eventFilter(QObject *watched, QEvent *event) {
    if (watched == QCoreApplication::instance() && event->type() == QEvent::LanguageChange) {
        Q_EMIT devicesChanged();
        // The combo boxes have a new model: tell them their row again.
        Q_EMIT inputIdChanged();
        Q_EMIT outputIdChanged();
        Q_EMIT ringerIdChanged();
    }
    return QObject::eventFilter(watched, event);
}

AudioSettings::~AudioSettings() {
    stopMonitor();
    stopTestTone();
    stopRinger();
}

AudioSettings *AudioSettings::instance() {
    static AudioSettings *settings = [] {
        auto *s = new AudioSettings(AppSettings::instance()->fileName());
        if (QCoreApplication *app = QCoreApplication::instance())
            s->setParent(app);
        return s;
    }();
    return settings;
}

AudioSettings *AudioSettings::create(QQmlEngine *, QJSEngine *) {
    AudioSettings *s = instance();
    QJSEngine::setObjectOwnership(s, QJSEngine::CppOwnership);
    return s;
}

void AudioSettings::refresh() {
    ensureDevices();
    m_inputs = QMediaDevices::audioInputs();
    m_outputs = QMediaDevices::audioOutputs();
    qCDebug(lcAudioSettings) << m_inputs.size() << "inputs," << m_outputs.size() << "outputs";
    Q_EMIT devicesChanged();
    // The rows may have moved, and an unplugged choice now shows as the default.
    Q_EMIT inputIdChanged();
    Q_EMIT outputIdChanged();
    Q_EMIT ringerIdChanged();
    if (m_monitoring)
        startMonitor();
}

QVariantList AudioSettings::inputs() const {
    ensureDevices();
    return describe(m_inputs);
}

QVariantList AudioSettings::outputs() const {
    ensureDevices();
    return describe(m_outputs);
}

bool AudioSettings::hasInput() const {
    ensureDevices();
    return !m_inputs.isEmpty();
}

bool AudioSettings::hasOutput() const {
    ensureDevices();
    return !m_outputs.isEmpty();
}

int AudioSettings::inputIndex() const {
    ensureDevices();
    return rowOf(m_inputs, m_inputId);
}

int AudioSettings::outputIndex() const {
    ensureDevices();
    return rowOf(m_outputs, m_outputId);
}

int AudioSettings::ringerIndex() const {
    ensureDevices();
    return rowOf(m_outputs, m_ringerId);
}

void AudioSettings::setId(QString *member, const QString &key, const QString &id) {
    *member = id;
    const auto s = AppSettings::openSettings(m_file);
    s->setValue(key, id);
}

void AudioSettings::setInputId(const QString &id) {
    if (id == m_inputId)
        return;
    setId(&m_inputId, kInput, id);
    Q_EMIT inputIdChanged();
    if (m_monitoring)
        startMonitor();
}

void AudioSettings::setOutputId(const QString &id) {
    if (id == m_outputId)
        return;
    setId(&m_outputId, kOutput, id);
    Q_EMIT outputIdChanged();
}

void AudioSettings::setRingerId(const QString &id) {
    if (id == m_ringerId)
        return;
    setId(&m_ringerId, kRinger, id);
    Q_EMIT ringerIdChanged();
    if (m_ringing)
        startRinger();
}

QAudioDevice AudioSettings::findInput() const {
    ensureDevices();
    for (const QAudioDevice &d : m_inputs)
        if (!m_inputId.isEmpty() && QString::fromUtf8(d.id()) == m_inputId)
            return d;
    return QMediaDevices::defaultAudioInput();
}

QAudioDevice AudioSettings::findOutput(const QString &id) const {
    ensureDevices();
    for (const QAudioDevice &d : m_outputs)
        if (!id.isEmpty() && QString::fromUtf8(d.id()) == id)
            return d;
    return QMediaDevices::defaultAudioOutput();
}

void AudioSettings::setErrorText(const QString &text) {
    if (text == m_errorText)
        return;
    m_errorText = text;
    Q_EMIT errorTextChanged();
}

void AudioSettings::setMonitoring(bool on) {
    if (on == m_monitoring)
        return;
    m_monitoring = on;
    if (on)
        startMonitor();
    else
        stopMonitor();
    Q_EMIT monitoringChanged();
}

void AudioSettings::startMonitor() {
    stopMonitor();
    const QAudioDevice device = findInput();
    if (device.isNull())
        return; // the page says there is no microphone
    const QAudioFormat format = formatFor(device);
    m_source = new QAudioSource(device, format, this);
    m_sourceIo = m_source->start();
    if (!m_sourceIo || m_source->error() != QAudio::NoError) {
        qCWarning(lcAudioSettings) << "cannot open" << device.description() << m_source->error();
        setErrorText(tr("The microphone “%1” cannot be opened.").arg(device.description()));
        stopMonitor();
        return;
    }
    setErrorText({});
    connect(m_sourceIo, &QIODevice::readyRead, this, &AudioSettings::readLevel);
}

void AudioSettings::stopMonitor() {
    if (m_source) {
        m_source->stop();
        m_source->deleteLater();
    }
    m_source = nullptr;
    m_sourceIo = nullptr;
    setLevel(0);
}

void AudioSettings::readLevel() {
    if (!m_sourceIo)
        return;
    const QByteArray data = m_sourceIo->readAll();
    const QAudioFormat f = m_source->format();
    if (f.sampleFormat() == QAudioFormat::Int16) {
        setLevel(levelOf(reinterpret_cast<const qint16 *>(data.constData()), data.size() / 2));
    } else if (f.sampleFormat() == QAudioFormat::Float) {
        const auto *in = reinterpret_cast<const float *>(data.constData());
        std::vector<qint16> samples(size_t(data.size()) / sizeof(float));
        for (size_t i = 0; i < samples.size(); ++i)
            samples[i] = qint16(std::clamp(in[i], -1.0f, 1.0f) * 32767.0f);
        setLevel(levelOf(samples.data(), qsizetype(samples.size())));
    }
}

qreal AudioSettings::levelOf(const qint16 *samples, qsizetype count) {
    if (count <= 0)
        return 0;
    double sum = 0;
    for (qsizetype i = 0; i < count; ++i)
        sum += double(samples[i]) * samples[i];
    const double rms = std::sqrt(sum / double(count)) / 32768.0;
    if (rms <= 0)
        return 0;
    const double db = 20 * std::log10(rms);
    return std::clamp((db + 60) / 60, 0.0, 1.0);
}

void AudioSettings::setLevel(qreal level) {
    if (qFuzzyCompare(level + 1, m_level + 1))
        return;
    m_level = level;
    Q_EMIT levelChanged();
}

QAudioSink *AudioSettings::startTone(const QAudioDevice &device, QIODevice **generator, bool ringtone) {
    if (device.isNull())
        return nullptr;
    const QAudioFormat format = formatFor(device);
    auto *sink = new QAudioSink(device, format, this);
    using parlo::media::ToneGenerator;
    ToneGenerator::Tone tone = ToneGenerator::sine(kTestToneHz, 8000);
    qint64 frames = qint64(format.sampleRate()) * kTestToneMs / 1000;
    if (ringtone) {
        // A two-note ring, 1 s on and 2 s off, until the call is answered or gone.
        tone = ToneGenerator::Tone{{523.25, 659.25}, 5000, 1000, 2000};
        frames = -1;
    }
    *generator = new ToneStream(format, tone, frames, sink);
    sink->start(*generator);
    if (sink->error() != QAudio::NoError) {
        qCWarning(lcAudioSettings) << "cannot play on" << device.description() << sink->error();
        setErrorText(tr("The speaker “%1” cannot be opened.").arg(device.description()));
        delete sink;
        *generator = nullptr;
        return nullptr;
    }
    setErrorText({});
    return sink;
}

void AudioSettings::playTestTone(bool ringer) {
    stopTestTone();
    m_testSink = startTone(findOutput(ringer ? m_ringerId : m_outputId), &m_testTone, false);
    if (!m_testSink)
        return;
    connect(m_testSink, &QAudioSink::stateChanged, this, [this](QAudio::State state) {
        // Idle: the tone has been played out.
        if (state == QAudio::IdleState || state == QAudio::StoppedState)
            QMetaObject::invokeMethod(this, &AudioSettings::stopTestTone, Qt::QueuedConnection);
    });
    Q_EMIT testTonePlayingChanged();
}

void AudioSettings::stopTestTone() {
    if (!m_testSink)
        return;
    QAudioSink *sink = m_testSink;
    m_testSink = nullptr;
    m_testTone = nullptr;
    disconnect(sink, nullptr, this, nullptr);
    sink->stop();
    sink->deleteLater();
    Q_EMIT testTonePlayingChanged();
}

void AudioSettings::setRinging(bool on) {
    if (on == m_ringing)
        return;
    m_ringing = on;
    if (on)
        startRinger();
    else
        stopRinger();
    Q_EMIT ringingChanged();
}

void AudioSettings::startRinger() {
    stopRinger();
    m_ringSink = startTone(findOutput(m_ringerId), &m_ringTone, true);
}

void AudioSettings::stopRinger() {
    if (!m_ringSink)
        return;
    m_ringSink->stop();
    m_ringSink->deleteLater();
    m_ringSink = nullptr;
    m_ringTone = nullptr;
}

#include "AudioSettings.h"

#include "AppSettings.h"
#include "media/SoundSystem.h"

#include <QCoreApplication>
#include <QLoggingCategory>
#include <QSettings>
#include <cmath>

Q_LOGGING_CATEGORY(lcAudioSettings, "parlo.ui.audio")

namespace {
const QString kInput = QStringLiteral("audio/input");
const QString kOutput = QStringLiteral("audio/output");
const QString kRinger = QStringLiteral("audio/ringer");

using parlo::media::SoundDevice;
using parlo::media::SoundSystem;

QVariantList describe(const QList<SoundDevice> &devices) {
    QVariantList out;
    out << QVariantMap{
        {QStringLiteral("id"), QString()},
        {QStringLiteral("name"), QCoreApplication::translate("AudioSettings", "System default")}};
    for (const SoundDevice &d : devices)
        out << QVariantMap{{QStringLiteral("id"), QString::fromUtf8(d.id)},
                           {QStringLiteral("name"), d.description}};
    return out;
}

int rowOf(const QList<SoundDevice> &devices, const QString &id) {
    if (id.isEmpty())
        return 0;
    for (qsizetype i = 0; i < devices.size(); ++i)
        if (QString::fromUtf8(devices[i].id) == id)
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
    if (m_watching)
        return;
    m_watching = true;
    // Loading the sound module and connecting to PulseAudio cost start-up time and memory (Qt
    // Multimedia, the sound server's client library, a thread): only done once the devices
    // matter. Lists follow hot-plugging from then on.
    SoundSystem *sound = SoundSystem::instance();
    if (!sound)
        return; // no lists: the page says there is no microphone or speaker
    auto *self = const_cast<AudioSettings *>(this);
    sound->watchDevices(self, [self]() { self->refresh(); });
    m_inputs = sound->inputs();
    m_outputs = sound->outputs();
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
    if (SoundSystem *sound = SoundSystem::instance()) {
        m_inputs = sound->inputs();
        m_outputs = sound->outputs();
    }
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

SoundDevice AudioSettings::findInput() const {
    ensureDevices();
    for (const SoundDevice &d : m_inputs)
        if (!m_inputId.isEmpty() && QString::fromUtf8(d.id) == m_inputId)
            return d;
    SoundSystem *sound = SoundSystem::instance();
    return sound ? sound->defaultInput() : SoundDevice{};
}

SoundDevice AudioSettings::findOutput(const QString &id) const {
    ensureDevices();
    for (const SoundDevice &d : m_outputs)
        if (!id.isEmpty() && QString::fromUtf8(d.id) == id)
            return d;
    SoundSystem *sound = SoundSystem::instance();
    return sound ? sound->defaultOutput() : SoundDevice{};
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
    const SoundDevice device = findInput();
    if (device.isNull())
        return; // the page says there is no microphone
    m_monitor = SoundSystem::instance()->listen(device, this, [this](std::span<const int16_t> samples) {
        setLevel(levelOf(samples.data(), qsizetype(samples.size())));
    });
    if (!m_monitor) {
        setErrorText(tr("The microphone “%1” cannot be opened.").arg(device.description));
        return;
    }
    setErrorText({});
}

void AudioSettings::stopMonitor() {
    m_monitor.reset();
    setLevel(0);
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

std::unique_ptr<QObject> AudioSettings::startTone(const SoundDevice &device, bool ringtone) {
    if (device.isNull())
        return nullptr;
    using parlo::media::ToneGenerator;
    // A two-note ring, 1 s on and 2 s off, until the call is answered or gone; or 1 s of 440 Hz.
    const ToneGenerator::Tone tone = ringtone ? ToneGenerator::Tone{{523.25, 659.25}, 5000, 1000, 2000}
                                              : ToneGenerator::sine(kTestToneHz, 8000);
    // The test tone ends by itself; the ringtone when it is stopped.
    std::function<void()> finished;
    if (!ringtone)
        finished = [this]() {
            QMetaObject::invokeMethod(this, &AudioSettings::stopTestTone, Qt::QueuedConnection);
        };
    std::unique_ptr<QObject> player = SoundSystem::instance()->playTone(
        device, tone, ringtone ? -1 : kTestToneMs, this, std::move(finished));
    if (!player) {
        setErrorText(tr("The speaker “%1” cannot be opened.").arg(device.description));
        return nullptr;
    }
    setErrorText({});
    return player;
}

void AudioSettings::playTestTone(bool ringer) {
    stopTestTone();
    m_testTone = startTone(findOutput(ringer ? m_ringerId : m_outputId), false);
    if (m_testTone)
        Q_EMIT testTonePlayingChanged();
}

void AudioSettings::stopTestTone() {
    if (!m_testTone)
        return;
    // Its last state change must not come back here while it goes.
    disconnect(m_testTone.get(), nullptr, this, nullptr);
    m_testTone.reset();
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
    m_ringTone = startTone(findOutput(m_ringerId), true);
}

void AudioSettings::stopRinger() {
    m_ringTone.reset();
}

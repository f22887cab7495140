#include "media/qt/QtSoundSystem.h"

#include "media/qt/QtAudioDevice.h"

#include <QAudioSink>
#include <QAudioSource>
#include <QLoggingCategory>
#include <QMediaDevices>

#include <algorithm>
#include <cstring>

Q_LOGGING_CATEGORY(lcQtSound, "parlo.media.sound")

namespace parlo::media {

namespace {

SoundDevice toSoundDevice(const QAudioDevice &d) {
    return d.isNull() ? SoundDevice{} : SoundDevice{d.id(), d.description()};
}

QList<SoundDevice> toSoundDevices(const QList<QAudioDevice> &devices) {
    QList<SoundDevice> out;
    for (const QAudioDevice &d : devices)
        out << toSoundDevice(d);
    return out;
}

QAudioDevice find(const QList<QAudioDevice> &devices, const SoundDevice &wanted) {
    for (const QAudioDevice &d : devices)
        if (d.id() == wanted.id)
            return d;
    return {};
}

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

// Endless (or limited) generated tone in the sink's format, pulled by QAudioSink.
class ToneStream : public QIODevice {
public:
    ToneStream(const QAudioFormat &format, const ToneGenerator::Tone &tone, qint64 frames, QObject *parent)
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
                    std::memcpy(at, &v, sizeof v);
                } else {
                    const qint16 v = mono[size_t(i)];
                    std::memcpy(at, &v, sizeof v);
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
    ToneGenerator m_tone;
    qint64 m_framesLeft; // -1: endless
};

} // namespace

QList<SoundDevice> QtSoundSystem::inputs() const {
    return toSoundDevices(QMediaDevices::audioInputs());
}

QList<SoundDevice> QtSoundSystem::outputs() const {
    return toSoundDevices(QMediaDevices::audioOutputs());
}

SoundDevice QtSoundSystem::defaultInput() const {
    return toSoundDevice(QMediaDevices::defaultAudioInput());
}

SoundDevice QtSoundSystem::defaultOutput() const {
    return toSoundDevice(QMediaDevices::defaultAudioOutput());
}

void QtSoundSystem::watchDevices(QObject *context, std::function<void()> changed) {
    // A child of context: it goes when context goes, and lives on context's thread.
    auto *devices = new QMediaDevices(context);
    QObject::connect(devices, &QMediaDevices::audioInputsChanged, context, changed);
    QObject::connect(devices, &QMediaDevices::audioOutputsChanged, context, changed);
}

std::unique_ptr<QObject> QtSoundSystem::listen(const SoundDevice &input, QObject *context,
                                               std::function<void(std::span<const int16_t>)> samples) {
    const QAudioDevice device = find(QMediaDevices::audioInputs(), input);
    if (device.isNull())
        return nullptr;
    const QAudioFormat format = formatFor(device);
    auto source = std::make_unique<QAudioSource>(device, format);
    QIODevice *io = source->start();
    if (!io || source->error() != QAudio::NoError) {
        qCWarning(lcQtSound) << "cannot open" << device.description() << source->error();
        return nullptr;
    }
    QObject::connect(io, &QIODevice::readyRead, context, [io, format, samples]() {
        const QByteArray data = io->readAll();
        if (format.sampleFormat() == QAudioFormat::Int16) {
            samples({reinterpret_cast<const int16_t *>(data.constData()), size_t(data.size()) / 2});
        } else if (format.sampleFormat() == QAudioFormat::Float) {
            const auto *in = reinterpret_cast<const float *>(data.constData());
            std::vector<int16_t> converted(size_t(data.size()) / sizeof(float));
            for (size_t i = 0; i < converted.size(); ++i)
                converted[i] = int16_t(std::clamp(in[i], -1.0f, 1.0f) * 32767.0f);
            samples(converted);
        }
    });
    return source;
}

std::unique_ptr<QObject> QtSoundSystem::playTone(const SoundDevice &output, const ToneGenerator::Tone &tone,
                                                 int ms, QObject *context, std::function<void()> finished) {
    const QAudioDevice device = find(QMediaDevices::audioOutputs(), output);
    if (device.isNull())
        return nullptr;
    const QAudioFormat format = formatFor(device);
    auto sink = std::make_unique<QAudioSink>(device, format);
    const qint64 frames = ms < 0 ? -1 : qint64(format.sampleRate()) * ms / 1000;
    sink->start(new ToneStream(format, tone, frames, sink.get()));
    if (sink->error() != QAudio::NoError) {
        qCWarning(lcQtSound) << "cannot play on" << device.description() << sink->error();
        return nullptr;
    }
    QAudioSink *raw = sink.get();
    if (finished) {
        QObject::connect(raw, &QAudioSink::stateChanged, context, [finished](QAudio::State state) {
            // Idle: the tone has been played out.
            if (state == QAudio::IdleState || state == QAudio::StoppedState)
                finished();
        });
    }
    return sink;
}

std::unique_ptr<AudioDevice> QtSoundSystem::openCallAudio(const QByteArray &inputId,
                                                          const QByteArray &outputId, bool echoCancellation) {
    return std::make_unique<QtAudioDevice>(inputId, outputId, echoCancellation);
}

} // namespace parlo::media

// The module's entry point, resolved by SoundSystem::instance() (media/SoundSystem.cpp).
extern "C" Q_DECL_EXPORT parlo::media::SoundSystem *parlo_sound_system() {
    static parlo::media::QtSoundSystem system;
    return &system;
}

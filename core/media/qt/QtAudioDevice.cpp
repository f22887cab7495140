#include "media/qt/QtAudioDevice.h"

#include <QAudioSink>
#include <QAudioSource>
#include <QLoggingCategory>
#include <QMediaDevices>
#include <QTimer>

#include <algorithm>
#include <cstring>

Q_LOGGING_CATEGORY(lcAudio, "parlo.media.audio")

namespace parlo::media {

namespace {
constexpr int kPreferredRate = 48000;

QAudioFormat chooseFormat(const QAudioDevice &device) {
    QAudioFormat f;
    f.setSampleRate(kPreferredRate);
    f.setChannelCount(1);
    f.setSampleFormat(QAudioFormat::Int16);
    if (device.isFormatSupported(f))
        return f;
    f = device.preferredFormat();
    // We convert Int16, Int32 and Float; anything else is asked for as Int16.
    if (f.sampleFormat() != QAudioFormat::Int16 && f.sampleFormat() != QAudioFormat::Int32 &&
        f.sampleFormat() != QAudioFormat::Float)
        f.setSampleFormat(QAudioFormat::Int16);
    return f;
}

// Device bytes -> mono int16 (channels averaged).
std::vector<int16_t> toMono16(const QByteArray &bytes, const QAudioFormat &f) {
    const int channels = qMax(1, f.channelCount());
    const int bps = f.bytesPerSample();
    if (bps <= 0)
        return {};
    const qsizetype frames = bytes.size() / (bps * channels);
    std::vector<int16_t> out(size_t(frames), 0);
    const char *p = bytes.constData();
    for (qsizetype i = 0; i < frames; ++i) {
        double sum = 0;
        for (int c = 0; c < channels; ++c, p += bps) {
            switch (f.sampleFormat()) {
            case QAudioFormat::Int16: {
                int16_t v;
                std::memcpy(&v, p, 2);
                sum += v;
                break;
            }
            case QAudioFormat::Int32: {
                int32_t v;
                std::memcpy(&v, p, 4);
                sum += v / 65536.0;
                break;
            }
            case QAudioFormat::Float: {
                float v;
                std::memcpy(&v, p, 4);
                sum += double(v) * 32767.0;
                break;
            }
            default:
                break;
            }
        }
        out[size_t(i)] = int16_t(std::clamp(sum / channels, -32768.0, 32767.0));
    }
    return out;
}

// Mono int16 -> device bytes (copied to every channel).
QByteArray fromMono16(std::span<const int16_t> mono, const QAudioFormat &f) {
    const int channels = qMax(1, f.channelCount());
    const int bps = f.bytesPerSample();
    QByteArray out(qsizetype(mono.size()) * channels * bps, Qt::Uninitialized);
    char *p = out.data();
    for (int16_t s : mono) {
        for (int c = 0; c < channels; ++c, p += bps) {
            switch (f.sampleFormat()) {
            case QAudioFormat::Int16:
                std::memcpy(p, &s, 2);
                break;
            case QAudioFormat::Int32: {
                const int32_t v = int32_t(s) * 65536;
                std::memcpy(p, &v, 4);
                break;
            }
            case QAudioFormat::Float: {
                const float v = float(s) / 32768.0f;
                std::memcpy(p, &v, 4);
                break;
            }
            default:
                std::memset(p, 0, size_t(bps));
                break;
            }
        }
    }
    return out;
}
} // namespace

QtAudioDevice::QtAudioDevice(const QByteArray &inputId, const QByteArray &outputId, bool echoCancellation)
    : m_inputId(inputId)
    , m_outputId(outputId)
    , m_echoCancellation(echoCancellation) {}

QtAudioDevice::~QtAudioDevice() {
    stop();
}

void QtAudioDevice::start() {
    if (m_running)
        return;
    m_running = true;
    if (!m_devices) {
        m_devices = new QMediaDevices(this);
        connect(m_devices, &QMediaDevices::audioInputsChanged, this, &QtAudioDevice::onInputsChanged);
        connect(m_devices, &QMediaDevices::audioOutputsChanged, this, &QtAudioDevice::onOutputsChanged);
        // Qt 6.4 (PulseAudio) updates the default device without signalling it: look now and then.
        m_defaultWatch = new QTimer(this);
        connect(m_defaultWatch, &QTimer::timeout, this, [this]() {
            onInputsChanged();
            onOutputsChanged();
        });
    }
    m_defaultWatch->start(kDefaultWatchMs);
    openInput();
    openOutput();
}

void QtAudioDevice::stop() {
    m_running = false;
    if (m_defaultWatch)
        m_defaultWatch->stop();
    closeInput();
    closeOutput();
}

void QtAudioDevice::setDevices(const QByteArray &inputId, const QByteArray &outputId) {
    const bool inputChanged = inputId != m_inputId;
    const bool outputChanged = outputId != m_outputId;
    m_inputId = inputId;
    m_outputId = outputId;
    if (inputChanged)
        m_reportedNoInput = false;
    if (outputChanged)
        m_reportedNoOutput = false;
    if (!m_running)
        return;
    // Only what really moves is reopened: choosing the device in use changes nothing.
    if (inputChanged && (!m_source || findInput().id() != m_inputDevice.id())) {
        qCInfo(lcAudio) << "capture device chosen:" << findInput().description();
        openInput();
    }
    if (outputChanged && (!m_sink || findOutput().id() != m_outputDevice.id())) {
        qCInfo(lcAudio) << "playback device chosen:" << findOutput().description();
        openOutput();
    }
}

QAudioDevice QtAudioDevice::findInput() const {
    if (!m_inputId.isEmpty())
        for (const QAudioDevice &d : QMediaDevices::audioInputs())
            if (d.id() == m_inputId)
                return d;
    // No choice, or the chosen device is gone: the system default.
    return QMediaDevices::defaultAudioInput();
}

QAudioDevice QtAudioDevice::findOutput() const {
    if (!m_outputId.isEmpty())
        for (const QAudioDevice &d : QMediaDevices::audioOutputs())
            if (d.id() == m_outputId)
                return d;
    return QMediaDevices::defaultAudioOutput();
}

void QtAudioDevice::openInput() {
    closeInput();
    const QAudioDevice dev = findInput();
    if (dev.isNull()) {
        if (!m_reportedNoInput) {
            m_reportedNoInput = true;
            report(Error::NoInput, QString::fromUtf8(m_inputId));
        }
        return;
    }
    m_inputDevice = dev;
    m_inFormat = chooseFormat(dev);
    m_source = new QAudioSource(dev, m_inFormat, this);
    m_source->setBufferSize(m_inFormat.bytesForDuration(40000));
    m_sourceIo = m_source->start();
    if (!m_sourceIo || m_source->error() != QAudio::NoError) {
        qCWarning(lcAudio) << "capture device failed to open:" << dev.description();
        closeInput();
        report(Error::Failed, dev.description());
        return;
    }
    connect(m_sourceIo, &QIODevice::readyRead, this, &QtAudioDevice::readCaptured);
    connect(m_source, &QAudioSource::stateChanged, this, [this](QAudio::State) {
        if (m_source && m_source->error() != QAudio::NoError && m_source->error() != QAudio::UnderrunError) {
            const QString name = m_inputDevice.description();
            closeInput();
            report(Error::Failed, name);
        }
    });
    setupEchoCanceller();
    if (onInputChanged)
        onInputChanged();
}

void QtAudioDevice::openOutput() {
    closeOutput();
    const QAudioDevice dev = findOutput();
    if (dev.isNull()) {
        if (!m_reportedNoOutput) {
            m_reportedNoOutput = true;
            report(Error::NoOutput, QString::fromUtf8(m_outputId));
        }
        return;
    }
    m_outputDevice = dev;
    m_outFormat = chooseFormat(dev);
    m_sink = new QAudioSink(dev, m_outFormat, this);
    m_sink->setBufferSize(m_outFormat.bytesForDuration(kPlaybackBufferMs * 1000 * 4));
    m_sinkIo = m_sink->start();
    if (!m_sinkIo || m_sink->error() != QAudio::NoError) {
        qCWarning(lcAudio) << "playback device failed to open:" << dev.description();
        closeOutput();
        report(Error::Failed, dev.description());
        return;
    }
    setupEchoCanceller();
    if (onOutputChanged)
        onOutputChanged();
}

void QtAudioDevice::closeInput() {
    if (m_source) {
        m_source->disconnect(this);
        m_source->stop();
        m_source->deleteLater();
    }
    m_source = nullptr;
    m_sourceIo = nullptr;
    m_captured.clear();
    m_captureResampler.reset();
    m_aec.reset();
}

void QtAudioDevice::closeOutput() {
    if (m_sink) {
        m_sink->stop();
        m_sink->deleteLater();
    }
    m_sink = nullptr;
    m_sinkIo = nullptr;
    m_playResampler.reset();
    m_aec.reset();
}

void QtAudioDevice::report(Error error, const QString &detail) {
    if (onError)
        onError(error, detail);
}

SoundDevice QtAudioDevice::currentInput() const {
    return m_source ? SoundDevice{m_inputDevice.id(), m_inputDevice.description()} : SoundDevice{};
}

SoundDevice QtAudioDevice::currentOutput() const {
    return m_sink ? SoundDevice{m_outputDevice.id(), m_outputDevice.description()} : SoundDevice{};
}

void QtAudioDevice::setupEchoCanceller() {
    m_aec.reset();
    // Echo cancellation needs both directions at one rate (the usual case: 48 kHz both ways).
    if (m_echoCancellation && m_source && m_sink && m_inFormat.sampleRate() == m_outFormat.sampleRate())
        m_aec = std::make_unique<EchoCanceller>(m_inFormat.sampleRate(), kEchoTailMs);
}

void QtAudioDevice::onInputsChanged() {
    if (!m_running)
        return;
    const QAudioDevice wanted = findInput();
    if (wanted.isNull() ? m_source != nullptr : (wanted.id() != m_inputDevice.id() || !m_source)) {
        qCInfo(lcAudio) << "capture device changed to" << wanted.description();
        openInput();
    }
}

void QtAudioDevice::onOutputsChanged() {
    if (!m_running)
        return;
    const QAudioDevice wanted = findOutput();
    if (wanted.isNull() ? m_sink != nullptr : (wanted.id() != m_outputDevice.id() || !m_sink)) {
        qCInfo(lcAudio) << "playback device changed to" << wanted.description();
        openOutput();
    }
}

void QtAudioDevice::readCaptured() {
    if (!m_sourceIo)
        return;
    const QByteArray bytes = m_sourceIo->readAll();
    std::vector<int16_t> mono = toMono16(bytes, m_inFormat);
    if (m_aec)
        mono = m_aec->capture(mono);
    m_captured.insert(m_captured.end(), mono.begin(), mono.end());
    // Bounded: a stalled consumer loses the oldest audio, never memory.
    const size_t limit = size_t(m_inFormat.sampleRate()) * kMaxCaptureBacklogMs / 1000;
    if (m_captured.size() > limit)
        m_captured.erase(m_captured.begin(), m_captured.begin() + std::ptrdiff_t(m_captured.size() - limit));
}

std::vector<int16_t> QtAudioDevice::capture(int samples, int rate) {
    std::vector<int16_t> out(size_t(samples), 0);
    if (!m_source)
        return out;
    const int inRate = m_inFormat.sampleRate();
    const size_t need = size_t((int64_t(samples) * inRate + rate - 1) / rate);
    const size_t take = std::min(need, m_captured.size());
    std::vector<int16_t> chunk(m_captured.begin(), m_captured.begin() + std::ptrdiff_t(take));
    m_captured.erase(m_captured.begin(), m_captured.begin() + std::ptrdiff_t(take));
    if (inRate != rate) {
        if (!m_captureResampler || m_captureResampler->outRate() != rate)
            m_captureResampler = std::make_unique<Resampler>(inRate, rate, 1);
        chunk = m_captureResampler->process(chunk);
    }
    std::copy_n(chunk.begin(), std::min(chunk.size(), out.size()), out.begin());
    return out;
}

void QtAudioDevice::play(std::span<const int16_t> mono, int rate) {
    if (!m_sinkIo)
        return;
    std::vector<int16_t> samples(mono.begin(), mono.end());
    const int outRate = m_outFormat.sampleRate();
    if (rate != outRate) {
        if (!m_playResampler || m_playResampler->inRate() != rate)
            m_playResampler = std::make_unique<Resampler>(rate, outRate, 1);
        samples = m_playResampler->process(samples);
    }
    const QByteArray bytes = fromMono16(samples, m_outFormat);
    if (m_sink->bytesFree() < bytes.size())
        return; // the device is behind: drop rather than queue without bound
    if (m_aec)
        m_aec->playback(samples);
    m_sinkIo->write(bytes);
}

} // namespace parlo::media

#pragma once

#include "media/AudioDevice.h"
#include "media/EchoCanceller.h"
#include "media/Resampler.h"

#include <QAudioDevice>
#include <QAudioFormat>
#include <QObject>
#include <deque>
#include <memory>

class QAudioSink;
class QAudioSource;
class QIODevice;
class QMediaDevices;
class QTimer;

namespace parlo::media {

// AudioDevice on Qt Multimedia: capture through QAudioSource, playback through QAudioSink.
class QtAudioDevice : public QObject, public AudioDevice {
    Q_OBJECT
public:
    QtAudioDevice(const QByteArray &inputId, const QByteArray &outputId, bool echoCancellation);
    ~QtAudioDevice() override;

    void start() override;
    void stop() override;
    void setDevices(const QByteArray &inputId, const QByteArray &outputId) override;
    QByteArray inputId() const override { return m_inputId; }
    QByteArray outputId() const override { return m_outputId; }
    bool hasInput() const override { return m_source != nullptr; }
    bool echoCancelling() const override { return m_aec != nullptr; }
    bool hasOutput() const override { return m_sink != nullptr; }
    SoundDevice currentInput() const override;
    SoundDevice currentOutput() const override;
    std::vector<int16_t> capture(int samples, int rate) override;
    void play(std::span<const int16_t> mono, int rate) override;

private:
    void openInput();
    void openOutput();
    void closeInput();
    void closeOutput();
    void onInputsChanged();
    void onOutputsChanged();
    void readCaptured();
    void setupEchoCanceller();
    void report(Error error, const QString &detail);
    QAudioDevice findInput() const;
    QAudioDevice findOutput() const;

    QByteArray m_inputId, m_outputId;
    QMediaDevices *m_devices = nullptr;
    QTimer *m_defaultWatch = nullptr;
    QAudioDevice m_inputDevice, m_outputDevice;
    QAudioSource *m_source = nullptr;
    QIODevice *m_sourceIo = nullptr;
    QAudioFormat m_inFormat;
    QAudioSink *m_sink = nullptr;
    QIODevice *m_sinkIo = nullptr;
    QAudioFormat m_outFormat;
    std::deque<int16_t> m_captured; // mono at m_inFormat's rate, bounded
    std::unique_ptr<Resampler> m_captureResampler;
    std::unique_ptr<Resampler> m_playResampler;
    std::unique_ptr<EchoCanceller> m_aec;
    bool m_echoCancellation = true;
    bool m_running = false;
    bool m_reportedNoInput = false;
    bool m_reportedNoOutput = false;
};

} // namespace parlo::media

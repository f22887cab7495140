#pragma once

#include "media/EchoCanceller.h"
#include "media/Resampler.h"

#include <QAudioDevice>
#include <QAudioFormat>
#include <QByteArray>
#include <QObject>
#include <cstdint>
#include <deque>
#include <memory>
#include <span>
#include <vector>

class QAudioSink;
class QAudioSource;
class QIODevice;
class QMediaDevices;
class QTimer;

namespace parlo::media {

// The sound card side of a call (Qt Multimedia): capture through QAudioSource, playback through
// QAudioSink, 48 kHz mono 16-bit preferred and whatever the device offers otherwise. Follows the
// system default when devices come and go. A missing device is reported once and the call goes
// on without it (silence / files). When both directions run at one rate, speexdsp cancels the
// echo of what we play from what we capture. Lives on the media thread.
class AudioDevice : public QObject {
    Q_OBJECT
public:
    enum class Error { NoInput, NoOutput, Failed };
    Q_ENUM(Error)

    // Playback queue and capture backlog: short, so the speaker-to-microphone delay stays well
    // inside the echo canceller's tail.
    static constexpr int kPlaybackBufferMs = 80;
    static constexpr int kMaxCaptureBacklogMs = 60;
    static constexpr int kDefaultWatchMs = 1000;
    // Speaker-to-microphone delay the canceller covers: device buffers (PulseAudio pre-buffers a
    // sink's whole buffer) plus the room.
    static constexpr int kEchoTailMs = 400;

    AudioDevice(const QByteArray &inputId, const QByteArray &outputId, bool echoCancellation = true,
                QObject *parent = nullptr);
    ~AudioDevice() override;

    void start();
    void stop();
    // Other devices (empty id: the system default). While running, a direction whose device
    // changes is reopened at once and the echo canceller starts over; a missing choice falls back
    // to the default and is reported (errorOccurred) as at start.
    void setDevices(const QByteArray &inputId, const QByteArray &outputId);
    QByteArray inputId() const { return m_inputId; }
    QByteArray outputId() const { return m_outputId; }
    bool hasInput() const { return m_source != nullptr; }
    bool echoCancelling() const { return m_aec != nullptr; }
    bool hasOutput() const { return m_sink != nullptr; }
    QAudioDevice inputDevice() const { return m_inputDevice; }
    QAudioDevice outputDevice() const { return m_outputDevice; }

    // `samples` mono samples at `rate` of what was captured (echo-cancelled); zero-filled when the
    // device has not delivered enough yet.
    std::vector<int16_t> capture(int samples, int rate);
    // Mono samples at `rate` for the speaker. Dropped when the device queue is full.
    void play(std::span<const int16_t> mono, int rate);

Q_SIGNALS:
    void errorOccurred(parlo::media::AudioDevice::Error error, const QString &detail);
    void inputChanged();
    void outputChanged();

private:
    void openInput();
    void openOutput();
    void closeInput();
    void closeOutput();
    void onInputsChanged();
    void onOutputsChanged();
    void readCaptured();
    void setupEchoCanceller();
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

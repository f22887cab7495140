#pragma once

#include "media/MediaSessionStats.h"
#include "sdp/NegotiatedMedia.h"

#include <QByteArray>
#include <QObject>
#include <QString>
#include <memory>

namespace parlo::media {

class RtpSocket;
class MediaSessionPrivate;

// The media of one call, living on the media thread: a ptime send clock pulls audio from the play
// file / capture device / silence, encodes, protects (SRTP) and sends it; received packets are
// unprotected, parsed, sorted into DTMF and audio, buffered, decoded and written to the recording /
// playback device. On demand, a recording of both directions (CallRecorder) runs alongside.
// RTCP (RFC 3550) reports both ways and measures jitter, loss and round-trip time.
// Driven by EngineCallMedia through queued calls; everything it reports goes out as signals.
class MediaSession : public QObject {
    Q_OBJECT
    Q_PROPERTY(State state READ state NOTIFY stateChanged)
public:
    enum class State { Idle, Running, Stopped };
    Q_ENUM(State)
    enum class Error {
        NoAudioInput,
        NoAudioOutput,
        AudioDeviceFailed,
        PlayFileUnreadable,
        RecordFileUnwritable,
        SrtpSetupFailed,
    };
    Q_ENUM(Error)

    struct Config {
        QString playFile;
        QString recordFile;
        bool useAudioDevices = false;
        QByteArray inputDeviceId, outputDeviceId;
        bool echoCancellation = true; // device path only
        int rtcpIntervalMs = 5000;    // RFC 3550 §6.2 minimum for us; randomized 0.5–1.5×
        int rtpTimeoutMs = 2000;
        int statsIntervalMs = 1000;
        // Echo service: what we receive is sent back (decoded, re-encoded, echoDelayMs later)
        // instead of a file or the capture device.
        bool echo = false;
        int echoDelayMs = 400;
    };

    MediaSession(std::unique_ptr<RtpSocket> socket, const Config &config, QObject *parent = nullptr);
    ~MediaSession() override;

    State state() const { return m_state; }
    RtpSocket *socket() const;

    // (Re)applies negotiated media: first start, hold/resume, codec or address change.
    void start(const sdp::NegotiatedMedia &media);
    // Sends RTCP BYE, flushes DTMF and finalizes the recording.
    void stop();
    // Queues an RFC 4733 event; false when no telephone-event was negotiated or not running.
    bool sendDtmf(char digit, int durationMs);
    void setMuted(bool muted);
    MediaSessionStats stats() const;

    // The conversation (what we send mixed with what we receive) into a mono WAV at path, from now
    // until stopRecording() or stop(); a running recording is finished first. Config::recordFile
    // (what we receive, from the start) is independent of it. False when not running or the file
    // cannot be created (mediaError RecordFileUnwritable says so too).
    bool startRecording(const QString &path);
    // Finalizes the file (complete when this returns); false when it could not be written.
    bool stopRecording();
    bool isRecording() const;
    // Moves the running session to other devices (empty id: the system default) without touching
    // RTP; the echo canceller starts over. False when the session does not use audio devices.
    bool setAudioDevices(const QByteArray &inputId, const QByteArray &outputId);

Q_SIGNALS:
    void stateChanged(parlo::media::MediaSession::State state);
    void statsUpdated(const parlo::media::MediaSessionStats &stats);
    void dtmfReceived(QChar digit, int durationMs);
    void rtpTimeoutChanged(bool noRtp);
    void mediaError(parlo::media::MediaSession::Error error, const QString &detail);
    void playbackFinished();
    // The recording stopped by itself: its file could not be written (mediaError says so too).
    void recordingFailed(const QString &path);

private:
    friend class MediaSessionPrivate;
    void setState(State s);

    State m_state = State::Idle;
    std::unique_ptr<MediaSessionPrivate> d;
};

} // namespace parlo::media

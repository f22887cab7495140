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
// playback device. RTCP (RFC 3550) reports both ways and measures jitter, loss and round-trip time.
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

Q_SIGNALS:
    void stateChanged(parlo::media::MediaSession::State state);
    void statsUpdated(const parlo::media::MediaSessionStats &stats);
    void dtmfReceived(QChar digit, int durationMs);
    void rtpTimeoutChanged(bool noRtp);
    void mediaError(parlo::media::MediaSession::Error error, const QString &detail);
    void playbackFinished();

private:
    friend class MediaSessionPrivate;
    void setState(State s);

    State m_state = State::Idle;
    std::unique_ptr<MediaSessionPrivate> d;
};

} // namespace parlo::media

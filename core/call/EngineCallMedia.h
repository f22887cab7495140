#pragma once

#include "call/CallMedia.h"

#include <QByteArray>
#include <QHostAddress>
#include <QPointer>
#include <QString>
#include <memory>

namespace parlo {

namespace media {
class MediaEngine;
class MediaSession;
struct MediaSessionStats;
} // namespace media

struct CallMediaOptions {
    QString playFile;   // WAV sent into the call (any rate/channels: downmixed and resampled); silence after
                        // its end
    QString recordFile; // WAV of what we receive (mono 16-bit, at the first negotiated codec's audio rate)
    bool useAudioDevices =
        false; // capture/playback through Qt Multimedia (the GUI); the CLI uses files only unless asked
    QByteArray inputDeviceId, outputDeviceId; // empty: system default
    // Added (backward compatible): speexdsp echo cancellation on the device path.
    bool echoCancellation = true;
    // Added (backward compatible): RFC 3550 report interval (randomized 0.5–1.5×); tests shorten it.
    int rtcpIntervalMs = 5000;
    // Added (backward compatible): an echo service's media, sending back what it receives.
    bool echo = false;
};

// The factory CallManager uses: each call gets a MediaSession on the engine's media thread.
CallMediaFactory makeCallMediaFactory(media::MediaEngine *engine, CallMediaOptions options);
// Also usable directly (options per call, e.g. the CLI's --play for one call). nullptr when no
// RTP/RTCP port pair can be bound.
std::unique_ptr<CallMedia> createCallMedia(media::MediaEngine *engine, const CallMediaOptions &options,
                                           const QHostAddress &towards);

// CallMedia over a media::MediaSession: this facade lives on the caller's thread and talks to its
// worker on the media thread through queued invocations; stats and events come back as queued
// signals. stop() waits for the worker, so the recording is complete when it returns.
class EngineCallMedia : public CallMedia {
    Q_OBJECT
public:
    ~EngineCallMedia() override;

    QHostAddress localAddress() const override { return m_localAddress; }
    quint16 localPort() const override { return m_localPort; }
    void start(const sdp::NegotiatedMedia &media) override;
    void stop() override;
    bool sendDtmf(QChar digit, int durationMs) override;
    void setMuted(bool muted) override;
    CallMediaStats stats() const override { return m_stats; }
    bool startRecording(const QString &path) override;
    bool stopRecording() override;
    bool setAudioDevices(const QByteArray &inputId, const QByteArray &outputId) override;

private:
    friend std::unique_ptr<CallMedia> createCallMedia(media::MediaEngine *, const CallMediaOptions &,
                                                      const QHostAddress &);
    EngineCallMedia(media::MediaEngine *engine, media::MediaSession *session);
    void onStats(const media::MediaSessionStats &stats);
    bool workerReachable() const;

    QPointer<media::MediaEngine> m_engine;
    // Lives on the media thread and dies there (deleteLater, or with the engine).
    QPointer<media::MediaSession> m_session;
    QHostAddress m_localAddress;
    quint16 m_localPort = 0;
    CallMediaStats m_stats;
    bool m_running = false;
    bool m_canSendDtmf = false;
    bool m_usesAudioDevices = false;
};

} // namespace parlo

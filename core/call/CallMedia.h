#pragma once

#include "sdp/NegotiatedMedia.h"

#include <QHostAddress>
#include <QObject>
#include <QString>
#include <functional>
#include <memory>

namespace parlo {

// What the media of one call measured so far (RFC 3550 receiver statistics and our own counters).
struct CallMediaStats {
    QString codec; // encoding name/rate of what we send, e.g. "opus/48000"
    bool secure = false;
    quint64 packetsSent = 0, bytesSent = 0;
    quint64 packetsReceived = 0, bytesReceived = 0;
    qint64 packetsLost = 0;       // cumulative, from our receiver side (RFC 3550 A.3)
    double lossPercent = 0;       // of the packets expected so far
    double jitterMs = 0;          // interarrival jitter (RFC 3550 A.8)
    double rttMs = -1;            // from RTCP LSR/DLSR; -1 until the first round trip is known
    double remoteLossPercent = 0; // what the peer reports about our stream (RTCP RR)
    quint64 srtpFailures = 0;     // packets that failed authentication/replay checks (dropped)
    bool operator==(const CallMediaStats &) const = default;
};

// Typed media failures; front ends turn them into sentences.
enum class CallMediaError {
    NoAudioInput,  // no capture device: we send silence (or the --play file)
    NoAudioOutput, // no playback device: what we receive is only recorded, if at all
    AudioDeviceFailed,
    PlayFileUnreadable,
    RecordFileUnwritable,
    SrtpSetupFailed, // keys rejected by libsrtp: the call cannot carry media
};

// The media side of one call as the call drives it: an RTP endpoint bound before the first offer,
// (re)started with every completed offer/answer exchange, stopped when the call ends. The media
// engine implements it (its worker runs on the media thread; this object lives on the caller's);
// call-layer tests use a recording fake.
class CallMedia : public QObject {
    Q_OBJECT
public:
    using QObject::QObject;
    ~CallMedia() override = default;
    // Where we receive RTP (the c= address and m= port of our SDP).
    virtual QHostAddress localAddress() const = 0;
    virtual quint16 localPort() const = 0;
    // Apply the negotiated media: codecs, remote address, SRTP keys, direction (hold).
    virtual void start(const sdp::NegotiatedMedia &media) = 0;
    virtual void stop() = 0;
    // One RFC 4733 event (0-9, *, #, A-D). False when no telephone-event was negotiated or the
    // media is not running: the call then falls back to SIP INFO.
    virtual bool sendDtmf(QChar digit, int durationMs) {
        Q_UNUSED(digit);
        Q_UNUSED(durationMs);
        return false;
    }
    // Muted: we keep sending RTP (so NATs and the peer's timeout stay happy) but with silence.
    virtual void setMuted(bool muted) { Q_UNUSED(muted); }
    virtual CallMediaStats stats() const { return {}; }
    // The conversation, both directions mixed (mono 16-bit WAV), into path from now on; a
    // running recording is finished first. False when the media is not running or the file
    // cannot be created (mediaError RecordFileUnwritable follows).
    virtual bool startRecording(const QString &path) {
        Q_UNUSED(path);
        return false;
    }
    // Finalizes the recording: the file is complete when this returns. False when it could not
    // be written.
    virtual bool stopRecording() { return false; }
    // Moves the running call to other capture/playback devices (empty: the system default)
    // without interrupting RTP. False when the media does not use audio devices.
    virtual bool setAudioDevices(const QByteArray &inputId, const QByteArray &outputId) {
        Q_UNUSED(inputId);
        Q_UNUSED(outputId);
        return false;
    }

Q_SIGNALS:
    void dtmfReceived(QChar digit, int durationMs); // RFC 4733, once per event (not per packet)
    void statsChanged();                            // about once a second while running
    // True when no RTP arrived for 2 s while we expect to receive (one-way audio); false once
    // packets flow again.
    void rtpTimeoutChanged(bool noRtp);
    void mediaError(parlo::CallMediaError error, const QString &detail);
    void playbackFinished(); // the file source reached its end (it then sends silence)
    // The recording stopped by itself (its file could not be written; mediaError says so too).
    void recordingFailed(const QString &path);
};

// Creates the media for a new call; towards is the signalling peer's address, so the RTP socket
// can bind to the matching address family / interface. nullptr when no port can be bound.
using CallMediaFactory = std::function<std::unique_ptr<CallMedia>(const QHostAddress &towards)>;

} // namespace parlo

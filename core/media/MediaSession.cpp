#include "media/MediaSession.h"

#include "media/AudioDevice.h"
#include "media/CallRecorder.h"
#include "media/CodecFactory.h"
#include "media/DtmfReceiver.h"
#include "media/DtmfSender.h"
#include "media/EchoBuffer.h"
#include "media/JitterBuffer.h"
#include "media/RtcpPacket.h"
#include "media/RtpPacket.h"
#include "media/RtpReceiverStatistics.h"
#include "media/RtpSocket.h"
#include "media/SoundSystem.h"
#include "media/SrtpContext.h"
#include "media/TelephoneEvent.h"
#include "media/WavSink.h"
#include "media/WavSource.h"

#include <QElapsedTimer>
#include <QHostInfo>
#include <QLoggingCategory>
#include <QRandomGenerator>
#include <QTimer>

#include <chrono>
#include <map>

Q_LOGGING_CATEGORY(lcSession, "parlo.media.session")

namespace parlo::media {

namespace {
constexpr int kMaxFramesPerTick = 5; // after a longer stall we skip ahead instead of bursting
constexpr int kMaxQueuedDigits = 32;
constexpr int kInterDigitGapMs = 60;
constexpr int kMaxRtpSize = RtpSocket::kMaxDatagramSize;

// 64-bit NTP timestamp of the wall clock (RFC 3550 §4).
uint64_t ntpNow() {
    using namespace std::chrono;
    const auto us = duration_cast<microseconds>(system_clock::now().time_since_epoch()).count();
    const uint64_t secs = uint64_t(us / 1000000) + 2208988800ull;
    const uint64_t frac = (uint64_t(us % 1000000) << 32) / 1000000;
    return (secs << 32) | frac;
}
uint32_t ntpMiddle(uint64_t ntp) {
    return uint32_t(ntp >> 16);
}

SrtpContext::Suite srtpSuite(sdp::CryptoAttribute::Suite s) {
    return s == sdp::CryptoAttribute::Suite::AesCm128HmacSha1_32 ? SrtpContext::Suite::AesCm128HmacSha1_32
                                                                 : SrtpContext::Suite::AesCm128HmacSha1_80;
}

std::vector<int16_t> toMono(std::vector<int16_t> pcm, int channels) {
    if (channels <= 1)
        return pcm;
    std::vector<int16_t> mono(pcm.size() / size_t(channels));
    for (size_t i = 0; i < mono.size(); ++i) {
        int sum = 0;
        for (int c = 0; c < channels; ++c)
            sum += pcm[i * size_t(channels) + size_t(c)];
        mono[i] = int16_t(sum / channels);
    }
    return mono;
}
} // namespace

class MediaSessionPrivate {
public:
    explicit MediaSessionPrivate(MediaSession *q)
        : q(q) {}

    MediaSession *q;
    std::unique_ptr<RtpSocket> socket;
    MediaSession::Config config;
    sdp::NegotiatedMedia media;
    bool started = false;
    bool stopped = false;
    QElapsedTimer clock; // every time in here is ms on this monotonic clock
    QTimer tick;
    QTimer rtcpTimer;
    QTimer statsTimer;

    // Sending
    std::unique_ptr<AudioCodec> encoder;
    sdp::Codec sendCodec;
    uint32_t ssrc = 0;
    uint16_t sequence = 0;
    uint32_t timestampBase = 0; // RTP timestamp of frame 0 since sendEpochMs
    int64_t sendEpochMs = 0;
    int64_t framesDue = 0; // frames since sendEpochMs, sent or skipped
    bool markerNext = true;
    bool sending = false;
    bool muted = false;
    bool sentSinceReport = false;
    uint32_t senderPackets = 0, senderOctets = 0; // for SR (payload octets)
    std::unique_ptr<WavSource> play;
    bool playbackFinishedSent = false;
    std::unique_ptr<AudioDevice> device;
    std::unique_ptr<EchoBuffer> echo; // config.echo: the received audio, to send back

    // DTMF out
    struct QueuedDigit {
        char digit;
        int durationMs;
    };
    QList<QueuedDigit> dtmfQueue;
    QList<DtmfSender::Packet> dtmfPackets;
    qsizetype dtmfIndex = 0;
    int64_t dtmfStartMs = 0;
    uint32_t dtmfTimestamp = 0;
    int64_t dtmfGapUntilMs = 0;

    // SRTP
    std::unique_ptr<SrtpContext> srtpOut, srtpIn;
    QByteArray outKey, inKey; // compared on re-start so replay state survives an unchanged key
    bool srtpBroken = false;  // secure media negotiated but no context: send nothing in clear

    // Receiving
    bool receiving = false;
    std::map<int, sdp::Codec> audioCodecs; // by payload type
    std::map<int, int> eventRates;         // telephone-event payload type -> clock rate
    std::map<int, std::unique_ptr<AudioCodec>> decoders;
    std::unique_ptr<DtmfReceiver> dtmfReceiver;
    int dtmfReceiverRate = 0;
    std::unique_ptr<JitterBuffer> jitter;
    int playoutClockRate = 0;
    int64_t playoutEpochMs = 0;
    int64_t framesPlayed = 0;
    int lastDecodePt = -1;
    bool decodedAny = false;
    RtpReceiverStatistics rxStats;
    bool haveRemoteSsrc = false;
    uint32_t remoteSsrc = 0;
    int64_t lastRtpMs = 0;
    bool timedOut = false;
    bool latchedRtp = false, latchedRtcp = false;
    WavSink record;
    bool recordOpened = false;
    // The recording's time line starts with the session: what came before the first packet is
    // silence in the file, so a recording lines up with the call (and with the far side's --play).
    int64_t recordStartMs = 0;
    // startRecording(): both directions, mixed.
    std::unique_ptr<CallRecorder> recorder;
    int64_t playoutFrameEndMs = 0; // when the frame being delivered ends (the recorder's time line)

    // RTCP
    uint32_t lastSrReceived = 0; // middle 32 bits of the peer's last SR
    int64_t lastSrReceivedAtMs = 0;
    QByteArray cname;

    MediaSessionStats stats;

    void applyMedia(const sdp::NegotiatedMedia &m);
    bool setupSrtp(const sdp::NegotiatedMedia &m);
    void onTick();
    void sendDue(int64_t now);
    bool sendDtmfDue(int64_t now, uint32_t frameTimestamp);
    void sendRtp(RtpPacket &packet);
    void playoutDue(int64_t now);
    void playFrame(int64_t now);
    void deliver(const std::vector<int16_t> &mono, int rate);
    void onRtp(QByteArray data, const QHostAddress &from, quint16 port);
    void onRtcp(QByteArray data, const QHostAddress &from, quint16 port);
    void sendRtcp(bool bye);
    void scheduleRtcp();
    void checkTimeout(int64_t now);
    void refreshStats();
    uint32_t currentTimestamp(int64_t now) const;
    bool finishRecording(int64_t now);
    void failRecording();
    void error(MediaSession::Error e, const QString &detail) { Q_EMIT q->mediaError(e, detail); }
};

MediaSession::MediaSession(std::unique_ptr<RtpSocket> socket, const Config &config, QObject *parent)
    : QObject(parent)
    , d(new MediaSessionPrivate(this)) {
    d->socket = std::move(socket);
    d->socket->setParent(this);
    d->config = config;
    d->clock.start();
    // Children, so they move to the media thread with us.
    d->tick.setParent(this);
    d->rtcpTimer.setParent(this);
    d->statsTimer.setParent(this);
    d->tick.setTimerType(Qt::PreciseTimer);
    d->rtcpTimer.setSingleShot(true);
    connect(&d->tick, &QTimer::timeout, this, [this]() { d->onTick(); });
    connect(&d->rtcpTimer, &QTimer::timeout, this, [this]() {
        d->sendRtcp(false);
        d->scheduleRtcp();
    });
    connect(&d->statsTimer, &QTimer::timeout, this, [this]() {
        d->refreshStats();
        Q_EMIT statsUpdated(d->stats);
    });
    connect(d->socket.get(), &RtpSocket::rtpReceived, this,
            [this](const QByteArray &data, const QHostAddress &from, quint16 port) {
                d->onRtp(data, from, port);
            });
    connect(d->socket.get(), &RtpSocket::rtcpReceived, this,
            [this](const QByteArray &data, const QHostAddress &from, quint16 port) {
                d->onRtcp(data, from, port);
            });
    auto *gen = QRandomGenerator::global();
    d->ssrc = gen->generate();
    d->sequence = quint16(gen->generate()); // RFC 3550 §5.1: random initial values
    d->timestampBase = gen->generate();
    d->cname = QByteArray::number(gen->generate64(), 16) + '@' + QHostInfo::localHostName().toUtf8();
}

MediaSession::~MediaSession() {
    if (m_state == State::Running)
        stop();
    // The socket and timers are children (deleted by QObject); the unique_ptr must not double-free.
    (void)d->socket.release();
    d->tick.setParent(nullptr);
    d->rtcpTimer.setParent(nullptr);
    d->statsTimer.setParent(nullptr);
}

RtpSocket *MediaSession::socket() const {
    return d->socket.get();
}

void MediaSession::setState(State s) {
    if (m_state == s)
        return;
    m_state = s;
    Q_EMIT stateChanged(s);
}

void MediaSession::start(const sdp::NegotiatedMedia &media) {
    if (d->stopped)
        return;
    d->applyMedia(media);
    setState(State::Running);
}

void MediaSession::stop() {
    if (d->stopped)
        return;
    d->stopped = true;
    if (d->started) {
        if (d->dtmfReceiver)
            for (const DtmfReceiver::Digit &digit : d->dtmfReceiver->flush())
                Q_EMIT dtmfReceived(QChar::fromLatin1(digit.digit), digit.durationMs);
        d->sendRtcp(true);
    }
    d->tick.stop();
    d->rtcpTimer.stop();
    d->statsTimer.stop();
    if (d->device)
        d->device->stop();
    if (d->recordOpened && !d->record.close())
        d->error(Error::RecordFileUnwritable, d->config.recordFile);
    d->finishRecording(d->clock.elapsed());
    d->recordOpened = false;
    d->refreshStats();
    setState(State::Stopped);
}

bool MediaSession::sendDtmf(char digit, int durationMs) {
    if (!d->started || d->stopped || d->media.telephoneEventPayloadType < 0)
        return false;
    if (TelephoneEvent::eventForDigit(digit) < 0 || d->dtmfQueue.size() >= kMaxQueuedDigits)
        return false;
    d->dtmfQueue.append({digit, durationMs});
    return true;
}

void MediaSession::setMuted(bool muted) {
    d->muted = muted;
}

MediaSessionStats MediaSession::stats() const {
    d->refreshStats();
    return d->stats;
}

bool MediaSession::startRecording(const QString &path) {
    if (!d->started || d->stopped || path.isEmpty())
        return false;
    const int64_t now = d->clock.elapsed();
    d->finishRecording(now);
    // The send codec's audio rate (G.722: 16 kHz, Opus: 48 kHz); what we receive is resampled to it.
    const int rate = d->encoder ? d->encoder->clockRate() : 8000;
    auto recorder = std::make_unique<CallRecorder>();
    if (!recorder->open(path, rate, now)) {
        qCWarning(lcSession) << "cannot record to" << path << recorder->error().detail;
        d->error(Error::RecordFileUnwritable, path);
        return false;
    }
    d->recorder = std::move(recorder);
    return true;
}

bool MediaSession::stopRecording() {
    return d->finishRecording(d->clock.elapsed());
}

bool MediaSession::isRecording() const {
    return d->recorder != nullptr;
}

bool MediaSession::setAudioDevices(const QByteArray &inputId, const QByteArray &outputId) {
    if (!d->config.useAudioDevices || d->stopped)
        return false;
    d->config.inputDeviceId = inputId;
    d->config.outputDeviceId = outputId;
    if (d->device)
        d->device->setDevices(inputId, outputId); // else start() opens them
    return true;
}

bool MediaSessionPrivate::finishRecording(int64_t now) {
    if (!recorder)
        return true;
    const std::unique_ptr<CallRecorder> r = std::move(recorder);
    if (r->close(now))
        return true;
    error(MediaSession::Error::RecordFileUnwritable, r->path());
    return false;
}

void MediaSessionPrivate::failRecording() {
    // The disk is full or the file went away: the call goes on without the recording; whatever
    // was written is kept when the file can still be finalized.
    const QString path = recorder->path();
    qCWarning(lcSession) << "recording failed:" << path << recorder->error().detail;
    recorder->close(clock.elapsed());
    recorder.reset();
    error(MediaSession::Error::RecordFileUnwritable, path);
    Q_EMIT q->recordingFailed(path);
}

void MediaSessionPrivate::applyMedia(const sdp::NegotiatedMedia &m) {
    const bool first = !started;
    const sdp::NegotiatedMedia previous = media;
    media = m;
    const int64_t now = clock.elapsed();

    // Addresses: a new remote undoes an earlier latch.
    if (first || m.remoteAddress != previous.remoteAddress || m.remotePort != previous.remotePort ||
        m.remoteRtcpPort != previous.remoteRtcpPort || m.rtcpMux != previous.rtcpMux) {
        socket->setRemote(m.remoteAddress, m.remotePort, m.remoteRtcpPort, m.rtcpMux);
        latchedRtp = latchedRtcp = false;
    }

    setupSrtp(m);

    // Send codec.
    if (!encoder || !(m.sendCodec == sendCodec)) {
        const uint32_t tsNow = encoder ? currentTimestamp(now) : timestampBase;
        const int oldRate = encoder ? encoder->rtpClockRate() : 0;
        encoder = CodecFactory::create(m.sendCodec.name, m.sendCodec.clockRate, m.sendCodec.channels,
                                       m.sendCodec.fmtp, m.sendCodec.payloadType);
        sendCodec = m.sendCodec;
        if (!encoder)
            qCWarning(lcSession) << "cannot send codec" << m.sendCodec.name << m.sendCodec.clockRate;
        // Timestamps continue from where the old clock was (rescaled if the rate changed).
        timestampBase =
            oldRate && encoder ? uint32_t(uint64_t(tsNow) * encoder->rtpClockRate() / oldRate) : tsNow;
        sendEpochMs = now;
        framesDue = 0;
        markerNext = true;
    }
    const int ptime = m.ptime > 0 ? m.ptime : 20;
    const bool wasSending = sending;
    sending = encoder && sdp::directionSends(m.direction) && !m.remoteAddress.isNull() && m.remotePort != 0;
    if (sending && !wasSending)
        markerNext = true;

    // Receive codecs by payload type.
    audioCodecs.clear();
    eventRates.clear();
    for (const sdp::Codec &c : m.receiveCodecs) {
        if (c.isTelephoneEvent())
            eventRates[c.payloadType] = c.clockRate;
        else
            audioCodecs[c.payloadType] = c;
    }
    for (auto it = decoders.begin(); it != decoders.end();) {
        auto c = audioCodecs.find(it->first);
        if (c == audioCodecs.end())
            it = decoders.erase(it);
        else
            ++it;
    }
    const bool wasReceiving = receiving;
    receiving = sdp::directionReceives(m.direction);
    if (receiving && !wasReceiving) {
        lastRtpMs = now; // the timeout counts from when we start expecting packets
        if (jitter)
            jitter->reset();
        playoutEpochMs = now;
        framesPlayed = 0;
    }
    if (!receiving && timedOut) {
        timedOut = false;
        Q_EMIT q->rtpTimeoutChanged(false);
    }

    if (first) {
        started = true;
        if (encoder) {
            stats.codec =
                QString::fromLatin1(sendCodec.name) + QLatin1Char('/') + QString::number(sendCodec.clockRate);
            if (!config.recordFile.isEmpty()) {
                // The first negotiated codec's audio rate (G.722: 16 kHz), whatever comes later.
                recordOpened = record.open(config.recordFile, encoder->clockRate());
                recordStartMs = now;
                if (!recordOpened)
                    error(MediaSession::Error::RecordFileUnwritable, config.recordFile);
            }
        }
        if (!config.playFile.isEmpty()) {
            play = std::make_unique<WavSource>();
            if (!play->open(config.playFile, encoder ? encoder->clockRate() : 8000)) {
                error(MediaSession::Error::PlayFileUnreadable, config.playFile);
                play.reset();
            }
        }
        if (config.echo)
            echo = std::make_unique<EchoBuffer>(encoder ? encoder->clockRate() : 8000, config.echoDelayMs);
        if (config.useAudioDevices) {
            QString why;
            SoundSystem *sound = SoundSystem::instance(&why);
            device = sound ? sound->openCallAudio(config.inputDeviceId, config.outputDeviceId,
                                                  config.echoCancellation)
                           : nullptr;
            if (!device) {
                error(MediaSession::Error::AudioDeviceFailed, why);
            } else {
                // Runs on this (the media) thread, inside the device's own calls.
                device->onError = [this](AudioDevice::Error e, const QString &detail) {
                    switch (e) {
                    case AudioDevice::Error::NoInput:
                        error(MediaSession::Error::NoAudioInput, detail);
                        break;
                    case AudioDevice::Error::NoOutput:
                        error(MediaSession::Error::NoAudioOutput, detail);
                        break;
                    case AudioDevice::Error::Failed:
                        error(MediaSession::Error::AudioDeviceFailed, detail);
                        break;
                    }
                };
                device->start();
            }
        }
        lastRtpMs = now;
        playoutEpochMs = now;
        tick.start(ptime);
        statsTimer.start(qMax(50, config.statsIntervalMs));
        // RFC 3550 §6.2: the first report after half an interval.
        rtcpTimer.start(qMax(10, config.rtcpIntervalMs / 2));
    } else {
        if (encoder)
            stats.codec =
                QString::fromLatin1(sendCodec.name) + QLatin1Char('/') + QString::number(sendCodec.clockRate);
        if (play && encoder && play->outputRate() != encoder->clockRate())
            play->setOutputRate(encoder->clockRate());
        if (tick.interval() != ptime)
            tick.setInterval(ptime);
    }
}

bool MediaSessionPrivate::setupSrtp(const sdp::NegotiatedMedia &m) {
    stats.secure = m.isSecure();
    if (!m.isSecure()) {
        srtpOut.reset();
        srtpIn.reset();
        outKey.clear();
        inKey.clear();
        srtpBroken = false;
        return true;
    }
    const QByteArray newOut = m.localCrypto->suiteNameAsWritten() + m.localCrypto->keySalt();
    const QByteArray newIn = m.remoteCrypto->suiteNameAsWritten() + m.remoteCrypto->keySalt();
    bool ok = true;
    if (!srtpOut || newOut != outKey) {
        SrtpContext::Error err = SrtpContext::Error::None;
        srtpOut = SrtpContext::create(srtpSuite(m.localCrypto->suite()), m.localCrypto->keySalt(),
                                      SrtpContext::Direction::Outbound, &err);
        outKey = srtpOut ? newOut : QByteArray();
        ok = ok && srtpOut;
    }
    if (!srtpIn || newIn != inKey) {
        SrtpContext::Error err = SrtpContext::Error::None;
        srtpIn = SrtpContext::create(srtpSuite(m.remoteCrypto->suite()), m.remoteCrypto->keySalt(),
                                     SrtpContext::Direction::Inbound, &err);
        inKey = srtpIn ? newIn : QByteArray();
        ok = ok && srtpIn;
    }
    srtpBroken = !ok;
    if (!ok)
        error(MediaSession::Error::SrtpSetupFailed, QString()); // never the key itself
    return ok;
}

uint32_t MediaSessionPrivate::currentTimestamp(int64_t now) const {
    const int rate = encoder ? encoder->rtpClockRate() : 8000;
    return timestampBase + uint32_t((now - sendEpochMs) * rate / 1000);
}

void MediaSessionPrivate::onTick() {
    if (!started || stopped)
        return;
    const int64_t now = clock.elapsed();
    sendDue(now);
    playoutDue(now);
    if (recorder && !recorder->advance(now))
        failRecording();
    checkTimeout(now);
}

void MediaSessionPrivate::sendDue(int64_t now) {
    if (!encoder)
        return;
    // We packetize in the codec's frame (20 ms, the ptime everyone accepts). Frames are counted
    // against elapsed real time, not timer ticks, so a late timer sends the frames it owes and the
    // RTP clock never drifts from the wall clock.
    const int frameMs = encoder->frameMs();
    const int64_t due = (now - sendEpochMs) / frameMs + 1;
    if (due - framesDue > kMaxFramesPerTick) {
        framesDue = due - 1; // a long stall: skip ahead (the timestamp jumps, marker set)
        markerNext = true;
    }
    while (framesDue < due) {
        const int64_t frameStart = sendEpochMs + framesDue * frameMs;
        const uint32_t ts = timestampBase + uint32_t(framesDue * encoder->rtpTimestampIncrement());
        ++framesDue;
        if (!sending || srtpBroken) {
            // Hold: the file still advances in real time, as a radio would.
            if (play)
                play->read(encoder->frameSamples());
            markerNext = true;
            continue;
        }
        if (sendDtmfDue(frameStart, ts)) {
            if (play)
                play->read(encoder->frameSamples());
            continue;
        }
        std::vector<int16_t> pcm;
        const int n = encoder->frameSamples();
        if (echo && echo->outputRate() != encoder->clockRate()) // a new codec (re-INVITE)
            echo = std::make_unique<EchoBuffer>(encoder->clockRate(), config.echoDelayMs);
        if (echo)
            pcm = echo->read(n);
        else if (device && device->hasInput())
            pcm = device->capture(n, encoder->clockRate());
        else if (play)
            pcm = play->read(n);
        if (play && play->atEnd() && !playbackFinishedSent) {
            playbackFinishedSent = true;
            Q_EMIT q->playbackFinished();
        }
        if (muted || pcm.empty())
            pcm.assign(size_t(n), 0);
        // Recorded as sent (muted: silence), before the codec's stereo copy.
        if (recorder &&
            !recorder->add(CallRecorder::Direction::Sent, pcm, encoder->clockRate(), frameStart + frameMs))
            failRecording();
        if (encoder->channels() == 2) {
            std::vector<int16_t> stereo(pcm.size() * 2);
            for (size_t i = 0; i < pcm.size(); ++i)
                stereo[2 * i] = stereo[2 * i + 1] = pcm[i];
            pcm = std::move(stereo);
        }
        RtpPacket p;
        p.payloadType = uint8_t(sendCodec.payloadType);
        p.timestamp = ts;
        p.marker = markerNext;
        markerNext = false;
        p.payload = encoder->encode(pcm);
        if (p.payload.isEmpty())
            continue;
        sendRtp(p);
    }
}

bool MediaSessionPrivate::sendDtmfDue(int64_t frameStart, uint32_t frameTimestamp) {
    if (dtmfPackets.isEmpty()) {
        if (dtmfQueue.isEmpty() || frameStart < dtmfGapUntilMs || media.telephoneEventPayloadType < 0)
            return false;
        const QueuedDigit digit = dtmfQueue.takeFirst();
        DtmfSender::Options o;
        o.clockRate = media.telephoneEventClockRate > 0 ? media.telephoneEventClockRate : 8000;
        o.intervalMs = encoder->frameMs();
        o.endSpacingMs = encoder->frameMs();
        dtmfPackets = DtmfSender::schedule(digit.digit, digit.durationMs, o);
        dtmfIndex = 0;
        dtmfStartMs = frameStart;
        dtmfTimestamp = frameTimestamp;
        if (dtmfPackets.isEmpty())
            return false;
    }
    // Event packets replace audio for the event's duration (RFC 4733 §2.5.1.2); all carry the
    // event's start timestamp.
    while (dtmfIndex < dtmfPackets.size() && dtmfStartMs + dtmfPackets[dtmfIndex].offsetMs <= frameStart) {
        const DtmfSender::Packet &e = dtmfPackets[dtmfIndex++];
        RtpPacket p;
        p.payloadType = uint8_t(media.telephoneEventPayloadType);
        p.timestamp = dtmfTimestamp;
        p.marker = e.marker;
        p.payload = e.event.toBytes();
        sendRtp(p);
    }
    if (dtmfIndex >= dtmfPackets.size()) {
        dtmfPackets.clear();
        dtmfGapUntilMs = frameStart + kInterDigitGapMs;
        markerNext = true;
    }
    return true;
}

void MediaSessionPrivate::sendRtp(RtpPacket &p) {
    p.ssrc = ssrc;
    p.sequence = sequence++;
    QByteArray wire = p.toBytes();
    if (srtpOut && srtpOut->protectRtp(wire) != SrtpContext::Error::None)
        return;
    if (!socket->sendRtp(wire))
        return;
    ++stats.packetsSent;
    stats.bytesSent += quint64(wire.size());
    ++senderPackets;
    senderOctets += uint32_t(p.payload.size());
    sentSinceReport = true;
}

void MediaSessionPrivate::playoutDue(int64_t now) {
    if (!receiving || !jitter)
        return;
    const int frameMs = jitter->config().frameMs;
    const int64_t due = (now - playoutEpochMs) / frameMs + 1;
    if (due - framesPlayed > kMaxFramesPerTick)
        framesPlayed = due - 1;
    while (framesPlayed < due) {
        ++framesPlayed;
        playoutFrameEndMs = playoutEpochMs + framesPlayed * frameMs;
        playFrame(now);
    }
}

void MediaSessionPrivate::playFrame(int64_t now) {
    // Payloads in the jitter buffer carry their payload type in front (a stream may switch codecs).
    const JitterBuffer::Frame f = jitter->pop(now);
    auto decoderFor = [this](int pt) -> AudioCodec * {
        auto it = decoders.find(pt);
        if (it != decoders.end())
            return it->second.get();
        auto c = audioCodecs.find(pt);
        if (c == audioCodecs.end())
            return nullptr;
        auto codec =
            CodecFactory::create(c->second.name, c->second.clockRate, c->second.channels, c->second.fmtp, pt);
        if (!codec)
            return nullptr;
        return (decoders[pt] = std::move(codec)).get();
    };
    switch (f.kind) {
    case JitterBuffer::Frame::Kind::Packet: {
        if (f.payload.isEmpty())
            return;
        const int pt = uint8_t(f.payload[0]);
        AudioCodec *codec = decoderFor(pt);
        if (!codec)
            return;
        lastDecodePt = pt;
        if (!decodedAny && recordOpened) {
            // Pad to this frame's start: it plays from now - frameMs to now.
            const int64_t gapMs = now - recordStartMs - jitter->config().frameMs;
            if (gapMs > 0)
                record.write(std::vector<int16_t>(size_t(record.sampleRate() * gapMs / 1000), 0),
                             record.sampleRate());
        }
        decodedAny = true;
        deliver(toMono(codec->decode(QByteArrayView(f.payload).sliced(1)), codec->channels()),
                codec->clockRate());
        break;
    }
    case JitterBuffer::Frame::Kind::Missing: {
        AudioCodec *codec = lastDecodePt >= 0 ? decoderFor(lastDecodePt) : nullptr;
        if (!codec)
            return;
        std::vector<int16_t> pcm;
        // Opus: rebuild the lost frame from the next packet's in-band FEC when we have it.
        if (!f.next.isEmpty() && codec->supportsFec() && uint8_t(f.next[0]) == lastDecodePt)
            pcm = codec->decodeFec(QByteArrayView(f.next).sliced(1));
        else
            pcm = codec->conceal();
        deliver(toMono(std::move(pcm), codec->channels()), codec->clockRate());
        break;
    }
    case JitterBuffer::Frame::Kind::Empty: {
        // Nothing to play: keep the recording's time line once the stream has begun.
        if (!decodedAny)
            return;
        const int rate = record.isOpen() ? record.sampleRate() : 8000;
        deliver(std::vector<int16_t>(size_t(rate * jitter->config().frameMs / 1000), 0), rate);
        break;
    }
    }
}

void MediaSessionPrivate::deliver(const std::vector<int16_t> &mono, int rate) {
    if (mono.empty())
        return;
    if (recordOpened)
        record.write(mono, rate);
    if (recorder && !recorder->add(CallRecorder::Direction::Received, mono, rate, playoutFrameEndMs))
        failRecording();
    if (echo)
        echo->write(mono, rate);
    if (device)
        device->play(mono, rate);
}

void MediaSessionPrivate::onRtp(QByteArray data, const QHostAddress &from, quint16 port) {
    if (!started || stopped || !receiving)
        return; // sendonly/inactive: received media is not processed
    if (data.size() > kMaxRtpSize)
        return;
    if (srtpIn) {
        if (srtpIn->unprotectRtp(data) != SrtpContext::Error::None) {
            ++stats.srtpFailures;
            return;
        }
    } else if (srtpBroken) {
        return;
    }
    const std::optional<RtpPacket> p = RtpPacket::parse(data);
    if (!p)
        return;
    const bool isEvent = eventRates.count(p->payloadType) > 0;
    auto codecIt = audioCodecs.find(p->payloadType);
    if (!isEvent && codecIt == audioCodecs.end())
        return; // not negotiated
    // Symmetric RTP (RFC 4961): follow the peer to where its authenticated packets come from.
    if (!latchedRtp && (from != socket->remoteAddress() || port != socket->remoteRtpPort())) {
        latchedRtp = true;
        socket->latchRtp(from, port);
    } else {
        latchedRtp = true;
    }
    const int64_t now = clock.elapsed();
    if (!haveRemoteSsrc || p->ssrc != remoteSsrc) {
        haveRemoteSsrc = true;
        remoteSsrc = p->ssrc;
        rxStats.reset();
        if (jitter)
            jitter->reset();
        lastSrReceived = 0;
    }
    ++stats.packetsReceived;
    stats.bytesReceived += quint64(data.size());
    lastRtpMs = now;
    if (timedOut) {
        timedOut = false;
        Q_EMIT q->rtpTimeoutChanged(false);
    }

    if (isEvent) {
        const int rate = eventRates[p->payloadType];
        rxStats.update(p->sequence, p->timestamp, double(now), false);
        if (!dtmfReceiver || dtmfReceiverRate != rate) {
            dtmfReceiver = std::make_unique<DtmfReceiver>(rate);
            dtmfReceiverRate = rate;
        }
        const std::optional<TelephoneEvent> ev = TelephoneEvent::parse(p->payload);
        if (!ev)
            return;
        for (const DtmfReceiver::Digit &digit : dtmfReceiver->onPacket(p->timestamp, *ev))
            Q_EMIT q->dtmfReceived(QChar::fromLatin1(digit.digit), digit.durationMs);
        return;
    }

    const sdp::Codec &codec = codecIt->second;
    // G.722 says 8000 in SDP and means it for RTP timestamps; everything else runs at its rate.
    const int rtpRate = codec.clockRate;
    if (rxStats.clockRate() != rtpRate)
        rxStats.setClockRate(rtpRate);
    rxStats.update(p->sequence, p->timestamp, double(now), true);
    if (!jitter || playoutClockRate != rtpRate) {
        JitterBuffer::Config c;
        c.clockRate = rtpRate;
        c.frameMs = media.ptime > 0 ? media.ptime : 20;
        jitter = std::make_unique<JitterBuffer>(c);
        playoutClockRate = rtpRate;
        playoutEpochMs = now;
        framesPlayed = 0;
    }
    QByteArray payload;
    payload.reserve(p->payload.size() + 1);
    payload.append(char(p->payloadType));
    payload.append(p->payload);
    jitter->put(p->sequence, p->timestamp, payload, now, p->marker);
}

void MediaSessionPrivate::onRtcp(QByteArray data, const QHostAddress &from, quint16 port) {
    if (!started || stopped || data.size() > kMaxRtpSize)
        return;
    if (srtpIn) {
        if (srtpIn->unprotectRtcp(data) != SrtpContext::Error::None) {
            ++stats.srtpFailures;
            return;
        }
    } else if (srtpBroken) {
        return;
    }
    const std::optional<QList<RtcpPacket>> packets = RtcpPacket::parseCompound(data);
    if (!packets)
        return;
    if (!latchedRtcp) {
        latchedRtcp = true;
        if (!media.rtcpMux && (from != socket->remoteAddress() || port != socket->remoteRtcpPort()))
            socket->latchRtcp(from, port);
    }
    ++stats.rtcpReceived;
    const int64_t now = clock.elapsed();
    for (const RtcpPacket &r : *packets) {
        if (r.type == RtcpPacket::Type::SenderReport) {
            lastSrReceived = ntpMiddle(r.ntpTimestamp);
            lastSrReceivedAtMs = now;
        }
        if (r.type != RtcpPacket::Type::SenderReport && r.type != RtcpPacket::Type::ReceiverReport)
            continue;
        for (const RtcpReportBlock &b : r.reports) {
            if (b.ssrc != ssrc)
                continue;
            stats.remoteLossPercent = b.fractionLost * 100.0 / 256.0;
            if (b.lastSr != 0) {
                // RFC 3550 §6.4.1 (A.8 figure): RTT = A - LSR - DLSR, in 1/65536 s.
                const uint32_t a = ntpMiddle(ntpNow());
                const int64_t rtt = int64_t(a) - int64_t(b.lastSr) - int64_t(b.delaySinceLastSr);
                const int64_t wrapped = rtt < -(int64_t(1) << 31) ? rtt + (int64_t(1) << 32) : rtt;
                if (wrapped >= 0 && wrapped < 65536 * 60)
                    stats.rttMs = double(wrapped) * 1000.0 / 65536.0;
            }
        }
    }
}

void MediaSessionPrivate::sendRtcp(bool bye) {
    if (!started || srtpBroken)
        return;
    const int64_t now = clock.elapsed();
    QList<RtcpReportBlock> blocks;
    if (haveRemoteSsrc && rxStats.started()) {
        RtcpReportBlock b = rxStats.makeReportBlock(remoteSsrc);
        if (lastSrReceived != 0) {
            b.lastSr = lastSrReceived;
            b.delaySinceLastSr = uint32_t((now - lastSrReceivedAtMs) * 65536 / 1000);
        }
        blocks.append(b);
    }
    QList<RtcpPacket> compound;
    if (sentSinceReport && encoder) {
        compound.append(RtcpPacket::senderReport(ssrc, ntpNow(), currentTimestamp(now), senderPackets,
                                                 senderOctets, blocks));
    } else {
        compound.append(RtcpPacket::receiverReport(ssrc, blocks));
    }
    sentSinceReport = false;
    compound.append(RtcpPacket::sdesCname(ssrc, cname));
    if (bye)
        compound.append(RtcpPacket::bye({ssrc}));
    QByteArray wire = RtcpPacket::compoundToBytes(compound);
    if (srtpOut && srtpOut->protectRtcp(wire) != SrtpContext::Error::None)
        return;
    if (socket->sendRtcp(wire))
        ++stats.rtcpSent;
}

void MediaSessionPrivate::scheduleRtcp() {
    if (stopped)
        return;
    // RFC 3550 §6.3.1: randomized over [0.5, 1.5] × the interval so sessions do not synchronise.
    const double factor = 0.5 + QRandomGenerator::global()->generateDouble();
    rtcpTimer.start(qMax(10, int(config.rtcpIntervalMs * factor)));
}

void MediaSessionPrivate::checkTimeout(int64_t now) {
    if (!receiving || timedOut)
        return;
    if (now - lastRtpMs >= config.rtpTimeoutMs) {
        timedOut = true;
        Q_EMIT q->rtpTimeoutChanged(true);
    }
}

void MediaSessionPrivate::refreshStats() {
    stats.packetsLost = rxStats.cumulativeLost();
    stats.lossPercent = rxStats.lossPercent();
    stats.jitterMs = rxStats.jitterMs();
}

} // namespace parlo::media

#include "call/EngineCallMedia.h"

#include "media/MediaEngine.h"
#include "media/MediaSession.h"
#include "media/RtpSocket.h"

#include <QThread>

namespace parlo {

namespace {
CallMediaError toCallError(media::MediaSession::Error e) {
    switch (e) {
    case media::MediaSession::Error::NoAudioInput:
        return CallMediaError::NoAudioInput;
    case media::MediaSession::Error::NoAudioOutput:
        return CallMediaError::NoAudioOutput;
    case media::MediaSession::Error::AudioDeviceFailed:
        return CallMediaError::AudioDeviceFailed;
    case media::MediaSession::Error::PlayFileUnreadable:
        return CallMediaError::PlayFileUnreadable;
    case media::MediaSession::Error::RecordFileUnwritable:
        return CallMediaError::RecordFileUnwritable;
    case media::MediaSession::Error::SrtpSetupFailed:
        return CallMediaError::SrtpSetupFailed;
    }
    return CallMediaError::AudioDeviceFailed;
}
} // namespace

CallMediaFactory makeCallMediaFactory(media::MediaEngine *engine, CallMediaOptions options) {
    QPointer<media::MediaEngine> guard(engine);
    return [guard, options](const QHostAddress &towards) -> std::unique_ptr<CallMedia> {
        if (!guard)
            return nullptr;
        return createCallMedia(guard.data(), options, towards);
    };
}

std::unique_ptr<CallMedia> createCallMedia(media::MediaEngine *engine, const CallMediaOptions &options,
                                           const QHostAddress &towards) {
    if (!engine || !engine->isRunning())
        return nullptr;
    // Bound here, on the caller's thread, so localPort() is right before the first offer; the
    // sockets then move with their session to the media thread.
    auto socket = media::RtpSocket::bind(towards);
    if (!socket)
        return nullptr;
    media::MediaSession::Config config;
    config.playFile = options.playFile;
    config.recordFile = options.recordFile;
    config.useAudioDevices = options.useAudioDevices;
    config.inputDeviceId = options.inputDeviceId;
    config.outputDeviceId = options.outputDeviceId;
    config.echoCancellation = options.echoCancellation;
    config.rtcpIntervalMs = options.rtcpIntervalMs;
    config.echo = options.echo;
    const QHostAddress address = socket->localAddress();
    const quint16 port = socket->localPort();
    auto *session = new media::MediaSession(std::move(socket), config);
    engine->adopt(session);
    std::unique_ptr<EngineCallMedia> m(new EngineCallMedia(engine, session));
    m->m_localAddress = address;
    m->m_localPort = port;
    m->m_usesAudioDevices = options.useAudioDevices;
    return m;
}

EngineCallMedia::EngineCallMedia(media::MediaEngine *engine, media::MediaSession *session)
    : m_engine(engine)
    , m_session(session) {
    // Cross-thread: these connections are queued, so the signals arrive on our thread.
    connect(session, &media::MediaSession::statsUpdated, this, &EngineCallMedia::onStats);
    connect(session, &media::MediaSession::dtmfReceived, this, &CallMedia::dtmfReceived);
    connect(session, &media::MediaSession::rtpTimeoutChanged, this, &CallMedia::rtpTimeoutChanged);
    connect(session, &media::MediaSession::playbackFinished, this, &CallMedia::playbackFinished);
    connect(session, &media::MediaSession::recordingFailed, this, &CallMedia::recordingFailed);
    connect(session, &media::MediaSession::mediaError, this,
            [this](media::MediaSession::Error e, const QString &detail) {
                Q_EMIT mediaError(toCallError(e), detail);
            });
}

EngineCallMedia::~EngineCallMedia() {
    if (!workerReachable())
        return; // the engine already deleted the worker on its thread
    disconnect(m_session, nullptr, this, nullptr);
    if (m_running)
        stop();
    m_session->deleteLater();
}

bool EngineCallMedia::workerReachable() const {
    return m_engine && m_engine->isRunning() && m_session;
}

void EngineCallMedia::start(const sdp::NegotiatedMedia &media) {
    if (!workerReachable())
        return;
    m_running = true;
    m_canSendDtmf = media.telephoneEventPayloadType >= 0 && sdp::directionSends(media.direction);
    QMetaObject::invokeMethod(
        m_session, [s = m_session.data(), media]() { s->start(media); }, Qt::QueuedConnection);
}

void EngineCallMedia::stop() {
    if (!m_running)
        return;
    m_running = false;
    m_canSendDtmf = false;
    if (!workerReachable())
        return;
    // Blocking: when stop() returns the recording is finalized and RTCP BYE has gone out. The
    // worker never blocks on us, so this cannot deadlock.
    media::MediaSessionStats last;
    QMetaObject::invokeMethod(
        m_session,
        [s = m_session.data(), &last]() {
            s->stop();
            last = s->stats();
        },
        Qt::BlockingQueuedConnection);
    onStats(last);
}

bool EngineCallMedia::sendDtmf(QChar digit, int durationMs) {
    if (!m_running || !m_canSendDtmf || !workerReachable())
        return false;
    const char c = digit.toUpper().toLatin1();
    if (!QByteArrayView("0123456789*#ABCD").contains(c) || c == 0)
        return false;
    QMetaObject::invokeMethod(
        m_session, [s = m_session.data(), c, durationMs]() { s->sendDtmf(c, durationMs); },
        Qt::QueuedConnection);
    return true;
}

void EngineCallMedia::setMuted(bool muted) {
    if (!workerReachable())
        return;
    QMetaObject::invokeMethod(
        m_session, [s = m_session.data(), muted]() { s->setMuted(muted); }, Qt::QueuedConnection);
}

bool EngineCallMedia::startRecording(const QString &path) {
    if (!m_running || !workerReachable())
        return false;
    // Blocking, as stop(): opening the file is quick, and the caller learns at once whether it
    // records (the worker never blocks on us).
    bool ok = false;
    QMetaObject::invokeMethod(
        m_session, [s = m_session.data(), &ok, path]() { ok = s->startRecording(path); },
        Qt::BlockingQueuedConnection);
    return ok;
}

bool EngineCallMedia::stopRecording() {
    if (!workerReachable())
        return false;
    // Blocking: the file is finalized and in place when this returns.
    bool ok = false;
    QMetaObject::invokeMethod(
        m_session, [s = m_session.data(), &ok]() { ok = s->stopRecording(); }, Qt::BlockingQueuedConnection);
    return ok;
}

bool EngineCallMedia::setAudioDevices(const QByteArray &inputId, const QByteArray &outputId) {
    if (!m_usesAudioDevices || !workerReachable())
        return false;
    // Queued: opening devices may take a while; failures come back as mediaError.
    QMetaObject::invokeMethod(
        m_session, [s = m_session.data(), inputId, outputId]() { s->setAudioDevices(inputId, outputId); },
        Qt::QueuedConnection);
    return true;
}

void EngineCallMedia::onStats(const media::MediaSessionStats &s) {
    CallMediaStats c;
    c.codec = s.codec;
    c.secure = s.secure;
    c.packetsSent = s.packetsSent;
    c.bytesSent = s.bytesSent;
    c.packetsReceived = s.packetsReceived;
    c.bytesReceived = s.bytesReceived;
    c.packetsLost = s.packetsLost;
    c.lossPercent = s.lossPercent;
    c.jitterMs = s.jitterMs;
    c.rttMs = s.rttMs;
    c.remoteLossPercent = s.remoteLossPercent;
    c.srtpFailures = s.srtpFailures;
    m_stats = c;
    Q_EMIT statsChanged();
}

} // namespace parlo

#include "call/Call.h"

#include <QLoggingCategory>

#include <algorithm>

Q_LOGGING_CATEGORY(lcCall, "parlo.call")

namespace parlo {

using namespace parlo::sip;
using namespace parlo::sdp;

namespace {
constexpr QByteArrayView kSdp = "application/sdp";
constexpr QByteArrayView kDtmfRelay = "application/dtmf-relay";
// Silence between two digits of one sendDtmf() string, so receivers see separate events.
constexpr int kDtmfGapMs = 100;
constexpr int kMinDtmfMs = 40, kMaxDtmfMs = 5000;

// RFC 4733 events 0-15 as characters; lower-case a-d accepted.
QChar normalizedDigit(QChar c) {
    const QChar u = c.toUpper();
    if ((u >= QLatin1Char('0') && u <= QLatin1Char('9')) || u == QLatin1Char('*') || u == QLatin1Char('#') ||
        (u >= QLatin1Char('A') && u <= QLatin1Char('D')))
        return u;
    return {};
}

Call::EndReason mapEnd(InviteSession::EndReason r, int status) {
    using E = InviteSession::EndReason;
    switch (r) {
    case E::None:
        return Call::EndReason::None;
    case E::LocalBye:
    case E::LocalCancel:
        return Call::EndReason::HungUpLocally;
    case E::RemoteBye:
        return Call::EndReason::HungUpRemotely;
    case E::RemoteCancel:
        return Call::EndReason::Cancelled;
    case E::Rejected:
    case E::TooManyRedirects:
        return status == 486 || status == 600 ? Call::EndReason::Busy : Call::EndReason::Rejected;
    case E::LocalReject:
        return Call::EndReason::Declined;
    case E::Timeout:
    case E::TransportError:
    case E::ResolveFailed:
        return Call::EndReason::NotReachable;
    case E::NoAck:
    case E::DialogGone:
        return Call::EndReason::ConnectionLost;
    case E::AuthFailed:
        return Call::EndReason::AuthenticationFailed;
    case E::NotAcceptable:
        return Call::EndReason::NoCommonMedia;
    }
    return Call::EndReason::Rejected;
}
} // namespace

Call::Call(Direction direction, const MediaCapabilities &caps, std::unique_ptr<CallMedia> media,
           QObject *parent)
    : QObject(parent)
    , m_direction(direction)
    , m_offerAnswer([&] {
        MediaCapabilities c = caps;
        if (media) {
            c.address = media->localAddress();
            c.port = media->localPort();
        }
        return c;
    }())
    , m_media(std::move(media))
    , m_state(direction == Direction::Outgoing ? State::Dialing : State::Ringing)
    , m_startTime(QDateTime::currentDateTimeUtc()) {
    connectMedia();
}

Call::~Call() {
    if (m_dtmfTimer)
        m_clock->cancel(m_dtmfTimer);
    if (m_media)
        m_media->stop();
}

void Call::connectMedia() {
    if (!m_media)
        return;
    connect(m_media.get(), &CallMedia::dtmfReceived, this,
            [this](QChar digit, int durationMs) { Q_EMIT dtmfReceived(digit, durationMs, DtmfMethod::Rtp); });
    connect(m_media.get(), &CallMedia::statsChanged, this, &Call::statsChanged);
    connect(m_media.get(), &CallMedia::mediaError, this, &Call::mediaError);
    connect(m_media.get(), &CallMedia::playbackFinished, this, &Call::playbackFinished);
    connect(m_media.get(), &CallMedia::recordingFailed, this, [this](const QString &path) {
        if (path == m_recordingFile)
            setRecording(false);
    });
    connect(m_media.get(), &CallMedia::rtpTimeoutChanged, this, [this](bool noRtp) {
        m_noRtp = noRtp;
        updateOneWayAudio();
    });
}

CallMediaStats Call::stats() const {
    return m_media ? m_media->stats() : CallMediaStats{};
}

void Call::updateOneWayAudio() {
    // Before the answer silence is normal (ringing), and on hold either side may stop sending.
    const bool oneWay = m_noRtp && m_state == State::Active && !m_localHold && !m_remoteHold;
    if (oneWay == m_oneWayAudio)
        return;
    m_oneWayAudio = oneWay;
    Q_EMIT oneWayAudioChanged(oneWay);
}

void Call::setMuted(bool muted) {
    if (m_muted == muted)
        return;
    m_muted = muted;
    if (m_media)
        m_media->setMuted(muted);
    Q_EMIT mutedChanged(muted);
}

bool Call::startRecording(const QString &path) {
    if (!m_media || path.isEmpty() || m_state == State::Ending || m_state == State::Ended)
        return false;
    // The media finishes a running recording itself; we only follow.
    m_recordingFile = path;
    const bool ok = m_media->startRecording(path);
    if (!ok)
        qCWarning(lcCall) << "cannot record the call to" << path;
    setRecording(ok);
    return ok;
}

bool Call::stopRecording() {
    if (!m_recording)
        return true;
    const bool ok = !m_media || m_media->stopRecording();
    setRecording(false);
    return ok;
}

bool Call::setAudioDevices(const QByteArray &inputId, const QByteArray &outputId) {
    if (!m_media || m_state == State::Ended)
        return false;
    return m_media->setAudioDevices(inputId, outputId);
}

void Call::setRecording(bool on) {
    if (m_recording == on)
        return;
    m_recording = on;
    Q_EMIT recordingChanged(on);
}

bool Call::sendDtmf(const QString &digits, int durationMs) {
    if (m_state != State::Active || digits.isEmpty() || m_dtmfQueue.size() + digits.size() > kMaxQueuedDigits)
        return false;
    QString normalized;
    for (QChar c : digits) {
        const QChar d = normalizedDigit(c);
        if (d.isNull())
            return false;
        normalized.append(d);
    }
    m_dtmfDurationMs = std::clamp(durationMs, kMinDtmfMs, kMaxDtmfMs);
    m_dtmfQueue.append(normalized);
    if (!m_dtmfTimer)
        sendNextDigit();
    return true;
}

void Call::sendNextDigit() {
    m_dtmfTimer = 0;
    if (m_dtmfQueue.isEmpty())
        return;
    if (m_state != State::Active) {
        m_dtmfQueue.clear();
        return;
    }
    const QChar digit = m_dtmfQueue.front();
    m_dtmfQueue.remove(0, 1);
    if (m_media && m_media->sendDtmf(digit, m_dtmfDurationMs)) {
        Q_EMIT dtmfSent(digit, DtmfMethod::Rtp);
    } else if (m_session && m_session->info({kDtmfRelay.toByteArray(),
                                             "Signal=" + QByteArray(1, digit.toLatin1()) + "\r\nDuration=" +
                                                 QByteArray::number(m_dtmfDurationMs) + "\r\n"})) {
        Q_EMIT dtmfSent(digit, DtmfMethod::Info);
    } else {
        qCWarning(lcCall) << "no way to send DTMF" << digit;
    }
    if (!m_dtmfQueue.isEmpty())
        m_dtmfTimer = m_clock->schedule(m_dtmfDurationMs + kDtmfGapMs, [this]() { sendNextDigit(); });
}

void Call::attach(InviteSession *session) {
    m_session = session;
    if (!session)
        return;
    session->setHandler(this);
    const NameAddr remote = session->remoteIdentity();
    m_remoteUri = QString::fromUtf8(remote.uri().toString());
    m_remoteName = remote.displayName();
    connect(session, &InviteSession::stateChanged, this, &Call::onSessionState);
    connect(session, &InviteSession::ended, this, &Call::onSessionEnded);
    connect(session, &InviteSession::reinviteFinished, this, [this](int status) {
        if (status >= 200 && status < 300)
            return;
        // The peer refused the re-offer: nothing changed, including our hold state.
        m_offerAnswer.rollback();
        const bool wasHold = m_localHold;
        m_localHold = m_offerAnswer.negotiated() &&
                      !directionReceives(m_offerAnswer.negotiated()->direction) &&
                      directionSends(m_offerAnswer.negotiated()->direction);
        m_wantedDirection = m_localHold ? std::optional(sdp::Direction::SendOnly) : std::nullopt;
        if (wasHold != m_localHold)
            Q_EMIT holdChanged(m_localHold);
    });
    connect(session, &InviteSession::infoReceived, this, [this](const SessionBody &body) {
        if (!body.contentType.toLower().startsWith(kDtmfRelay))
            return;
        QChar digit;
        int duration = 0;
        for (const QByteArray &line : body.data.split('\n')) {
            const QByteArray l = line.trimmed();
            const int eq = l.indexOf('=');
            if (eq < 0)
                continue;
            const QByteArray key = l.left(eq).trimmed().toLower();
            const QByteArray value = l.mid(eq + 1).trimmed();
            if (key == "signal" && value.size() == 1)
                digit = normalizedDigit(QChar::fromLatin1(value.at(0)));
            else if (key == "signal" && value == "10") // some gateways send * and # as numbers
                digit = QLatin1Char('*');
            else if (key == "signal" && value == "11")
                digit = QLatin1Char('#');
            else if (key == "duration")
                duration = std::clamp(value.toInt(), 0, 60000);
        }
        if (!digit.isNull())
            Q_EMIT dtmfReceived(digit, duration > 0 ? duration : 160, DtmfMethod::Info);
    });
}

void Call::setState(State s) {
    if (m_state == s)
        return;
    m_state = s;
    if (s == State::Active && !m_answerTime.isValid())
        m_answerTime = QDateTime::currentDateTimeUtc();
    if (s == State::Ended && m_dtmfTimer) {
        m_clock->cancel(m_dtmfTimer);
        m_dtmfTimer = 0;
        m_dtmfQueue.clear();
    }
    Q_EMIT stateChanged(s);
    updateOneWayAudio();
}

void Call::onSessionState(InviteSession::State s) {
    switch (s) {
    case InviteSession::State::Idle:
    case InviteSession::State::Calling:
        break;
    case InviteSession::State::Proceeding:
        setState(State::Ringing);
        break;
    case InviteSession::State::EarlyMedia:
        setState(State::EarlyMedia);
        break;
    case InviteSession::State::Connecting:
        setState(State::Connecting);
        break;
    case InviteSession::State::Confirmed:
        setState(State::Active);
        break;
    case InviteSession::State::Terminating:
        setState(State::Ending);
        break;
    case InviteSession::State::Terminated:
        break; // ended() carries the reason
    }
}

void Call::onSessionEnded(InviteSession::EndReason reason, int status) {
    if (m_state == State::Ended)
        return;
    stopRecording(); // before the media goes, so the file is complete when we report the end
    if (m_media)
        m_media->stop();
    m_endReason = mapEnd(reason, status);
    m_endStatus = status;
    m_endTime = QDateTime::currentDateTimeUtc();
    qCInfo(lcCall) << "call ended" << m_endReason << status;
    setState(State::Ended);
    Q_EMIT ended(m_endReason, status);
}

void Call::ring() {
    if (m_session && m_direction == Direction::Incoming)
        m_session->ring(180);
}

void Call::answer() {
    if (m_session && m_direction == Direction::Incoming && m_state == State::Ringing)
        m_session->accept();
}

void Call::reject(int status) {
    if (m_session && m_direction == Direction::Incoming && m_state == State::Ringing)
        m_session->reject(status);
}

void Call::hangup() {
    if (m_session && m_state != State::Ended)
        m_session->hangup();
}

bool Call::hold() {
    if (!m_session || m_state != State::Active || m_localHold)
        return false;
    m_wantedDirection = sdp::Direction::SendOnly;
    if (!m_session->reinvite()) {
        m_wantedDirection.reset();
        return false;
    }
    m_localHold = true;
    Q_EMIT holdChanged(true);
    updateOneWayAudio();
    return true;
}

bool Call::resume() {
    if (!m_session || m_state != State::Active || !m_localHold)
        return false;
    m_wantedDirection = sdp::Direction::SendRecv;
    if (!m_session->reinvite()) {
        m_wantedDirection = sdp::Direction::SendOnly;
        return false;
    }
    m_wantedDirection.reset();
    m_localHold = false;
    Q_EMIT holdChanged(false);
    updateOneWayAudio();
    return true;
}

SessionBody Call::makeOffer() {
    const SessionDescription offer = m_offerAnswer.createOffer(m_wantedDirection);
    return {kSdp.toByteArray(), offer.toBytes()};
}

std::variant<SessionBody, SessionError> Call::answerOffer(const SessionBody &offer) {
    SessionError error;
    if (!offer.contentType.toLower().startsWith(kSdp)) {
        error.warningCode = 399;
        error.warningText = "Only application/sdp is supported";
        return error;
    }
    auto parsed = SessionDescription::parse(offer.data);
    if (std::holds_alternative<SdpError>(parsed)) {
        error.kind = SessionError::Kind::Malformed;
        error.warningText = "Malformed SDP";
        return error;
    }
    auto result = m_offerAnswer.answerOffer(std::get<SessionDescription>(parsed), m_wantedDirection);
    if (auto *e = std::get_if<NegotiationError>(&result)) {
        error.warningCode = e->warningCode();
        error.warningText = "Incompatible media";
        return error;
    }
    const auto &answer = std::get<OfferAnswer::Answer>(result);
    applyMedia();
    return SessionBody{kSdp.toByteArray(), answer.sdp.toBytes()};
}

bool Call::takeAnswer(const SessionBody &answer) {
    auto parsed = SessionDescription::parse(answer.data);
    if (std::holds_alternative<SdpError>(parsed))
        return false;
    const SessionDescription &sdp = std::get<SessionDescription>(parsed);
    // The 2xx after an early answer (183) repeats that answer (RFC 6337 §3.1.1); nothing is
    // pending any more, so only an unchanged o= line is fine.
    if (m_offerAnswer.state() != OfferAnswer::State::OfferSent && m_remoteAnswerOrigin)
        return sdp.origin == *m_remoteAnswerOrigin;
    auto result = m_offerAnswer.processAnswer(sdp);
    if (std::holds_alternative<NegotiationError>(result))
        return false;
    m_remoteAnswerOrigin = sdp.origin;
    applyMedia();
    return true;
}

void Call::applyMedia() {
    const auto negotiated = m_offerAnswer.negotiated();
    if (!negotiated)
        return;
    // We did not ask to stop receiving or sending: the peer's direction means it holds us.
    const bool wantSendRecv = !m_localHold;
    const bool remoteHold = wantSendRecv && negotiated->direction != sdp::Direction::SendRecv;
    if (remoteHold != m_remoteHold) {
        m_remoteHold = remoteHold;
        Q_EMIT remoteHoldChanged(remoteHold);
    }
    if (m_media)
        m_media->start(*negotiated);
    updateOneWayAudio();
    Q_EMIT mediaChanged();
}

} // namespace parlo

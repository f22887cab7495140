#include "call/Call.h"

#include <QLoggingCategory>

Q_LOGGING_CATEGORY(lcCall, "parlo.call")

namespace parlo {

using namespace parlo::sip;
using namespace parlo::sdp;

namespace {
constexpr QByteArrayView kSdp = "application/sdp";

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
    , m_startTime(QDateTime::currentDateTimeUtc()) {}

Call::~Call() {
    if (m_media)
        m_media->stop();
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
        if (!body.contentType.startsWith("application/dtmf-relay"))
            return;
        QChar digit;
        int duration = 0;
        for (const QByteArray &line : body.data.split('\n')) {
            const QByteArray l = line.trimmed();
            if (l.startsWith("Signal=") && l.size() > 7)
                digit = QChar::fromLatin1(l.at(7));
            else if (l.startsWith("Duration="))
                duration = l.mid(9).toInt();
        }
        if (!digit.isNull())
            Q_EMIT dtmfInfoReceived(digit, duration);
    });
}

void Call::setState(State s) {
    if (m_state == s)
        return;
    m_state = s;
    if (s == State::Active && !m_answerTime.isValid())
        m_answerTime = QDateTime::currentDateTimeUtc();
    Q_EMIT stateChanged(s);
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
    auto result = m_offerAnswer.processAnswer(std::get<SessionDescription>(parsed));
    if (std::holds_alternative<NegotiationError>(result))
        return false;
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
    Q_EMIT mediaChanged();
}

} // namespace parlo

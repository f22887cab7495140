#include "sip/dialog/ReferSubscription.h"

#include "sip/dialog/InviteSession.h"
#include "sip/message/SipGrammar.h"
#include "sip/transaction/ServerTransaction.h"

#include <QLoggingCategory>

Q_LOGGING_CATEGORY(lcRefer, "parlo.sip.refer")

namespace parlo::sip {

namespace {
constexpr QByteArrayView kSipfrag = "message/sipfrag";
// Bounds what a NOTIFY may ask of us: an expiry beyond an hour is taken as an hour.
constexpr qint64 kMaxExpiresMs = 3600 * 1000;
// After the INVITE session ended, a final NOTIFY may still be on its way (RFC 5057: the
// subscription outlives the BYE); the session lingers 64*T1, so wait less than that.
constexpr qint64 kAfterSessionEndMs = 8000;

// The status line of a message/sipfrag body (RFC 3420): "SIP/2.0 200 OK".
std::optional<std::pair<int, QByteArray>> parseSipfrag(QByteArrayView body) {
    qsizetype eol = body.indexOf('\n');
    QByteArrayView line = eol < 0 ? body : body.first(eol);
    line = grammar::trimmed(line);
    if (!line.startsWith("SIP/2.0 ") || line.size() < 11)
        return std::nullopt;
    const QByteArrayView code = line.sliced(8, 3);
    for (char c : code) {
        if (c < '0' || c > '9')
            return std::nullopt;
    }
    if (line.size() > 11 && line[11] != ' ')
        return std::nullopt;
    const int status = code.toByteArray().toInt();
    if (status < 100 || status > 699)
        return std::nullopt;
    return std::pair{status, line.size() > 12 ? line.sliced(12).toByteArray() : QByteArray()};
}

struct SubscriptionStateValue {
    QByteArray state; // lower-case: active, pending, terminated, or an extension value
    QByteArray reason;
    std::optional<qint64> expiresMs;
};

std::optional<SubscriptionStateValue> parseSubscriptionState(QByteArrayView text) {
    text = grammar::trimmed(text);
    const qsizetype semi = text.indexOf(';');
    SubscriptionStateValue v;
    v.state = grammar::trimmed(semi < 0 ? text : text.first(semi)).toByteArray().toLower();
    if (v.state.isEmpty() || !grammar::isToken(v.state))
        return std::nullopt;
    if (semi >= 0) {
        const QByteArrayView params = text.sliced(semi + 1);
        if (const auto reason = grammar::findParam(params, "reason"))
            v.reason = reason->toByteArray().toLower();
        if (const auto expires = grammar::findParam(params, "expires")) {
            if (const auto n = grammar::parseNumber(*expires, 0xffffffffu))
                v.expiresMs = qMin<qint64>(qint64(*n) * 1000, kMaxExpiresMs);
        }
    }
    return v;
}
} // namespace

ReferSubscription::ReferSubscription(Role role, InviteSession *session)
    : QObject(session)
    , m_role(role)
    , m_session(session)
    , m_clock(session->m_clock) {}

ReferSubscription::~ReferSubscription() {
    disarm();
}

SipUri ReferSubscription::target() const {
    SipUri uri = m_referTo.uri();
    uri.headers() = {};
    uri.params().remove("method");
    return uri;
}

void ReferSubscription::setState(State s) {
    if (m_state == s)
        return;
    m_state = s;
    Q_EMIT stateChanged(s);
}

void ReferSubscription::finish(Outcome outcome, int status) {
    if (m_state == State::Terminated)
        return;
    disarm();
    m_outcome = outcome;
    m_status = status;
    qCInfo(lcRefer) << "refer subscription" << m_id << "finished:" << outcome << status;
    setState(State::Terminated);
    Q_EMIT finished(outcome, status);
}

void ReferSubscription::arm(qint64 ms) {
    disarm();
    m_timer = m_clock->schedule(ms, [this]() {
        m_timer = 0;
        if (m_role == Role::Referee) {
            if (m_state == State::Pending)
                reject(403);
            return;
        }
        finish(Outcome::Timeout, 408);
    });
}

void ReferSubscription::disarm() {
    if (m_timer)
        m_clock->cancel(m_timer);
    m_timer = 0;
}

void ReferSubscription::sessionEnded() {
    if (m_role == Role::Referrer && m_state != State::Terminated)
        arm(qMin(m_notifyTimeoutMs, kAfterSessionEndMs));
}

// ---------------------------------------------------------------- Referrer

void ReferSubscription::sendRefer(bool retryAfterChallenge, const SipMessage &challenge) {
    if (!m_session)
        return;
    SipMessage refer = m_session->m_dialog.makeRequest("REFER");
    refer.setHeader(HeaderId::ReferTo, m_referTo.toString());
    if (m_referredBy)
        refer.setHeader(HeaderId::ReferredBy, m_referredBy->toString());
    if (retryAfterChallenge) {
        if (!m_session->m_config.credentials.authorize(refer, challenge)) {
            finish(Outcome::Rejected, challenge.statusCode());
            return;
        }
    } else if (m_session->m_role == InviteSession::Role::Uac) {
        m_session->m_config.credentials.reauthorize(refer);
    }
    m_refer = refer;
    m_id = refer.cseqNumber();
    QPointer<ReferSubscription> self(this);
    m_session->sendRequest(refer, m_session->m_dialog.nextHopUri(), [self](const SipMessage &response) {
        if (self)
            self->onReferResponse(response);
    });
}

void ReferSubscription::onReferResponse(const SipMessage &response) {
    if (response.cseqNumber() != m_id || m_state == State::Terminated)
        return;
    const int status = response.statusCode();
    if (status / 100 == 2) {
        // A NOTIFY may have overtaken the 202 (it travels on its own transaction).
        if (m_state == State::Pending) {
            setState(State::Active);
            arm(m_notifyTimeoutMs);
        }
        return;
    }
    if ((status == 401 || status == 407) && !m_authRetried && m_session &&
        !m_session->m_config.credentials.isEmpty()) {
        m_authRetried = true;
        sendRefer(true, response);
        return;
    }
    const bool unsupported = status == 405 || status == 420 || status == 481 || status == 501;
    finish(unsupported ? Outcome::NotSupported : Outcome::Rejected, status);
}

void ReferSubscription::receiveNotify(ServerTransaction *t, const SipMessage &request) {
    if (m_state == State::Terminated) {
        t->respond(481);
        return;
    }
    const auto subState = parseSubscriptionState(request.header(HeaderId::SubscriptionState));
    if (!request.hasHeader(HeaderId::SubscriptionState) || !subState) {
        t->respond(SipMessage::responseTo(request, 400, "Missing or malformed Subscription-State"));
        return;
    }
    if (request.bodyView().isEmpty()) {
        t->respond(SipMessage::responseTo(request, 400, "Missing sipfrag body"));
        return;
    }
    const QByteArray type = request.contentType().toLower();
    if (!type.startsWith(kSipfrag.toByteArray())) {
        SipMessage r = SipMessage::responseTo(request, 415);
        r.setHeader(HeaderId::Accept, kSipfrag.toByteArray());
        t->respond(r);
        return;
    }
    const auto frag = parseSipfrag(request.bodyView());
    if (!frag) {
        t->respond(SipMessage::responseTo(request, 400, "Malformed sipfrag body"));
        return;
    }
    SipMessage ok = SipMessage::responseTo(request, 200);
    t->respond(ok);
    if (m_state == State::Pending)
        setState(State::Active);
    const auto [status, reason] = *frag;
    m_status = status;
    Q_EMIT progress(status, reason);
    if (status >= 200) {
        finish(status / 100 == 2 ? Outcome::Succeeded : Outcome::TargetFailed, status);
        return;
    }
    if (subState->state == "terminated") {
        // Ended without a final answer from the target (RFC 6665 reasons: timeout, noresource…).
        finish(subState->reason == "timeout" ? Outcome::Timeout : Outcome::TargetFailed, status);
        return;
    }
    arm(subState->expiresMs.value_or(m_notifyTimeoutMs));
}

// ---------------------------------------------------------------- Referee

void ReferSubscription::startReferee(ServerTransaction *t, const SipMessage &refer) {
    m_referTx = t;
    m_refer = refer;
    m_id = refer.cseqNumber();
}

void ReferSubscription::accept() {
    if (m_role != Role::Referee || m_state != State::Pending || !m_referTx)
        return;
    disarm();
    m_referTx->respond(SipMessage::responseTo(m_refer, 202));
    m_referTx = nullptr;
    setState(State::Active);
    notify(100, "Trying");
}

void ReferSubscription::reject(int status) {
    if (m_role != Role::Referee || m_state != State::Pending || status < 300 || status > 699)
        return;
    if (m_referTx)
        m_referTx->respond(SipMessage::responseTo(m_refer, status));
    m_referTx = nullptr;
    finish(Outcome::Rejected, status);
}

bool ReferSubscription::notify(int status, const QByteArray &reason) {
    if (m_role != Role::Referee || m_state != State::Active || status < 100 || status > 699)
        return false;
    if (m_queuedNotify && m_queuedNotify->first >= 200)
        return false; // the final one is already waiting
    m_status = status;
    if (m_notifyInFlight) {
        m_queuedNotify = std::pair{status, reason};
        return true;
    }
    sendNotify(status, reason);
    return true;
}

void ReferSubscription::sendNotify(int status, const QByteArray &reason) {
    if (!m_session)
        return;
    const bool final = status >= 200;
    SipMessage request = m_session->m_dialog.makeRequest("NOTIFY");
    request.setHeader(HeaderId::Event, "refer;id=" + QByteArray::number(m_id));
    request.setHeader(HeaderId::SubscriptionState,
                      final ? QByteArray("terminated;reason=noresource")
                            : "active;expires=" + QByteArray::number(kExpiresSeconds));
    if (m_session->m_role == InviteSession::Role::Uac)
        m_session->m_config.credentials.reauthorize(request);
    const QByteArray phrase = reason.isEmpty() ? SipMessage::defaultReason(status) : reason;
    request.setBody("SIP/2.0 " + QByteArray::number(status) + ' ' + phrase + "\r\n",
                    kSipfrag.toByteArray() + ";version=2.0");
    m_notifyInFlight = true;
    QPointer<ReferSubscription> self(this);
    m_session->sendRequest(request, m_session->m_dialog.nextHopUri(),
                           [self, final](const SipMessage &response) {
                               if (self)
                                   self->onNotifyResponse(response, final);
                           });
    if (final) {
        m_queuedNotify.reset();
        finish(status / 100 == 2 ? Outcome::Succeeded : Outcome::TargetFailed, status);
    }
}

void ReferSubscription::onNotifyResponse(const SipMessage &response, bool final) {
    m_notifyInFlight = false;
    const int status = response.statusCode();
    if (!final && (status == 481 || status == 408)) {
        finish(Outcome::DialogGone, status);
        m_queuedNotify.reset();
        return;
    }
    if (m_queuedNotify && m_state == State::Active) {
        const auto [s, r] = *std::exchange(m_queuedNotify, std::nullopt);
        sendNotify(s, r);
    }
}

} // namespace parlo::sip

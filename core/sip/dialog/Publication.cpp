#include "sip/dialog/Publication.h"

#include "sip/dialog/RequestSender.h"
#include "sip/message/SipIdentifiers.h"
#include "sip/message/SipMessage.h"

#include <QLoggingCategory>

Q_LOGGING_CATEGORY(lcPublication, "parlo.sip.publication")

namespace parlo::sip {

namespace {
constexpr int kMax423Attempts = 3;
}

Publication::Publication(TransactionLayer *transactions, Resolver *resolver, Clock *clock, QObject *parent)
    : QObject(parent)
    , m_transactions(transactions)
    , m_resolver(resolver)
    , m_clock(clock)
    , m_callId(newCallId())
    , m_fromTag(newTag()) {}

Publication::~Publication() {
    cancelTimer();
}

void Publication::setState(State s) {
    if (m_state == s)
        return;
    m_state = s;
    qCDebug(lcPublication) << "state" << s;
    Q_EMIT stateChanged(s);
}

void Publication::cancelTimer() {
    if (m_timer)
        m_clock->cancel(m_timer);
    m_timer = 0;
    m_refreshAt = 0;
}

void Publication::publish(const QByteArray &body, const QByteArray &contentType, const QByteArray &event,
                          quint32 expires) {
    if (event.toLower() != m_event.toLower())
        m_etag.clear(); // an entity tag belongs to one event package
    m_body = body;
    m_contentType = contentType;
    m_event = event;
    m_requested = expires;
    m_removeWaiting = false;
    m_lastError = {};
    if (m_inFlight) {
        m_bodyWaiting = true;
        return;
    }
    cancelTimer();
    m_retryAttempt = 0;
    m_412Retried = false;
    m_authAttempts = m_423Attempts = 0;
    setState(State::Publishing);
    send(m_etag.isEmpty() ? Kind::Initial : Kind::Modify);
}

void Publication::remove() {
    m_bodyWaiting = false;
    if (m_inFlight) {
        m_removeWaiting = true;
        return;
    }
    cancelTimer();
    ++m_generation;
    if (m_etag.isEmpty()) {
        // Nothing published (or the server forgot it already).
        const bool had = m_state != State::Idle;
        setState(State::Idle);
        if (had)
            Q_EMIT removed();
        return;
    }
    m_authAttempts = m_423Attempts = 0;
    setState(State::Removing);
    send(Kind::Remove);
}

void Publication::send(Kind kind, const SipMessage &challenge) {
    SipMessage request;
    if (challenge.isValid()) {
        request = RequestSender::resendable(m_sent);
        const RequestError::Kind error =
            RequestSender::answerChallenge(m_credentials, request, challenge, &m_authAttempts);
        if (error != RequestError::Kind::None) {
            RequestError e;
            e.kind = error;
            e.status = challenge.statusCode();
            e.reason = challenge.reasonPhrase();
            handleFailure(e);
            return;
        }
    } else {
        const SipUri aor = m_config.aor.uri();
        request = SipMessage::makeRequest("PUBLISH", aor);
        Via via;
        via.setBranch(newBranch());
        via.params().setFlag("rport");
        request.prependVia(via);
        request.setMaxForwards(70);
        if (m_config.outboundProxy) {
            NameAddr route(*m_config.outboundProxy);
            route.uri().params().setFlag("lr");
            request.setRoutes({route});
        }
        NameAddr from = m_config.aor;
        from.setTag(m_fromTag);
        request.setFrom(from);
        request.setTo(NameAddr(aor));
        request.setCallId(m_callId);
        request.setCSeq({++m_cseq, "PUBLISH"});
        request.setHeader(HeaderId::Event, m_event);
        request.setExpires(kind == Kind::Remove ? 0 : m_requested);
        if (kind != Kind::Initial)
            request.setHeader(HeaderId::SipIfMatch, m_etag);
        // §4.1: refreshes and removals carry no body; initial publications and modifications do.
        if (kind == Kind::Initial || kind == Kind::Modify)
            request.setBody(m_body, m_contentType);
        request.setHeader(HeaderId::UserAgent, m_config.userAgent);
        m_credentials.reauthorize(request);
    }
    m_cseq = request.cseqNumber();
    m_sent = request;
    m_inFlight = true;
    const quint64 generation = m_generation;
    RequestSender::send(
        m_transactions, m_resolver, request, m_config.outboundProxy.value_or(m_config.aor.uri()),
        m_config.transport, this,
        [this, kind, generation](const RequestOutcome &outcome) { onResponse(outcome, kind, generation); });
}

void Publication::onResponse(const RequestOutcome &outcome, Kind kind, quint64 generation) {
    if (generation != m_generation)
        return;
    m_inFlight = false;
    const int status = outcome.status();
    const SipMessage &response = outcome.response;

    if (status / 100 == 2) {
        m_authAttempts = m_423Attempts = 0;
        if (kind == Kind::Remove) {
            m_etag.clear();
            m_granted = 0;
            setState(State::Idle);
            Q_EMIT removed();
            next();
            return;
        }
        // §11.3: the 2xx carries our new entity tag and the granted interval.
        m_etag = response.header(HeaderId::SipETag).trimmed();
        m_granted = qMin(response.expires().value_or(m_requested), m_requested);
        m_retryAttempt = 0;
        m_412Retried = false;
        if (m_bodyWaiting || m_removeWaiting) {
            next();
            return;
        }
        if (m_granted > 0 && !m_etag.isEmpty())
            scheduleRefresh(m_granted);
        setState(State::Published);
        Q_EMIT published(m_granted);
        return;
    }
    if (status == 401 || status == 407) {
        send(kind, response);
        return;
    }
    if (status == 412) {
        // §6: the server lost our entity tag (expired, restarted): publish the state anew.
        m_etag.clear();
        if (kind == Kind::Remove) {
            setState(State::Idle);
            Q_EMIT removed();
            next();
            return;
        }
        if (!m_412Retried && !m_body.isEmpty()) {
            m_412Retried = true;
            m_authAttempts = m_423Attempts = 0;
            setState(State::Publishing);
            send(Kind::Initial);
            return;
        }
    }
    if (status == 423) {
        const quint32 min = response.minExpires().value_or(0);
        if (min > m_requested && ++m_423Attempts <= kMax423Attempts) {
            m_requested = min;
            send(kind);
            return;
        }
    }
    if (kind == Kind::Remove) {
        // Removal failed: the state expires on its own at the server.
        m_etag.clear();
        setState(State::Idle);
        Q_EMIT removed();
        next();
        return;
    }
    handleFailure(RequestSender::errorFor(outcome));
}

void Publication::next() {
    if (m_removeWaiting) {
        m_removeWaiting = false;
        remove();
    } else if (m_bodyWaiting) {
        m_bodyWaiting = false;
        cancelTimer();
        setState(State::Publishing);
        send(m_etag.isEmpty() ? Kind::Initial : Kind::Modify);
    }
}

void Publication::scheduleRefresh(quint32 expires) {
    cancelTimer();
    const qint64 delay = RequestSender::refreshDelayMs(expires);
    m_refreshAt = m_clock->nowMs() + delay;
    m_timer = m_clock->schedule(delay, [this]() {
        m_timer = 0;
        m_refreshAt = 0;
        if (m_inFlight)
            return;
        m_authAttempts = m_423Attempts = 0;
        setState(State::Refreshing);
        send(Kind::Refresh);
    });
}

void Publication::handleFailure(RequestError error) {
    m_lastError = error;
    cancelTimer();
    ++m_generation;
    m_inFlight = false;
    if (m_removeWaiting) {
        m_removeWaiting = false;
        m_etag.clear();
        setState(State::Idle);
        Q_EMIT failed(error);
        Q_EMIT removed();
        return;
    }
    if (!error.temporary || !m_config.retryAutomatically) {
        qCInfo(lcPublication) << "publication failed, final:" << int(error.kind) << error.status;
        setState(State::Failed);
        Q_EMIT failed(error);
        return;
    }
    ++m_retryAttempt;
    const int seconds =
        error.retryAfter > 0 ? error.retryAfter : RequestSender::backoffSeconds(m_retryAttempt);
    m_retryAt = m_clock->nowMs() + qint64(seconds) * 1000;
    setState(State::RetryWaiting);
    Q_EMIT failed(error);
    Q_EMIT retryScheduled(seconds);
    m_timer = m_clock->schedule(qint64(seconds) * 1000, [this]() {
        m_timer = 0;
        m_etag.clear(); // whatever the server kept may be gone: publish the whole state
        m_bodyWaiting = false;
        m_authAttempts = m_423Attempts = 0;
        setState(State::Publishing);
        send(Kind::Initial);
    });
}

} // namespace parlo::sip

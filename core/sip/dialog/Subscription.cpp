#include "sip/dialog/Subscription.h"

#include "sip/dialog/LocalContact.h"
#include "sip/dialog/RequestSender.h"
#include "sip/dialog/UasCore.h"
#include "sip/message/SipGrammar.h"
#include "sip/message/SipIdentifiers.h"
#include "sip/transaction/ServerTransaction.h"
#include "sip/transaction/TransactionLayer.h"

#include <QLoggingCategory>

#include <algorithm>

Q_LOGGING_CATEGORY(lcSubscription, "parlo.sip.subscription")

namespace parlo::sip {

namespace {
constexpr int kMax423Attempts = 3;
constexpr quint32 kMaxRetryAfter = 3600;

QByteArray mediaType(const QByteArray &contentType) {
    const qsizetype semi = contentType.indexOf(';');
    return (semi < 0 ? contentType : contentType.left(semi)).trimmed().toLower();
}

// A validator's message as a reason phrase: printable ASCII, bounded.
QByteArray reasonPhrase(const QByteArray &prefix, const QByteArray &detail) {
    QByteArray out = prefix;
    if (!detail.isEmpty())
        out += ": ";
    for (const char c : detail) {
        if (out.size() >= 120)
            break;
        out += (c >= 0x20 && c < 0x7f) ? c : '?';
    }
    return out;
}
} // namespace

Subscription::Subscription(TransactionLayer *transactions, UasCore *uas, Resolver *resolver, Clock *clock,
                           QObject *parent)
    : QObject(parent)
    , m_transactions(transactions)
    , m_uas(uas)
    , m_resolver(resolver)
    , m_clock(clock) {
    if (uas)
        uas->addHandler("NOTIFY", this,
                        [this](ServerTransaction *t, const SipMessage &r) { return onNotify(t, r); });
}

Subscription::~Subscription() {
    cancelTimers();
    if (m_uas)
        m_uas->removeHandlers(this);
}

void Subscription::setState(State s) {
    if (m_state == s)
        return;
    m_state = s;
    qCDebug(lcSubscription) << m_config.event << "state" << s;
    Q_EMIT stateChanged(s);
}

void Subscription::cancelTimers() {
    if (m_timer)
        m_clock->cancel(m_timer);
    if (m_guard)
        m_clock->cancel(m_guard);
    m_timer = m_guard = 0;
    m_refreshAt = 0;
}

void Subscription::armGuard(qint64 ms, std::function<void()> fn) {
    if (m_guard)
        m_clock->cancel(m_guard);
    m_guard = m_clock->schedule(ms, [this, fn]() {
        m_guard = 0;
        fn();
    });
}

Subscription::State Subscription::settledState() const {
    if (!m_notifierState)
        return State::Subscribing;
    return m_notifierState->value == SubscriptionState::Value::Active ? State::Active : State::Pending;
}

void Subscription::start() {
    if (m_state != State::Idle && m_state != State::Terminated && m_state != State::RetryWaiting)
        return;
    cancelTimers();
    m_retryAttempt = 0;
    m_lastError = {};
    m_unsubscribing = false;
    newDialog();
    setState(State::Subscribing);
    sendSubscribe();
}

void Subscription::newDialog() {
    ++m_generation;
    m_dialog = {};
    m_sent = {};
    m_callId = newCallId();
    m_fromTag = newTag();
    m_cseq = 0;
    m_requested = m_config.expires;
    m_granted = 0;
    m_notifierState.reset();
    m_authAttempts = 0;
    m_423Attempts = 0;
    m_inFlight = false;
}

SipMessage Subscription::buildSubscribe() {
    SipMessage request;
    if (m_dialog.isValid()) {
        request = m_dialog.makeRequest("SUBSCRIBE");
    } else {
        request = SipMessage::makeRequest("SUBSCRIBE", m_config.target);
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
        NameAddr from = m_config.from;
        from.setTag(m_fromTag);
        request.setFrom(from);
        request.setTo(NameAddr(m_config.target));
        request.setCallId(m_callId);
        request.setCSeq({++m_cseq, "SUBSCRIBE"});
    }
    request.setHeader(HeaderId::Event, m_config.event);
    if (!m_config.accept.isEmpty())
        request.setHeader(HeaderId::Accept, m_config.accept.join(", "));
    request.setExpires(m_unsubscribing ? 0 : m_requested);
    request.setHeader(HeaderId::UserAgent, m_config.userAgent);
    return request;
}

void Subscription::sendSubscribe(const SipMessage &challenge) {
    SipMessage request = buildSubscribe();
    if (challenge.isValid()) {
        const RequestError::Kind kind =
            RequestSender::answerChallenge(m_credentials, request, challenge, &m_authAttempts);
        if (kind != RequestError::Kind::None) {
            if (m_unsubscribing) {
                finish();
                return;
            }
            RequestError e;
            e.kind = kind;
            e.status = challenge.statusCode();
            e.reason = challenge.reasonPhrase();
            fail(e);
            return;
        }
    } else {
        m_credentials.reauthorize(request);
    }
    const SipUri hop =
        m_dialog.isValid() ? m_dialog.nextHopUri() : m_config.outboundProxy.value_or(m_config.target);
    const quint64 generation = m_generation;
    m_inFlight = true;
    qCInfo(lcSubscription).noquote() << (m_unsubscribing ? "un-subscribing" : "subscribing") << m_config.event
                                     << m_config.target.toString();
    RequestSender::send(
        m_transactions, m_resolver, request, hop, m_config.transport, this,
        [this, generation](const RequestOutcome &outcome) { onResponse(outcome, generation); },
        [this](SipMessage &r, const Peer &peer) {
            if (r.contacts().isEmpty())
                r.setContacts({localContact(m_transactions->transport(), m_config.from.uri().user(),
                                            peer.protocol, peer.address)});
            m_sent = r;
        });
}

void Subscription::onResponse(const RequestOutcome &outcome, quint64 generation) {
    if (generation != m_generation)
        return;
    m_inFlight = false;
    const int status = outcome.status();
    if (status == 401 || status == 407) {
        sendSubscribe(outcome.response);
        return;
    }
    if (m_unsubscribing) {
        // A 2xx: the final NOTIFY is on its way (the guard timer bounds the wait). Anything
        // else: the notifier has no subscription (left) to end.
        if (status / 100 != 2)
            finish();
        return;
    }
    if (status / 100 == 2) {
        accepted(outcome.request, outcome.response);
        return;
    }
    if (status == 423) {
        const quint32 min = outcome.response.minExpires().value_or(0);
        if (min > m_requested && ++m_423Attempts <= kMax423Attempts) {
            m_requested = min;
            sendSubscribe();
            return;
        }
    }
    if (status == 481 && m_dialog.isValid()) {
        // §4.1.2.2: the notifier forgot the subscription (it restarted): a new one, new dialog.
        qCInfo(lcSubscription) << "481 on refresh; subscribing anew";
        newDialog();
        setState(State::Subscribing);
        sendSubscribe();
        return;
    }
    handleFailure(RequestSender::errorFor(outcome));
}

void Subscription::accepted(const SipMessage &request, const SipMessage &response) {
    m_authAttempts = 0;
    m_423Attempts = 0;
    if (!m_dialog.isValid())
        m_dialog = Dialog::fromUacResponse(request, response);
    // The notifier may shorten the interval, never lengthen it (§4.2.1.1).
    const quint32 granted = qMin(response.expires().value_or(m_requested), m_requested);
    if (granted == 0) {
        RequestError e;
        e.kind = RequestError::Kind::Rejected;
        e.status = response.statusCode();
        e.reason = "subscription not kept";
        fail(e);
        return;
    }
    m_granted = granted;
    scheduleRefresh(granted);
    if (!m_notifierState) {
        // §4.1.2.4: without a NOTIFY within 64*T1 the subscription is taken as failed.
        armGuard(kNotifyWaitMs, [this]() {
            RequestError e;
            e.kind = RequestError::Kind::Timeout;
            e.reason = "no NOTIFY";
            e.temporary = true;
            handleFailure(e);
        });
    }
    setState(settledState());
}

void Subscription::scheduleRefresh(quint32 expires) {
    if (m_timer)
        m_clock->cancel(m_timer);
    const qint64 delay = RequestSender::refreshDelayMs(expires);
    m_refreshAt = m_clock->nowMs() + delay;
    m_timer = m_clock->schedule(delay, [this]() {
        m_timer = 0;
        m_refreshAt = 0;
        if (m_inFlight || !m_dialog.isValid())
            return;
        m_authAttempts = 0;
        m_423Attempts = 0;
        setState(State::Refreshing);
        sendSubscribe();
    });
}

bool Subscription::onNotify(ServerTransaction *t, const SipMessage &request) {
    if (m_callId.isEmpty() || request.callIdView() != m_callId || request.toTag() != m_fromTag)
        return false; // not ours
    const std::optional<SubscriptionState> subState =
        request.hasHeader(HeaderId::SubscriptionState)
            ? SubscriptionState::parse(request.header(HeaderId::SubscriptionState))
            : std::nullopt;
    if (m_state == State::Idle || m_state == State::RetryWaiting || m_state == State::Terminated) {
        // The end of a subscription we gave up already: acknowledge it; anything else is 481.
        if (subState && subState->value == SubscriptionState::Value::Terminated) {
            t->respond(200);
            return true;
        }
        return false;
    }
    if (m_dialog.isValid() && request.fromTag() != m_dialog.id().remoteTag) {
        t->respond(481, "Subscription Does Not Exist"); // another fork: ended by this answer
        return true;
    }

    // §8.2.1: Event names the package and, optionally, the id of our SUBSCRIBE (we send none).
    if (!request.hasHeader(HeaderId::Event)) {
        t->respond(400, "Missing Event");
        return true;
    }
    const QByteArray event = request.header(HeaderId::Event);
    const qsizetype semi = event.indexOf(';');
    const QByteArray package = (semi < 0 ? event : event.left(semi)).trimmed().toLower();
    if (package != m_config.event.toLower()) {
        SipMessage r = SipMessage::responseTo(request, 489);
        r.setHeader(HeaderId::AllowEvents, m_config.event);
        t->respond(r);
        return true;
    }
    if (semi >= 0 && grammar::findParam(QByteArrayView(event).sliced(semi + 1), "id")) {
        t->respond(481, "Subscription Does Not Exist");
        return true;
    }
    if (!subState) {
        t->respond(400, "Missing or Malformed Subscription-State");
        return true;
    }

    // The body: checked before anything changes, so a bad one leaves the subscription as it is.
    const QByteArrayView body = request.bodyView();
    const QByteArray contentType = request.contentType();
    if (!body.isEmpty()) {
        if (body.size() > m_config.maxBodySize) {
            t->respond(413); // RFC 3261 §21.4.11
            return true;
        }
        const QByteArray encoding = request.header(HeaderId::ContentEncoding).trimmed().toLower();
        const bool typeOk =
            m_config.accept.isEmpty() ||
            std::any_of(m_config.accept.cbegin(), m_config.accept.cend(),
                        [&](const QByteArray &a) { return mediaType(a) == mediaType(contentType); });
        if (!typeOk || (!encoding.isEmpty() && encoding != "identity")) {
            // §8.2.3 of RFC 3261: 415 lists what we take.
            SipMessage r = SipMessage::responseTo(request, 415);
            if (!m_config.accept.isEmpty())
                r.setHeader(HeaderId::Accept, m_config.accept.join(", "));
            r.setHeader(HeaderId::AcceptEncoding, "identity");
            t->respond(r);
            return true;
        }
        if (m_config.validator) {
            const QByteArray problem = m_config.validator(contentType, body.toByteArray());
            if (!problem.isEmpty()) {
                qCInfo(lcSubscription).noquote() << "NOTIFY body refused:" << problem.left(200);
                t->respond(400, reasonPhrase("Bad Event Body", problem));
                return true;
            }
        }
    }

    const bool creates = !m_dialog.isValid();
    if (creates) {
        if (!m_sent.isValid())
            return false;
        // §4.1.2.4: the NOTIFY overtook the 2xx and creates the dialog. Its Record-Route gives
        // the route set in order, as for a UAS; fromUacResponse reverses, so hand it reversed.
        SipMessage asResponse = SipMessage::responseTo(m_sent, 200, {}, request.fromTag().toByteArray());
        QList<NameAddr> routes = request.recordRoutes();
        std::reverse(routes.begin(), routes.end());
        asResponse.setRecordRoutes(routes);
        asResponse.setContacts(request.contacts());
        m_dialog = Dialog::fromUacResponse(m_sent, asResponse);
    }
    if (const int status = m_dialog.checkRequest(request)) {
        t->respond(status);
        return true;
    }
    if (!creates)
        m_dialog.refreshTarget(request); // NOTIFY is a target refresh request (§4.1.3)
    t->respond(200);

    QPointer<Subscription> self(this);
    if (!body.isEmpty())
        Q_EMIT notified(contentType, body.toByteArray());
    if (self)
        applyState(*subState);
    return true;
}

void Subscription::applyState(const SubscriptionState &s) {
    const bool hadState =
        m_notifierState.has_value() && m_notifierState->value != SubscriptionState::Value::Terminated;
    m_notifierState = s;
    if (s.value != SubscriptionState::Value::Terminated) {
        if (m_unsubscribing)
            return;
        if (m_guard)
            m_clock->cancel(m_guard);
        m_guard = 0;
        if (s.value == SubscriptionState::Value::Active)
            m_retryAttempt = 0;
        if (m_state == State::Refreshing)
            return; // the refresh's 2xx reschedules and settles the state
        if (s.expires && *s.expires > 0) {
            m_granted = qMin(*s.expires, m_requested);
            scheduleRefresh(m_granted);
        }
        setState(settledState());
        return;
    }

    // terminated
    if (m_unsubscribing) {
        finish();
        return;
    }
    qCInfo(lcSubscription).noquote() << m_config.event << m_config.target.toString()
                                     << "terminated by notifier:" << s.reasonText;
    RequestError e;
    e.kind = RequestError::Kind::TerminatedByNotifier;
    e.notifierReason = s.reasonText;
    e.retryAfter = int(qMin(s.retryAfter.value_or(0), kMaxRetryAfter));
    e.temporary = s.mayResubscribe();
    // At once only after a subscription that was up: a notifier answering every SUBSCRIBE with
    // "terminated;reason=timeout" gets backoff, not a loop.
    if (s.resubscribeAtOnce() && hadState && m_config.retryAutomatically) {
        cancelTimers();
        newDialog();
        setState(State::Subscribing);
        sendSubscribe();
        return;
    }
    handleFailure(e);
}

void Subscription::handleFailure(RequestError error) {
    if (!error.temporary || !m_config.retryAutomatically) {
        fail(error);
        return;
    }
    ++m_retryAttempt;
    retryLater(error,
               error.retryAfter > 0 ? error.retryAfter : RequestSender::backoffSeconds(m_retryAttempt));
}

void Subscription::retryLater(RequestError error, int seconds) {
    m_lastError = error;
    cancelTimers();
    ++m_generation;
    m_dialog = {};
    m_inFlight = false;
    m_retryAt = m_clock->nowMs() + qint64(seconds) * 1000;
    qCInfo(lcSubscription) << m_config.event << "retrying in" << seconds << "s";
    setState(State::RetryWaiting);
    Q_EMIT failed(error);
    Q_EMIT retryScheduled(seconds);
    m_timer = m_clock->schedule(qint64(seconds) * 1000, [this]() {
        m_timer = 0;
        newDialog();
        setState(State::Subscribing);
        sendSubscribe();
    });
}

void Subscription::fail(RequestError error) {
    if (m_unsubscribing) {
        finish();
        return;
    }
    m_lastError = error;
    cancelTimers();
    ++m_generation;
    m_inFlight = false;
    qCInfo(lcSubscription) << m_config.event << "subscription failed:" << int(error.kind) << error.status
                           << error.notifierReason;
    setState(State::Terminated);
    Q_EMIT failed(error);
    Q_EMIT terminated();
}

void Subscription::finish() {
    cancelTimers();
    ++m_generation;
    m_unsubscribing = false;
    m_inFlight = false;
    setState(State::Terminated);
    Q_EMIT terminated();
}

void Subscription::stop() {
    if (m_state == State::Idle || m_state == State::Terminated || m_state == State::Unsubscribing)
        return;
    cancelTimers();
    ++m_generation;
    if (!m_dialog.isValid() || m_state == State::RetryWaiting) {
        // No dialog to end (yet): a notifier that still creates one gets 481 to its NOTIFY.
        finish();
        return;
    }
    m_unsubscribing = true;
    m_authAttempts = 0;
    setState(State::Unsubscribing);
    armGuard(kUnsubscribeTimeoutMs, [this]() { finish(); });
    sendSubscribe();
}

} // namespace parlo::sip

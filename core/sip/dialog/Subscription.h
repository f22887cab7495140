#pragma once

#include "base/Clock.h"
#include "sip/auth/DigestCredentials.h"
#include "sip/dialog/Dialog.h"
#include "sip/dialog/RequestError.h"
#include "sip/dialog/SubscriptionState.h"
#include "sip/message/NameAddr.h"
#include "sip/message/SipMessage.h"
#include "sip/message/SipUri.h"
#include "sip/transport/TransportProtocol.h"

#include <QObject>
#include <QPointer>
#include <functional>
#include <optional>

namespace parlo::sip {

class Resolver;
class ServerTransaction;
class TransactionLayer;
class UasCore;
struct RequestOutcome;

// RFC 6665 subscriber for one event package at one resource (presence, reg, dialog,
// message-summary …). Generic: it hands NOTIFY bodies on raw (after the size, content-type and
// validator checks); parsing them belongs to the layer above (PresenceWatcher).
//
// Idle -> Subscribing (SUBSCRIBE sent) -> Pending / Active (as the NOTIFYs say) -> Refreshing
// (refresh SUBSCRIBE in flight) -> back. A terminated subscription that may come back (reasons
// deactivated/timeout: at once; probation/giveup/none and temporary failures: after retry-after
// or backoff in RetryWaiting) starts over with a new dialog; final failures end in Terminated
// with lastError(). stop() un-subscribes (Unsubscribing, Expires: 0) and ends in Terminated.
//
// NOTIFYs are matched by Call-ID, our tag, the notifier's tag and Event (package and id); one may
// arrive before the 2xx and then creates the dialog (§4.1.2.4). Only the first notifier's dialog
// is kept; NOTIFYs of other forks get 481, which ends those subscriptions (§4.1.2.4, §4.2.2).
// Bounds: a NOTIFY is answered at once and nothing of it is queued; bodies above maxBodySize get
// 413, other content types than accept 415 (with Accept), bodies the validator refuses 400 —
// none of these changes the subscription state. A flood of NOTIFYs costs one answer each, and the
// transaction layer caps live server transactions.
class Subscription : public QObject {
    Q_OBJECT
    Q_PROPERTY(State state READ state NOTIFY stateChanged)
public:
    enum class State {
        Idle,
        Subscribing,
        Pending,
        Active,
        Refreshing,
        RetryWaiting,
        Unsubscribing,
        Terminated
    };
    Q_ENUM(State)

    // Returns an empty string to accept the body, else what is wrong with it (goes into the
    // reason phrase of the 400).
    using BodyValidator = std::function<QByteArray(const QByteArray &contentType, const QByteArray &body)>;

    struct Config {
        SipUri target;            // Request-URI and To: the watched resource
        NameAddr from;            // our address of record and display name (no tag)
        QByteArray event;         // package: presence, reg, dialog, message-summary
        QList<QByteArray> accept; // media types we take, e.g. application/pidf+xml
        quint32 expires = 3600;
        std::optional<SipUri> outboundProxy;        // first hop of the initial SUBSCRIBE (loose route)
        std::optional<TransportProtocol> transport; // default: the hop's transport= or UDP
        QByteArray userAgent = "Parlo/" PARLO_VERSION;
        qsizetype maxBodySize = 64 * 1024;
        BodyValidator validator; // optional
        bool retryAutomatically = true;
    };

    // How long to wait for the first NOTIFY after the 2xx (64*T1, §4.1.2.4), and for the final
    // NOTIFY after un-subscribing before calling it done.
    static constexpr qint64 kNotifyWaitMs = 32000;
    static constexpr qint64 kUnsubscribeTimeoutMs = 1500;

    Subscription(TransactionLayer *transactions, UasCore *uas, Resolver *resolver,
                 Clock *clock = Clock::system(), QObject *parent = nullptr);
    ~Subscription() override;

    void setConfig(const Config &config) { m_config = config; }
    const Config &config() const { return m_config; }
    void setCredentials(const DigestCredentials &credentials) { m_credentials = credentials; }

    void start();
    void stop();

    State state() const { return m_state; }
    RequestError lastError() const { return m_lastError; }
    // The last Subscription-State the notifier sent in this subscription.
    std::optional<SubscriptionState> notifierState() const { return m_notifierState; }
    const Dialog &dialog() const { return m_dialog; }
    QByteArray callId() const { return m_callId; }
    quint32 grantedExpires() const { return m_granted; }
    qint64 refreshAt() const { return m_refreshAt; } // clock ms of the next refresh, 0 if none
    qint64 retryAt() const { return m_retryAt; }     // clock ms of the next attempt in RetryWaiting

Q_SIGNALS:
    void stateChanged(parlo::sip::Subscription::State state);
    // An accepted NOTIFY with a body (answered 200 already).
    void notified(const QByteArray &contentType, const QByteArray &body);
    // A failure or termination; temporary ones are followed by retryScheduled.
    void failed(const parlo::sip::RequestError &error);
    void retryScheduled(int seconds);
    // Reached Terminated (by stop() or a final failure).
    void terminated();

private:
    void setState(State s);
    void newDialog();
    void sendSubscribe(const SipMessage &challenge = {});
    void handleFailure(RequestError error);
    SipMessage buildSubscribe();
    void onResponse(const RequestOutcome &outcome, quint64 generation);
    void accepted(const SipMessage &request, const SipMessage &response);
    bool onNotify(ServerTransaction *t, const SipMessage &request);
    void applyState(const SubscriptionState &state);
    void scheduleRefresh(quint32 expires);
    void retryLater(RequestError error, int seconds);
    void fail(RequestError error);
    void finish();
    void armGuard(qint64 ms, std::function<void()> fn);
    void cancelTimers();
    State settledState() const;

    TransactionLayer *m_transactions;
    QPointer<UasCore> m_uas;
    Resolver *m_resolver;
    Clock *m_clock;
    Config m_config;
    DigestCredentials m_credentials;
    State m_state = State::Idle;
    RequestError m_lastError;
    std::optional<SubscriptionState> m_notifierState;

    Dialog m_dialog;   // valid once a 2xx or NOTIFY created it
    SipMessage m_sent; // the last SUBSCRIBE as sent
    QByteArray m_callId, m_fromTag;
    quint32 m_cseq = 0; // outside the dialog (initial SUBSCRIBE and its resends)
    quint32 m_requested = 0, m_granted = 0;
    bool m_unsubscribing = false;
    bool m_inFlight = false;
    int m_authAttempts = 0;
    int m_423Attempts = 0;
    int m_retryAttempt = 0;
    qint64 m_refreshAt = 0, m_retryAt = 0;
    Clock::TimerId m_timer = 0; // refresh or retry
    Clock::TimerId m_guard = 0; // first-NOTIFY wait, un-subscribe timeout
    quint64 m_generation = 0;   // invalidates answers to superseded requests
};

} // namespace parlo::sip

#pragma once

#include "base/Clock.h"
#include "sip/message/NameAddr.h"
#include "sip/message/Replaces.h"
#include "sip/message/SipMessage.h"

#include <QObject>
#include <QPointer>
#include <optional>

namespace parlo::sip {

class InviteSession;
class ServerTransaction;

// RFC 3515: a REFER inside an INVITE dialog and the implicit subscription (Event: refer) it
// creates, in either role. Created by InviteSession (refer() / referReceived) and its child.
//
// Referrer (we sent the REFER, the transferor): Pending (REFER sent) -> Active (2xx) ->
// Terminated, when a NOTIFY carries a final sipfrag status, the subscription is terminated, the
// REFER is refused, or no final NOTIFY comes in time.
// Referee (we received it, the transferee): Pending (waiting for accept()/reject()) -> Active
// (202 and NOTIFY "100 Trying" sent) -> Terminated (final notify() sent, or rejected).
class ReferSubscription : public QObject {
    Q_OBJECT
    Q_PROPERTY(State state READ state NOTIFY stateChanged)
public:
    enum class Role { Referrer, Referee };
    Q_ENUM(Role)
    enum class State { Pending, Active, Terminated };
    Q_ENUM(State)
    enum class Outcome {
        None,
        Succeeded,    // the referred request got a 2xx
        TargetFailed, // it got a non-2xx final status (status()), or the notifier ended without one
        Rejected,     // the REFER itself got 3xx-6xx (Referee: we rejected it)
        NotSupported, // 405/420/481/501 to the REFER: the peer does not take REFER here
        Timeout,      // no final NOTIFY in time (Referrer), no decision in time (Referee)
        DialogGone,   // our NOTIFY got 481/408: the referrer went away
    };
    Q_ENUM(Outcome)

    // Referrer: how long to wait for the next NOTIFY when the notifier names no expiry.
    static constexpr qint64 kDefaultNotifyTimeoutMs = 32000;
    // Referee: how long accept()/reject() may wait before the REFER is refused (403).
    static constexpr qint64 kDecisionTimeoutMs = 16000;
    // Referee: the subscription lifetime we announce in Subscription-State while active (s).
    static constexpr int kExpiresSeconds = 120;

    ~ReferSubscription() override;

    Role role() const { return m_role; }
    State state() const { return m_state; }
    Outcome outcome() const { return m_outcome; }
    // Referrer: the sipfrag status of the last NOTIFY, or the REFER's failure status (408 on
    // timeout). Referee: the last status notified (or the rejection status).
    int status() const { return m_status; }
    // The Refer-To as sent or received, URI headers (?Replaces=…) included.
    const NameAddr &referTo() const { return m_referTo; }
    // Where to send the new request: the Refer-To URI without headers and method parameter.
    SipUri target() const;
    // The Replaces header embedded in the Refer-To URI, if any (attended transfer).
    std::optional<Replaces> replaces() const { return m_replaces; }
    std::optional<NameAddr> referredBy() const { return m_referredBy; }
    // The REFER's CSeq number: the Event id= of its NOTIFYs.
    quint32 id() const { return m_id; }
    InviteSession *session() const { return m_session; }

    // ---- Referee
    // 202 Accepted, then the initial NOTIFY "SIP/2.0 100 Trying" (RFC 3515 §2.4.4).
    void accept();
    // A 4xx-6xx to the REFER (403: the user or policy refused it).
    void reject(int status = 403);
    // A NOTIFY with "SIP/2.0 <status> <reason>" as message/sipfrag. A final status (>= 200)
    // terminates the subscription (reason=noresource). False when not Active.
    bool notify(int status, const QByteArray &reason = {});

    // ---- Referrer
    void setNotifyTimeout(qint64 ms) { m_notifyTimeoutMs = ms; }

Q_SIGNALS:
    void stateChanged(parlo::sip::ReferSubscription::State state);
    // Referrer: a NOTIFY reported the referred request's progress (its sipfrag status line).
    void progress(int status, const QByteArray &reason);
    void finished(parlo::sip::ReferSubscription::Outcome outcome, int status);

private:
    friend class InviteSession;

    ReferSubscription(Role role, InviteSession *session);

    // Referrer
    void sendRefer(bool retryAfterChallenge, const SipMessage &challenge = {});
    void onReferResponse(const SipMessage &response);
    void receiveNotify(ServerTransaction *t, const SipMessage &request);
    // Referee
    void startReferee(ServerTransaction *t, const SipMessage &refer);
    void sendNotify(int status, const QByteArray &reason);
    void onNotifyResponse(const SipMessage &response, bool final);
    // The INVITE session ended: a Referrer waits a little longer for a final NOTIFY at most.
    void sessionEnded();

    void setState(State s);
    void finish(Outcome outcome, int status);
    void arm(qint64 ms);
    void disarm();

    Role m_role;
    QPointer<InviteSession> m_session;
    Clock *m_clock;
    State m_state = State::Pending;
    Outcome m_outcome = Outcome::None;
    int m_status = 0;
    NameAddr m_referTo;
    std::optional<Replaces> m_replaces;
    std::optional<NameAddr> m_referredBy;
    quint32 m_id = 0;
    Clock::TimerId m_timer = 0;
    qint64 m_notifyTimeoutMs = kDefaultNotifyTimeoutMs;
    bool m_authRetried = false;
    QPointer<ServerTransaction> m_referTx;
    SipMessage m_refer;
    // Referee: one NOTIFY in flight at a time, so they arrive in order; of those waiting only the
    // newest is kept (a final one is never dropped).
    bool m_notifyInFlight = false;
    std::optional<std::pair<int, QByteArray>> m_queuedNotify;
};

} // namespace parlo::sip

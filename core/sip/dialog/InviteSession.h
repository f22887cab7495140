#pragma once

#include "base/Clock.h"
#include "sip/auth/DigestCredentials.h"
#include "sip/dialog/Dialog.h"
#include "sip/dialog/InviteSessionHandler.h"
#include "sip/dialog/ReferSubscription.h"
#include "sip/message/Replaces.h"
#include "sip/transport/TransportLayer.h"

#include <QHash>
#include <QObject>
#include <QPointer>
#include <functional>
#include <optional>

namespace parlo::sip {

class ClientTransaction;
class Resolver;
class ServerTransaction;
class TransactionLayer;

// An INVITE usage of a dialog (RFC 3261 §13-15), for both roles. Bodies are opaque: offers and
// answers come from and go to an InviteSessionHandler. Created and routed by InviteSessionManager.
//
// UAC: Calling -> Proceeding (1xx) / EarlyMedia (183 with an answer) -> Confirmed (2xx, ACK sent).
// UAS: Idle -> Proceeding (180/183 sent) -> Connecting (2xx sent, waiting for ACK) -> Confirmed.
// Both end through Terminating (BYE or CANCEL sent) in Terminated with an EndReason.
class InviteSession : public QObject {
    Q_OBJECT
    Q_PROPERTY(State state READ state NOTIFY stateChanged)
public:
    enum class Role { Uac, Uas };
    Q_ENUM(Role)
    enum class State {
        Idle,
        Calling,
        Proceeding,
        EarlyMedia,
        Connecting,
        Confirmed,
        Terminating,
        Terminated
    };
    Q_ENUM(State)
    enum class EndReason {
        None,
        LocalBye,
        RemoteBye,
        LocalCancel,    // we cancelled (also when a 2xx crossed our CANCEL and we sent BYE)
        RemoteCancel,   // the caller cancelled before we answered
        Rejected,       // the callee answered 3xx-6xx (endStatus())
        LocalReject,    // we rejected the call (endStatus())
        Timeout,        // no final response (Timer B) or no answer to CANCEL
        TransportError, // the INVITE could not be delivered
        NoAck,          // our 2xx was never acknowledged (§13.3.1.4): BYE sent
        DialogGone,     // 408/481 to a request inside the dialog (§12.2.1.2)
        AuthFailed,     // challenged without (working) credentials
        TooManyRedirects,
        NotAcceptable, // the offer or answer was refused by the handler (488 / BYE)
        ResolveFailed, // the next hop has no address
    };
    Q_ENUM(EndReason)

    struct UacConfig {
        SipUri target;                       // Request-URI and To
        NameAddr from;                       // without tag
        NameAddr contact;                    // our Contact
        std::optional<SipUri> outboundProxy; // first hop, sent as a loose Route
        DigestCredentials credentials;
        QByteArray userAgent = "Parlo/" PARLO_VERSION;
        int maxRedirects = 5;
        // Further headers for the INVITE, e.g. Replaces and Referred-By when a REFER asked for
        // the call (RFC 3891, 3892). Name and value as they go on the wire.
        QList<std::pair<QByteArray, QByteArray>> extraHeaders;
    };
    // REFER subscriptions a session keeps per role at once; more incoming REFERs get 503.
    static constexpr int kMaxReferSubscriptions = 4;

    ~InviteSession() override;

    Role role() const { return m_role; }
    State state() const { return m_state; }
    EndReason endReason() const { return m_endReason; }
    // The final status of a rejected call (Rejected / LocalReject), 0 otherwise.
    int endStatus() const { return m_endStatus; }
    // The confirmed dialog (UAC: the one the first 2xx created), or the UAS dialog.
    const Dialog &dialog() const { return m_dialog; }
    DialogId dialogId() const { return m_dialog.id(); }
    // The initial INVITE (UAC: as last sent; UAS: as received).
    const SipMessage &invite() const { return m_invite; }
    NameAddr remoteIdentity() const;
    // UAS: the Replaces header of the INVITE (RFC 3891), and the session of ours it matched
    // (checked by InviteSessionManager before the session was offered; null once deleted).
    std::optional<Replaces> replaces() const { return m_replaces; }
    InviteSession *replacedSession() const { return m_replacedSession; }

    void setHandler(InviteSessionHandler *handler) { m_handler = handler; }

    // ---- UAS
    // 180 Ringing (or another provisional status); earlyAnswer makes it a 183 with early media.
    void ring(int status = 180, const SessionBody &earlyAnswer = {});
    // 200 with the answer to the INVITE's offer (or our offer when it had none).
    void accept();
    void reject(int status = 486);

    // ---- both
    // Whatever ends the call in the current state: CANCEL, reject (603), or BYE.
    void hangup();
    // A re-INVITE with a new offer from the handler (hold/resume). False when one cannot be sent
    // now (not confirmed, or one is pending).
    bool reinvite();
    // INFO inside the confirmed dialog (e.g. application/dtmf-relay). False when not confirmed.
    bool info(const SessionBody &body);

    // RFC 3515: REFER inside the confirmed dialog; we are the referrer (transferor). Referred-By
    // is our local URI; replaces (attended transfer) goes into the Refer-To URI as a header.
    // The subscription is a child of this session; nullptr when the dialog is not confirmed or
    // kMaxReferSubscriptions are running.
    ReferSubscription *refer(const NameAddr &referTo, const std::optional<Replaces> &replaces = {});
    // Refer subscriptions of both roles, terminated ones included (the oldest terminated ones are
    // deleted once 2 * kMaxReferSubscriptions exist: hold them in a QPointer).
    QList<ReferSubscription *> referSubscriptions() const { return m_refers; }

Q_SIGNALS:
    void stateChanged(parlo::sip::InviteSession::State state);
    // A provisional response arrived (UAC).
    void provisional(int status, const QByteArray &reason);
    // The call is confirmed (UAC: 2xx received and ACKed; UAS: ACK received).
    void established();
    // The remote side's description changed (early answer, answer, or a re-INVITE/UPDATE offer).
    void remoteDescription(const parlo::sip::SessionBody &body);
    // Our re-INVITE ended: status of its final response (2xx accepted; 491 is retried by us).
    void reinviteFinished(int status);
    // INFO inside the dialog (e.g. application/dtmf-relay), answered 200.
    void infoReceived(const parlo::sip::SessionBody &body);
    void ended(parlo::sip::InviteSession::EndReason reason, int status);
    // A REFER with a valid Refer-To arrived (we are the referee, RFC 3515). Call accept() or
    // reject() on it, now or within ReferSubscription::kDecisionTimeoutMs (then 403).
    void referReceived(parlo::sip::ReferSubscription *refer);

private:
    friend class InviteSessionManager;
    friend class ReferSubscription;

    InviteSession(Role role, TransactionLayer *transactions, Resolver *resolver, QObject *parent);

    // ---- entry points for the manager
    void startUac(const UacConfig &config);
    void startUas(ServerTransaction *t, const SipMessage &invite, const NameAddr &contact, bool secure);
    bool ownsDialog(QByteArrayView callId, QByteArrayView localTag, QByteArrayView remoteTag) const;
    bool ownsTransaction(const ServerTransaction *t) const;
    void receiveRequest(ServerTransaction *t, const SipMessage &request);
    void receiveAck(const SipMessage &ack);
    void receiveCancel();
    void receiveStrayResponse(const SipMessage &response);

    // ---- UAC
    void sendInvite();
    void onInviteResponse(const SipMessage &response);
    void onInviteFailed(ClientTransaction *t);
    void onInvite2xx(const SipMessage &response);
    void sendCancel();
    // ---- in-dialog
    using ResponseHandler = std::function<void(const SipMessage &response)>;
    // Sends request to the dialog's (or the INVITE's) next hop; handler gets the final response,
    // or a synthesized 408 (timeout) / 503 (transport) when the transaction failed.
    void sendRequest(const SipMessage &request, const SipUri &nextHop, ResponseHandler handler);
    void sendAck(const SipMessage &ack, const SipUri &nextHop);
    void sendBye(EndReason reason);
    void byeDialog(Dialog dialog); // fire-and-forget BYE for a forked dialog we do not keep
    void onReinviteResponse(const SipMessage &response);
    void receiveReinvite(ServerTransaction *t, const SipMessage &request);
    void respond2xx(ServerTransaction *t, SipMessage response);
    void stop2xxRetransmission();
    void answerWith488(ServerTransaction *t, const SipMessage &request, const SessionError &error);
    void receiveRefer(ServerTransaction *t, const SipMessage &request);
    void receiveNotify(ServerTransaction *t, const SipMessage &request);
    int liveRefers(int role) const;
    void pruneRefers();

    void setState(State s);
    void end(EndReason reason, int status = 0);
    void resolve(const SipUri &uri, std::function<void(std::optional<Peer>)> done);

    Role m_role;
    TransactionLayer *m_transactions;
    Resolver *m_resolver;
    Clock *m_clock;
    InviteSessionHandler *m_handler = nullptr;
    State m_state = State::Idle;
    EndReason m_endReason = EndReason::None;
    int m_endStatus = 0;

    Dialog m_dialog;
    SipMessage m_invite;
    UacConfig m_config;
    QPointer<ClientTransaction> m_inviteTx;
    Peer m_invitePeer;
    QHash<QByteArray, Dialog> m_earlyDialogs; // UAC: by remote tag
    QHash<QByteArray, SipMessage> m_acks;     // ACKs sent for 2xx, by remote tag + CSeq
    QHash<QByteArray, SipUri> m_ackHops;      // next hop of those ACKs
    bool m_gotProvisional = false;
    bool m_cancelRequested = false;
    bool m_cancelSent = false;
    int m_authAttempts = 0;
    int m_redirects = 0;
    bool m_offerInInvite = true;
    Clock::TimerId m_cancelTimer = 0;

    // UAS of an INVITE (initial or re-INVITE): our 2xx until the ACK comes.
    QPointer<ServerTransaction> m_inviteServerTx;
    SipMessage m_pending2xx;
    Peer m_pending2xxPeer;
    bool m_2xxReliable = false;
    bool m_2xxCarriedOffer = false;
    qint64 m_2xxInterval = 0;
    Clock::TimerId m_2xxTimer = 0, m_noAckTimer = 0;

    // Our re-INVITE.
    bool m_reinvitePending = false;
    SipMessage m_reinvite;
    QByteArray m_reinviteAckKey;
    Clock::TimerId m_glareTimer = 0;

    // RFC 3891 / 3515
    std::optional<Replaces> m_replaces;
    QPointer<InviteSession> m_replacedSession;
    QList<ReferSubscription *> m_refers;
};

} // namespace parlo::sip

#pragma once

#include "call/Call.h"
#include "call/CallMedia.h"
#include "sdp/MediaCapabilities.h"
#include "sip/auth/DigestCredentials.h"
#include "sip/message/NameAddr.h"

#include <QHash>
#include <QList>
#include <QObject>
#include <QPointer>
#include <optional>

namespace parlo {

class UserAgent;
namespace sip {
class InviteSession;
class InviteSessionManager;
class ReferSubscription;
} // namespace sip

// The calls of one user agent: places outgoing calls, takes incoming ones (with do-not-disturb,
// auto-answer and call waiting), transfers calls (RFC 3515 REFER, RFC 3891 Replaces) in both
// roles, and owns every Call until it has ended and been taken off the list.
class CallManager : public QObject {
    Q_OBJECT
    Q_PROPERTY(bool doNotDisturb READ doNotDisturb WRITE setDoNotDisturb NOTIFY doNotDisturbChanged)
    Q_PROPERTY(bool callWaiting READ callWaiting WRITE setCallWaiting NOTIFY callWaitingChanged)
public:
    // Who we are when we call: the account's AOR, credentials and outbound proxy.
    struct Identity {
        sip::NameAddr from; // AOR with display name
        sip::DigestCredentials credentials;
        std::optional<sip::SipUri> outboundProxy;
        std::optional<sip::TransportProtocol> transport;
    };

    explicit CallManager(UserAgent *ua, QObject *parent = nullptr);
    ~CallManager() override;

    void setMediaFactory(CallMediaFactory factory) { m_mediaFactory = std::move(factory); }
    void setCapabilities(const sdp::MediaCapabilities &caps) { m_caps = caps; }
    const sdp::MediaCapabilities &capabilities() const { return m_caps; }
    void setIdentity(const Identity &identity) { m_identity = identity; }

    bool doNotDisturb() const { return m_dnd; }
    void setDoNotDisturb(bool on);
    // Answer incoming calls after delayMs (0: at once); -1 turns auto-answer off.
    void setAutoAnswer(int delayMs) { m_autoAnswerMs = delayMs; }

    // Call waiting (default on): a call arriving while another is up rings as usual and the
    // application decides. Off: it is rejected with 486 Busy Here.
    bool callWaiting() const { return m_callWaiting; }
    void setCallWaiting(bool on);
    // Whether a peer's REFER is followed (default on); off: 403.
    bool acceptTransfers() const { return m_acceptTransfers; }
    void setAcceptTransfers(bool on) { m_acceptTransfers = on; }

    // Starts a call; nullptr when no media port could be opened.
    Call *dial(const sip::SipUri &target);
    QList<Call *> calls() const { return m_calls; }

    // ---- several calls
    // Puts every other active call on hold, then resumes toActivate (or answers it when it is an
    // incoming call still ringing). False when toActivate is not a live call of ours or the
    // re-INVITE/answer cannot be sent now.
    bool swap(Call *toActivate);

    // ---- transfer, as transferor
    // Blind transfer: REFER in call's dialog with Refer-To: target. When the transferee reports a
    // 2xx from the target, call is hung up and transferSucceeded(call) follows; on any failure
    // transferFailed(call, status) and the call stays. False when call is not active or a
    // transfer of it is already running.
    bool transferBlind(Call *call, const sip::SipUri &target);
    // Attended transfer: REFER in call's dialog to consultation's remote target with a Replaces
    // naming the consultation dialog. On success both calls are hung up.
    bool transferAttended(Call *call, Call *consultation);
    // The transfer of call still waiting for its outcome, or null.
    sip::ReferSubscription *transferOf(Call *call) const;

Q_SIGNALS:
    void incomingCall(parlo::Call *call);
    // An incoming INVITE turned away before it became a Call (do-not-disturb, call waiting off,
    // no media port), so the history can still list it; status is the rejection we sent.
    void incomingRefused(const QString &remoteUri, const QString &remoteName, int status);
    void callAdded(parlo::Call *call);
    void callEnded(parlo::Call *call);
    void doNotDisturbChanged(bool on);
    void callWaitingChanged(bool on);
    // Transferor: the sipfrag status each NOTIFY reported (100, 180, …).
    void transferProgress(parlo::Call *call, int status);
    void transferSucceeded(parlo::Call *call);
    // status: the REFER's failure status (405/481/501: the peer cannot transfer; 403…), the
    // target's final status reported by NOTIFY (486…), or 408 when no final NOTIFY came.
    void transferFailed(parlo::Call *call, int status);
    // Transferee: call's peer asked us (REFER) to call someone; newCall is that outgoing call.
    // call is hung up once newCall is answered.
    void transferRequested(parlo::Call *call, parlo::Call *newCall);
    // An incoming INVITE with Replaces took over replaced: call was answered automatically and
    // replaced is hung up once call is active.
    void callReplaced(parlo::Call *replaced, parlo::Call *call);

private:
    struct Transfer {
        QPointer<sip::ReferSubscription> refer;
        QPointer<Call> consultation;
    };

    void onIncoming(sip::InviteSession *session);
    Call *adopt(Call *call);
    Call *dialWith(const sip::SipUri &target, const QList<std::pair<QByteArray, QByteArray>> &headers);
    void startTransfer(Call *call, sip::ReferSubscription *refer, Call *consultation);
    void onReferReceived(Call *call, sip::ReferSubscription *refer);
    void takeOver(Call *replaced, sip::InviteSession *session);
    Call *callFor(const sip::InviteSession *session) const;
    bool hasLiveCall() const;
    std::unique_ptr<CallMedia> makeMedia(const QHostAddress &towards);

    UserAgent *m_ua;
    sip::InviteSessionManager *m_sessions;
    CallMediaFactory m_mediaFactory;
    sdp::MediaCapabilities m_caps;
    Identity m_identity;
    QList<Call *> m_calls;
    bool m_dnd = false;
    bool m_callWaiting = true;
    bool m_acceptTransfers = true;
    int m_autoAnswerMs = -1;
    QHash<Call *, Transfer> m_transfers; // running transfers, by the call being transferred
};

} // namespace parlo

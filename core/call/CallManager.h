#pragma once

#include "call/Call.h"
#include "call/CallMedia.h"
#include "sdp/MediaCapabilities.h"
#include "sip/auth/DigestCredentials.h"
#include "sip/message/NameAddr.h"

#include <QList>
#include <QObject>
#include <optional>

namespace parlo {

class UserAgent;
namespace sip {
class InviteSession;
class InviteSessionManager;
} // namespace sip

// The calls of one user agent: places outgoing calls, takes incoming ones (with do-not-disturb
// and auto-answer), and owns every Call until it has ended and been taken off the list.
class CallManager : public QObject {
    Q_OBJECT
    Q_PROPERTY(bool doNotDisturb READ doNotDisturb WRITE setDoNotDisturb NOTIFY doNotDisturbChanged)
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

    // Starts a call; nullptr when no media port could be opened.
    Call *dial(const sip::SipUri &target);
    QList<Call *> calls() const { return m_calls; }

Q_SIGNALS:
    void incomingCall(parlo::Call *call);
    void callAdded(parlo::Call *call);
    void callEnded(parlo::Call *call);
    void doNotDisturbChanged(bool on);

private:
    void onIncoming(sip::InviteSession *session);
    Call *adopt(Call *call);
    std::unique_ptr<CallMedia> makeMedia(const QHostAddress &towards);

    UserAgent *m_ua;
    sip::InviteSessionManager *m_sessions;
    CallMediaFactory m_mediaFactory;
    sdp::MediaCapabilities m_caps;
    Identity m_identity;
    QList<Call *> m_calls;
    bool m_dnd = false;
    int m_autoAnswerMs = -1;
};

} // namespace parlo

#pragma once

#include "base/Clock.h"
#include "presence/PresenceState.h"
#include "sip/auth/DigestCredentials.h"
#include "sip/dialog/RequestError.h"
#include "sip/message/NameAddr.h"
#include "sip/message/SipUri.h"
#include "sip/transport/TransportProtocol.h"

#include <QObject>
#include <optional>

namespace parlo {
class UserAgent;
}
namespace parlo::sip {
class Publication;
}

namespace parlo::presence {

// Our own presence (RFC 3903 PUBLISH of a PIDF document): the state the user chose plus a note,
// shown as "on the phone" while the call layer says a call is up (setOnThePhone), without the
// call layer knowing about presence. The Publication below refreshes it before it expires and
// answers challenges; setPresence() while a PUBLISH is in flight keeps only the newest state.
//
// state mirrors the publication: Idle -> Publishing -> Published (-> Publishing on a change)
// -> Removing -> Idle; Failed after a final failure.
class PresencePublisher : public QObject {
    Q_OBJECT
    Q_PROPERTY(State state READ state NOTIFY stateChanged)
    Q_PROPERTY(parlo::presence::PresenceState presence READ presence NOTIFY presenceChanged)
    Q_PROPERTY(QString note READ note NOTIFY presenceChanged)
    Q_PROPERTY(bool onThePhone READ onThePhone WRITE setOnThePhone NOTIFY presenceChanged)
public:
    enum class State { Idle, Publishing, Published, Removing, Failed };
    Q_ENUM(State)

    struct Config {
        sip::NameAddr aor; // our address of record: the presentity
        std::optional<sip::SipUri> outboundProxy;
        std::optional<sip::TransportProtocol> transport;
        quint32 expires = 3600;
        bool retryAutomatically = true;
    };

    explicit PresencePublisher(UserAgent *ua, QObject *parent = nullptr);
    ~PresencePublisher() override;

    void setConfig(const Config &config) { m_config = config; }
    const Config &config() const { return m_config; }
    void setCredentials(const sip::DigestCredentials &credentials);

    // Publishes state (Available, Away, Busy, Offline …) with note; again on every change.
    void setPresence(PresenceState state, const QString &note = {});
    // While true the published state is OnThePhone (the chosen one comes back after).
    void setOnThePhone(bool onThePhone);
    // Removes the published state (PUBLISH Expires: 0).
    void remove();

    State state() const { return m_state; }
    PresenceState presence() const { return m_presence; }
    // What watchers see now: OnThePhone during a call, else presence().
    PresenceState effectivePresence() const;
    QString note() const { return m_note; }
    bool onThePhone() const { return m_onThePhone; }
    sip::RequestError lastError() const;
    // The PIDF body for the current state (what the next PUBLISH carries).
    QByteArray document() const;
    sip::Publication *publication() const { return m_publication; }

Q_SIGNALS:
    void stateChanged(parlo::presence::PresencePublisher::State state);
    void presenceChanged();
    void published(quint32 expires);
    void removed();
    void failed(const parlo::sip::RequestError &error);

private:
    void setState(State s);
    void publishNow();

    Config m_config;
    sip::Publication *m_publication;
    State m_state = State::Idle;
    PresenceState m_presence = PresenceState::Unknown;
    QString m_note;
    bool m_onThePhone = false;
    bool m_active = false; // setPresence() was called and not removed since
};

} // namespace parlo::presence

#pragma once

#include "base/Clock.h"
#include "presence/DialogInfo.h"
#include "presence/PresenceState.h"
#include "presence/RegInfo.h"
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
class Subscription;
}

namespace parlo::presence {

// Watches one contact: a Subscription per event package — presence (PIDF), reg (registration
// state) and optionally dialog (busy lamp) — whose NOTIFY bodies are parsed here and folded into
// typed properties. A body the package parser refuses is answered 400 by the subscription's
// validator hook and changes nothing. Partial reginfo/dialog-info documents merge by version; a
// gap in the versions re-subscribes for a full state (RFC 3680 §5.2.1, RFC 4235 §4.1).
//
// Idle -> Watching (start) -> Stopping (stop: un-SUBSCRIBEs) -> Idle; Failed when every
// subscription ended for good (each failure is also reported through failed()).
class PresenceWatcher : public QObject {
    Q_OBJECT
    Q_PROPERTY(State state READ state NOTIFY stateChanged)
    Q_PROPERTY(parlo::presence::PresenceState presence READ presence NOTIFY presenceChanged)
    Q_PROPERTY(QString note READ note NOTIFY presenceChanged)
    Q_PROPERTY(Registration registration READ registration NOTIFY registrationChanged)
    Q_PROPERTY(int deviceCount READ deviceCount NOTIFY registrationChanged)
    Q_PROPERTY(parlo::presence::BusyLamp busyLamp READ busyLamp NOTIFY busyLampChanged)
public:
    enum class State { Idle, Watching, Stopping, Failed };
    Q_ENUM(State)
    enum class Registration { Unknown, Registered, NotRegistered };
    Q_ENUM(Registration)
    enum class Package { Presence, Reg, Dialog };
    Q_ENUM(Package)

    struct Config {
        sip::SipUri contact; // the watched address of record
        sip::NameAddr from;  // ours
        std::optional<sip::SipUri> outboundProxy;
        std::optional<sip::TransportProtocol> transport;
        bool watchPresence = true;
        bool watchRegistration = true;
        bool watchDialog = false; // busy lamp
        quint32 expires = 3600;
        // Below the SIP parser's 64 KB message cap, so an oversized body is refused by the
        // subscription with 413 rather than by the parser.
        qsizetype maxBodySize = 48 * 1024;
    };

    explicit PresenceWatcher(UserAgent *ua, QObject *parent = nullptr);
    ~PresenceWatcher() override;

    void setConfig(const Config &config) { m_config = config; }
    const Config &config() const { return m_config; }
    void setCredentials(const sip::DigestCredentials &credentials) { m_credentials = credentials; }

    void start();
    // Un-subscribes; stopped() once every subscription ended (bounded by the subscriptions'
    // own un-subscribe timeout).
    void stop();

    State state() const { return m_state; }
    PresenceState presence() const { return m_presence; }
    QString note() const { return m_note; }
    Registration registration() const { return m_registration; }
    int deviceCount() const { return m_devices; }
    BusyLamp busyLamp() const { return m_busyLamp; }
    const DialogInfo &dialogInfo() const { return m_dialogInfo; }
    // nullptr for a package not watched (or before start()).
    sip::Subscription *subscription(Package package) const;

    // What the validator answers for a body of the package ("" when it parses): used by the
    // subscriptions' validator hook, public for tests.
    static QByteArray validate(Package package, const QByteArray &body);

Q_SIGNALS:
    void stateChanged(parlo::presence::PresenceWatcher::State state);
    void presenceChanged();
    void registrationChanged();
    void busyLampChanged();
    void failed(parlo::presence::PresenceWatcher::Package package, const parlo::sip::RequestError &error);
    void stopped();

private:
    struct Watch {
        Package package;
        sip::Subscription *subscription = nullptr;
        bool resync = false; // restart once terminated (a version gap)
    };
    void setState(State s);
    sip::Subscription *makeSubscription(Package package);
    void onNotified(Package package, const QByteArray &body);
    void applyRegInfo(const RegInfo &update, Package package);
    void applyDialogInfo(const DialogInfo &update, Package package);
    void updateRegistration();
    void onTerminated(Package package);
    void resync(Package package);
    Watch *watch(Package package);

    UserAgent *m_ua;
    Config m_config;
    sip::DigestCredentials m_credentials;
    State m_state = State::Idle;
    QList<Watch> m_watches;

    PresenceState m_presence = PresenceState::Unknown;
    QString m_note;
    RegInfo m_regInfo;
    Registration m_registration = Registration::Unknown;
    int m_devices = 0;
    DialogInfo m_dialogInfo;
    BusyLamp m_busyLamp = BusyLamp::Unknown;
};

} // namespace parlo::presence

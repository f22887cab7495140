#pragma once

#include "base/Clock.h"
#include "presence/MessageSummary.h"
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

// Message-waiting indication for our own account (RFC 3842): a message-summary subscription to
// the account's address of record, its bodies parsed into voice-message counts. A body that does
// not parse is answered 400 (validator hook) and changes nothing.
//
// Idle -> Watching -> Stopping -> Idle; Failed when the subscription ended for good.
class MessageWaiting : public QObject {
    Q_OBJECT
    Q_PROPERTY(State state READ state NOTIFY stateChanged)
    Q_PROPERTY(bool waiting READ waiting NOTIFY changed)
    Q_PROPERTY(int newMessages READ newMessages NOTIFY changed)
    Q_PROPERTY(int oldMessages READ oldMessages NOTIFY changed)
public:
    enum class State { Idle, Watching, Stopping, Failed };
    Q_ENUM(State)

    struct Config {
        sip::NameAddr aor; // the mailbox: our own address of record (target and From)
        std::optional<sip::SipUri> outboundProxy;
        std::optional<sip::TransportProtocol> transport;
        quint32 expires = 3600;
    };

    explicit MessageWaiting(UserAgent *ua, QObject *parent = nullptr);
    ~MessageWaiting() override;

    void setConfig(const Config &config) { m_config = config; }
    void setCredentials(const sip::DigestCredentials &credentials) { m_credentials = credentials; }

    void start();
    void stop(); // un-SUBSCRIBEs; stopped() when done

    State state() const { return m_state; }
    bool waiting() const { return m_summary.messagesWaiting; }
    int newMessages() const { return int(m_summary.voice().newMessages); }
    int oldMessages() const { return int(m_summary.voice().oldMessages); }
    const MessageSummary &summary() const { return m_summary; }
    sip::Subscription *subscription() const { return m_subscription; }

Q_SIGNALS:
    void stateChanged(parlo::presence::MessageWaiting::State state);
    // A NOTIFY brought a summary (also when the counts stayed: the notifier re-sent them).
    void changed();
    void failed(const parlo::sip::RequestError &error);
    void stopped();

private:
    void setState(State s);

    UserAgent *m_ua;
    Config m_config;
    sip::DigestCredentials m_credentials;
    State m_state = State::Idle;
    sip::Subscription *m_subscription = nullptr;
    MessageSummary m_summary;
};

} // namespace parlo::presence

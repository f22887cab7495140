#pragma once

#include "base/Clock.h"
#include "sip/auth/DigestCredentials.h"
#include "sip/dialog/RequestError.h"
#include "sip/message/NameAddr.h"
#include "sip/message/SipMessage.h"
#include "sip/message/SipUri.h"
#include "sip/transport/TransportProtocol.h"

#include <QObject>
#include <optional>

namespace parlo::sip {

class Resolver;
class TransactionLayer;
struct RequestOutcome;

// RFC 3903 event state publication (our own presence) for one address of record: PUBLISH with a
// body, then refreshes with SIP-If-Match and no body, modifications with SIP-If-Match and the new
// body, removal with Expires: 0. Answers digest challenges, follows 423 Min-Expires, publishes
// anew when the server lost our entity tag (412), retries temporary failures with backoff.
// One PUBLISH at a time (§4): what is asked for meanwhile waits, and only the newest body is kept.
//
// Idle -> Publishing -> Published -> Refreshing -> Published …; Removing -> Idle;
// RetryWaiting after temporary failures; Failed after final ones.
class Publication : public QObject {
    Q_OBJECT
    Q_PROPERTY(State state READ state NOTIFY stateChanged)
public:
    enum class State { Idle, Publishing, Published, Refreshing, Removing, RetryWaiting, Failed };
    Q_ENUM(State)

    struct Config {
        NameAddr aor; // Request-URI, To and From (display name kept)
        std::optional<SipUri> outboundProxy;
        std::optional<TransportProtocol> transport;
        QByteArray userAgent = "Parlo/" PARLO_VERSION;
        bool retryAutomatically = true;
    };

    Publication(TransactionLayer *transactions, Resolver *resolver, Clock *clock = Clock::system(),
                QObject *parent = nullptr);
    ~Publication() override;

    void setConfig(const Config &config) { m_config = config; }
    const Config &config() const { return m_config; }
    void setCredentials(const DigestCredentials &credentials) { m_credentials = credentials; }

    // Publishes body (initial, or a modification of the published state).
    void publish(const QByteArray &body, const QByteArray &contentType, const QByteArray &event = "presence",
                 quint32 expires = 3600);
    // Removes the published state (Expires: 0); ends in Idle.
    void remove();

    State state() const { return m_state; }
    RequestError lastError() const { return m_lastError; }
    QByteArray entityTag() const { return m_etag; }
    quint32 grantedExpires() const { return m_granted; }
    qint64 refreshAt() const { return m_refreshAt; }
    qint64 retryAt() const { return m_retryAt; }

Q_SIGNALS:
    void stateChanged(parlo::sip::Publication::State state);
    void published(quint32 expires);
    void removed();
    void failed(const parlo::sip::RequestError &error);
    void retryScheduled(int seconds);

private:
    enum class Kind { Initial, Modify, Refresh, Remove };
    void setState(State s);
    void send(Kind kind, const SipMessage &challenge = {});
    void onResponse(const RequestOutcome &outcome, Kind kind, quint64 generation);
    void next(); // sends what waited while a PUBLISH was in flight
    void scheduleRefresh(quint32 expires);
    void handleFailure(RequestError error);
    void cancelTimer();

    TransactionLayer *m_transactions;
    Resolver *m_resolver;
    Clock *m_clock;
    Config m_config;
    DigestCredentials m_credentials;
    State m_state = State::Idle;
    RequestError m_lastError;

    QByteArray m_body, m_contentType, m_event = "presence";
    QByteArray m_etag;
    QByteArray m_callId, m_fromTag;
    quint32 m_cseq = 0;
    quint32 m_requested = 3600, m_granted = 0;
    bool m_inFlight = false;
    bool m_bodyWaiting = false;   // publish() while in flight
    bool m_removeWaiting = false; // remove() while in flight
    bool m_412Retried = false;
    int m_authAttempts = 0;
    int m_423Attempts = 0;
    int m_retryAttempt = 0;
    SipMessage m_sent;
    qint64 m_refreshAt = 0, m_retryAt = 0;
    Clock::TimerId m_timer = 0;
    quint64 m_generation = 0;
};

} // namespace parlo::sip

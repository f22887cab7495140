#pragma once

#include "base/Clock.h"
#include "sip/auth/DigestCredentials.h"
#include "sip/dialog/RegistrationError.h"
#include "sip/message/NameAddr.h"
#include "sip/message/SipUri.h"
#include "sip/transport/TransportProtocol.h"

#include <QObject>
#include <QPointer>
#include <optional>

namespace parlo::sip {

class ClientTransaction;
class Resolver;
class SipMessage;
class TransactionLayer;

// RFC 3261 §10: keeps one contact registered for an address of record. Resolves the registrar
// (or outbound proxy) per RFC 3263 and fails over between its targets, answers digest challenges,
// follows 423 Min-Expires, refreshes before expiry, re-registers with backoff after temporary
// failures or when the connection to the registrar drops, and removes the binding on stop().
// States follow reSIProcate's ClientRegistration: Registering (adding), Registered, Refreshing,
// RetryWaiting, Unregistering (removing), Failed (final), Unregistered.
class ClientRegistration : public QObject {
    Q_OBJECT
    Q_PROPERTY(State state READ state NOTIFY stateChanged)
public:
    enum class State {
        Unregistered,
        Registering,
        Registered,
        Refreshing,
        RetryWaiting,
        Unregistering,
        Failed
    };
    Q_ENUM(State)

    struct Config {
        SipUri aor;                          // sip:alice@example.com
        std::optional<SipUri> registrar;     // default: sip:<aor host[:port]>
        std::optional<SipUri> outboundProxy; // requests go there (loose route) instead of the registrar
        std::optional<TransportProtocol> transport; // default: the proxy's/registrar's transport= or UDP
        quint32 expires = 3600;
        QString displayName;
        QByteArray userAgent = "Parlo/" PARLO_VERSION;
        bool retryAutomatically = true; // false: a failure is final (parlo-cli register --once)
    };

    ClientRegistration(TransactionLayer *transactions, Resolver *resolver, Clock *clock = Clock::system(),
                       QObject *parent = nullptr);
    ~ClientRegistration() override;

    void setConfig(const Config &config);
    const Config &config() const { return m_config; }
    void setCredentials(const DigestCredentials &credentials) { m_credentials = credentials; }

    void start(); // register, then keep the binding alive
    void stop();  // remove the binding; ends in Unregistered (also when the registrar does not answer)

    State state() const { return m_state; }
    RegistrationError lastError() const { return m_lastError; }
    quint32 grantedExpires() const { return m_granted; }
    Peer registrarPeer() const; // where the last REGISTER went
    NameAddr contact() const { return m_contact; }
    qint64 retryAt() const { return m_retryAt; } // clock ms of the next attempt in RetryWaiting

    // Backoff before retry attempt n (1-based) after a temporary failure, without jitter:
    // 5, 10, 20, 40 … s capped at 300 s; Retry-After wins when the registrar sent one.
    static int backoffSeconds(int attempt);

Q_SIGNALS:
    void stateChanged(parlo::sip::ClientRegistration::State state);
    void registered(quint32 expires);
    void failed(const parlo::sip::RegistrationError &error);
    void retryScheduled(int seconds);
    void unregistered();

private:
    void setState(State s);
    void resolveAndSend();
    void sendRegister(bool removing);
    void onResponse(const SipMessage &response);
    void resend(SipMessage request);
    void watch(ClientTransaction *t);
    void onTransactionFailed(ClientTransaction *t);
    void onTransportClosed(const Peer &peer);
    void succeed(const SipMessage &response);
    void fail(RegistrationError error);
    void scheduleRefresh(quint32 expires);
    void cancelTimers();
    SipUri requestUri() const;
    SipUri nextHopUri() const;
    void buildContact();

    TransactionLayer *m_transactions;
    Resolver *m_resolver;
    Clock *m_clock;
    Config m_config;
    DigestCredentials m_credentials;
    State m_state = State::Unregistered;
    RegistrationError m_lastError;

    QList<Peer> m_targets;
    int m_targetIndex = 0;
    bool m_removing = false;
    QByteArray m_callId, m_fromTag;
    quint32 m_cseq = 0;
    quint32 m_requested = 0, m_granted = 0;
    NameAddr m_contact;
    QPointer<ClientTransaction> m_transaction;
    int m_authAttempts = 0;
    int m_423Attempts = 0;
    int m_retryAttempt = 0;
    qint64 m_sentAt = 0;
    qint64 m_retryAt = 0;
    Clock::TimerId m_timer = 0;
    Clock::TimerId m_stopTimer = 0;
    quint64 m_generation = 0; // invalidates callbacks of superseded attempts
};

} // namespace parlo::sip

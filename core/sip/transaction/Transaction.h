#pragma once

#include "base/Clock.h"
#include "sip/message/SipMessage.h"
#include "sip/transport/TransportLayer.h"

#include <QObject>
#include <QSet>
#include <functional>

namespace parlo::sip {

class TransactionLayer;

// Base of the four RFC 3261 §17 state machines. Owned by the TransactionLayer, which deletes it
// (deleteLater) after it reaches Terminated.
class Transaction : public QObject {
    Q_OBJECT
    Q_PROPERTY(State state READ state NOTIFY stateChanged)
public:
    enum class State { Calling, Trying, Proceeding, Completed, Confirmed, Terminated };
    Q_ENUM(State)
    enum class Failure { None, Timeout, TransportError };
    Q_ENUM(Failure)

    ~Transaction() override;

    State state() const { return m_state; }
    // Branch of the top Via (the transaction key together with the method, §17.1.3/§17.2.3).
    QByteArray branch() const { return m_branch; }
    QByteArray method() const { return m_method; }
    // The request that created the transaction.
    const SipMessage &request() const { return m_request; }
    // Whether the transport needs no retransmissions (TCP/TLS): timers A/E/G off, D/I/J/K zero.
    virtual bool isReliable() const = 0;

Q_SIGNALS:
    void stateChanged(parlo::sip::Transaction::State state);

protected:
    Transaction(TransactionLayer *layer, const SipMessage &request);
    void setState(State s);

    // Runs fn after ms on the layer's clock unless cancelled or the transaction ends first.
    Clock::TimerId scheduleTimer(qint64 ms, std::function<void()> fn);
    // Cancels the timer and zeroes id; no-op for 0.
    void cancelTimer(Clock::TimerId &id);
    void cancelAllTimers();

    TransactionLayer *m_layer;
    SipMessage m_request;
    QByteArray m_branch;
    QByteArray m_method;
    State m_state = State::Trying;

private:
    friend class TransactionLayer;
    QSet<Clock::TimerId> m_timerIds;
    QByteArray m_key; // the layer's table key
};

} // namespace parlo::sip

#pragma once

#include "base/Clock.h"
#include "sip/transport/TransportProtocol.h"

#include <QHostAddress>
#include <QObject>

namespace parlo::sip {
class DnsBackend;
class Resolver;
class TransactionLayer;
class TransportLayer;
class UasCore;
} // namespace parlo::sip

namespace parlo {

// One SIP user agent: the layered stack (transport, transactions, resolver, UAS core) that the
// accounts and, without an account, direct-IP operation share.
class UserAgent : public QObject {
    Q_OBJECT
public:
    explicit UserAgent(Clock *clock = Clock::system(), QObject *parent = nullptr);
    // With a given transport layer (taken over as a child) and DNS backend: for unit tests of the
    // layers above, on a fake transport.
    UserAgent(Clock *clock, sip::TransportLayer *transport, sip::DnsBackend *dns, QObject *parent = nullptr);
    ~UserAgent() override;

    // Opens UDP and TCP listeners on address:port (port 0: any free port; UDP and TCP then share
    // the number UDP got). Returns false with error when a socket cannot be bound.
    bool listen(const QHostAddress &address, quint16 port, QString *error = nullptr);

    sip::TransportLayer *transport() const { return m_transport; }
    sip::TransactionLayer *transactions() const { return m_transactions; }
    sip::Resolver *resolver() const { return m_resolver; }
    sip::UasCore *uas() const { return m_uas; }
    Clock *clock() const { return m_clock; }

private:
    Clock *m_clock;
    sip::TransportLayer *m_transport;
    sip::TransactionLayer *m_transactions;
    sip::Resolver *m_resolver;
    sip::UasCore *m_uas;
};

} // namespace parlo

#include "account/UserAgent.h"

#include "sip/dialog/UasCore.h"
#include "sip/transaction/TransactionLayer.h"
#include "sip/transport/Resolver.h"
#include "sip/transport/TransportLayer.h"

namespace parlo {

using namespace parlo::sip;

UserAgent::UserAgent(Clock *clock, QObject *parent)
    : UserAgent(clock, new TransportLayer, DnsBackend::system(), parent) {}

UserAgent::UserAgent(Clock *clock, TransportLayer *transport, DnsBackend *dns, QObject *parent)
    : QObject(parent)
    , m_clock(clock)
    , m_transport(transport)
    , m_transactions(new TransactionLayer(m_transport, clock, this))
    , m_resolver(new Resolver(dns, this))
    , m_uas(new UasCore(m_transactions, this)) {
    m_transport->setParent(this);
}

UserAgent::~UserAgent() = default;

bool UserAgent::listen(const QHostAddress &address, quint16 port, QString *error) {
    if (!m_transport->listen(TransportProtocol::Udp, address, port, error))
        return false;
    const quint16 bound = m_transport->localEndpoint(TransportProtocol::Udp).port;
    return m_transport->listen(TransportProtocol::Tcp, address, bound, error);
}

} // namespace parlo

#pragma once

#include "sip/message/NameAddr.h"
#include "sip/transport/TransportProtocol.h"

#include <QHostAddress>

namespace parlo::sip {

class TransportLayer;

// Our Contact for requests that leave over protocol towards a peer: the listener's address, or —
// when we listen on a wildcard address — the local address the kernel would use towards the peer.
// transport= is added for TCP and TLS.
NameAddr localContact(const TransportLayer *transport, const QByteArray &user, TransportProtocol protocol,
                      const QHostAddress &towards);

} // namespace parlo::sip

#pragma once

#include "sip/transport/Resolver.h"

namespace parlo::sip {

// The production DnsBackend (DnsBackend::system()). Qt 6.4's QDnsLookup has no NAPTR type, so
// NAPTR goes through libresolv (res_nquery) on a thread-pool thread; SRV uses QDnsLookup and
// addresses QHostInfo, so /etc/hosts is honoured. Callbacks run queued on the calling thread.
class DnsSystemBackend final : public DnsBackend {
public:
    void naptr(const QString &name, std::function<void(Status, QList<Naptr>)> done) override;
    void srv(const QString &name, std::function<void(Status, QList<Srv>)> done) override;
    void address(const QString &name, std::function<void(Status, QList<QHostAddress>)> done) override;

    // The NAPTR records of a DNS response message (RFC 1035 §4, RFC 3403 §4.1); records that do not
    // fit their rdata are skipped. nullopt when the message itself is malformed. Public for tests.
    static std::optional<QList<Naptr>> parseNaptrResponse(const QByteArray &message);
};

} // namespace parlo::sip

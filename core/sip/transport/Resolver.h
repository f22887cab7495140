#pragma once

#include "sip/message/SipUri.h"
#include "sip/transport/TransportProtocol.h"

#include <QHostAddress>
#include <QList>
#include <QObject>
#include <functional>
#include <optional>

class QRandomGenerator;

namespace parlo::sip {

// DNS queries the resolver needs; QDnsLookup in production, a table in tests.
class DnsBackend {
public:
    struct Naptr {
        quint16 order = 0, preference = 0;
        QByteArray flags, service, regexp, replacement;
    };
    struct Srv {
        quint16 priority = 0, weight = 0, port = 0;
        QString target;
    };
    enum class Status { Ok, NotFound, Error };
    virtual ~DnsBackend() = default;
    virtual void naptr(const QString &name, std::function<void(Status, QList<Naptr>)> done) = 0;
    virtual void srv(const QString &name, std::function<void(Status, QList<Srv>)> done) = 0;
    // A and AAAA together.
    virtual void address(const QString &name, std::function<void(Status, QList<QHostAddress>)> done) = 0;
    // The production backend (QDnsLookup; QHostInfo for addresses so /etc/hosts is honoured).
    static DnsBackend *system();
};

// RFC 3263 §4: turns a SIP URI into an ordered list of Peers to try (NAPTR -> SRV -> A/AAAA),
// honouring transport=, maddr, explicit ports and numeric hosts, with SRV priority/weight order.
class Resolver : public QObject {
    Q_OBJECT
public:
    enum class Error { None, NotFound, DnsFailure };
    Q_ENUM(Error)

    explicit Resolver(DnsBackend *backend = DnsBackend::system(), QObject *parent = nullptr);

    // preferred: transport to use when the URI and DNS leave the choice open (UDP if unset).
    // done is called exactly once, asynchronously, with the targets in order (empty on error).
    // context: done is dropped if it is destroyed first; nullptr means the resolver itself.
    void resolve(const SipUri &uri, std::optional<TransportProtocol> preferred,
                 std::function<void(Error, QList<Peer>)> done, QObject *context = nullptr);

    // RFC 2782 order: by priority, then weighted random within each priority (zero weights rarely
    // first). Public for tests.
    static QList<DnsBackend::Srv> sortSrv(QList<DnsBackend::Srv> records, QRandomGenerator &random);

private:
    DnsBackend *m_backend;
};

} // namespace parlo::sip

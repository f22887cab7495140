#include "sip/transport/Resolver.h"

#include <QLoggingCategory>
#include <QPointer>
#include <QRandomGenerator>
#include <algorithm>
#include <memory>

Q_LOGGING_CATEGORY(lcSipResolver, "parlo.sip.transport.resolver")

namespace parlo::sip {

namespace {

// DNS answers are untrusted input: cap how much of them we follow.
constexpr qsizetype MaxSrvQueries = 6;
constexpr qsizetype MaxTargets = 16;
constexpr qsizetype MaxPeers = 32;

// One resolve() call. Shared by the pending DNS callbacks; finish() queues the result once.
struct Resolution : std::enable_shared_from_this<Resolution> {
    DnsBackend *backend = nullptr;
    QPointer<QObject> context;
    std::function<void(Resolver::Error, QList<Peer>)> done;
    QString domain; // the target host name (URI host or maddr); TLS verifies against it
    bool sips = false;
    std::optional<TransportProtocol> preferred;
    bool sawDnsError = false;
    bool finished = false;

    struct SrvQuery {
        TransportProtocol protocol;
        QString name;
    };
    struct Target {
        TransportProtocol protocol;
        QString host;
        quint16 port;
    };

    // The transport when nothing in the URI or DNS picks one (RFC 3263 §4.1).
    TransportProtocol defaultTransport() const {
        if (sips)
            return TransportProtocol::Tls;
        return preferred.value_or(TransportProtocol::Udp);
    }

    void finish(Resolver::Error error, QList<Peer> peers) {
        if (finished)
            return;
        finished = true;
        QObject *ctx = context.data();
        if (!ctx) {
            qCDebug(lcSipResolver) << "context gone, dropping result for" << domain;
            return;
        }
        if (error == Resolver::Error::None) {
            for (const Peer &p : std::as_const(peers))
                qCDebug(lcSipResolver) << domain << "->" << p.toString();
        } else {
            qCInfo(lcSipResolver) << "resolving" << domain << "failed:" << error;
        }
        // Always queued so the caller never sees the callback from inside resolve().
        QMetaObject::invokeMethod(
            ctx,
            [self = shared_from_this(), error, peers = std::move(peers)]() mutable {
                auto cb = std::move(self->done);
                if (cb)
                    cb(error, std::move(peers));
            },
            Qt::QueuedConnection);
    }

    void fail() { finish(sawDnsError ? Resolver::Error::DnsFailure : Resolver::Error::NotFound, {}); }

    void lookupNaptr() {
        auto self = shared_from_this();
        backend->naptr(domain, [self](DnsBackend::Status status, QList<DnsBackend::Naptr> records) {
            if (status == DnsBackend::Status::Error)
                self->sawDnsError = true;
            std::stable_sort(records.begin(), records.end(), [](const auto &a, const auto &b) {
                return a.order != b.order ? a.order < b.order : a.preference < b.preference;
            });
            QList<SrvQuery> queries;
            if (status == DnsBackend::Status::Ok) {
                for (const DnsBackend::Naptr &n : std::as_const(records)) {
                    // Only "s" records lead to SRV (RFC 3263 §4.1); others are not ours.
                    if (n.flags.compare("s", Qt::CaseInsensitive) != 0 || n.replacement.isEmpty())
                        continue;
                    std::optional<TransportProtocol> p;
                    if (n.service.compare("SIPS+D2T", Qt::CaseInsensitive) == 0)
                        p = TransportProtocol::Tls;
                    else if (!self->sips && n.service.compare("SIP+D2T", Qt::CaseInsensitive) == 0)
                        p = TransportProtocol::Tcp;
                    else if (!self->sips && n.service.compare("SIP+D2U", Qt::CaseInsensitive) == 0)
                        p = TransportProtocol::Udp;
                    if (!p)
                        continue;
                    QString name = QString::fromLatin1(n.replacement);
                    if (name.endsWith(QLatin1Char('.')))
                        name.chop(1);
                    if (queries.size() < MaxSrvQueries)
                        queries.append({*p, name});
                }
            }
            if (queries.isEmpty()) {
                self->lookupSrvFallback();
                return;
            }
            self->lookupSrv(queries, queries.first().protocol);
        });
    }

    // No usable NAPTR: one SRV query per supported transport, the preferred one first.
    void lookupSrvFallback() {
        QList<SrvQuery> queries;
        const QString tls = QStringLiteral("_sips._tcp.") + domain;
        if (sips) {
            queries.append({TransportProtocol::Tls, tls});
        } else {
            const TransportProtocol first = defaultTransport();
            const QList<SrvQuery> all = {{TransportProtocol::Tls, tls},
                                         {TransportProtocol::Tcp, QStringLiteral("_sip._tcp.") + domain},
                                         {TransportProtocol::Udp, QStringLiteral("_sip._udp.") + domain}};
            for (const SrvQuery &q : all) {
                if (q.protocol == first)
                    queries.append(q);
            }
            for (const SrvQuery &q : all) {
                if (q.protocol != first)
                    queries.append(q);
            }
        }
        lookupSrv(queries, defaultTransport());
    }

    // fallback: transport for the A/AAAA lookup when no SRV record exists (RFC 3263 §4.2).
    void lookupSrv(const QList<SrvQuery> &queries, TransportProtocol fallback) {
        struct Join {
            QList<QList<DnsBackend::Srv>> results;
            qsizetype pending = 0;
        };
        auto join = std::make_shared<Join>();
        join->results.resize(queries.size());
        join->pending = queries.size();
        auto self = shared_from_this();
        for (qsizetype i = 0; i < queries.size(); ++i) {
            backend->srv(queries[i].name, [self, join, queries, i, fallback](DnsBackend::Status status,
                                                                             QList<DnsBackend::Srv> recs) {
                if (status == DnsBackend::Status::Error)
                    self->sawDnsError = true;
                else if (status == DnsBackend::Status::Ok)
                    join->results[i] = std::move(recs);
                if (--join->pending > 0)
                    return;
                QList<Target> targets;
                bool anyRecord = false;
                for (qsizetype k = 0; k < queries.size(); ++k) {
                    anyRecord = anyRecord || !join->results[k].isEmpty();
                    const auto sorted = Resolver::sortSrv(join->results[k], *QRandomGenerator::global());
                    for (const DnsBackend::Srv &s : sorted) {
                        QString host = s.target;
                        if (host.endsWith(QLatin1Char('.')))
                            host.chop(1);
                        // "." means the service is decidedly not available there.
                        if (host.isEmpty() || s.port == 0 || targets.size() >= MaxTargets)
                            continue;
                        targets.append({queries[k].protocol, host, s.port});
                    }
                }
                if (targets.isEmpty() && anyRecord) {
                    // Only "." targets: the domain decidedly offers no SIP service (RFC 2782).
                    self->fail();
                    return;
                }
                if (targets.isEmpty())
                    targets.append({fallback, self->domain, defaultPort(fallback)});
                self->lookupAddresses(targets);
            });
        }
    }

    void lookupAddresses(const QList<Target> &targets) {
        // One query per distinct host, all in parallel; the peers keep the target order.
        QStringList hosts;
        for (const Target &t : targets) {
            if (!hosts.contains(t.host))
                hosts.append(t.host);
        }
        struct Join {
            QHash<QString, QList<QHostAddress>> addresses;
            qsizetype pending = 0;
        };
        auto join = std::make_shared<Join>();
        join->pending = hosts.size();
        auto self = shared_from_this();
        for (const QString &host : std::as_const(hosts)) {
            backend->address(
                host, [self, join, targets, host](DnsBackend::Status status, QList<QHostAddress> addrs) {
                    if (status == DnsBackend::Status::Error)
                        self->sawDnsError = true;
                    else if (status == DnsBackend::Status::Ok)
                        join->addresses.insert(host, addrs);
                    if (--join->pending > 0)
                        return;
                    QList<Peer> peers;
                    for (const Target &t : targets) {
                        for (const QHostAddress &a : join->addresses.value(t.host)) {
                            Peer p{t.protocol, a, t.port, self->domain};
                            const bool dup = std::any_of(peers.cbegin(), peers.cend(),
                                                         [&](const Peer &o) { return o.sameEndpoint(p); });
                            if (!dup && p.isValid() && peers.size() < MaxPeers)
                                peers.append(p);
                        }
                    }
                    if (peers.isEmpty())
                        self->fail();
                    else
                        self->finish(Resolver::Error::None, peers);
                });
        }
    }
};

// Four groups of one to three ASCII digits. Checked by hand: a regular expression here was the
// one thing that loaded (and JIT-compiled with) PCRE2 in every start-up's registration.
bool isDottedQuad(QStringView host) {
    int groups = 0;
    for (QStringView part : host.split(QLatin1Char('.'))) {
        if (part.isEmpty() || part.size() > 3 || ++groups > 4)
            return false;
        for (QChar c : part)
            if (c < QLatin1Char('0') || c > QLatin1Char('9'))
                return false;
    }
    return groups == 4;
}

// Numeric IPv4 (dotted quad only: QHostAddress also takes "1" or "1.2") or IPv6 literal.
std::optional<QHostAddress> numericHost(const QString &host) {
    if (!host.contains(QLatin1Char(':')) && !isDottedQuad(host))
        return std::nullopt;
    QHostAddress a;
    if (!a.setAddress(host))
        return std::nullopt;
    return a;
}

} // namespace

Resolver::Resolver(DnsBackend *backend, QObject *parent)
    : QObject(parent)
    , m_backend(backend) {}

void Resolver::resolve(const SipUri &uri, std::optional<TransportProtocol> preferred,
                       std::function<void(Error, QList<Peer>)> done, QObject *context) {
    auto r = std::make_shared<Resolution>();
    r->backend = m_backend;
    r->context = context ? context : this;
    r->done = std::move(done);
    r->sips = uri.scheme() == SipUri::Scheme::Sips;
    // For a sips: URI only TLS is acceptable; another preference does not apply.
    if (preferred && !(r->sips && *preferred != TransportProtocol::Tls))
        r->preferred = preferred;

    // maddr overrides the host (RFC 3263 §4.1).
    QByteArray host = uri.params().value("maddr").value_or(uri.host());
    if (host.startsWith('[') && host.endsWith(']'))
        host = host.mid(1, host.size() - 2);
    r->domain = QString::fromUtf8(host);
    if (uri.scheme() == SipUri::Scheme::Tel || host.isEmpty() || !m_backend) {
        r->finish(Error::NotFound, {});
        return;
    }

    std::optional<TransportProtocol> transport;
    if (const QByteArray t = uri.transportParam(); !t.isEmpty()) {
        transport = transportFromName(t);
        // sips over TCP is TLS (RFC 3261 §26.2.2); sips over UDP does not exist.
        if (transport && r->sips) {
            if (*transport == TransportProtocol::Udp)
                transport.reset();
            else
                transport = TransportProtocol::Tls;
        }
        if (!transport) {
            qCInfo(lcSipResolver) << "unsupported transport" << t << "in" << uri.toString();
            r->finish(Error::NotFound, {});
            return;
        }
    }

    if (const auto addr = numericHost(r->domain)) {
        // Numeric hosts never touch DNS; no name to verify a certificate against.
        const TransportProtocol p = transport.value_or(r->defaultTransport());
        const quint16 port = uri.port() ? uri.port() : defaultPort(p);
        r->domain.clear();
        r->finish(Error::None, {Peer{p, *addr, port, QString()}});
        return;
    }
    if (uri.port()) {
        // An explicit port: no NAPTR and no SRV, just A/AAAA.
        r->lookupAddresses({{transport.value_or(r->defaultTransport()), r->domain, uri.port()}});
        return;
    }
    if (transport) {
        const QString service = *transport == TransportProtocol::Tls   ? QStringLiteral("_sips._tcp.")
                                : *transport == TransportProtocol::Tcp ? QStringLiteral("_sip._tcp.")
                                                                       : QStringLiteral("_sip._udp.");
        r->lookupSrv({{*transport, service + r->domain}}, *transport);
        return;
    }
    r->lookupNaptr();
}

QList<DnsBackend::Srv> Resolver::sortSrv(QList<DnsBackend::Srv> records, QRandomGenerator &random) {
    std::stable_sort(records.begin(), records.end(),
                     [](const auto &a, const auto &b) { return a.priority < b.priority; });
    QList<DnsBackend::Srv> out;
    out.reserve(records.size());
    qsizetype i = 0;
    while (i < records.size()) {
        qsizetype j = i;
        while (j < records.size() && records[j].priority == records[i].priority)
            ++j;
        // RFC 2782: zero-weight records first, then repeatedly pick by running weight sum.
        QList<DnsBackend::Srv> group;
        for (qsizetype k = i; k < j; ++k) {
            if (records[k].weight == 0)
                group.append(records[k]);
        }
        for (qsizetype k = i; k < j; ++k) {
            if (records[k].weight != 0)
                group.append(records[k]);
        }
        while (!group.isEmpty()) {
            quint32 sum = 0;
            for (const auto &s : std::as_const(group))
                sum += s.weight;
            const quint32 pick = random.bounded(sum + 1);
            quint32 running = 0;
            qsizetype chosen = group.size() - 1;
            for (qsizetype k = 0; k < group.size(); ++k) {
                running += group[k].weight;
                if (running >= pick) {
                    chosen = k;
                    break;
                }
            }
            out.append(group.takeAt(chosen));
        }
        i = j;
    }
    return out;
}

} // namespace parlo::sip

#include "sip/transport/DnsSystemBackend.h"
#include "sip/transport/Resolver.h"

#include <QRandomGenerator>
#include <QSet>
#include <QTest>
#include <QTimer>

using namespace parlo::sip;

namespace {

// DNS as a table. Lines: "NAPTR name order pref flags service replacement",
// "SRV name priority weight port target", "A name addr…", "FAIL name" (that name errors).
// Unknown names are NXDOMAIN. Records every query in order.
class FakeDnsBackend : public DnsBackend {
public:
    explicit FakeDnsBackend(const QStringList &spec = {}) {
        for (const QString &line : spec) {
            const QStringList f = line.split(QLatin1Char(' '), Qt::SkipEmptyParts);
            if (f[0] == QLatin1String("NAPTR")) {
                naptrs[f[1]].append({quint16(f[2].toUInt()), quint16(f[3].toUInt()), f[4].toLatin1(),
                                     f[5].toLatin1(), QByteArray(), f[6].toLatin1()});
            } else if (f[0] == QLatin1String("SRV")) {
                srvs[f[1]].append(
                    {quint16(f[2].toUInt()), quint16(f[3].toUInt()), quint16(f[4].toUInt()), f[5]});
            } else if (f[0] == QLatin1String("A")) {
                for (const QString &a : f.mid(2))
                    addresses[f[1]].append(QHostAddress(a));
            } else if (f[0] == QLatin1String("FAIL")) {
                failing.insert(f[1]);
            }
        }
    }

    void naptr(const QString &name, std::function<void(Status, QList<Naptr>)> done) override {
        queries << QStringLiteral("NAPTR ") + name;
        reply(name, naptrs, std::move(done));
    }
    void srv(const QString &name, std::function<void(Status, QList<Srv>)> done) override {
        queries << QStringLiteral("SRV ") + name;
        reply(name, srvs, std::move(done));
    }
    void address(const QString &name, std::function<void(Status, QList<QHostAddress>)> done) override {
        queries << QStringLiteral("A ") + name;
        reply(name, addresses, std::move(done));
    }

    QHash<QString, QList<Naptr>> naptrs;
    QHash<QString, QList<Srv>> srvs;
    QHash<QString, QList<QHostAddress>> addresses;
    QSet<QString> failing;
    QStringList queries;
    bool async = false; // answer from the event loop instead of inside the call

private:
    template <typename T>
    void reply(const QString &name, const QHash<QString, QList<T>> &table,
               std::function<void(Status, QList<T>)> done) {
        Status status = Status::NotFound;
        QList<T> records;
        if (failing.contains(name)) {
            status = Status::Error;
        } else if (table.contains(name)) {
            status = Status::Ok;
            records = table.value(name);
        }
        if (async)
            QTimer::singleShot(0, [=] { done(status, records); });
        else
            done(status, records);
    }
};

struct Outcome {
    int calls = 0;
    Resolver::Error error = Resolver::Error::None;
    QStringList peers;
};

QString describe(const Peer &p) {
    return p.hostName.isEmpty() ? p.toString() : p.toString() + QLatin1Char(' ') + p.hostName;
}

std::function<void(Resolver::Error, QList<Peer>)> recorder(Outcome &o) {
    return [&o](Resolver::Error e, QList<Peer> peers) {
        ++o.calls;
        o.error = e;
        o.peers.clear();
        for (const Peer &p : peers)
            o.peers << describe(p);
    };
}

// A domain with every kind of record, for rows that must ignore some of them.
const QStringList kFull = {
    "NAPTR example.com 10 50 s SIPS+D2T _sips._tcp.example.com",
    "NAPTR example.com 10 10 s SIP+D2T _sip._tcp.example.com.",
    "NAPTR example.com 20 10 s SIP+D2U _sip._udp.example.com",
    "NAPTR example.com 5 10 s SIP+D2S _sip._sctp.example.com", // SCTP: not ours
    "NAPTR example.com 5 20 u E2U+sip !^.*$!sip:x@y!",         // not an SRV pointer
    "SRV _sips._tcp.example.com 0 0 5061 tls.example.com.",
    "SRV _sip._tcp.example.com 0 0 5060 tcp.example.com",
    "SRV _sip._udp.example.com 0 0 5060 udp.example.com",
    "A tls.example.com 192.0.2.3",
    "A tcp.example.com 192.0.2.2",
    "A udp.example.com 192.0.2.1 2001:db8::1",
    "A example.com 192.0.2.100",
};

} // namespace

class TestResolver : public QObject {
    Q_OBJECT
private slots:
    void resolve_data();
    void resolve();
    void asyncBackend();
    void callbackIsQueuedAndOnce();
    void contextDestroyedDropsCallback();
    void srvPriorityOrder();
    void srvWeightedOrder();
    void naptrWireFormat();
    void systemBackendLocalhost();
    void systemResolverExplicitPort();
};

void TestResolver::resolve_data() {
    QTest::addColumn<QByteArray>("uri");
    QTest::addColumn<int>("preferred"); // -1: none, else TransportProtocol
    QTest::addColumn<QStringList>("dns");
    QTest::addColumn<int>("error");
    QTest::addColumn<QStringList>("peers");
    QTest::addColumn<QStringList>("queries");

    const int none = -1;
    const int udp = int(TransportProtocol::Udp), tcp = int(TransportProtocol::Tcp);
    const int ok = int(Resolver::Error::None), notFound = int(Resolver::Error::NotFound),
              dnsFailure = int(Resolver::Error::DnsFailure);
    const QStringList noDns;

    // ---- numeric hosts never touch DNS
    QTest::newRow("ipv4") << QByteArray("sip:alice@192.0.2.10") << none << kFull << ok
                          << QStringList{"udp:192.0.2.10:5060"} << noDns;
    QTest::newRow("ipv4 port transport") << QByteArray("sip:192.0.2.10:5070;transport=TCP") << none << kFull
                                         << ok << QStringList{"tcp:192.0.2.10:5070"} << noDns;
    QTest::newRow("ipv4 sips") << QByteArray("sips:bob@192.0.2.10") << none << kFull << ok
                               << QStringList{"tls:192.0.2.10:5061"} << noDns;
    QTest::newRow("ipv4 preferred tcp")
        << QByteArray("sip:192.0.2.10") << tcp << kFull << ok << QStringList{"tcp:192.0.2.10:5060"} << noDns;
    QTest::newRow("ipv4 transport beats preferred")
        << QByteArray("sip:192.0.2.10;transport=udp") << tcp << kFull << ok
        << QStringList{"udp:192.0.2.10:5060"} << noDns;
    QTest::newRow("ipv6 port") << QByteArray("sip:[2001:db8::1]:5080") << none << kFull << ok
                               << QStringList{"udp:[2001:db8::1]:5080"} << noDns;
    QTest::newRow("ipv6 sips") << QByteArray("sips:[::1]") << none << kFull << ok
                               << QStringList{"tls:[::1]:5061"} << noDns;
    QTest::newRow("sips transport=tcp is tls") << QByteArray("sips:192.0.2.10;transport=tcp") << none << kFull
                                               << ok << QStringList{"tls:192.0.2.10:5061"} << noDns;

    // ---- maddr overrides the host
    QTest::newRow("maddr numeric") << QByteArray("sip:alice@example.com;maddr=192.0.2.99") << none << kFull
                                   << ok << QStringList{"udp:192.0.2.99:5060"} << noDns;
    QTest::newRow("maddr ipv6 bracketed")
        << QByteArray("sip:alice@example.com:5090;maddr=[2001:db8::9]") << none << kFull << ok
        << QStringList{"udp:[2001:db8::9]:5090"} << noDns;
    QTest::newRow("maddr name") << QByteArray("sip:alice@example.com;maddr=proxy.example.net;transport=tcp")
                                << none
                                << QStringList{"SRV _sip._tcp.proxy.example.net 0 0 5070 p1.example.net",
                                               "A p1.example.net 198.51.100.1"}
                                << ok << QStringList{"tcp:198.51.100.1:5070 proxy.example.net"}
                                << QStringList{"SRV _sip._tcp.proxy.example.net", "A p1.example.net"};

    // ---- explicit port: no NAPTR, no SRV
    QTest::newRow("name with port") << QByteArray("sip:example.com:5070") << none << kFull << ok
                                    << QStringList{"udp:192.0.2.100:5070 example.com"}
                                    << QStringList{"A example.com"};
    QTest::newRow("sips name with port")
        << QByteArray("sips:example.com:5071") << none << kFull << ok
        << QStringList{"tls:192.0.2.100:5071 example.com"} << QStringList{"A example.com"};
    QTest::newRow("name with port preferred tcp")
        << QByteArray("sip:example.com:5070") << tcp << kFull << ok
        << QStringList{"tcp:192.0.2.100:5070 example.com"} << QStringList{"A example.com"};

    // ---- transport parameter: that SRV only, no NAPTR
    QTest::newRow("transport=tcp") << QByteArray("sip:example.com;transport=tcp") << none << kFull << ok
                                   << QStringList{"tcp:192.0.2.2:5060 example.com"}
                                   << QStringList{"SRV _sip._tcp.example.com", "A tcp.example.com"};
    QTest::newRow("transport=tls") << QByteArray("sip:example.com;transport=tls") << none << kFull << ok
                                   << QStringList{"tls:192.0.2.3:5061 example.com"}
                                   << QStringList{"SRV _sips._tcp.example.com", "A tls.example.com"};
    QTest::newRow("transport=tcp no SRV")
        << QByteArray("sip:example.com;transport=tcp") << none << QStringList{"A example.com 192.0.2.100"}
        << ok << QStringList{"tcp:192.0.2.100:5060 example.com"}
        << QStringList{"SRV _sip._tcp.example.com", "A example.com"};
    QTest::newRow("transport=sctp") << QByteArray("sip:example.com;transport=sctp") << none << kFull
                                    << notFound << QStringList{} << noDns;

    // ---- NAPTR -> SRV -> A
    QTest::newRow("naptr chain") << QByteArray("sip:alice@example.com") << none << kFull << ok
                                 << QStringList{"tcp:192.0.2.2:5060 example.com",
                                                "tls:192.0.2.3:5061 example.com",
                                                "udp:192.0.2.1:5060 example.com",
                                                "udp:[2001:db8::1]:5060 example.com"}
                                 << QStringList{"NAPTR example.com",          "SRV _sip._tcp.example.com",
                                                "SRV _sips._tcp.example.com", "SRV _sip._udp.example.com",
                                                "A tcp.example.com",          "A tls.example.com",
                                                "A udp.example.com"};
    QTest::newRow("naptr decides over preferred")
        << QByteArray("sip:alice@example.com") << udp << kFull << ok
        << QStringList{"tcp:192.0.2.2:5060 example.com", "tls:192.0.2.3:5061 example.com",
                       "udp:192.0.2.1:5060 example.com", "udp:[2001:db8::1]:5060 example.com"}
        << QStringList{"NAPTR example.com",         "SRV _sip._tcp.example.com", "SRV _sips._tcp.example.com",
                       "SRV _sip._udp.example.com", "A tcp.example.com",         "A tls.example.com",
                       "A udp.example.com"};
    QTest::newRow("naptr sips") << QByteArray("sips:alice@example.com") << none << kFull << ok
                                << QStringList{"tls:192.0.2.3:5061 example.com"}
                                << QStringList{"NAPTR example.com", "SRV _sips._tcp.example.com",
                                               "A tls.example.com"};
    QTest::newRow("naptr srv missing, next used")
        << QByteArray("sip:example.com") << none
        << QStringList{"NAPTR example.com 10 10 s SIP+D2T _sip._tcp.example.com",
                       "NAPTR example.com 20 10 s SIP+D2U _sip._udp.example.com",
                       "SRV _sip._udp.example.com 0 0 5062 u.example.com", "A u.example.com 192.0.2.7"}
        << ok << QStringList{"udp:192.0.2.7:5062 example.com"}
        << QStringList{"NAPTR example.com", "SRV _sip._tcp.example.com", "SRV _sip._udp.example.com",
                       "A u.example.com"};
    QTest::newRow("naptr only unsupported -> srv")
        << QByteArray("sip:example.com") << none
        << QStringList{"NAPTR example.com 10 10 s SIP+D2S _sip._sctp.example.com",
                       "SRV _sip._tcp.example.com 0 0 5060 t.example.com", "A t.example.com 192.0.2.8"}
        << ok << QStringList{"tcp:192.0.2.8:5060 example.com"}
        << QStringList{"NAPTR example.com", "SRV _sip._udp.example.com", "SRV _sips._tcp.example.com",
                       "SRV _sip._tcp.example.com", "A t.example.com"};

    // ---- no NAPTR: SRV for every transport, preferred first; priority order, then failover list
    QTest::newRow("srv priority and failover")
        << QByteArray("sip:example.com") << none
        << QStringList{"SRV _sip._udp.example.com 20 0 5060 b.example.com",
                       "SRV _sip._udp.example.com 10 0 5060 a.example.com",
                       "SRV _sip._udp.example.com 30 0 5066 a.example.com",
                       "A a.example.com 192.0.2.1 2001:db8::1", "A b.example.com 192.0.2.2"}
        << ok
        << QStringList{"udp:192.0.2.1:5060 example.com", "udp:[2001:db8::1]:5060 example.com",
                       "udp:192.0.2.2:5060 example.com", "udp:192.0.2.1:5066 example.com",
                       "udp:[2001:db8::1]:5066 example.com"}
        << QStringList{"NAPTR example.com",         "SRV _sip._udp.example.com", "SRV _sips._tcp.example.com",
                       "SRV _sip._tcp.example.com", "A a.example.com",           "A b.example.com"};
    QTest::newRow("srv preferred tcp first")
        << QByteArray("sip:example.com") << tcp
        << QStringList{"SRV _sip._udp.example.com 0 0 5060 u.example.com",
                       "SRV _sip._tcp.example.com 0 0 5060 t.example.com", "A u.example.com 192.0.2.1",
                       "A t.example.com 192.0.2.2"}
        << ok << QStringList{"tcp:192.0.2.2:5060 example.com", "udp:192.0.2.1:5060 example.com"}
        << QStringList{"NAPTR example.com",         "SRV _sip._tcp.example.com", "SRV _sips._tcp.example.com",
                       "SRV _sip._udp.example.com", "A t.example.com",           "A u.example.com"};
    QTest::newRow("srv sips only _sips")
        << QByteArray("sips:example.com") << none
        << QStringList{"SRV _sip._udp.example.com 0 0 5060 u.example.com", "A u.example.com 192.0.2.1",
                       "A example.com 192.0.2.100"}
        << ok << QStringList{"tls:192.0.2.100:5061 example.com"}
        << QStringList{"NAPTR example.com", "SRV _sips._tcp.example.com", "A example.com"};
    QTest::newRow("srv duplicates merged")
        << QByteArray("sip:example.com;transport=udp") << none
        << QStringList{"SRV _sip._udp.example.com 0 0 5060 a.example.com",
                       "SRV _sip._udp.example.com 1 0 5060 a.example.com", "A a.example.com 192.0.2.1"}
        << ok << QStringList{"udp:192.0.2.1:5060 example.com"}
        << QStringList{"SRV _sip._udp.example.com", "A a.example.com"};
    QTest::newRow("srv dot target: no service")
        << QByteArray("sip:example.com;transport=udp") << none
        << QStringList{"SRV _sip._udp.example.com 0 0 0 .", "A example.com 192.0.2.100"} << notFound
        << QStringList{} << QStringList{"SRV _sip._udp.example.com"};

    // ---- no SRV: A/AAAA with the default port
    QTest::newRow("a only") << QByteArray("sip:example.com") << none
                            << QStringList{"A example.com 192.0.2.100 2001:db8::64"} << ok
                            << QStringList{"udp:192.0.2.100:5060 example.com",
                                           "udp:[2001:db8::64]:5060 example.com"}
                            << QStringList{"NAPTR example.com", "SRV _sip._udp.example.com",
                                           "SRV _sips._tcp.example.com", "SRV _sip._tcp.example.com",
                                           "A example.com"};
    QTest::newRow("a only sips") << QByteArray("sips:example.com") << none
                                 << QStringList{"A example.com 192.0.2.100"} << ok
                                 << QStringList{"tls:192.0.2.100:5061 example.com"}
                                 << QStringList{"NAPTR example.com", "SRV _sips._tcp.example.com",
                                                "A example.com"};
    QTest::newRow("a only preferred tcp")
        << QByteArray("sip:example.com") << tcp << QStringList{"A example.com 192.0.2.100"} << ok
        << QStringList{"tcp:192.0.2.100:5060 example.com"}
        << QStringList{"NAPTR example.com", "SRV _sip._tcp.example.com", "SRV _sips._tcp.example.com",
                       "SRV _sip._udp.example.com", "A example.com"};

    // ---- errors
    QTest::newRow("nxdomain") << QByteArray("sip:nowhere.example") << none << noDns << notFound
                              << QStringList{}
                              << QStringList{"NAPTR nowhere.example", "SRV _sip._udp.nowhere.example",
                                             "SRV _sips._tcp.nowhere.example",
                                             "SRV _sip._tcp.nowhere.example", "A nowhere.example"};
    QTest::newRow("nxdomain with port") << QByteArray("sip:nowhere.example:5060") << none << noDns << notFound
                                        << QStringList{} << QStringList{"A nowhere.example"};
    QTest::newRow("dns failure") << QByteArray("sip:example.com;transport=tcp") << none
                                 << QStringList{"FAIL _sip._tcp.example.com", "FAIL example.com"}
                                 << dnsFailure << QStringList{}
                                 << QStringList{"SRV _sip._tcp.example.com", "A example.com"};
    QTest::newRow("address failure") << QByteArray("sip:example.com:5060") << none
                                     << QStringList{"FAIL example.com"} << dnsFailure << QStringList{}
                                     << QStringList{"A example.com"};
    QTest::newRow("naptr failure recovered")
        << QByteArray("sip:example.com") << none
        << QStringList{"FAIL example.com"} +
               QStringList{"SRV _sip._udp.example.com 0 0 5060 u.example.com", "A u.example.com 192.0.2.1"}
        << ok << QStringList{"udp:192.0.2.1:5060 example.com"}
        << QStringList{"NAPTR example.com", "SRV _sip._udp.example.com", "SRV _sips._tcp.example.com",
                       "SRV _sip._tcp.example.com", "A u.example.com"};
    QTest::newRow("tel uri") << QByteArray("tel:+15551234567") << none << kFull << notFound << QStringList{}
                             << noDns;
}

void TestResolver::resolve() {
    QFETCH(QByteArray, uri);
    QFETCH(int, preferred);
    QFETCH(QStringList, dns);
    QFETCH(int, error);
    QFETCH(QStringList, peers);
    QFETCH(QStringList, queries);

    const auto parsed = SipUri::parse(uri);
    QVERIFY2(parsed, uri.constData());
    FakeDnsBackend backend(dns);
    Resolver resolver(&backend);
    Outcome o;
    resolver.resolve(*parsed, preferred < 0 ? std::nullopt : std::optional(TransportProtocol(preferred)),
                     recorder(o));
    QCOMPARE(o.calls, 0); // never from inside resolve()
    QTRY_COMPARE(o.calls, 1);
    QCOMPARE(int(o.error), error);
    QCOMPARE(o.peers, peers);
    QCOMPARE(backend.queries, queries);
}

// Answers that arrive later, from the event loop, give the same result.
void TestResolver::asyncBackend() {
    FakeDnsBackend backend(kFull);
    backend.async = true;
    Resolver resolver(&backend);
    Outcome o;
    resolver.resolve(*SipUri::parse("sip:example.com"), std::nullopt, recorder(o));
    QTRY_COMPARE(o.calls, 1);
    QCOMPARE(o.error, Resolver::Error::None);
    QCOMPARE(o.peers.size(), 4);
    QCOMPARE(o.peers.first(), QStringLiteral("tcp:192.0.2.2:5060 example.com"));
}

void TestResolver::callbackIsQueuedAndOnce() {
    FakeDnsBackend backend;
    Resolver resolver(&backend);
    Outcome o;
    resolver.resolve(*SipUri::parse("sip:192.0.2.1"), std::nullopt, recorder(o));
    QCOMPARE(o.calls, 0);
    QTRY_COMPARE(o.calls, 1);
    QTest::qWait(20); // nothing else is pending
    QCOMPARE(o.calls, 1);
}

void TestResolver::contextDestroyedDropsCallback() {
    for (bool async : {false, true}) {
        FakeDnsBackend backend(kFull);
        backend.async = async;
        Resolver resolver(&backend);
        Outcome dropped, kept;
        auto *context = new QObject;
        resolver.resolve(*SipUri::parse("sip:example.com"), std::nullopt, recorder(dropped), context);
        resolver.resolve(*SipUri::parse("sip:example.com"), std::nullopt, recorder(kept));
        delete context;
        QTRY_COMPARE(kept.calls, 1);
        QCOMPARE(dropped.calls, 0);
    }
    // Destroying the resolver itself (the default context) drops the answer too.
    FakeDnsBackend backend(kFull);
    Outcome o;
    {
        Resolver resolver(&backend);
        resolver.resolve(*SipUri::parse("sip:192.0.2.1"), std::nullopt, recorder(o));
    }
    QTest::qWait(20);
    QCOMPARE(o.calls, 0);
}

void TestResolver::srvPriorityOrder() {
    QRandomGenerator random(42);
    const QList<DnsBackend::Srv> in = {{30, 5, 1, "c"}, {10, 0, 2, "a"}, {20, 9, 3, "b"}, {10, 0, 4, "a2"}};
    const auto out = Resolver::sortSrv(in, random);
    QCOMPARE(out.size(), 4);
    QCOMPARE(out[2].target, QStringLiteral("b"));
    QCOMPARE(out[3].target, QStringLiteral("c"));
    QVERIFY(out[0].priority == 10 && out[1].priority == 10);
    QVERIFY(QSet<QString>({out[0].target, out[1].target}) == QSet<QString>({"a", "a2"}));
}

// RFC 2782: within a priority, a record is picked first with probability weight/sum (zero weight
// only when the random pick is 0).
void TestResolver::srvWeightedOrder() {
    QRandomGenerator random(7);
    const QList<DnsBackend::Srv> in = {{1, 1, 5060, "light"}, {1, 3, 5060, "heavy"}, {1, 0, 5060, "zero"}};
    QHash<QString, int> first, last;
    const int runs = 4000;
    for (int i = 0; i < runs; ++i) {
        const auto out = Resolver::sortSrv(in, random);
        QCOMPARE(out.size(), 3);
        ++first[out.first().target];
        ++last[out.last().target];
    }
    // First: the pick is uniform in [0, 4]; 0 -> zero, 1 -> light, 2..4 -> heavy.
    QVERIFY2(first["heavy"] > runs * 0.55 && first["heavy"] < runs * 0.65,
             qPrintable(QString::number(first["heavy"])));
    QVERIFY2(first["light"] > runs * 0.15 && first["light"] < runs * 0.25,
             qPrintable(QString::number(first["light"])));
    QVERIFY2(first["zero"] > runs * 0.15 && first["zero"] < runs * 0.25,
             qPrintable(QString::number(first["zero"])));
    // zero is last unless picked against the one left beside it: 3/5·1/2 + 1/5·3/4 = 0.45
    QVERIFY2(last["zero"] > runs * 0.40 && last["zero"] < runs * 0.50,
             qPrintable(QString::number(last["zero"])));
}

namespace {

QByteArray u16(int v) {
    return QByteArray(1, char(v >> 8)) + char(v & 0xff);
}
// Uncompressed domain-name labels (without the final root label).
QByteArray labels(const QList<QByteArray> &parts) {
    QByteArray out;
    for (const QByteArray &p : parts)
        out += char(p.size()) + p;
    return out;
}
QByteArray charString(const QByteArray &s) {
    return char(s.size()) + s;
}
QByteArray rr(const QByteArray &rdata) {
    // owner: pointer to the question name at offset 12; type NAPTR (35), class IN, TTL 3600
    return QByteArray("\xc0\x0c", 2) + u16(35) + u16(1) + u16(0) + u16(3600) + u16(rdata.size()) + rdata;
}
QByteArray naptrRr(int order, int pref, const QByteArray &flags, const QByteArray &service,
                   const QByteArray &replacementWire) {
    return rr(u16(order) + u16(pref) + charString(flags) + charString(service) + charString("") +
              replacementWire);
}

} // namespace

// The libresolv side of the system backend, on a hand-built response (no network needed).
void TestResolver::naptrWireFormat() {
    const QByteArray pointerToQuestion("\xc0\x0c", 2);
    const QByteArray question = labels({"example", "com"}) + char(0) + u16(35) + u16(1);
    const QByteArray answers =
        naptrRr(10, 20, "s", "SIP+D2T", labels({"_sip", "_tcp", "example", "com"}) + char(0)) +
        naptrRr(20, 10, "S", "SIPS+D2T", labels({"_sips", "_tcp"}) + pointerToQuestion) // compressed
        + rr(u16(30) + u16(10) + charString("s") + char(50) + "SIP"); // string overruns its rdata: skipped
    const QByteArray header = u16(0x1234) + u16(0x8180) + u16(1) + u16(3) + u16(0) + u16(0);

    const auto records = DnsSystemBackend::parseNaptrResponse(header + question + answers);
    QVERIFY(records);
    QCOMPARE(records->size(), 2);
    QCOMPARE(records->at(0).order, quint16(10));
    QCOMPARE(records->at(0).preference, quint16(20));
    QCOMPARE(records->at(0).flags, QByteArray("s"));
    QCOMPARE(records->at(0).service, QByteArray("SIP+D2T"));
    QCOMPARE(records->at(0).replacement, QByteArray("_sip._tcp.example.com"));
    QCOMPARE(records->at(1).service, QByteArray("SIPS+D2T"));
    QCOMPARE(records->at(1).replacement, QByteArray("_sips._tcp.example.com"));

    QVERIFY(!DnsSystemBackend::parseNaptrResponse(header.left(7)));
    QVERIFY(!DnsSystemBackend::parseNaptrResponse(header + question + answers.left(20)));
}

void TestResolver::systemBackendLocalhost() {
    bool called = false;
    DnsBackend::Status status = DnsBackend::Status::Error;
    QList<QHostAddress> addresses;
    DnsBackend::system()->address(QStringLiteral("localhost"),
                                  [&](DnsBackend::Status s, QList<QHostAddress> a) {
                                      called = true;
                                      status = s;
                                      addresses = a;
                                  });
    QTRY_VERIFY_WITH_TIMEOUT(called, 10000);
    QCOMPARE(status, DnsBackend::Status::Ok);
    QVERIFY(!addresses.isEmpty());
    for (const QHostAddress &a : addresses)
        QVERIFY2(a.isLoopback(), qPrintable(a.toString()));
    QVERIFY(addresses.contains(QHostAddress(QHostAddress::LocalHost)) ||
            addresses.contains(QHostAddress(QHostAddress::LocalHostIPv6)));
}

// An explicit port needs no NAPTR/SRV, so this stays off the network (/etc/hosts only).
void TestResolver::systemResolverExplicitPort() {
    Resolver resolver;
    Outcome o;
    resolver.resolve(*SipUri::parse("sip:localhost:5070;transport=tcp"), std::nullopt, recorder(o));
    QTRY_COMPARE_WITH_TIMEOUT(o.calls, 1, 10000);
    QCOMPARE(o.error, Resolver::Error::None);
    QVERIFY(!o.peers.isEmpty());
    QVERIFY2(o.peers.contains(QStringLiteral("tcp:127.0.0.1:5070 localhost")) ||
                 o.peers.contains(QStringLiteral("tcp:[::1]:5070 localhost")),
             qPrintable(o.peers.join(QLatin1Char(','))));
}

QTEST_GUILESS_MAIN(TestResolver)
#include "tst_resolver.moc"

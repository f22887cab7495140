#include "sip/transport/DnsSystemBackend.h"

#include <QDnsLookup>
#include <QHostInfo>
#include <QLoggingCategory>
#include <QThreadPool>
#include <QUrl>

#include <arpa/nameser.h>
#include <netdb.h>
#include <netinet/in.h>
#include <resolv.h>

#include <vector>

Q_DECLARE_LOGGING_CATEGORY(lcSipResolver)

namespace parlo::sip {

namespace {

using Status = DnsBackend::Status;

// RFC 3403 §4.1 <character-string>: a length byte and that many bytes, inside the rdata.
bool readCharString(const uchar *&p, const uchar *end, QByteArray &out) {
    if (p >= end)
        return false;
    const int len = *p++;
    if (end - p < len)
        return false;
    out = QByteArray(reinterpret_cast<const char *>(p), len);
    p += len;
    return true;
}

// Blocking; runs on a pool thread with its own resolver state.
std::pair<Status, QList<DnsBackend::Naptr>> queryNaptr(const QByteArray &name) {
    QList<DnsBackend::Naptr> out;
    struct __res_state state = {};
    if (res_ninit(&state) != 0)
        return {Status::Error, out};
    // The answer buffer is bounded by the largest DNS message; a longer reply is cut there.
    std::vector<uchar> answer(NS_MAXMSG);
    int len = res_nquery(&state, name.constData(), ns_c_in, ns_t_naptr, answer.data(), int(answer.size()));
    const int herr = state.res_h_errno;
    res_nclose(&state);
    if (len < 0)
        return {herr == HOST_NOT_FOUND || herr == NO_DATA ? Status::NotFound : Status::Error, out};
    len = std::min(len, int(answer.size()));
    const auto records = DnsSystemBackend::parseNaptrResponse(
        QByteArray::fromRawData(reinterpret_cast<const char *>(answer.data()), len));
    if (!records)
        return {Status::Error, out};
    out = *records;
    return {out.isEmpty() ? Status::NotFound : Status::Ok, out};
}

} // namespace

std::optional<QList<DnsBackend::Naptr>> DnsSystemBackend::parseNaptrResponse(const QByteArray &message) {
    QList<Naptr> out;
    ns_msg msg;
    if (ns_initparse(reinterpret_cast<const uchar *>(message.constData()), int(message.size()), &msg) < 0)
        return std::nullopt;
    const int count = ns_msg_count(msg, ns_s_an);
    for (int i = 0; i < count; ++i) {
        ns_rr rr;
        if (ns_parserr(&msg, ns_s_an, i, &rr) < 0)
            break;
        if (ns_rr_type(rr) != ns_t_naptr || ns_rr_class(rr) != ns_c_in)
            continue;
        const uchar *p = ns_rr_rdata(rr);
        const uchar *end = p + ns_rr_rdlen(rr);
        if (end - p < 4)
            continue;
        Naptr n;
        n.order = ns_get16(p);
        n.preference = ns_get16(p + 2);
        p += 4;
        if (!readCharString(p, end, n.flags) || !readCharString(p, end, n.service) ||
            !readCharString(p, end, n.regexp))
            continue;
        char replacement[NS_MAXDNAME];
        const int used = dn_expand(ns_msg_base(msg), ns_msg_end(msg), p, replacement, sizeof replacement);
        if (used < 0 || p + used != end)
            continue;
        n.replacement = QByteArray(replacement);
        out.append(n);
    }
    return out;
}

DnsBackend *DnsBackend::system() {
    static DnsSystemBackend backend;
    return &backend;
}

void DnsSystemBackend::naptr(const QString &name, std::function<void(Status, QList<Naptr>)> done) {
    // Lives on the calling thread and carries the result back to it; deleted after delivery.
    auto *receiver = new QObject;
    const QByteArray ace = QUrl::toAce(name);
    QThreadPool::globalInstance()->start([receiver, ace, done = std::move(done)]() mutable {
        auto [status, records] = queryNaptr(ace);
        QMetaObject::invokeMethod(
            receiver,
            [receiver, done = std::move(done), status, records = std::move(records)]() mutable {
                done(status, std::move(records));
                receiver->deleteLater();
            },
            Qt::QueuedConnection);
    });
}

void DnsSystemBackend::srv(const QString &name, std::function<void(Status, QList<Srv>)> done) {
    auto *lookup = new QDnsLookup(QDnsLookup::SRV, name);
    QObject::connect(lookup, &QDnsLookup::finished, lookup, [lookup, done = std::move(done)]() {
        lookup->deleteLater();
        QList<Srv> out;
        switch (lookup->error()) {
        case QDnsLookup::NoError:
            for (const QDnsServiceRecord &r : lookup->serviceRecords())
                out.append({r.priority(), r.weight(), r.port(), r.target()});
            done(out.isEmpty() ? Status::NotFound : Status::Ok, out);
            return;
        case QDnsLookup::NotFoundError:
            done(Status::NotFound, out);
            return;
        default:
            qCDebug(lcSipResolver) << "SRV" << lookup->name() << "failed:" << lookup->errorString();
            done(Status::Error, out);
            return;
        }
    });
    lookup->lookup();
}

void DnsSystemBackend::address(const QString &name, std::function<void(Status, QList<QHostAddress>)> done) {
    auto *receiver = new QObject;
    QHostInfo::lookupHost(name, receiver, [receiver, done = std::move(done)](const QHostInfo &info) {
        receiver->deleteLater();
        switch (info.error()) {
        case QHostInfo::NoError:
            done(info.addresses().isEmpty() ? Status::NotFound : Status::Ok, info.addresses());
            return;
        case QHostInfo::HostNotFound:
            done(Status::NotFound, {});
            return;
        default:
            qCDebug(lcSipResolver) << "address lookup" << info.hostName() << "failed:" << info.errorString();
            done(Status::Error, {});
            return;
        }
    });
}

} // namespace parlo::sip

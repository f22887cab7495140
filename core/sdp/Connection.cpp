#include "sdp/Connection.h"

#include <QList>

namespace parlo::sdp {

std::optional<Connection> Connection::parse(QByteArrayView value) {
    const QList<QByteArray> parts = value.toByteArray().simplified().split(' ');
    if (parts.size() != 3 || parts[0].isEmpty() || parts[1].isEmpty() || parts[2].isEmpty())
        return std::nullopt;
    Connection c;
    c.netType = parts[0];
    c.addrType = parts[1].toUpper();
    QByteArray addr = parts[2];
    // IPv6 addresses never carry a TTL, but may carry /count; IPv4 multicast carries /ttl[/count].
    const qsizetype slash = addr.indexOf('/');
    if (slash >= 0) {
        c.suffix = addr.mid(slash);
        addr.truncate(slash);
        for (const QByteArray &n : c.suffix.mid(1).split('/')) {
            bool ok = false;
            n.toUInt(&ok);
            if (!ok)
                return std::nullopt;
        }
    }
    if (addr.isEmpty())
        return std::nullopt;
    if (c.netType == "IN") {
        if (c.addrType == "IP4" || c.addrType == "IP6") {
            // Hostnames (FQDN) are allowed by RFC 4566; only reject what is neither.
            QHostAddress h;
            const bool isAddress = h.setAddress(QString::fromLatin1(addr));
            if (isAddress && (h.protocol() == QAbstractSocket::IPv6Protocol) != (c.addrType == "IP6"))
                return std::nullopt;
            if (!isAddress && addr.contains(':'))
                return std::nullopt;
        }
    }
    c.address = addr;
    return c;
}

Connection Connection::fromHostAddress(const QHostAddress &address) {
    Connection c;
    c.addrType = address.protocol() == QAbstractSocket::IPv6Protocol ? "IP6" : "IP4";
    c.address = address.toString().toLatin1();
    return c;
}

QByteArray Connection::toString() const {
    return netType + ' ' + addrType + ' ' + address + suffix;
}

QHostAddress Connection::hostAddress() const {
    return QHostAddress(QString::fromLatin1(address));
}

bool Connection::isUnspecified() const {
    const QHostAddress h = hostAddress();
    return h == QHostAddress::AnyIPv4 || h == QHostAddress::AnyIPv6;
}

} // namespace parlo::sdp

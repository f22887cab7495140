#pragma once

#include <QByteArray>
#include <QHostAddress>
#include <optional>

namespace parlo::sdp {

// c=<nettype> <addrtype> <connection-address> (RFC 4566 §5.7). The multicast suffix (/ttl/count)
// is kept verbatim so it round-trips.
struct Connection {
    QByteArray netType = "IN";
    QByteArray addrType = "IP4"; // "IP4" or "IP6"
    QByteArray address;          // without the /ttl suffix
    QByteArray suffix;           // "/127/3" or empty

    static std::optional<Connection> parse(QByteArrayView value);
    static Connection fromHostAddress(const QHostAddress &address);
    QByteArray toString() const; // the value after "c="
    QHostAddress hostAddress() const;
    bool isIPv6() const { return addrType == "IP6"; }
    // 0.0.0.0 / :: means "hold" in RFC 2543 style.
    bool isUnspecified() const;
    bool operator==(const Connection &) const = default;
};

} // namespace parlo::sdp

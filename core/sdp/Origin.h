#pragma once

#include <QByteArray>
#include <optional>

namespace parlo::sdp {

// o=<username> <sess-id> <sess-version> <nettype> <addrtype> <unicast-address> (RFC 4566 §5.2).
// The version is incremented on every changed offer or answer (RFC 3264 §8).
struct Origin {
    QByteArray username = "-";
    QByteArray sessionId;
    quint64 sessionVersion = 0;
    QByteArray netType = "IN";
    QByteArray addrType = "IP4";
    QByteArray address;

    static std::optional<Origin> parse(QByteArrayView value);
    QByteArray toString() const;
    // Same session (everything but the version), as re-offers must be (RFC 3264 §8).
    bool sameSession(const Origin &o) const;
    bool operator==(const Origin &) const = default;
};

} // namespace parlo::sdp

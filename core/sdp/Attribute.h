#pragma once

#include <QByteArray>

namespace parlo::sdp {

// a=<name>[:<value>] (RFC 4566 §5.13). Unknown attributes are kept in order so they round-trip.
struct Attribute {
    QByteArray name;
    QByteArray value;
    bool hasValue = false; // property attribute ("a=rtcp-mux") vs value attribute ("a=ptime:20")

    static Attribute property(const QByteArray &n) { return {n, {}, false}; }
    static Attribute withValue(const QByteArray &n, const QByteArray &v) { return {n, v, true}; }
    QByteArray toString() const { return hasValue ? name + ':' + value : name; }
    bool operator==(const Attribute &) const = default;
};

} // namespace parlo::sdp

#pragma once

#include <QByteArray>

namespace parlo::sdp {

// b=<bwtype>:<bandwidth> (RFC 4566 §5.8), e.g. AS:64 or TIAS:64000.
struct Bandwidth {
    QByteArray type;
    quint64 value = 0;

    QByteArray toString() const { return type + ':' + QByteArray::number(value); }
    bool operator==(const Bandwidth &) const = default;
};

} // namespace parlo::sdp

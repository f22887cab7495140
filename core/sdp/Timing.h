#pragma once

#include <QByteArray>
#include <QList>

namespace parlo::sdp {

// t=<start> <stop> with its r= repeat lines (RFC 4566 §5.9/5.10), kept verbatim: telephony uses "0 0".
struct Timing {
    quint64 start = 0;
    quint64 stop = 0;
    QList<QByteArray> repeats;

    QByteArray toString() const { return QByteArray::number(start) + ' ' + QByteArray::number(stop); }
    bool operator==(const Timing &) const = default;
};

} // namespace parlo::sdp

#include "sdp/Origin.h"

#include <QList>

namespace parlo::sdp {

std::optional<Origin> Origin::parse(QByteArrayView value) {
    const QList<QByteArray> parts = value.toByteArray().simplified().split(' ');
    if (parts.size() != 6)
        return std::nullopt;
    Origin o;
    o.username = parts[0];
    o.sessionId = parts[1];
    bool ok = false;
    o.sessionVersion = parts[2].toULongLong(&ok);
    if (!ok)
        return std::nullopt;
    // RFC 4566 wants digits, but some peers send other tokens; the id is only compared.
    o.netType = parts[3];
    o.addrType = parts[4];
    o.address = parts[5];
    return o;
}

QByteArray Origin::toString() const {
    return username + ' ' + sessionId + ' ' + QByteArray::number(sessionVersion) + ' ' + netType + ' ' +
           addrType + ' ' + address;
}

bool Origin::sameSession(const Origin &o) const {
    return username == o.username && sessionId == o.sessionId && netType == o.netType &&
           addrType == o.addrType && address == o.address;
}

} // namespace parlo::sdp

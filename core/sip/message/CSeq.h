#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <optional>

namespace parlo::sip {

struct CSeq
{
    quint32 number = 0;
    QByteArray method;

    // "4711 INVITE"; the number must fit 2^31-1 (RFC 3261 §8.1.1.5).
    static std::optional<CSeq> parse(QByteArrayView text);
    QByteArray toString() const;
    bool operator==(const CSeq &) const = default;
};

} // namespace parlo::sip

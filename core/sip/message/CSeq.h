#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <optional>

namespace parlo::sip {

struct CSeq {
    quint32 number = 0;
    QByteArray method;

    // "4711 INVITE". A UAC generates numbers below 2^31 (RFC 3261 §8.1.1.5); parse() accepts any
    // 32-bit value and rejects larger ones.
    static std::optional<CSeq> parse(QByteArrayView text);
    QByteArray toString() const;
    bool operator==(const CSeq &) const = default;
};

} // namespace parlo::sip

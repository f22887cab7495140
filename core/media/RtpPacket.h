#pragma once

#include "media/MediaError.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QList>
#include <cstdint>
#include <optional>

namespace parlo::media {

// An RTP data packet (RFC 3550 §5.1). A value: parse() from a datagram, toBytes() back. The
// header extension (§5.3.1) is kept opaque: its 16-bit profile field and the words after it.
class RtpPacket {
public:
    static constexpr int kFixedHeaderSize = 12;

    uint8_t version = 2;
    bool marker = false;
    uint8_t payloadType = 0; // 7 bits
    uint16_t sequence = 0;
    uint32_t timestamp = 0;
    uint32_t ssrc = 0;
    QList<uint32_t> csrcs; // at most 15
    bool hasExtension = false;
    uint16_t extensionProfile = 0;
    QByteArray extension; // the extension body, a multiple of 4 bytes
    QByteArray payload;
    uint8_t paddingSize = 0; // bytes of padding to append on toBytes(); 0 = no P bit

    static std::optional<RtpPacket> parse(QByteArrayView data, MediaError *error = nullptr);
    QByteArray toBytes() const;

    bool operator==(const RtpPacket &) const = default;
};

} // namespace parlo::media

#pragma once

#include <cstdint>

namespace parlo::media {

// One reception report block of an SR or RR (RFC 3550 §6.4.1).
struct RtcpReportBlock {
    uint32_t ssrc = 0;          // source this block reports on
    uint8_t fractionLost = 0;   // fixed point /256 since the previous report
    int32_t cumulativeLost = 0; // 24-bit signed on the wire (duplicates can make it negative)
    uint32_t extendedHighestSequence = 0;
    uint32_t jitter = 0;           // interarrival jitter in timestamp units
    uint32_t lastSr = 0;           // LSR: middle 32 bits of the last SR's NTP timestamp
    uint32_t delaySinceLastSr = 0; // DLSR in 1/65536 s

    bool operator==(const RtcpReportBlock &) const = default;
};

} // namespace parlo::media

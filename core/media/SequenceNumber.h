#pragma once

#include <cstdint>

namespace parlo::media {

// RTP sequence-number arithmetic modulo 2^16 (RFC 3550 §A.1): a is "after" b when the forward
// distance from b to a is under half the space.
struct SequenceNumber {
    // Signed distance a - b in (-32768, 32767].
    static int delta(uint16_t a, uint16_t b) { return int16_t(uint16_t(a - b)); }
    static bool isNewer(uint16_t a, uint16_t b) { return delta(a, b) > 0; }
};

// Extends 16-bit sequence numbers to 32 bits by counting wrap-arounds (the "extended highest
// sequence number" of RTCP report blocks). Reordered packets from before a wrap keep the old cycle.
class ExtendedSequence {
public:
    // Returns the extended form of seq.
    uint32_t update(uint16_t seq);
    uint32_t highest() const { return m_highest; }
    bool started() const { return m_started; }

private:
    bool m_started = false;
    uint32_t m_highest = 0;
};

} // namespace parlo::media

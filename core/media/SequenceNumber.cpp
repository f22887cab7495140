#include "media/SequenceNumber.h"

namespace parlo::media {

uint32_t ExtendedSequence::update(uint16_t seq) {
    if (!m_started) {
        m_started = true;
        m_highest = seq;
        return seq;
    }
    const int d = SequenceNumber::delta(seq, uint16_t(m_highest));
    // Relative to the highest seen; never below zero (a reordered packet at the very start).
    const int64_t ext = int64_t(m_highest) + d;
    const uint32_t result = ext < 0 ? uint32_t(seq) : uint32_t(ext);
    if (d > 0)
        m_highest = result;
    return result;
}

} // namespace parlo::media

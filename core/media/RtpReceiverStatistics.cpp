#include "media/RtpReceiverStatistics.h"

#include <algorithm>
#include <cmath>

namespace parlo::media {

namespace {
constexpr uint32_t kSeqMod = 1u << 16;
}

RtpReceiverStatistics::RtpReceiverStatistics(int clockRate)
    : m_clockRate(clockRate > 0 ? clockRate : 8000) {}

void RtpReceiverStatistics::reset() {
    const int rate = m_clockRate;
    *this = RtpReceiverStatistics(rate);
}

void RtpReceiverStatistics::setClockRate(int clockRate) {
    if (clockRate <= 0 || clockRate == m_clockRate)
        return;
    // Jitter is kept in timestamp units: rescale so the value in ms carries over.
    m_jitter = m_jitter * clockRate / m_clockRate;
    m_clockRate = clockRate;
    m_haveTransit = false;
}

bool RtpReceiverStatistics::update(uint16_t seq, uint32_t timestamp, double arrivalMs, bool updateJitter) {
    if (!m_started) {
        m_started = true;
        m_maxSeq = seq;
        m_cycles = 0;
        m_baseSeq = seq;
        m_badSeq = kSeqMod + 1; // so seq == bad_seq is false
        m_received = 0;
        m_expectedPrior = m_receivedPrior = 0;
    } else {
        const uint16_t udelta = uint16_t(seq - m_maxSeq);
        if (udelta < kMaxDropout) {
            // In order, with a permissible gap.
            if (seq < m_maxSeq)
                m_cycles += kSeqMod;
            m_maxSeq = seq;
        } else if (udelta <= kSeqMod - kMaxMisorder) {
            // A very large jump: accept only when the next packet follows it (the source restarted).
            if (seq == m_badSeq) {
                // Sequence state starts over; the jitter estimate carries on, the transit base does not.
                const double jitter = m_jitter;
                m_started = false;
                m_haveTransit = false;
                update(seq, timestamp, arrivalMs, updateJitter);
                m_jitter = jitter;
                return true;
            }
            m_badSeq = (uint32_t(seq) + 1) & (kSeqMod - 1);
            return false;
        }
        // else: duplicate or reordered within kMaxMisorder: counted as received (A.3 allows the
        // resulting negative loss).
    }
    ++m_received;

    if (updateJitter) {
        // A.8: transit time in timestamp units; only differences matter, so the clock offset cancels.
        const double arrival = arrivalMs * m_clockRate / 1000.0;
        const double transit = arrival - double(timestamp);
        if (m_haveTransit) {
            double d = transit - m_transit;
            // Timestamps wrap at 2^32: fold a wrapped difference back.
            if (d > 2147483648.0)
                d -= 4294967296.0;
            else if (d < -2147483648.0)
                d += 4294967296.0;
            d = std::fabs(d);
            m_jitter += (d - m_jitter) / 16.0;
        }
        m_transit = transit;
        m_haveTransit = true;
    }
    return true;
}

int64_t RtpReceiverStatistics::expected() const {
    if (!m_started)
        return 0;
    return int64_t(extendedHighest()) - int64_t(m_baseSeq) + 1;
}

int64_t RtpReceiverStatistics::cumulativeLost() const {
    return expected() - m_received;
}

double RtpReceiverStatistics::lossPercent() const {
    const int64_t exp = expected();
    if (exp <= 0)
        return 0;
    return std::max<int64_t>(0, cumulativeLost()) * 100.0 / double(exp);
}

RtcpReportBlock RtpReceiverStatistics::makeReportBlock(uint32_t ssrc) {
    RtcpReportBlock b;
    b.ssrc = ssrc;
    const int64_t exp = expected();
    const int64_t expectedInterval = exp - m_expectedPrior;
    const int64_t receivedInterval = m_received - m_receivedPrior;
    m_expectedPrior = exp;
    m_receivedPrior = m_received;
    const int64_t lostInterval = expectedInterval - receivedInterval;
    if (expectedInterval > 0 && lostInterval > 0)
        b.fractionLost = uint8_t(std::min<int64_t>(255, (lostInterval << 8) / expectedInterval));
    b.cumulativeLost = int32_t(std::clamp<int64_t>(cumulativeLost(), -0x800000, 0x7fffff));
    b.extendedHighestSequence = extendedHighest();
    b.jitter = uint32_t(m_jitter);
    return b;
}

} // namespace parlo::media

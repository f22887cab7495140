#pragma once

#include "media/RtcpReportBlock.h"

#include <cstdint>

namespace parlo::media {

// Receiver-side statistics of one RTP source (RFC 3550 appendix A): sequence validation and
// extension over wrap-arounds (A.1, without probation: a call has one known peer), cumulative and
// interval loss (A.3) and interarrival jitter (A.8). Time comes in from the caller, so tests feed
// synthetic sequences.
class RtpReceiverStatistics {
public:
    static constexpr int kMaxDropout = 3000;
    static constexpr int kMaxMisorder = 100;

    explicit RtpReceiverStatistics(int clockRate = 8000);

    // Resets everything (new SSRC or a restarted stream).
    void reset();
    void setClockRate(int clockRate);
    int clockRate() const { return m_clockRate; }

    // One packet arrived at arrivalMs (any monotonic ms clock). updateJitter false for packets whose
    // timestamp does not follow the sampling clock (RFC 4733 events repeat one timestamp).
    // Returns false when the sequence number is rejected (a large jump not yet confirmed).
    bool update(uint16_t sequence, uint32_t timestamp, double arrivalMs, bool updateJitter = true);

    bool started() const { return m_started; }
    uint32_t extendedHighest() const { return m_cycles + m_maxSeq; }
    int64_t received() const { return m_received; }
    int64_t expected() const;
    // Cumulative lost (A.3); negative with duplicates.
    int64_t cumulativeLost() const;
    double lossPercent() const;
    double jitterUnits() const { return m_jitter; }
    double jitterMs() const { return m_clockRate > 0 ? m_jitter * 1000.0 / m_clockRate : 0; }

    // A report block for the source ssrc: fraction lost since the previous call (A.3 interval),
    // cumulative lost clamped to 24 bits, extended highest sequence and jitter. LSR/DLSR are the
    // caller's (they depend on received SRs).
    RtcpReportBlock makeReportBlock(uint32_t ssrc);

private:
    int m_clockRate;
    bool m_started = false;
    uint16_t m_maxSeq = 0;
    uint32_t m_cycles = 0; // wrap count << 16
    uint32_t m_baseSeq = 0;
    uint32_t m_badSeq = 0;
    int64_t m_received = 0;
    int64_t m_expectedPrior = 0;
    int64_t m_receivedPrior = 0;
    bool m_haveTransit = false;
    double m_transit = 0;
    double m_jitter = 0; // timestamp units
};

} // namespace parlo::media

#pragma once

#include "media/Resampler.h"

#include <cstdint>
#include <deque>
#include <memory>
#include <span>
#include <vector>

namespace parlo::media {

// The audio of an echo service: what was received (decoded, mono) comes out again, delayMs
// later, at the rate the encoder wants. A delay a person notices, so callers hear themselves
// rather than a sidetone. Bounded: when the reader falls behind, the oldest audio is dropped.
class EchoBuffer {
public:
    static constexpr int kMaxSeconds = 2;

    // outputRate: the send codec's audio rate; delayMs of silence come out before the first echo.
    explicit EchoBuffer(int outputRate, int delayMs = 400);
    ~EchoBuffer();

    int outputRate() const { return m_outRate; }
    // Received audio at its own rate (resampled when it differs from the output rate).
    void write(std::span<const int16_t> mono, int rate);
    // Exactly `samples` samples; silence while nothing is buffered.
    std::vector<int16_t> read(int samples);
    // Samples waiting to be read (the delay included).
    int buffered() const { return int(m_pending.size()); }

private:
    void push(std::span<const int16_t> samples);

    int m_outRate;
    std::unique_ptr<Resampler> m_resampler;
    std::deque<int16_t> m_pending;
};

} // namespace parlo::media

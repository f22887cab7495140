#pragma once

#include <cstdint>
#include <span>
#include <vector>

struct SpeexResamplerState_;

namespace parlo::media {

// Converts 16-bit interleaved audio between the device rate and a codec rate (speexdsp, quality 5).
// Stateful: feed consecutive chunks of one stream to the same instance. Output lags the input by
// inputLatency() samples (filter delay).
class Resampler {
public:
    Resampler(int inRate, int outRate, int channels = 1, int quality = 5);
    ~Resampler();
    Resampler(const Resampler &) = delete;
    Resampler &operator=(const Resampler &) = delete;

    bool isValid() const { return m_state != nullptr; }
    int inRate() const { return m_inRate; }
    int outRate() const { return m_outRate; }
    int channels() const { return m_channels; }
    int inputLatency() const;

    std::vector<int16_t> process(std::span<const int16_t> input);
    void reset();

private:
    SpeexResamplerState_ *m_state = nullptr;
    int m_inRate;
    int m_outRate;
    int m_channels;
};

} // namespace parlo::media

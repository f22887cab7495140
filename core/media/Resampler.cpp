#include "media/Resampler.h"

#include "media/MediaLog.h"

#include <speex/speex_resampler.h>

namespace parlo::media {

Resampler::Resampler(int inRate, int outRate, int channels, int quality)
    : m_inRate(inRate)
    , m_outRate(outRate)
    , m_channels(channels) {
    int err = RESAMPLER_ERR_SUCCESS;
    if (inRate > 0 && outRate > 0 && channels > 0)
        m_state = speex_resampler_init(spx_uint32_t(channels), spx_uint32_t(inRate), spx_uint32_t(outRate),
                                       quality, &err);
    if (!m_state || err != RESAMPLER_ERR_SUCCESS) {
        qCWarning(lcCodec) << "resampler" << inRate << "->" << outRate << "failed:" << err;
        m_state = nullptr;
    } else {
        // Without this the first output starts with the filter's full delay of zeros.
        speex_resampler_skip_zeros(m_state);
    }
}

Resampler::~Resampler() {
    if (m_state)
        speex_resampler_destroy(m_state);
}

int Resampler::inputLatency() const {
    return m_state ? speex_resampler_get_input_latency(m_state) : 0;
}

void Resampler::reset() {
    if (m_state) {
        speex_resampler_reset_mem(m_state);
        speex_resampler_skip_zeros(m_state);
    }
}

std::vector<int16_t> Resampler::process(std::span<const int16_t> input) {
    const size_t frames = input.size() / size_t(m_channels);
    if (!m_state || frames == 0)
        return {};
    if (m_inRate == m_outRate)
        return {input.begin(), input.end()};
    // Room for the converted frames plus what the filter may flush from earlier calls.
    const size_t capacity = frames * size_t(m_outRate) / size_t(m_inRate) + 64;
    std::vector<int16_t> out(capacity * size_t(m_channels));
    spx_uint32_t inLen = spx_uint32_t(frames);
    spx_uint32_t outLen = spx_uint32_t(capacity);
    speex_resampler_process_interleaved_int(m_state, input.data(), &inLen, out.data(), &outLen);
    out.resize(size_t(outLen) * size_t(m_channels));
    return out;
}

} // namespace parlo::media

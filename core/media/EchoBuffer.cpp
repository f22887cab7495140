#include "media/EchoBuffer.h"

#include <algorithm>

namespace parlo::media {

EchoBuffer::EchoBuffer(int outputRate, int delayMs)
    : m_outRate(outputRate > 0 ? outputRate : 8000) {
    const int delaySamples = std::clamp(delayMs, 0, kMaxSeconds * 1000) * m_outRate / 1000;
    m_pending.assign(size_t(delaySamples), 0);
}

EchoBuffer::~EchoBuffer() = default;

void EchoBuffer::write(std::span<const int16_t> mono, int rate) {
    if (mono.empty() || rate <= 0)
        return;
    if (rate == m_outRate) {
        push(mono);
        return;
    }
    if (!m_resampler || m_resampler->inRate() != rate)
        m_resampler = std::make_unique<Resampler>(rate, m_outRate);
    if (!m_resampler->isValid())
        return;
    const std::vector<int16_t> out = m_resampler->process(mono);
    push(out);
}

void EchoBuffer::push(std::span<const int16_t> samples) {
    m_pending.insert(m_pending.end(), samples.begin(), samples.end());
    const size_t limit = size_t(kMaxSeconds) * size_t(m_outRate);
    if (m_pending.size() > limit)
        m_pending.erase(m_pending.begin(), m_pending.begin() + std::ptrdiff_t(m_pending.size() - limit));
}

std::vector<int16_t> EchoBuffer::read(int samples) {
    std::vector<int16_t> out(size_t(std::max(samples, 0)), 0);
    const size_t n = std::min(out.size(), m_pending.size());
    std::copy_n(m_pending.begin(), n, out.begin());
    m_pending.erase(m_pending.begin(), m_pending.begin() + std::ptrdiff_t(n));
    return out;
}

} // namespace parlo::media

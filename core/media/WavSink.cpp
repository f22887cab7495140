#include "media/WavSink.h"

namespace parlo::media {

bool WavSink::open(const QString &path, int sampleRate) {
    m_rate = sampleRate;
    m_resampler.reset();
    return m_writer.open(path, WavFormat{sampleRate, 1});
}

bool WavSink::write(std::span<const int16_t> samples, int rate) {
    if (!m_writer.isOpen())
        return false;
    if (rate == m_rate)
        return m_writer.write(samples);
    if (!m_resampler || m_resampler->inRate() != rate)
        m_resampler = std::make_unique<Resampler>(rate, m_rate, 1);
    const std::vector<int16_t> out = m_resampler->process(samples);
    return m_writer.write(out);
}

bool WavSink::close() {
    if (!m_writer.isOpen())
        return true;
    return m_writer.close();
}

} // namespace parlo::media

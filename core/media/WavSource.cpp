#include "media/WavSource.h"

namespace parlo::media {

bool WavSource::open(const QString &path, int outputRate) {
    m_open = m_reader.open(path);
    m_eof = !m_open;
    m_pending.clear();
    setOutputRate(outputRate);
    return m_open;
}

void WavSource::setOutputRate(int rate) {
    m_outRate = rate;
    m_resampler.reset();
    if (m_open && m_reader.format().sampleRate != rate)
        m_resampler = std::make_unique<Resampler>(m_reader.format().sampleRate, rate, 1);
}

std::vector<int16_t> WavSource::read(int samples) {
    const int channels = m_open ? m_reader.format().channels : 1;
    const int inRate = m_open ? m_reader.format().sampleRate : m_outRate;
    while (!m_eof && int(m_pending.size()) < samples) {
        // Enough input for the missing output plus the resampler's filter delay.
        const int need = int((int64_t(samples) * inRate + m_outRate - 1) / m_outRate) + 32;
        std::vector<int16_t> in = m_reader.read(need);
        if (in.empty()) {
            m_eof = true;
            break;
        }
        std::vector<int16_t> mono;
        if (channels == 1) {
            mono = std::move(in);
        } else {
            mono.resize(in.size() / size_t(channels));
            for (size_t i = 0; i < mono.size(); ++i) {
                int sum = 0;
                for (int c = 0; c < channels; ++c)
                    sum += in[i * size_t(channels) + size_t(c)];
                mono[i] = int16_t(sum / channels);
            }
        }
        if (m_resampler && m_resampler->isValid())
            mono = m_resampler->process(mono);
        m_pending.insert(m_pending.end(), mono.begin(), mono.end());
    }
    std::vector<int16_t> out(size_t(samples), 0);
    const size_t n = std::min(out.size(), m_pending.size());
    std::copy_n(m_pending.begin(), n, out.begin());
    m_pending.erase(m_pending.begin(), m_pending.begin() + qsizetype(n));
    return out;
}

} // namespace parlo::media

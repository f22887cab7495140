#include "media/EchoCanceller.h"

#include <speex/speex_echo.h>
#include <speex/speex_preprocess.h>

#include <algorithm>

namespace parlo::media {

EchoCanceller::EchoCanceller(int sampleRate, int tailMs)
    : m_rate(sampleRate > 0 ? sampleRate : 16000)
    , m_frame(m_rate / 100) {
    m_echo = speex_echo_state_init(m_frame, m_rate * tailMs / 1000);
    int rate = m_rate;
    speex_echo_ctl(m_echo, SPEEX_ECHO_SET_SAMPLING_RATE, &rate);
    m_pre = speex_preprocess_state_init(m_frame, m_rate);
    speex_preprocess_ctl(m_pre, SPEEX_PREPROCESS_SET_ECHO_STATE, m_echo);
    // Residual echo suppression yes, denoise no: it learns steady sounds (a held tone, music on
    // hold from the near end) as noise and eats them.
    int off = 0;
    speex_preprocess_ctl(m_pre, SPEEX_PREPROCESS_SET_DENOISE, &off);
}

EchoCanceller::~EchoCanceller() {
    speex_preprocess_state_destroy(m_pre);
    speex_echo_state_destroy(m_echo);
}

void EchoCanceller::playback(std::span<const int16_t> speaker) {
    // Samples whose capture-side partners were already processed (against silence) are skipped,
    // so captured sample n always meets played sample n and the echo's lag stays constant.
    const size_t skip = std::min<size_t>(m_deficit, speaker.size());
    m_deficit -= skip;
    m_reference.insert(m_reference.end(), speaker.begin() + std::ptrdiff_t(skip), speaker.end());
    // Bounded: if capture stalls, the oldest reference goes (the filter re-converges).
    const size_t limit = size_t(m_rate) * kMaxReferenceMs / 1000;
    if (m_reference.size() > limit)
        m_reference.erase(m_reference.begin(),
                          m_reference.begin() + std::ptrdiff_t(m_reference.size() - limit));
}

std::vector<int16_t> EchoCanceller::capture(std::span<const int16_t> microphone) {
    m_capturePending.insert(m_capturePending.end(), microphone.begin(), microphone.end());
    std::vector<int16_t> out;
    std::vector<int16_t> ref(static_cast<size_t>(m_frame));
    size_t off = 0;
    while (m_capturePending.size() - off >= size_t(m_frame)) {
        // Each captured sample is paired with the played sample of the same count since start:
        // both sides run on one device clock, so the echo sits at a steady lag the filter learns.
        const size_t n = std::min(ref.size(), m_reference.size());
        std::copy_n(m_reference.begin(), n, ref.begin());
        std::fill(ref.begin() + std::ptrdiff_t(n), ref.end(), int16_t(0));
        m_reference.erase(m_reference.begin(), m_reference.begin() + std::ptrdiff_t(n));
        m_deficit = std::min<size_t>(m_deficit + (ref.size() - n), size_t(m_rate) * kMaxReferenceMs / 1000);
        const size_t at = out.size();
        out.resize(at + size_t(m_frame));
        speex_echo_cancellation(m_echo, m_capturePending.data() + off, ref.data(), out.data() + at);
        speex_preprocess_run(m_pre, out.data() + at);
        off += size_t(m_frame);
    }
    m_capturePending.erase(m_capturePending.begin(), m_capturePending.begin() + std::ptrdiff_t(off));
    return out;
}

} // namespace parlo::media

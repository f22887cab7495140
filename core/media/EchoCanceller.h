#pragma once

#include <cstdint>
#include <deque>
#include <span>
#include <vector>

struct SpeexEchoState_;
struct SpeexPreprocessState_;

namespace parlo::media {

// Acoustic echo cancellation for the sound-card path (speexdsp MDF + its preprocessor's residual
// echo suppression). Feed what goes to the speaker with playback() and what the
// microphone hears with capture(); both mono at one rate and one device clock. Internally in
// 10 ms frames: partial frames are buffered, so any chunk size works.
class EchoCanceller {
public:
    static constexpr int kMaxReferenceMs = 1000;

    EchoCanceller(int sampleRate, int tailMs = 200);
    ~EchoCanceller();
    EchoCanceller(const EchoCanceller &) = delete;
    EchoCanceller &operator=(const EchoCanceller &) = delete;

    int sampleRate() const { return m_rate; }
    int frameSamples() const { return m_frame; }
    void playback(std::span<const int16_t> speaker);
    // Returns the cleaned samples (whole frames only; the rest waits for the next call).
    std::vector<int16_t> capture(std::span<const int16_t> microphone);

private:
    SpeexEchoState_ *m_echo = nullptr;
    SpeexPreprocessState_ *m_pre = nullptr;
    int m_rate;
    int m_frame;
    std::deque<int16_t> m_reference; // played, not yet paired with a captured sample
    size_t m_deficit = 0;            // captured samples that found no played partner yet
    std::vector<int16_t> m_capturePending;
};

} // namespace parlo::media

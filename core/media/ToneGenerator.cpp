#include "media/ToneGenerator.h"

#include <cmath>
#include <numbers>

namespace parlo::media {

ToneGenerator::ToneGenerator(int sampleRate)
    : ToneGenerator(sampleRate, Tone{}) {}

ToneGenerator::ToneGenerator(int sampleRate, const Tone &tone)
    : m_rate(sampleRate > 0 ? sampleRate : 8000)
    , m_tone(tone) {}

void ToneGenerator::setTone(const Tone &tone) {
    m_tone = tone;
    m_position = 0;
}

std::vector<int16_t> ToneGenerator::generate(int samples) {
    std::vector<int16_t> out(size_t(qMax(samples, 0)), 0);
    const int64_t period = int64_t(m_tone.onMs + m_tone.offMs) * m_rate / 1000;
    const int64_t on = int64_t(m_tone.onMs) * m_rate / 1000;
    for (auto &sample : out) {
        const int64_t n = m_position++;
        if (m_tone.onMs > 0 && period > 0 && n % period >= on)
            continue;
        double v = 0;
        for (double f : m_tone.frequencies) {
            // Phase from the sample index (reduced modulo the rate) so it never drifts.
            const double cycles = std::fmod(f * double(n % (int64_t(m_rate) * 1000)) / m_rate, 1.0);
            v += m_tone.amplitude * std::sin(2 * std::numbers::pi * cycles);
        }
        sample = int16_t(std::lround(std::clamp(v, -32768.0, 32767.0)));
    }
    return out;
}

ToneGenerator::Tone ToneGenerator::sine(double hz, double amplitude) {
    return Tone{{hz}, amplitude, 0, 0};
}

std::optional<std::pair<double, double>> ToneGenerator::dtmfFrequencies(char digit) {
    static const char keys[4][5] = {"123A", "456B", "789C", "*0#D"};
    static const double rows[4] = {697, 770, 852, 941};
    static const double cols[4] = {1209, 1336, 1477, 1633};
    const char d = (digit >= 'a' && digit <= 'd') ? char(digit - 'a' + 'A') : digit;
    for (int r = 0; r < 4; ++r)
        for (int c = 0; c < 4; ++c)
            if (keys[r][c] == d)
                return std::pair{rows[r], cols[c]};
    return std::nullopt;
}

ToneGenerator::Tone ToneGenerator::dtmf(char digit, double amplitude) {
    const auto f = dtmfFrequencies(digit);
    if (!f)
        return Tone{{}, amplitude, 0, 0};
    return Tone{{f->first, f->second}, amplitude, 0, 0};
}

ToneGenerator::Tone ToneGenerator::ringbackEurope() {
    return Tone{{425}, 6000, 1000, 4000};
}

ToneGenerator::Tone ToneGenerator::ringbackNorthAmerica() {
    return Tone{{440, 480}, 4000, 2000, 4000};
}

} // namespace parlo::media

#pragma once

#include <QList>
#include <cstdint>
#include <optional>
#include <utility>
#include <vector>

namespace parlo::media {

// Synthesises tones: a sine, DTMF dual tones, ringback cadences. Stateful so consecutive
// generate() calls continue the waveform and the cadence without clicks.
class ToneGenerator {
public:
    struct Tone {
        QList<double> frequencies; // summed; empty = silence
        double amplitude = 8000;   // peak of each component, on the 16-bit scale
        int onMs = 0;              // cadence; onMs == 0 = continuous
        int offMs = 0;
    };

    explicit ToneGenerator(int sampleRate = 8000);
    ToneGenerator(int sampleRate, const Tone &tone);

    int sampleRate() const { return m_rate; }
    const Tone &tone() const { return m_tone; }
    // Switches tone and restarts the cadence.
    void setTone(const Tone &tone);
    std::vector<int16_t> generate(int samples);

    static Tone sine(double hz, double amplitude = 8000);
    // ITU-T Q.23 row/column frequencies for 0-9, *, #, A-D; nullopt for anything else.
    static std::optional<std::pair<double, double>> dtmfFrequencies(char digit);
    static Tone dtmf(char digit, double amplitude = 6000);
    static Tone ringbackEurope();       // 425 Hz, 1 s on, 4 s off (ETSI / CEPT)
    static Tone ringbackNorthAmerica(); // 440 + 480 Hz, 2 s on, 4 s off

private:
    int m_rate;
    Tone m_tone;
    int64_t m_position = 0; // samples since setTone
};

} // namespace parlo::media

#pragma once

#include <QList>
#include <cstdint>
#include <span>

namespace parlo::media {

// Goertzel's algorithm: the energy of one frequency in a block of samples, without a full FFT.
// Used to check tones in decoded audio and recordings (DTMF, ringback, test tones).
struct GoertzelDetector {
    // Amplitude of frequency hz in the (mono) samples, on the sample scale: a full-block sine of
    // amplitude A gives about A. A Hann window keeps leakage from neighbouring tones low.
    static double amplitude(std::span<const int16_t> samples, double hz, int sampleRate);
    // Of candidates, the frequency with the largest amplitude (0 when candidates is empty).
    static double dominant(std::span<const int16_t> samples, int sampleRate, const QList<double> &candidates);
    // 20·log10 of the amplitude at hz over the largest amplitude among others (dB).
    static double snrDb(std::span<const int16_t> samples, int sampleRate, double hz,
                        const QList<double> &others);
    // Root-mean-square level of the samples.
    static double rms(std::span<const int16_t> samples);
};

} // namespace parlo::media

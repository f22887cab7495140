#include "media/GoertzelDetector.h"

#include <cmath>
#include <numbers>

namespace parlo::media {

double GoertzelDetector::amplitude(std::span<const int16_t> samples, double hz, int sampleRate) {
    const size_t n = samples.size();
    if (n < 2 || sampleRate <= 0)
        return 0;
    const double w = 2 * std::numbers::pi * hz / sampleRate;
    const double coeff = 2 * std::cos(w);
    double s1 = 0, s2 = 0;
    for (size_t i = 0; i < n; ++i) {
        const double window = 0.5 - 0.5 * std::cos(2 * std::numbers::pi * double(i) / double(n - 1));
        const double s0 = samples[i] * window + coeff * s1 - s2;
        s2 = s1;
        s1 = s0;
    }
    const double power = s1 * s1 + s2 * s2 - coeff * s1 * s2;
    // |X| of a sine of amplitude A under a Hann window is A·N/4.
    return std::sqrt(std::max(power, 0.0)) * 4.0 / double(n);
}

double GoertzelDetector::dominant(std::span<const int16_t> samples, int sampleRate,
                                  const QList<double> &candidates) {
    double best = 0, bestAmp = -1;
    for (double f : candidates) {
        const double a = amplitude(samples, f, sampleRate);
        if (a > bestAmp) {
            bestAmp = a;
            best = f;
        }
    }
    return best;
}

double GoertzelDetector::snrDb(std::span<const int16_t> samples, int sampleRate, double hz,
                               const QList<double> &others) {
    const double signal = amplitude(samples, hz, sampleRate);
    double noise = 1e-9;
    for (double f : others)
        noise = std::max(noise, amplitude(samples, f, sampleRate));
    return 20 * std::log10(std::max(signal, 1e-9) / noise);
}

double GoertzelDetector::rms(std::span<const int16_t> samples) {
    if (samples.empty())
        return 0;
    double sum = 0;
    for (int16_t s : samples)
        sum += double(s) * s;
    return std::sqrt(sum / double(samples.size()));
}

} // namespace parlo::media

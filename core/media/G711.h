#pragma once

#include <cstdint>

namespace parlo::media {

// ITU-T G.711 companding (μ-law and A-law) of 16-bit linear samples, per the segment algorithm of
// the Recommendation (μ-law bias 0x84 = 132, A-law even-bit inversion 0x55).
struct G711 {
    static uint8_t linearToUlaw(int16_t sample);
    static int16_t ulawToLinear(uint8_t code);
    static uint8_t linearToAlaw(int16_t sample);
    static int16_t alawToLinear(uint8_t code);
};

} // namespace parlo::media

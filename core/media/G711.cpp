#include "media/G711.h"

#include <bit>

namespace parlo::media {

namespace {
constexpr int kUlawBias = 0x84;

// Index of the highest set bit (x > 0).
int topBit(unsigned x) {
    return 31 - std::countl_zero(x);
}
} // namespace

uint8_t G711::linearToUlaw(int16_t sample) {
    int linear = sample;
    int mask;
    if (linear < 0) {
        // The -1 keeps the negative range symmetric with the positive one (ones' complement).
        linear = kUlawBias - linear - 1;
        mask = 0x7f;
    } else {
        linear = kUlawBias + linear;
        mask = 0xff;
    }
    const int seg = topBit(unsigned(linear) | 0xff) - 7;
    if (seg >= 8)
        return uint8_t(0x7f ^ mask); // clipped
    return uint8_t(((seg << 4) | ((linear >> (seg + 3)) & 0x0f)) ^ mask);
}

int16_t G711::ulawToLinear(uint8_t code) {
    const int u = ~code & 0xff;
    const int t = (((u & 0x0f) << 3) + kUlawBias) << ((u & 0x70) >> 4);
    return int16_t((u & 0x80) ? (kUlawBias - t) : (t - kUlawBias));
}

uint8_t G711::linearToAlaw(int16_t sample) {
    int linear = sample;
    int mask;
    if (linear >= 0) {
        mask = 0x55 | 0x80;
    } else {
        mask = 0x55;
        linear = -linear - 1;
    }
    const int seg = topBit(unsigned(linear) | 0xff) - 7;
    if (seg >= 8)
        return uint8_t(0x7f ^ mask);
    return uint8_t(((seg << 4) | ((linear >> (seg ? seg + 3 : 4)) & 0x0f)) ^ mask);
}

int16_t G711::alawToLinear(uint8_t code) {
    const int a = code ^ 0x55;
    int t = (a & 0x0f) << 4;
    const int seg = (a & 0x70) >> 4;
    if (seg == 0)
        t += 8;
    else if (seg == 1)
        t += 0x108;
    else
        t = (t + 0x108) << (seg - 1);
    return int16_t((a & 0x80) ? t : -t);
}

} // namespace parlo::media

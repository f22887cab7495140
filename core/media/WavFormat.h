#pragma once

namespace parlo::media {

// The format of a 16-bit PCM WAV file.
struct WavFormat {
    int sampleRate = 8000;
    int channels = 1;
    static constexpr int bitsPerSample = 16;
    int bytesPerFrame() const { return channels * 2; }
    bool operator==(const WavFormat &) const = default;
};

} // namespace parlo::media

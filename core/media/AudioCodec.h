#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <cstdint>
#include <span>
#include <vector>

namespace parlo::media {

// An audio codec instance for one direction pair of one stream: it keeps encoder and decoder state,
// so a call owns its own instances. Samples are 16-bit, interleaved when channels() == 2, at
// clockRate(); a frame is frameMs() of audio.
class AudioCodec {
public:
    virtual ~AudioCodec() = default;

    virtual QByteArray name() const = 0;  // SDP encoding name: "PCMU", "PCMA", "G722", "opus"
    virtual int payloadType() const = 0;  // static PT, or our default dynamic PT
    virtual int clockRate() const = 0;    // sample rate of the PCM we take and give
    virtual int rtpClockRate() const = 0; // RTP timestamp rate (G.722: 8000 for 16 kHz audio)
    virtual int channels() const { return 1; }
    virtual int frameMs() const { return 20; }
    // Samples per frame per channel, and the RTP timestamp increment per frame.
    int frameSamples() const { return clockRate() * frameMs() / 1000; }
    int rtpTimestampIncrement() const { return rtpClockRate() * frameMs() / 1000; }

    // One frame in (frameSamples() * channels() samples; shorter input is zero-padded), one payload out.
    virtual QByteArray encode(std::span<const int16_t> samples) = 0;
    // One payload in, its samples out (empty when the payload is unusable).
    virtual std::vector<int16_t> decode(QByteArrayView payload) = 0;
    // A frame of concealment for a lost packet (packet loss concealment).
    virtual std::vector<int16_t> conceal() = 0;
    // Whether decodeFec() can rebuild a lost frame from the packet that followed it.
    virtual bool supportsFec() const { return false; }
    // The lost frame rebuilt from the next packet's in-band redundancy; conceal() when none.
    virtual std::vector<int16_t> decodeFec(QByteArrayView nextPayload) {
        Q_UNUSED(nextPayload);
        return conceal();
    }
};

} // namespace parlo::media

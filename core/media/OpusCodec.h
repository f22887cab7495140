#pragma once

#include "media/AudioCodec.h"

struct OpusEncoder;
struct OpusDecoder;

namespace parlo::media {

// Opus (RFC 6716, RTP mapping RFC 7587): always 48 kHz on the wire and here; mono or stereo as the
// SDP's stereo parameter says. In-band FEC is on, so a lost frame can be rebuilt from the next
// packet (decodeFec); plain loss uses the decoder's own concealment.
class OpusCodec : public AudioCodec {
public:
    struct Options {
        int channels = 1;
        int complexity = 9;           // 0..10
        int bitrate = 32000;          // bit/s; SILK/hybrid range so in-band FEC is available
        int expectedLossPercent = 10; // tunes how much redundancy the encoder spends
        bool inbandFec = true;
        int payloadType = 111; // dynamic; the SDP decides
    };
    OpusCodec();
    explicit OpusCodec(const Options &options);
    ~OpusCodec() override;

    bool isValid() const { return m_encoder && m_decoder; }

    QByteArray name() const override { return "opus"; }
    int payloadType() const override { return m_options.payloadType; }
    int clockRate() const override { return 48000; }
    int rtpClockRate() const override { return 48000; }
    int channels() const override { return m_options.channels; }

    QByteArray encode(std::span<const int16_t> samples) override;
    std::vector<int16_t> decode(QByteArrayView payload) override;
    std::vector<int16_t> conceal() override;
    bool supportsFec() const override { return m_options.inbandFec; }
    std::vector<int16_t> decodeFec(QByteArrayView nextPayload) override;

private:
    Options m_options;
    OpusEncoder *m_encoder = nullptr;
    OpusDecoder *m_decoder = nullptr;
};

} // namespace parlo::media

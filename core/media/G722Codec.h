#pragma once

#include "media/AudioCodec.h"

struct g722_encode_state_s;
struct g722_decode_state_s;

namespace parlo::media {

struct Spandsp;

// G.722 at 64 kbit/s through spandsp: 16 kHz audio, but an 8000 Hz RTP clock (RFC 3551 §4.5.2,
// an erratum kept for compatibility). Concealment repeats the last frame, fading out.
class G722Codec : public AudioCodec {
public:
    G722Codec();
    ~G722Codec() override;

    QByteArray name() const override { return "G722"; }
    int payloadType() const override { return 9; }
    int clockRate() const override { return 16000; }
    int rtpClockRate() const override { return 8000; }

    QByteArray encode(std::span<const int16_t> samples) override;
    std::vector<int16_t> decode(QByteArrayView payload) override;
    std::vector<int16_t> conceal() override;

private:
    const Spandsp *m_spandsp; // null when spandsp cannot be loaded: silence both ways
    g722_encode_state_s *m_encoder = nullptr;
    g722_decode_state_s *m_decoder = nullptr;
    std::vector<int16_t> m_last;
    int m_lostInRow = 0;
};

} // namespace parlo::media

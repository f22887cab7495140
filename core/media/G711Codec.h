#pragma once

#include "media/AudioCodec.h"

#include <memory>

namespace parlo::media {

struct Spandsp;

// G.711 at 8 kHz (RFC 3551 §4.5.14) with spandsp's pitch-repeating concealment for lost frames.
// PcmuCodec and PcmaCodec pick the law.
class G711Codec : public AudioCodec {
public:
    enum class Law { Ulaw, Alaw };
    explicit G711Codec(Law law);
    ~G711Codec() override;

    QByteArray name() const override { return m_law == Law::Ulaw ? "PCMU" : "PCMA"; }
    int payloadType() const override { return m_law == Law::Ulaw ? 0 : 8; }
    int clockRate() const override { return 8000; }
    int rtpClockRate() const override { return 8000; }

    QByteArray encode(std::span<const int16_t> samples) override;
    std::vector<int16_t> decode(QByteArrayView payload) override;
    std::vector<int16_t> conceal() override;

private:
    struct Plc; // spandsp's plc_state_t is an anonymous struct: held by value in the .cpp
    Law m_law;
    const Spandsp *m_spandsp; // null when spandsp cannot be loaded: losses are then silence
    std::unique_ptr<Plc> m_plc;
};

} // namespace parlo::media

#include "media/G722Codec.h"

#include "media/Spandsp.h"

#include <cstdint>

namespace parlo::media {

G722Codec::G722Codec()
    : m_spandsp(Spandsp::get()) {
    if (m_spandsp) {
        m_encoder = m_spandsp->g722EncodeInit(nullptr, 64000, 0);
        m_decoder = m_spandsp->g722DecodeInit(nullptr, 64000, 0);
    }
}

G722Codec::~G722Codec() {
    if (m_encoder)
        m_spandsp->g722EncodeFree(m_encoder);
    if (m_decoder)
        m_spandsp->g722DecodeFree(m_decoder);
}

QByteArray G722Codec::encode(std::span<const int16_t> samples) {
    std::vector<int16_t> frame(size_t(frameSamples()), 0);
    std::copy_n(samples.begin(), qMin(samples.size(), frame.size()), frame.begin());
    QByteArray out(frameSamples() / 2, '\0'); // two samples per byte at 64 kbit/s
    if (!m_encoder)
        return out;
    const int n = m_spandsp->g722Encode(m_encoder, reinterpret_cast<uint8_t *>(out.data()), frame.data(),
                                        int(frame.size()));
    out.resize(n);
    return out;
}

std::vector<int16_t> G722Codec::decode(QByteArrayView payload) {
    std::vector<int16_t> out(size_t(payload.size()) * 2);
    if (!m_decoder)
        return out;
    const int n = m_spandsp->g722Decode(
        m_decoder, out.data(), reinterpret_cast<const uint8_t *>(payload.data()), int(payload.size()));
    out.resize(size_t(qMax(n, 0)));
    m_last = out;
    m_lostInRow = 0;
    return out;
}

std::vector<int16_t> G722Codec::conceal() {
    // Repeat the last good frame at half the level for each further loss; silence after three,
    // so a long outage does not buzz.
    std::vector<int16_t> out(size_t(frameSamples()), 0);
    ++m_lostInRow;
    if (m_last.size() == out.size() && m_lostInRow <= 3) {
        const int shift = m_lostInRow;
        for (size_t i = 0; i < out.size(); ++i)
            out[i] = int16_t(m_last[i] >> shift);
    }
    return out;
}

} // namespace parlo::media

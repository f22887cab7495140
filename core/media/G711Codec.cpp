#include "media/G711Codec.h"

#include "media/G711.h"

#include "media/Spandsp.h"

#include <cstdint>

namespace parlo::media {

struct G711Codec::Plc {
    plc_state_t state;
};

G711Codec::G711Codec(Law law)
    : m_law(law)
    , m_spandsp(Spandsp::get())
    , m_plc(std::make_unique<Plc>()) {
    if (m_spandsp)
        m_spandsp->plcInit(&m_plc->state);
}

G711Codec::~G711Codec() = default;

QByteArray G711Codec::encode(std::span<const int16_t> samples) {
    QByteArray out(frameSamples(), char(m_law == Law::Ulaw ? 0xff : 0xd5)); // zero-padded
    const qsizetype n = qMin<qsizetype>(qsizetype(samples.size()), out.size());
    for (qsizetype i = 0; i < n; ++i)
        out[i] = char(m_law == Law::Ulaw ? G711::linearToUlaw(samples[i]) : G711::linearToAlaw(samples[i]));
    return out;
}

std::vector<int16_t> G711Codec::decode(QByteArrayView payload) {
    std::vector<int16_t> out(size_t(payload.size()));
    for (qsizetype i = 0; i < payload.size(); ++i) {
        const auto c = uint8_t(payload[i]);
        out[size_t(i)] = m_law == Law::Ulaw ? G711::ulawToLinear(c) : G711::alawToLinear(c);
    }
    if (!out.empty() && m_spandsp)
        m_spandsp->plcRx(&m_plc->state, out.data(), int(out.size())); // history for concealment
    return out;
}

std::vector<int16_t> G711Codec::conceal() {
    std::vector<int16_t> out(size_t(frameSamples()), 0);
    if (m_spandsp)
        m_spandsp->plcFillin(&m_plc->state, out.data(), int(out.size()));
    return out;
}

} // namespace parlo::media

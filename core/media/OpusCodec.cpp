#include "media/OpusCodec.h"

#include "media/MediaLog.h"

#include <opus/opus.h>

namespace parlo::media {

namespace {
// The largest packet we accept from the encoder: far above 20 ms at 510 kbit/s (1275 bytes).
constexpr int kMaxPacket = 1500;
} // namespace

OpusCodec::OpusCodec()
    : OpusCodec(Options{}) {}

OpusCodec::OpusCodec(const Options &options)
    : m_options(options) {
    m_options.channels = qBound(1, m_options.channels, 2);
    m_options.complexity = qBound(0, m_options.complexity, 10);
    int err = OPUS_OK;
    m_encoder = opus_encoder_create(48000, m_options.channels, OPUS_APPLICATION_VOIP, &err);
    if (err != OPUS_OK) {
        qCWarning(lcCodec) << "opus encoder:" << opus_strerror(err);
        m_encoder = nullptr;
    }
    m_decoder = opus_decoder_create(48000, m_options.channels, &err);
    if (err != OPUS_OK) {
        qCWarning(lcCodec) << "opus decoder:" << opus_strerror(err);
        m_decoder = nullptr;
    }
    if (m_encoder) {
        opus_encoder_ctl(m_encoder, OPUS_SET_COMPLEXITY(m_options.complexity));
        opus_encoder_ctl(m_encoder, OPUS_SET_BITRATE(m_options.bitrate));
        opus_encoder_ctl(m_encoder, OPUS_SET_INBAND_FEC(m_options.inbandFec ? 1 : 0));
        opus_encoder_ctl(m_encoder, OPUS_SET_PACKET_LOSS_PERC(m_options.expectedLossPercent));
    }
}

OpusCodec::~OpusCodec() {
    if (m_encoder)
        opus_encoder_destroy(m_encoder);
    if (m_decoder)
        opus_decoder_destroy(m_decoder);
}

QByteArray OpusCodec::encode(std::span<const int16_t> samples) {
    if (!m_encoder)
        return {};
    const size_t needed = size_t(frameSamples() * channels());
    std::vector<int16_t> padded;
    const int16_t *pcm = samples.data();
    if (samples.size() < needed) {
        padded.assign(needed, 0);
        std::copy(samples.begin(), samples.end(), padded.begin());
        pcm = padded.data();
    }
    QByteArray out(kMaxPacket, '\0');
    const int n = opus_encode(m_encoder, pcm, frameSamples(), reinterpret_cast<unsigned char *>(out.data()),
                              kMaxPacket);
    if (n < 0) {
        qCWarning(lcCodec) << "opus_encode:" << opus_strerror(n);
        return {};
    }
    out.resize(n);
    return out;
}

std::vector<int16_t> OpusCodec::decode(QByteArrayView payload) {
    if (!m_decoder || payload.isEmpty())
        return {};
    // A packet may carry up to 120 ms; decode whatever it holds.
    std::vector<int16_t> out(size_t(48000 * 120 / 1000 * channels()));
    const int n = opus_decode(m_decoder, reinterpret_cast<const unsigned char *>(payload.data()),
                              opus_int32(payload.size()), out.data(), 48000 * 120 / 1000, 0);
    if (n < 0) {
        qCDebug(lcCodec) << "opus_decode:" << opus_strerror(n);
        return {};
    }
    out.resize(size_t(n * channels()));
    return out;
}

std::vector<int16_t> OpusCodec::conceal() {
    std::vector<int16_t> out(size_t(frameSamples() * channels()), 0);
    if (!m_decoder)
        return out;
    const int n = opus_decode(m_decoder, nullptr, 0, out.data(), frameSamples(), 0);
    out.resize(size_t(qMax(n, 0) * channels()));
    return out;
}

std::vector<int16_t> OpusCodec::decodeFec(QByteArrayView nextPayload) {
    if (!m_decoder || nextPayload.isEmpty())
        return conceal();
    std::vector<int16_t> out(size_t(frameSamples() * channels()), 0);
    // decode_fec=1 rebuilds the frame before nextPayload (or conceals when it carries no LBRR);
    // the caller then decodes nextPayload normally.
    const int n = opus_decode(m_decoder, reinterpret_cast<const unsigned char *>(nextPayload.data()),
                              opus_int32(nextPayload.size()), out.data(), frameSamples(), 1);
    if (n < 0)
        return conceal();
    out.resize(size_t(n * channels()));
    return out;
}

} // namespace parlo::media

#include "media/RtpPacket.h"

#include <QtEndian>

namespace parlo::media {

namespace {
uint16_t be16(const uchar *p) {
    return qFromBigEndian<uint16_t>(p);
}
uint32_t be32(const uchar *p) {
    return qFromBigEndian<uint32_t>(p);
}
void put16(QByteArray &out, uint16_t v) {
    uchar b[2];
    qToBigEndian(v, b);
    out.append(reinterpret_cast<const char *>(b), 2);
}
void put32(QByteArray &out, uint32_t v) {
    uchar b[4];
    qToBigEndian(v, b);
    out.append(reinterpret_cast<const char *>(b), 4);
}
} // namespace

std::optional<RtpPacket> RtpPacket::parse(QByteArrayView data, MediaError *error) {
    using K = MediaError::Kind;
    if (data.size() < kFixedHeaderSize)
        return fail(error, K::TooShort, "fixed header");
    const auto *p = reinterpret_cast<const uchar *>(data.data());
    qsizetype end = data.size();
    RtpPacket rtp;
    rtp.version = p[0] >> 6;
    if (rtp.version != 2)
        return fail(error, K::BadVersion);
    const bool padding = p[0] & 0x20;
    rtp.hasExtension = p[0] & 0x10;
    const int cc = p[0] & 0x0f;
    rtp.marker = p[1] & 0x80;
    rtp.payloadType = p[1] & 0x7f;
    rtp.sequence = be16(p + 2);
    rtp.timestamp = be32(p + 4);
    rtp.ssrc = be32(p + 8);
    qsizetype pos = kFixedHeaderSize;
    if (pos + 4 * cc > end)
        return fail(error, K::BadLength, "CSRC list");
    for (int i = 0; i < cc; ++i, pos += 4)
        rtp.csrcs.append(be32(p + pos));
    if (rtp.hasExtension) {
        if (pos + 4 > end)
            return fail(error, K::BadLength, "extension header");
        rtp.extensionProfile = be16(p + pos);
        const qsizetype words = be16(p + pos + 2);
        pos += 4;
        if (pos + 4 * words > end)
            return fail(error, K::BadLength, "extension body");
        rtp.extension = QByteArray(data.data() + pos, 4 * words);
        pos += 4 * words;
    }
    if (padding) {
        // The last octet counts the padding, itself included (§5.1).
        const int pad = p[end - 1];
        if (pad == 0 || pos + pad > end)
            return fail(error, K::BadLength, "padding");
        rtp.paddingSize = uint8_t(pad);
        end -= pad;
    }
    rtp.payload = QByteArray(data.data() + pos, end - pos);
    return rtp;
}

QByteArray RtpPacket::toBytes() const {
    QByteArray out;
    const qsizetype ext = hasExtension ? 4 + extension.size() : 0;
    out.reserve(kFixedHeaderSize + 4 * csrcs.size() + ext + payload.size() + paddingSize);
    const int cc = int(qMin<qsizetype>(csrcs.size(), 15));
    out.append(char((2 << 6) | (paddingSize ? 0x20 : 0) | (hasExtension ? 0x10 : 0) | cc));
    out.append(char((marker ? 0x80 : 0) | (payloadType & 0x7f)));
    put16(out, sequence);
    put32(out, timestamp);
    put32(out, ssrc);
    for (int i = 0; i < cc; ++i)
        put32(out, csrcs[i]);
    if (hasExtension) {
        put16(out, extensionProfile);
        put16(out, uint16_t(extension.size() / 4));
        out.append(extension.left(extension.size() / 4 * 4));
    }
    out.append(payload);
    if (paddingSize) {
        out.append(QByteArray(paddingSize - 1, '\0'));
        out.append(char(paddingSize));
    }
    return out;
}

} // namespace parlo::media

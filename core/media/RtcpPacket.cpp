#include "media/RtcpPacket.h"

#include <QtEndian>

namespace parlo::media {

namespace {
constexpr int kReportBlockSize = 24;

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

RtcpReportBlock readBlock(const uchar *p) {
    RtcpReportBlock b;
    b.ssrc = be32(p);
    b.fractionLost = p[4];
    int32_t lost = (int32_t(p[5]) << 16) | (int32_t(p[6]) << 8) | p[7];
    if (lost & 0x800000) // sign-extend the 24-bit field
        lost -= 0x1000000;
    b.cumulativeLost = lost;
    b.extendedHighestSequence = be32(p + 8);
    b.jitter = be32(p + 12);
    b.lastSr = be32(p + 16);
    b.delaySinceLastSr = be32(p + 20);
    return b;
}

void writeBlock(QByteArray &out, const RtcpReportBlock &b) {
    put32(out, b.ssrc);
    out.append(char(b.fractionLost));
    // Clamp to the 24-bit signed range rather than wrap.
    const int32_t lost = qBound(-0x800000, b.cumulativeLost, 0x7fffff);
    const uint32_t l = uint32_t(lost) & 0xffffff;
    out.append(char(l >> 16));
    out.append(char(l >> 8));
    out.append(char(l));
    put32(out, b.extendedHighestSequence);
    put32(out, b.jitter);
    put32(out, b.lastSr);
    put32(out, b.delaySinceLastSr);
}
} // namespace

RtcpPacket RtcpPacket::senderReport(uint32_t ssrc, uint64_t ntp, uint32_t rtpTs, uint32_t packets,
                                    uint32_t octets, const QList<RtcpReportBlock> &reports) {
    RtcpPacket p;
    p.type = Type::SenderReport;
    p.ssrc = ssrc;
    p.ntpTimestamp = ntp;
    p.rtpTimestamp = rtpTs;
    p.packetCount = packets;
    p.octetCount = octets;
    p.reports = reports;
    return p;
}

RtcpPacket RtcpPacket::receiverReport(uint32_t ssrc, const QList<RtcpReportBlock> &reports) {
    RtcpPacket p;
    p.type = Type::ReceiverReport;
    p.ssrc = ssrc;
    p.reports = reports;
    return p;
}

RtcpPacket RtcpPacket::sdesCname(uint32_t ssrc, const QByteArray &cname) {
    RtcpPacket p;
    p.type = Type::SourceDescription;
    p.chunks.append({ssrc, cname.left(255)});
    return p;
}

RtcpPacket RtcpPacket::bye(const QList<uint32_t> &sources, const QByteArray &reason) {
    RtcpPacket p;
    p.type = Type::Bye;
    p.byeSources = sources;
    p.byeReason = reason.left(255);
    return p;
}

std::optional<RtcpPacket> RtcpPacket::parse(QByteArrayView data, MediaError *error, qsizetype *consumed) {
    using K = MediaError::Kind;
    if (data.size() < 4)
        return fail(error, K::TooShort, "header");
    const auto *p = reinterpret_cast<const uchar *>(data.data());
    if ((p[0] >> 6) != 2)
        return fail(error, K::BadVersion);
    const bool padding = p[0] & 0x20;
    const int count = p[0] & 0x1f;
    const uint8_t pt = p[1];
    const qsizetype length = (qsizetype(be16(p + 2)) + 1) * 4;
    if (length > data.size())
        return fail(error, K::BadLength, "length field");
    qsizetype end = length;
    if (padding) {
        const int pad = p[end - 1];
        if (pad == 0 || pad > end - 4)
            return fail(error, K::BadLength, "padding");
        end -= pad;
    }
    if (consumed)
        *consumed = length;

    RtcpPacket r;
    qsizetype pos = 4;
    switch (pt) {
    case 200:
    case 201: {
        r.type = pt == 200 ? Type::SenderReport : Type::ReceiverReport;
        const qsizetype need = 4 + (pt == 200 ? 20 : 0) + qsizetype(count) * kReportBlockSize;
        if (pos + need > end)
            return fail(error, K::BadLength, "report blocks");
        r.ssrc = be32(p + pos);
        pos += 4;
        if (pt == 200) {
            r.ntpTimestamp = (uint64_t(be32(p + pos)) << 32) | be32(p + pos + 4);
            r.rtpTimestamp = be32(p + pos + 8);
            r.packetCount = be32(p + pos + 12);
            r.octetCount = be32(p + pos + 16);
            pos += 20;
        }
        for (int i = 0; i < count; ++i, pos += kReportBlockSize)
            r.reports.append(readBlock(p + pos));
        break; // profile-specific extensions after the blocks are ignored
    }
    case 202: {
        r.type = Type::SourceDescription;
        for (int i = 0; i < count; ++i) {
            if (pos + 4 > end)
                return fail(error, K::BadLength, "SDES chunk");
            SdesChunk chunk{be32(p + pos), {}};
            pos += 4;
            // Items until a zero type octet, then padding to the next 32-bit boundary.
            for (;;) {
                if (pos >= end)
                    return fail(error, K::BadLength, "SDES items");
                const uint8_t itemType = p[pos];
                if (itemType == 0)
                    break;
                if (pos + 2 > end || pos + 2 + p[pos + 1] > end)
                    return fail(error, K::BadLength, "SDES item");
                if (itemType == 1)
                    chunk.cname = QByteArray(data.data() + pos + 2, p[pos + 1]);
                pos += 2 + p[pos + 1];
            }
            pos = (pos + 4) & ~qsizetype(3);
            if (pos > end)
                return fail(error, K::BadLength, "SDES chunk padding");
            r.chunks.append(chunk);
        }
        break;
    }
    case 203: {
        r.type = Type::Bye;
        if (pos + 4 * count > end)
            return fail(error, K::BadLength, "BYE sources");
        for (int i = 0; i < count; ++i, pos += 4)
            r.byeSources.append(be32(p + pos));
        if (pos < end) {
            const int len = p[pos];
            if (pos + 1 + len > end)
                return fail(error, K::BadLength, "BYE reason");
            r.byeReason = QByteArray(data.data() + pos + 1, len);
        }
        break;
    }
    default:
        if (pt < 192 || pt > 223) // outside the RTCP range: probably RTP or garbage (RFC 5761 §4)
            return fail(error, K::BadPayloadType);
        r.type = Type::Other;
        r.otherType = pt;
        r.otherCount = uint8_t(count);
        r.otherBody = QByteArray(data.data() + 4, end - 4);
        break;
    }
    return r;
}

std::optional<QList<RtcpPacket>> RtcpPacket::parseCompound(QByteArrayView data, MediaError *error) {
    QList<RtcpPacket> out;
    if (data.isEmpty())
        return fail(error, MediaError::Kind::TooShort, "empty");
    while (!data.isEmpty()) {
        qsizetype used = 0;
        auto p = parse(data, error, &used);
        if (!p)
            return std::nullopt;
        out.append(*p);
        data = data.sliced(used);
    }
    return out;
}

QByteArray RtcpPacket::toBytes() const {
    QByteArray out;
    int count = 0;
    uint8_t pt = uint8_t(type);
    QByteArray body;
    switch (type) {
    case Type::SenderReport:
    case Type::ReceiverReport:
        count = int(qMin<qsizetype>(reports.size(), 31));
        put32(body, ssrc);
        if (type == Type::SenderReport) {
            put32(body, uint32_t(ntpTimestamp >> 32));
            put32(body, uint32_t(ntpTimestamp));
            put32(body, rtpTimestamp);
            put32(body, packetCount);
            put32(body, octetCount);
        }
        for (int i = 0; i < count; ++i)
            writeBlock(body, reports[i]);
        break;
    case Type::SourceDescription:
        count = int(qMin<qsizetype>(chunks.size(), 31));
        for (int i = 0; i < count; ++i) {
            put32(body, chunks[i].ssrc);
            const QByteArray cname = chunks[i].cname.left(255);
            body.append(char(1));
            body.append(char(cname.size()));
            body.append(cname);
            // The terminating null item, then pad to a word; at least one null octet (§6.5).
            body.append(char(0));
            while (body.size() % 4)
                body.append(char(0));
        }
        break;
    case Type::Bye:
        count = int(qMin<qsizetype>(byeSources.size(), 31));
        for (int i = 0; i < count; ++i)
            put32(body, byeSources[i]);
        if (!byeReason.isEmpty()) {
            const QByteArray reason = byeReason.left(255);
            body.append(char(reason.size()));
            body.append(reason);
            while (body.size() % 4)
                body.append(char(0));
        }
        break;
    case Type::Other:
        pt = otherType;
        count = otherCount & 0x1f;
        body = otherBody;
        while (body.size() % 4)
            body.append(char(0));
        break;
    }
    out.append(char((2 << 6) | count));
    out.append(char(pt));
    put16(out, uint16_t((4 + body.size()) / 4 - 1));
    out.append(body);
    return out;
}

QByteArray RtcpPacket::compoundToBytes(const QList<RtcpPacket> &packets) {
    QByteArray out;
    for (const auto &p : packets)
        out.append(p.toBytes());
    return out;
}

} // namespace parlo::media

#pragma once

#include "media/MediaError.h"
#include "media/RtcpReportBlock.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QList>
#include <cstdint>
#include <optional>

namespace parlo::media {

// One RTCP packet (RFC 3550 §6.4–6.6): SR, RR, SDES (CNAME per chunk) or BYE. Other types (APP,
// feedback) parse as Type::Other with their body kept so a compound packet still walks.
// Compound packets are lists of these: parseCompound() / compoundToBytes().
class RtcpPacket {
public:
    enum class Type : uint8_t {
        SenderReport = 200,
        ReceiverReport = 201,
        SourceDescription = 202,
        Bye = 203,
        Other = 0
    };

    struct SdesChunk {
        uint32_t ssrc = 0;
        QByteArray cname; // item type 1; other items are skipped on parse
        bool operator==(const SdesChunk &) const = default;
    };

    Type type = Type::ReceiverReport;
    uint8_t otherType = 0;  // the packet type byte when type == Other
    uint8_t otherCount = 0; // its 5-bit count/subtype field
    uint32_t ssrc = 0;      // sender of SR/RR
    // SR sender info (§6.4.1)
    uint64_t ntpTimestamp = 0;
    uint32_t rtpTimestamp = 0;
    uint32_t packetCount = 0;
    uint32_t octetCount = 0;
    QList<RtcpReportBlock> reports; // SR/RR, at most 31
    QList<SdesChunk> chunks;        // SDES
    QList<uint32_t> byeSources;     // BYE
    QByteArray byeReason;           // BYE, at most 255 bytes
    QByteArray otherBody;           // Other: the bytes after the 4-byte header

    static RtcpPacket senderReport(uint32_t ssrc, uint64_t ntp, uint32_t rtpTs, uint32_t packets,
                                   uint32_t octets, const QList<RtcpReportBlock> &reports = {});
    static RtcpPacket receiverReport(uint32_t ssrc, const QList<RtcpReportBlock> &reports = {});
    static RtcpPacket sdesCname(uint32_t ssrc, const QByteArray &cname);
    static RtcpPacket bye(const QList<uint32_t> &sources, const QByteArray &reason = {});

    // Parses one packet at the start of data; *consumed (when given) receives its length.
    static std::optional<RtcpPacket> parse(QByteArrayView data, MediaError *error = nullptr,
                                           qsizetype *consumed = nullptr);
    // A compound packet: every packet must parse and the lengths must add up exactly.
    static std::optional<QList<RtcpPacket>> parseCompound(QByteArrayView data, MediaError *error = nullptr);
    QByteArray toBytes() const;
    static QByteArray compoundToBytes(const QList<RtcpPacket> &packets);

    bool operator==(const RtcpPacket &) const = default;
};

} // namespace parlo::media

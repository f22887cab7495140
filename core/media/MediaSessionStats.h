#pragma once

#include <QMetaType>
#include <QString>

namespace parlo::media {

// What one MediaSession measured (mirrors the call layer's CallMediaStats; media cannot include call/).
struct MediaSessionStats {
    QString codec; // "opus/48000"
    bool secure = false;
    quint64 packetsSent = 0, bytesSent = 0;
    quint64 packetsReceived = 0, bytesReceived = 0;
    qint64 packetsLost = 0;
    double lossPercent = 0;
    double jitterMs = 0;
    double rttMs = -1;
    double remoteLossPercent = 0;
    quint64 srtpFailures = 0;
    quint64 rtcpSent = 0, rtcpReceived = 0;
    bool operator==(const MediaSessionStats &) const = default;
};

} // namespace parlo::media

Q_DECLARE_METATYPE(parlo::media::MediaSessionStats)

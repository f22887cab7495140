#pragma once

#include <QByteArray>
#include <optional>

namespace parlo::sdp {

// a=rtpmap:<payload type> <encoding name>/<clock rate>[/<channels>] (RFC 4566 §6).
struct RtpMap {
    int payloadType = -1;
    QByteArray encodingName; // as written; compare with sameCodec()
    int clockRate = 0;
    int channels = 1;

    static std::optional<RtpMap> parse(QByteArrayView value);
    // The RFC 3551 static assignment for pt 0–95 when the SDP has no rtpmap for it.
    static std::optional<RtpMap> staticPayload(int payloadType);
    QByteArray toString() const; // the value after "a=rtpmap:"
    // Same codec by name (case-insensitive), clock rate and channel count (RFC 3264 §6.1).
    bool sameCodec(const RtpMap &o) const;
    bool isTelephoneEvent() const;
    bool operator==(const RtpMap &) const = default;
};

} // namespace parlo::sdp

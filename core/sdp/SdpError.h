#pragma once

#include <QByteArray>

namespace parlo::sdp {

// Why an SDP body was refused. The caller answers 400 (or 488 inside an offer/answer exchange);
// `line` names the offending line for logs and the Warning text.
struct SdpError {
    enum class Code {
        None,
        Empty,             // no lines at all
        TooLarge,          // body over SdpLimits::maxBodySize
        TooManyMedia,      // more m= lines than SdpLimits::maxMedia
        TooManyAttributes, // more a= lines than SdpLimits::maxAttributes
        BadLine,           // not "<letter>=<value>"
        MissingVersion,    // first line is not v=
        BadVersion,        // v= other than 0
        MissingOrigin,     // no o= line before the first m=
        BadOrigin,
        BadConnection,
        BadBandwidth,
        BadTiming,
        BadMedia,
        BadAttribute,  // a known attribute (rtpmap, fmtp, ptime, rtcp…) with an unparseable value
        MisplacedLine, // session-only line (v o s t r z u e p) after the first m=
    };
    Code code = Code::None;
    int lineNumber = 0; // 1-based, 0 when not about one line
    QByteArray line;    // the offending line (crypto keys redacted), empty when not about one line

    bool ok() const { return code == Code::None; }
    // "line 4: BadMedia: m=audio x RTP/AVP 0" for logs.
    QByteArray toString() const;
};

struct SdpLimits {
    int maxBodySize = 64 * 1024;
    int maxMedia = 16;
    int maxAttributes = 256; // session and media level together
};

} // namespace parlo::sdp

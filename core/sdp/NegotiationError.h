#pragma once

#include <QByteArray>

namespace parlo::sdp {

// Why an offer or answer was not acceptable. The caller maps it to 488 Not Acceptable Here with
// Warning: warningCode() (RFC 3261 §20.43), or, for an answer to our offer, to ending the call.
struct NegotiationError {
    enum class Code {
        Malformed,          // unparseable SDP, or an m= line without an address
        NoAudio,            // no audio stream offered
        NoCommonCodec,      // audio offered, but no codec in common
        SrtpRequired,       // our policy is mandatory and the peer offered no usable a=crypto
        SrtpNotSupported,   // RTP/SAVP offered while our SRTP policy is off, or no supported suite
        UnknownPayloadType, // answer uses a payload type we did not offer
        MediaCountMismatch, // answer has a different number of m= lines than our offer
        UnknownCryptoTag,   // answer's a=crypto tag/suite was not in our offer
        NoOfferPending,     // an answer arrived but we sent no offer
    };
    Code code = Code::Malformed;
    int mediaIndex = -1; // the m= line concerned, -1 for the whole SDP

    // 304 media type not available, 305 incompatible media format, 399 miscellaneous.
    int warningCode() const {
        switch (code) {
        case Code::NoAudio:
            return 304;
        case Code::NoCommonCodec:
        case Code::UnknownPayloadType:
            return 305;
        default:
            return 399;
        }
    }
    bool operator==(const NegotiationError &) const = default;
};

} // namespace parlo::sdp

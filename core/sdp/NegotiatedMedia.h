#pragma once

#include "sdp/CryptoAttribute.h"
#include "sdp/Direction.h"
#include "sdp/MediaCapabilities.h"

#include <QHostAddress>
#include <optional>

namespace parlo::sdp {

// The outcome of an offer/answer exchange for the one audio stream we run.
struct NegotiatedMedia {
    int mediaIndex = -1; // index of the m= line
    QHostAddress remoteAddress;
    quint16 remotePort = 0;
    quint16 remoteRtcpPort = 0; // a=rtcp or remotePort + 1; equal to remotePort with rtcp-mux
    bool rtcpMux = false;
    Codec sendCodec;            // payload type and fmtp as the peer expects to receive them
    QList<Codec> receiveCodecs; // everything we may receive, with the payload types on the wire
    // For sending DTMF (RFC 4733): the telephone-event at sendCodec's clock rate, else (as baresip
    // offers only /8000 next to opus) the first one negotiated. -1 if none.
    int telephoneEventPayloadType = -1;
    int telephoneEventClockRate = 0;
    int ptime = 20;
    Direction direction = Direction::SendRecv; // ours: whether we send and/or receive
    // SRTP (SDES): we encrypt with localCrypto's key, decrypt with remoteCrypto's.
    std::optional<CryptoAttribute> localCrypto;
    std::optional<CryptoAttribute> remoteCrypto;

    bool isSecure() const { return localCrypto.has_value() && remoteCrypto.has_value(); }
    bool operator==(const NegotiatedMedia &) const = default;
};

// Redacted (keys never printed).
QDebug operator<<(QDebug dbg, const NegotiatedMedia &m);

} // namespace parlo::sdp

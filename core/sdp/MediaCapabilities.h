#pragma once

#include "sdp/CryptoAttribute.h"
#include "sdp/Direction.h"
#include "sdp/RtpMap.h"

#include <QHostAddress>
#include <QList>

namespace parlo::sdp {

// One codec we can send and receive, in our preference order. telephone-event entries (RFC 4733)
// live in the same list, one per clock rate.
struct Codec {
    int payloadType = -1; // ours in offers; the offerer's in answers
    QByteArray name;      // "opus", "G722", "PCMU", "PCMA", "telephone-event"
    int clockRate = 8000; // RTP clock rate as written in rtpmap (G722: 8000)
    int channels = 1;
    QByteArray fmtp; // format parameters we want to receive with, e.g. "useinbandfec=1"

    RtpMap rtpMap() const { return RtpMap{payloadType, name, clockRate, channels}; }
    bool isTelephoneEvent() const { return rtpMap().isTelephoneEvent(); }
    bool operator==(const Codec &) const = default;
};

enum class SrtpPolicy {
    Off,       // plain RTP only; RTP/SAVP offers are rejected
    Optional,  // offer RTP/AVP with a=crypto (SDES best effort); use SRTP when the peer agrees
    Mandatory, // offer RTP/SAVP; refuse streams without a usable a=crypto
};

// What we offer and accept for the audio stream of one call.
struct MediaCapabilities {
    QList<Codec> codecs;
    int ptime = 20;
    int maxptime = 0; // 0 = no a=maxptime
    SrtpPolicy srtp = SrtpPolicy::Off;
    // Our SDES keys, one per suite we accept, in preference order. Left empty, OfferAnswer generates
    // AES_CM_128_HMAC_SHA1_80 (tag 1) and _32 (tag 2) keys when srtp is not Off.
    QList<CryptoAttribute> crypto;
    QHostAddress address; // where we receive RTP (IPv4 or IPv6)
    quint16 port = 0;
    bool rtcpMux = false; // offer a=rtcp-mux and accept it (RFC 5761)
    Direction direction = Direction::SendRecv;
    QByteArray username = "-"; // o= username
    QByteArray sessionName = "-";

    // opus/48000/2, G722, PCMU, PCMA, telephone-event/48000 and /8000.
    static QList<Codec> defaultCodecs();
};

} // namespace parlo::sdp

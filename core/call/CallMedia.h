#pragma once

#include "sdp/NegotiatedMedia.h"

#include <QHostAddress>
#include <functional>
#include <memory>

namespace parlo {

// The media side of one call as the call drives it: an RTP endpoint bound before the first offer,
// (re)started with every completed offer/answer exchange, stopped when the call ends. The media
// engine implements it; call-layer tests use a recording fake.
class CallMedia {
public:
    virtual ~CallMedia() = default;
    // Where we receive RTP (the c= address and m= port of our SDP).
    virtual QHostAddress localAddress() const = 0;
    virtual quint16 localPort() const = 0;
    // Apply the negotiated media: codecs, remote address, SRTP keys, direction (hold).
    virtual void start(const sdp::NegotiatedMedia &media) = 0;
    virtual void stop() = 0;
};

// Creates the media for a new call; towards is the signalling peer's address, so the RTP socket
// can bind to the matching address family / interface. nullptr when no port can be bound.
using CallMediaFactory = std::function<std::unique_ptr<CallMedia>(const QHostAddress &towards)>;

} // namespace parlo

#pragma once

#include "media/TelephoneEvent.h"

#include <QList>
#include <cstdint>

namespace parlo::media {

// Plans the RTP packets of one RFC 4733 DTMF event (§2.5.1): an update every intervalMs with the
// duration so far, the marker bit on the first, then the final packet sent three times with the E
// bit. All packets carry the RTP timestamp of the event start; the caller stamps that and sends
// each packet at its offset.
struct DtmfSender {
    struct Packet {
        int offsetMs = 0; // send time relative to the event start
        bool marker = false;
        TelephoneEvent event;
        bool operator==(const Packet &) const = default;
    };

    struct Options {
        int clockRate = 8000;
        int intervalMs = 50;
        int endSpacingMs = 20; // between the three end packets
        uint8_t volume = 10;
    };

    // Empty when digit is not a DTMF digit. durationMs is clamped to [40, 8000] (the 16-bit duration
    // field holds 8.19 s at 8 kHz).
    static QList<Packet> schedule(char digit, int durationMs, const Options &options);
    static QList<Packet> schedule(char digit, int durationMs) {
        return schedule(digit, durationMs, Options());
    }
};

} // namespace parlo::media

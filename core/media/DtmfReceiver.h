#pragma once

#include "media/TelephoneEvent.h"

#include <QList>
#include <cstdint>

namespace parlo::media {

// Turns received RFC 4733 telephone-event packets into digits, each reported once with its
// duration: retransmitted end packets are ignored, and an event whose end packets were all lost
// is reported when the next event starts (or on flush()). Events are told apart by RTP timestamp.
class DtmfReceiver {
public:
    struct Digit {
        char digit = 0;
        int durationMs = 0;
        uint32_t timestamp = 0; // RTP timestamp of the event start
        bool operator==(const Digit &) const = default;
    };

    explicit DtmfReceiver(int clockRate = 8000)
        : m_clockRate(clockRate > 0 ? clockRate : 8000) {}

    // Digits completed by this packet (usually none or one).
    QList<Digit> onPacket(uint32_t timestamp, const TelephoneEvent &event);
    // Reports an event still in progress (the stream stopped before its end packet).
    QList<Digit> flush();

private:
    Digit digitFor(uint32_t timestamp, const TelephoneEvent &event) const;

    int m_clockRate;
    bool m_active = false; // an event started and not yet reported
    bool m_haveLast = false;
    uint32_t m_timestamp = 0; // current (or last reported) event
    TelephoneEvent m_event;
};

} // namespace parlo::media

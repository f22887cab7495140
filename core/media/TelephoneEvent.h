#pragma once

#include "media/MediaError.h"

#include <QByteArray>
#include <QByteArrayView>
#include <cstdint>
#include <optional>

namespace parlo::media {

// The RFC 4733 §2.3 telephone-event payload: event code, end bit, volume (dBm0 below 0, 0..63) and
// duration in RTP timestamp units since the event began.
struct TelephoneEvent {
    static constexpr int kSize = 4;

    uint8_t event = 0; // 0-9 digits, 10 '*', 11 '#', 12-15 A-D (§3.2)
    bool end = false;
    uint8_t volume = 10; // 6 bits
    uint16_t duration = 0;

    // Only the first four bytes count: several events in one payload (§2.5.1.5) are not used.
    static std::optional<TelephoneEvent> parse(QByteArrayView data, MediaError *error = nullptr);
    QByteArray toBytes() const;

    // DTMF digit <-> event code; -1 / '\0' for anything else.
    static int eventForDigit(char digit);
    static char digitForEvent(int event);

    bool operator==(const TelephoneEvent &) const = default;
};

} // namespace parlo::media

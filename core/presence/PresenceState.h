#pragma once

#include <QObject>

namespace parlo::presence {
Q_NAMESPACE

// What a contact list shows for a presentity (RFC 3863 basic status refined by RFC 4480 activities).
enum class PresenceState { Unknown, Available, Away, Busy, OnThePhone, Offline };
Q_ENUM_NS(PresenceState)

// What a busy-lamp field shows for a watched extension (RFC 4235 dialog states folded).
enum class BusyLamp { Unknown, Idle, Ringing, InCall };
Q_ENUM_NS(BusyLamp)

} // namespace parlo::presence

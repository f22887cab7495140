#pragma once

#include <QString>

namespace parlo::storage {

// One call in the history (value type). Times are ms since the epoch; 0 = did not happen.
struct CallRecord {
    enum class Direction { Incoming = 0, Outgoing = 1 };

    qint64 id = 0;
    Direction direction = Direction::Outgoing;
    QString remoteUri;
    QString remoteName;
    qint64 startMs = 0;
    qint64 answerMs = 0;
    qint64 endMs = 0;
    QString endReason; // technical token (e.g. "remote-bye", "cancelled", "busy")
    int status = 0;    // final SIP status when the call failed or was rejected
    bool missed = false;

    bool operator==(const CallRecord &) const = default;
};

} // namespace parlo::storage

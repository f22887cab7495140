#pragma once

#include <QString>

namespace parlo::storage {

// One instant message (RFC 3428 MESSAGE) in a conversation (value type).
struct MessageRecord {
    enum class Direction { Incoming = 0, Outgoing = 1 };
    enum class Status { Pending = 0, Delivered = 1, Failed = 2 };

    qint64 id = 0;
    qint64 contactId = 0; // 0: not in the address book
    QString remoteUri;
    Direction direction = Direction::Outgoing;
    QString text;
    qint64 timeMs = 0;
    Status status = Status::Pending;

    bool operator==(const MessageRecord &) const = default;
};

} // namespace parlo::storage

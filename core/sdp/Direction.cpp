#include "sdp/Direction.h"

namespace parlo::sdp {

QByteArray directionName(Direction d) {
    switch (d) {
    case Direction::SendRecv:
        return "sendrecv";
    case Direction::SendOnly:
        return "sendonly";
    case Direction::RecvOnly:
        return "recvonly";
    case Direction::Inactive:
        return "inactive";
    }
    return "sendrecv";
}

std::optional<Direction> directionFromName(QByteArrayView name) {
    if (name == "sendrecv")
        return Direction::SendRecv;
    if (name == "sendonly")
        return Direction::SendOnly;
    if (name == "recvonly")
        return Direction::RecvOnly;
    if (name == "inactive")
        return Direction::Inactive;
    return std::nullopt;
}

bool directionSends(Direction d) {
    return d == Direction::SendRecv || d == Direction::SendOnly;
}
bool directionReceives(Direction d) {
    return d == Direction::SendRecv || d == Direction::RecvOnly;
}

Direction answerDirection(Direction offered, Direction wanted) {
    // We may send only if the offerer receives, and receive only if the offerer sends.
    const bool send = directionReceives(offered) && directionSends(wanted);
    const bool recv = directionSends(offered) && directionReceives(wanted);
    if (send && recv)
        return Direction::SendRecv;
    if (send)
        return Direction::SendOnly;
    if (recv)
        return Direction::RecvOnly;
    return Direction::Inactive;
}

} // namespace parlo::sdp

#pragma once

#include <QByteArray>
#include <optional>

namespace parlo::sdp {

// RFC 3264 §5.1 stream direction, from the point of view of the side that wrote the SDP.
enum class Direction { SendRecv, SendOnly, RecvOnly, Inactive };

QByteArray directionName(Direction d); // "sendrecv", …
std::optional<Direction> directionFromName(QByteArrayView name);
// The direction an answer takes for an offered one when we are willing to do `wanted` (§6.1):
// offer sendonly -> recvonly, recvonly -> sendonly, inactive -> inactive.
Direction answerDirection(Direction offered, Direction wanted = Direction::SendRecv);
bool directionSends(Direction d);
bool directionReceives(Direction d);

} // namespace parlo::sdp

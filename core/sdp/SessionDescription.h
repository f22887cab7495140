#pragma once

#include "sdp/Attribute.h"
#include "sdp/Bandwidth.h"
#include "sdp/Connection.h"
#include "sdp/Direction.h"
#include "sdp/MediaDescription.h"
#include "sdp/Origin.h"
#include "sdp/SdpError.h"
#include "sdp/Timing.h"

#include <QList>
#include <variant>

namespace parlo::sdp {

// An RFC 4566 session description: a copyable value. parse() is lenient where deployed peers are
// (LF line ends, trailing blanks, unknown line types ignored, unknown attributes kept in order);
// toBytes() writes canonical CRLF SDP in the RFC 4566 §5 line order.
class SessionDescription {
public:
    int version = 0;
    Origin origin;
    QByteArray sessionName = "-"; // s= (RFC 4566 wants a non-empty value; "-" when none)
    QByteArray information;       // i=
    QByteArray uri;               // u=
    QList<QByteArray> emails;     // e=
    QList<QByteArray> phones;     // p=
    std::optional<Connection> connection;
    QList<Bandwidth> bandwidths;
    QList<Timing> timings; // t= (+ r=); written as "t=0 0" when empty
    QByteArray zone;       // z=, verbatim
    QByteArray key;        // k=, verbatim
    QList<Attribute> attributes;
    QList<MediaDescription> media;

    static std::variant<SessionDescription, SdpError> parse(QByteArrayView body,
                                                            const SdpLimits &limits = {});
    QByteArray toBytes() const;

    // Session-level direction attribute, if any.
    std::optional<Direction> sessionDirection() const;
    // The effective direction of media[index]: its own attribute, else the session's, else sendrecv.
    Direction direction(int index) const;
    // The c= that applies to media[index]: its own first c=, else the session's.
    std::optional<Connection> connectionFor(int index) const;

    bool operator==(const SessionDescription &) const = default;
};

} // namespace parlo::sdp

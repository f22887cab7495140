#pragma once

#include <QByteArray>
#include <QMetaType>

namespace parlo::sip {

// Why a session description (offer or answer) was refused by the session description handler.
// The INVITE session turns it into 488 Not Acceptable Here with a Warning header (RFC 3261
// §20.43): code 3xx as listed there (304 media type not available, 305 incompatible media
// format, 399 miscellaneous).
struct SessionError {
    enum class Kind { NotAcceptable, Malformed };
    Kind kind = Kind::NotAcceptable;
    int warningCode = 399;
    QByteArray warningText; // protocol text for the Warning header, not a user sentence
};

} // namespace parlo::sip

Q_DECLARE_METATYPE(parlo::sip::SessionError)

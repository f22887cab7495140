#pragma once

#include "sip/message/SipUri.h"

#include <QByteArray>
#include <QString>
#include <variant>

// What the user typed or pasted into the dialer, turned into the SIP URI to call. Accepts sip:/sips:
// URIs, tel: links (RFC 3966, visual separators dropped), "Name <sip:…>" as copied from mail, and
// bare numbers or user names, which are called at the account's domain. A value-level helper with
// no UI text: CallController words the errors.
class DialTarget {
public:
    enum class Error {
        Empty,
        InvalidUri,        // sip:/sips: text that does not parse or has no host
        InvalidNumber,     // tel: or a number with characters a phone number cannot have
        UnsupportedScheme, // mailto:, http:, …
        NoAccount,         // a bare number or name, but no account whose domain it could go to
    };

    // accountDomain: "example.com" or "example.com:5070" (the AOR's host and port); empty when no
    // account is configured.
    static std::variant<parlo::sip::SipUri, Error> normalize(const QString &input,
                                                             const QByteArray &accountDomain);
};

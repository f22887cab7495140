#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QList>
#include <optional>
#include <utility>

namespace parlo::sip {

// One challenge or credentials element of an RFC 7235 header value: the auth-scheme followed by
// either auth-params or a token68. The shared grammar of WWW-Authenticate, Proxy-Authenticate,
// Authorization and Proxy-Authorization.
struct AuthParams {
    QByteArray scheme;                               // as received
    QList<std::pair<QByteArray, QByteArray>> params; // names lower-cased, values unquoted/unescaped
    QByteArray token68;

    // First value of name (lower-case), nullopt when absent.
    std::optional<QByteArray> value(QByteArrayView name) const;
    // True when a parameter name occurs twice (RFC 7235 §2.1 forbids it).
    bool hasDuplicates() const;

    // Splits a header value into its challenges ("Digest a=b, Digest c="x,y"" is two). Commas
    // inside quoted strings do not split. nullopt when the value is malformed (unterminated quote,
    // a parameter before any scheme, a parameter without a value, garbage between elements).
    static std::optional<QList<AuthParams>> parseList(QByteArrayView headerValue);

    // The quoted-string form of value, escaping '"' and '\' (RFC 7230 §3.2.6).
    static QByteArray quote(QByteArrayView value);
};

} // namespace parlo::sip

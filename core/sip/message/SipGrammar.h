#pragma once

// Internal to the message layer: RFC 3261 §25 character classes and allocation-free scanners that
// the value types and the message parser share. Scanners return views into the input so the
// message parser can validate without allocating; the value types copy out of the views.

#include "sip/message/HeaderId.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QLoggingCategory>
#include <cstring>
#include <optional>

namespace parlo::sip {

class SipParams;

Q_DECLARE_LOGGING_CATEGORY(lcSipMessage)

namespace grammar {

enum CharClass : quint16 {
    Alnum = 1 << 0,
    Token = 1 << 1,        // token (§25.1)
    Unreserved = 1 << 2,   // alphanum / mark
    UserChar = 1 << 3,     // unreserved / user-unreserved (without escaped)
    PasswordChar = 1 << 4, // unreserved / "&" "=" "+" "$" ","
    ParamChar = 1 << 5,    // param-unreserved / unreserved
    HnvChar = 1 << 6,      // hnv-unreserved / unreserved
    WordChar = 1 << 7,     // word (Call-ID)
    SchemeChar = 1 << 8,   // ALPHA DIGIT + - .
    Hex = 1 << 9,
    Digit = 1 << 10,
    Alpha = 1 << 11,
    UricChar = 1 << 12,  // uric (absoluteURI, reserved / unreserved), without escaped
    LabelChar = 1 << 13, // hostname label: alphanum / "-" / "_"
};

extern const quint16 kCharTable[256];

inline bool is(char c, quint16 cls) {
    return (kCharTable[static_cast<unsigned char>(c)] & cls) != 0;
}
inline bool isWs(char c) {
    return c == ' ' || c == '\t';
}
constexpr char lower(char c) {
    return (c >= 'A' && c <= 'Z') ? char(c + 32) : c;
}
// ASCII case-insensitive; the parser compares against literal names, so this is inline.
inline bool equalsIgnoreCase(QByteArrayView a, QByteArrayView b) {
    if (a.size() != b.size())
        return false;
    for (qsizetype i = 0; i < a.size(); ++i)
        if (a[i] != b[i] && lower(a[i]) != lower(b[i]))
            return false;
    return true;
}
inline bool startsWithIgnoreCase(QByteArrayView a, QByteArrayView prefix) {
    return a.size() >= prefix.size() && equalsIgnoreCase(a.first(prefix.size()), prefix);
}
// memchr-based: QByteArrayView::indexOf(char) goes through a generic search.
inline qsizetype find(QByteArrayView v, char c, qsizetype from = 0) {
    if (from >= v.size())
        return -1;
    const void *p = std::memchr(v.data() + from, c, size_t(v.size() - from));
    return p ? static_cast<const char *>(p) - v.data() : -1;
}

// Trims SP/HT/CR/LF at both ends.
inline QByteArrayView trimmed(QByteArrayView v) {
    const char *b = v.data();
    const char *e = b + v.size();
    auto ws = [](char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; };
    while (b < e && ws(*b))
        ++b;
    while (e > b && ws(e[-1]))
        --e;
    return QByteArrayView(b, e - b);
}
bool isToken(QByteArrayView v);
// 1*(cls / escaped); escapes must be well formed ("%" 2HEXDIG).
bool isEscapedRun(QByteArrayView v, quint16 cls, bool allowEmpty = false);
QByteArray unescape(QByteArrayView v);
// %-escapes every byte not in cls.
QByteArray escape(QByteArrayView v, quint16 cls);
// Decimal without sign; nullopt on overflow past max or on non-digits / empty.
std::optional<quint64> parseNumber(QByteArrayView v, quint64 max);

bool isIPv4(QByteArrayView v);
bool isIPv6(QByteArrayView v); // without brackets
bool isHostname(QByteArrayView v);
// The end of the host (hostname / IPv4address / IPv6reference) starting at s[from], or -1.
qsizetype scanHost(QByteArrayView s, qsizetype from);
// hostname / IPv4address / IPv6reference (bracketed).
bool isHost(QByteArrayView v);

// Finds the end of a quoted-string starting at text[pos] == '"'; returns the index one past the
// closing quote, or -1 if unterminated or a bad quoted-pair.
qsizetype skipQuoted(QByteArrayView text, qsizetype pos);

// Splits at commas that are outside quotes and <>. Calls fn(view) for each trimmed element;
// returns false if fn returns false or quoting is unbalanced.
template <typename Fn> bool splitList(QByteArrayView text, Fn fn) {
    if (find(text, ',') < 0) // the common case: one element, no scan for quotes and brackets
        return fn(trimmed(text));
    qsizetype start = 0;
    bool inAngle = false;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (c == '"') {
            const qsizetype end = skipQuoted(text, i);
            if (end < 0)
                return false;
            i = end - 1;
        } else if (c == '<') {
            inAngle = true;
        } else if (c == '>') {
            inAngle = false;
        } else if (c == ',' && !inAngle) {
            if (!fn(trimmed(text.sliced(start, i - start))))
                return false;
            start = i + 1;
        }
    }
    if (inAngle)
        return false;
    return fn(trimmed(text.sliced(start)));
}

// ---- URI scanning

struct UriView {
    enum class Scheme { Sip, Sips, Tel, Other };
    Scheme scheme = Scheme::Sip;
    QByteArrayView user, password, host; // escaped as in the text; host with brackets for IPv6
    QByteArrayView port;                 // digits
    quint16 portValue = 0;
    QByteArrayView params;  // after the first ';' of the uri-parameters, without the leading ';'
    QByteArrayView headers; // after '?'
};

// Full validation of SIP/SIPS/tel URIs. For another scheme, returns nullopt and sets *otherScheme
// when the text is a well-formed absoluteURI.
std::optional<UriView> scanUri(QByteArrayView text, bool *otherScheme = nullptr);

// Calls fn(name, value, hasValue) for ";"-separated parameters (input without leading ';').
// Whitespace around ';' and '=' is allowed when lws is true (header params), not in URIs.
template <typename Fn> bool forEachParam(QByteArrayView text, bool lws, Fn fn) {
    qsizetype i = 0;
    const qsizetype n = text.size();
    while (i <= n) {
        qsizetype start = i;
        qsizetype end = i;
        while (end < n) { // a quoted value may hold ';'
            const char c = text[end];
            if (c == '"' && lws) {
                const qsizetype q = skipQuoted(text, end);
                if (q < 0)
                    return false;
                end = q;
                continue;
            }
            if (c == ';')
                break;
            ++end;
        }
        QByteArrayView item = text.sliced(start, end - start);
        if (lws)
            item = trimmed(item);
        const qsizetype eq = find(item, '=');
        QByteArrayView name = eq < 0 ? item : item.first(eq);
        QByteArrayView value;
        if (eq >= 0)
            value = item.sliced(eq + 1);
        if (lws) {
            name = trimmed(name);
            value = trimmed(value);
        }
        if (!fn(name, value, eq >= 0))
            return false;
        if (end >= n)
            break;
        i = end + 1;
    }
    return true;
}

// Value of a header parameter in ";a=b;c" text (no allocation); nullopt when absent.
std::optional<QByteArrayView> findParam(QByteArrayView params, QByteArrayView name, bool lws = true);

// Appends ";"-separated parameters (text without the leading ';') to params.
void appendParams(SipParams &params, QByteArrayView text, bool lws);

// ---- name-addr scanning

struct NameAddrView {
    bool wildcard = false;
    QByteArrayView displayName; // raw: with quotes if quoted
    bool quoted = false;
    QByteArrayView uri;
    QByteArrayView params; // header params without leading ';'
    QByteArrayView tag;    // value of the tag parameter, if any
};
std::optional<NameAddrView> scanNameAddr(QByteArrayView text);

// ---- Via scanning

struct ViaView {
    QByteArrayView protocolName, protocolVersion, transport, host; // host with brackets for IPv6
    quint16 port = 0;
    QByteArrayView params; // without leading ';'
    QByteArrayView branch; // value of the branch parameter, if any
};
std::optional<ViaView> scanVia(QByteArrayView text);

// headerIdFromName() for a name inside a buffer that may be read up to bufferEnd (no copy).
HeaderId headerIdFromNameInBuffer(QByteArrayView name, const char *bufferEnd);

// CSeq: number and method.
bool scanCSeq(QByteArrayView text, quint32 *number, QByteArrayView *method);

} // namespace grammar
} // namespace parlo::sip

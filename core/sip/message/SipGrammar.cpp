#include "sip/message/SipGrammar.h"

#include <array>
#include <cstring>

namespace parlo::sip {

Q_LOGGING_CATEGORY(lcSipMessage, "parlo.sip.message", QtInfoMsg)

namespace grammar {

namespace {

constexpr bool in(char c, const char *set) {
    for (; *set; ++set)
        if (*set == c)
            return true;
    return false;
}

constexpr std::array<quint16, 256> makeTable() {
    std::array<quint16, 256> t{};
    for (int i = 0; i < 256; ++i) {
        const char c = char(i);
        quint16 v = 0;
        const bool digit = c >= '0' && c <= '9';
        const bool alpha = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
        const bool alnum = digit || alpha;
        const bool mark = in(c, "-_.!~*'()");
        const bool unreserved = alnum || mark;
        if (digit)
            v |= Digit;
        if (alpha)
            v |= Alpha;
        if (alnum)
            v |= Alnum;
        if (digit || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'))
            v |= Hex;
        if (alnum || in(c, "-.!%*_+`'~"))
            v |= Token;
        if (unreserved)
            v |= Unreserved;
        if (unreserved || in(c, "&=+$,;?/"))
            v |= UserChar;
        if (unreserved || in(c, "&=+$,"))
            v |= PasswordChar;
        if (unreserved || in(c, "[]/:&+$"))
            v |= ParamChar;
        if (unreserved || in(c, "[]/?:+$"))
            v |= HnvChar;
        if (alnum || in(c, "-.!%*_+`'~()<>:\\\"/[]?{}"))
            v |= WordChar;
        if (alnum || in(c, "+-."))
            v |= SchemeChar;
        if (alnum || c == '-' || c == '_')
            v |= LabelChar;
        if (unreserved || in(c, ";/?:@&=+$,"))
            v |= UricChar;
        t[i] = v;
    }
    return t;
}

constexpr std::array<quint16, 256> kTable = makeTable();

int hexValue(char c) {
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

} // namespace

const quint16 kCharTable[256] = {
#define R(i)                                                                                                 \
    kTable[i], kTable[i + 1], kTable[i + 2], kTable[i + 3], kTable[i + 4], kTable[i + 5], kTable[i + 6],     \
        kTable[i + 7]
#define R64(i) R(i), R(i + 8), R(i + 16), R(i + 24), R(i + 32), R(i + 40), R(i + 48), R(i + 56)
    R64(0), R64(64), R64(128), R64(192)
#undef R64
#undef R
};

bool isToken(QByteArrayView v) {
    if (v.isEmpty())
        return false;
    for (char c : v)
        if (!is(c, Token))
            return false;
    return true;
}

bool isEscapedRun(QByteArrayView v, quint16 cls, bool allowEmpty) {
    if (v.isEmpty())
        return allowEmpty;
    for (qsizetype i = 0; i < v.size(); ++i) {
        const char c = v[i];
        if (c == '%') {
            if (i + 2 >= v.size())
                return false;
            if (!is(v[i + 1], Hex) || !is(v[i + 2], Hex))
                return false;
            i += 2;
        } else if (!is(c, cls)) {
            return false;
        }
    }
    return true;
}

QByteArray unescape(QByteArrayView v) {
    if (!(find(v, '%') >= 0))
        return v.toByteArray();
    QByteArray out;
    out.reserve(v.size());
    for (qsizetype i = 0; i < v.size(); ++i) {
        if (v[i] == '%' && i + 2 < v.size() && hexValue(v[i + 1]) >= 0 && hexValue(v[i + 2]) >= 0) {
            out.append(char(hexValue(v[i + 1]) * 16 + hexValue(v[i + 2])));
            i += 2;
        } else {
            out.append(v[i]);
        }
    }
    return out;
}

QByteArray escape(QByteArrayView v, quint16 cls) {
    static const char hex[] = "0123456789ABCDEF";
    QByteArray out;
    out.reserve(v.size());
    for (char c : v) {
        if (is(c, cls)) {
            out.append(c);
        } else {
            const auto u = static_cast<unsigned char>(c);
            out.append('%');
            out.append(hex[u >> 4]);
            out.append(hex[u & 15]);
        }
    }
    return out;
}

std::optional<quint64> parseNumber(QByteArrayView v, quint64 max) {
    if (v.isEmpty())
        return std::nullopt;
    quint64 n = 0;
    for (char c : v) {
        if (c < '0' || c > '9')
            return std::nullopt;
        n = n * 10 + quint64(c - '0');
        if (n > max)
            return std::nullopt; // checked per digit, so no wrap-around
    }
    return n;
}

bool isIPv4(QByteArrayView v) {
    int parts = 0;
    qsizetype i = 0;
    const qsizetype n = v.size();
    while (true) {
        qsizetype j = i;
        int value = 0;
        while (j < n && j - i < 4 && v[j] >= '0' && v[j] <= '9') {
            value = value * 10 + (v[j] - '0');
            ++j;
        }
        if (j == i || j - i > 3 || value > 255)
            return false;
        ++parts;
        if (j == n)
            return parts == 4;
        if (v[j] != '.' || parts == 4)
            return false;
        i = j + 1;
    }
}

namespace {

bool isIPv6Strict(QByteArrayView v);

} // namespace

bool isIPv6(QByteArrayView v) {
    if (isIPv6Strict(v))
        return true;
    // RFC 5118 §4.10: RFC 3261's ABNF admits "2001:db8:::192.0.2.1" (a third colon before an
    // embedded IPv4 address); tolerate it by reading ":::" as "::".
    const qsizetype tri = v.indexOf(":::");
    if (tri < 0 || v.size() > 46 || !isIPv4(v.sliced(tri + 3)))
        return false;
    char buf[48];
    std::memcpy(buf, v.data(), size_t(tri + 2));
    std::memcpy(buf + tri + 2, v.data() + tri + 3, size_t(v.size() - tri - 3));
    return isIPv6Strict(QByteArrayView(buf, v.size() - 1));
}

namespace {

bool isIPv6Strict(QByteArrayView v) {
    const qsizetype n = v.size();
    if (n < 2 || n > 45)
        return false;
    int groups = 0;
    bool compressed = false;
    qsizetype i = 0;
    if (v[0] == ':') {
        if (v[1] != ':')
            return false;
        compressed = true;
        i = 2;
        if (i == n)
            return true;
    }
    while (i < n) {
        qsizetype j = i;
        while (j < n && j - i <= 4 && is(v[j], Hex))
            ++j;
        if (j < n && v[j] == '.') {
            if (!isIPv4(v.sliced(i)))
                return false;
            groups += 2;
            i = n;
            break;
        }
        const qsizetype len = j - i;
        if (len == 0 || len > 4)
            return false;
        ++groups;
        i = j;
        if (i == n)
            break;
        if (v[i] != ':')
            return false;
        ++i;
        if (i < n && v[i] == ':') {
            if (compressed)
                return false;
            compressed = true;
            ++i;
            if (i == n)
                break;
        } else if (i == n) {
            return false;
        }
    }
    return compressed ? groups <= 7 : groups == 8;
}

} // namespace

qsizetype scanHost(QByteArrayView s, qsizetype i) {
    const qsizetype n = s.size();
    if (i < n && s[i] == '[') {
        const qsizetype close = find(s, ']', i);
        if (close < 0 || !isIPv6(s.sliced(i + 1, close - i - 1)))
            return -1;
        return close + 1;
    }
    // One pass over hostname / IPv4address: labels of alphanum / "-" (and "_", seen in the wild),
    // not starting or ending with "-", the top label starting with a letter; a trailing dot. A
    // top label starting with a digit means the whole thing must be an IPv4address.
    const qsizetype start = i;
    qsizetype labelStart = i, topStart = i;
    for (; i < n; ++i) {
        const char c = s[i];
        if (is(c, Alnum))
            continue;
        if (c == '.') {
            if (i == labelStart || s[i - 1] == '-' || i - labelStart > 63)
                return -1;
            topStart = labelStart;
            labelStart = i + 1;
        } else if (c == '-') {
            if (i == labelStart)
                return -1;
        } else if (c != '_') {
            break;
        }
    }
    if (i == start)
        return -1;
    if (labelStart < i) { // no trailing dot: the last label is the top label
        if (s[i - 1] == '-' || i - labelStart > 63)
            return -1;
        topStart = labelStart;
    } else if (i - start < 2) {
        return -1; // just "."
    }
    if (is(s[topStart], Alpha))
        return i;
    return isIPv4(s.sliced(start, i - start)) ? i : -1;
}

bool isHostname(QByteArrayView v) {
    return !v.isEmpty() && v.front() != '[' && scanHost(v, 0) == v.size() && !isIPv4(v);
}

bool isHost(QByteArrayView v) {
    return !v.isEmpty() && scanHost(v, 0) == v.size();
}

qsizetype skipQuoted(QByteArrayView text, qsizetype pos) {
    for (qsizetype i = pos + 1; i < text.size(); ++i) {
        const char c = text[i];
        if (c == '\\') {
            if (i + 1 >= text.size())
                return -1;
            const char q = text[i + 1];
            if (q == '\r' || q == '\n' || static_cast<unsigned char>(q) > 0x7f)
                return -1;
            ++i;
        } else if (c == '"') {
            return i + 1;
        }
    }
    return -1;
}

std::optional<QByteArrayView> findParam(QByteArrayView params, QByteArrayView name, bool lws) {
    std::optional<QByteArrayView> found;
    if (params.isEmpty())
        return found;
    forEachParam(params, lws, [&](QByteArrayView n, QByteArrayView v, bool) {
        if (equalsIgnoreCase(n, name)) {
            found = v;
            return false;
        }
        return true;
    });
    return found;
}

namespace {

bool validUriParams(QByteArrayView params) {
    return forEachParam(params, false, [](QByteArrayView n, QByteArrayView v, bool hasValue) {
        return isEscapedRun(n, ParamChar) && (!hasValue || isEscapedRun(v, ParamChar, true));
    });
}

bool validUriHeaders(QByteArrayView headers) {
    qsizetype start = 0;
    while (true) {
        qsizetype end = find(headers, '&', start);
        const bool last = end < 0;
        if (last)
            end = headers.size();
        const QByteArrayView h = headers.sliced(start, end - start);
        const qsizetype eq = find(h, '=');
        if (eq <= 0 || !isEscapedRun(h.first(eq), HnvChar) || !isEscapedRun(h.sliced(eq + 1), HnvChar, true))
            return false;
        if (last)
            return true;
        start = end + 1;
    }
}

bool scanSipUri(QByteArrayView rest, UriView &u) {
    const qsizetype at = find(rest, '@');
    if (at >= 0) {
        const QByteArrayView userinfo = rest.first(at);
        const qsizetype colon = find(userinfo, ':');
        u.user = colon < 0 ? userinfo : userinfo.first(colon);
        if (colon >= 0) {
            u.password = userinfo.sliced(colon + 1);
            if (!isEscapedRun(u.password, PasswordChar, true))
                return false;
        }
        if (!isEscapedRun(u.user, UserChar))
            return false;
        rest = rest.sliced(at + 1);
    }
    qsizetype i = scanHost(rest, 0);
    if (i < 0)
        return false;
    u.host = rest.first(i);
    if (i < rest.size() && rest[i] == ':') {
        qsizetype j = i + 1;
        while (j < rest.size() && rest[j] != ';' && rest[j] != '?')
            ++j;
        u.port = rest.sliced(i + 1, j - i - 1);
        const auto port = parseNumber(u.port, 65535);
        if (!port)
            return false;
        u.portValue = quint16(*port);
        i = j;
    }
    if (i < rest.size() && rest[i] == ';') {
        qsizetype j = find(rest, '?', i);
        if (j < 0)
            j = rest.size();
        u.params = rest.sliced(i + 1, j - i - 1);
        if (!validUriParams(u.params))
            return false;
        i = j;
    }
    if (i < rest.size()) {
        if (rest[i] != '?')
            return false;
        u.headers = rest.sliced(i + 1);
        if (!validUriHeaders(u.headers))
            return false;
    }
    return true;
}

bool scanTelUri(QByteArrayView rest, UriView &u) {
    qsizetype semi = find(rest, ';');
    u.user = semi < 0 ? rest : rest.first(semi);
    if (u.user.isEmpty())
        return false;
    for (qsizetype i = 0; i < u.user.size(); ++i) {
        const char c = u.user[i];
        if (!(is(c, Hex) || in(c, "*#-.()pPwW") || (c == '+' && i == 0)))
            return false;
    }
    if (semi >= 0) {
        u.params = rest.sliced(semi + 1);
        if (!validUriParams(u.params))
            return false;
    }
    return true;
}

} // namespace

std::optional<UriView> scanUri(QByteArrayView text, bool *otherScheme) {
    if (otherScheme)
        *otherScheme = false;
    const qsizetype colon = find(text, ':');
    if (colon <= 0)
        return std::nullopt;
    const QByteArrayView scheme = text.first(colon);
    if (!is(scheme.front(), Alpha))
        return std::nullopt;
    for (char c : scheme)
        if (!is(c, SchemeChar))
            return std::nullopt;
    const QByteArrayView rest = text.sliced(colon + 1);
    std::optional<UriView> u(std::in_place);
    bool ok = false;
    if (equalsIgnoreCase(scheme, "sip")) {
        u->scheme = UriView::Scheme::Sip;
        ok = scanSipUri(rest, *u);
    } else if (equalsIgnoreCase(scheme, "sips")) {
        u->scheme = UriView::Scheme::Sips;
        ok = scanSipUri(rest, *u);
    } else if (equalsIgnoreCase(scheme, "tel")) {
        u->scheme = UriView::Scheme::Tel;
        ok = scanTelUri(rest, *u);
    } else {
        u.reset();
    }
    if (u) {
        if (!ok)
            u.reset();
        return u;
    }
    // absoluteURI = scheme ":" ( hier-part / opaque-part ): nonempty uric run.
    if (otherScheme && isEscapedRun(rest, UricChar))
        *otherScheme = true;
    return std::nullopt;
}

std::optional<NameAddrView> scanNameAddr(QByteArrayView text) {
    NameAddrView r;
    QByteArrayView t = trimmed(text);
    if (t.isEmpty())
        return std::nullopt;
    if (t == "*") {
        r.wildcard = true;
        return r;
    }
    QByteArrayView after;
    if (t.front() == '"') {
        const qsizetype end = skipQuoted(t, 0);
        if (end < 0)
            return std::nullopt;
        r.displayName = t.first(end);
        r.quoted = true;
        t = trimmed(t.sliced(end));
        if (t.isEmpty() || t.front() != '<')
            return std::nullopt;
    } else {
        qsizetype i = 0;
        while (i < t.size() && (is(t[i], Token) || isWs(t[i])))
            ++i;
        if (i < t.size() && t[i] == '<') {
            r.displayName = trimmed(t.first(i));
            t = t.sliced(i);
        }
    }
    if (t.front() == '<') {
        const qsizetype close = find(t, '>');
        if (close < 0)
            return std::nullopt;
        r.uri = t.sliced(1, close - 1);
        after = trimmed(t.sliced(close + 1));
    } else {
        // addr-spec: the URI ends at the first ';' or whitespace, and may not hold ',' or '?'
        // (RFC 3261 §20: such URIs must be enclosed in <>).
        qsizetype i = 0;
        while (i < t.size() && t[i] != ';' && !isWs(t[i]))
            ++i;
        r.uri = t.first(i);
        if ((find(r.uri, '?') >= 0) || (find(r.uri, ',') >= 0))
            return std::nullopt;
        after = trimmed(t.sliced(i));
    }
    if (!after.isEmpty()) {
        if (after.front() != ';')
            return std::nullopt;
        r.params = after.sliced(1);
        const bool ok = forEachParam(r.params, true, [&r](QByteArrayView n, QByteArrayView v, bool hasValue) {
            if (!isToken(n))
                return false;
            if (!hasValue)
                return true;
            if (n.size() == 3 && r.tag.isNull() && equalsIgnoreCase(n, "tag"))
                r.tag = v;
            if (v.isEmpty())
                return false;
            if (v.front() == '"')
                return skipQuoted(v, 0) == v.size();
            if (v.front() == '[')
                return isHost(v);
            return isToken(v);
        });
        if (!ok)
            return std::nullopt;
    }
    return r;
}

std::optional<ViaView> scanVia(QByteArrayView text) {
    ViaView r;
    QByteArrayView t = trimmed(text);
    // sent-protocol: name SLASH version SLASH transport, SLASH = SWS "/" SWS
    QByteArrayView *parts[3] = {&r.protocolName, &r.protocolVersion, &r.transport};
    qsizetype i = 0;
    for (int k = 0; k < 3; ++k) {
        while (i < t.size() && isWs(t[i]))
            ++i;
        const qsizetype s = i;
        while (i < t.size() && is(t[i], Token))
            ++i;
        *parts[k] = t.sliced(s, i - s);
        if (parts[k]->isEmpty())
            return std::nullopt;
        while (i < t.size() && isWs(t[i]))
            ++i;
        if (k < 2) {
            if (i >= t.size() || t[i] != '/')
                return std::nullopt;
            ++i;
        }
    }
    if (i == 0 || !isWs(t[i - 1]))
        return std::nullopt; // LWS required before sent-by
    // sent-by
    const qsizetype hs = i;
    i = scanHost(t, i);
    if (i < 0)
        return std::nullopt;
    r.host = t.sliced(hs, i - hs);
    while (i < t.size() && isWs(t[i]))
        ++i;
    if (i < t.size() && t[i] == ':') {
        ++i;
        while (i < t.size() && isWs(t[i]))
            ++i;
        const qsizetype ps = i;
        while (i < t.size() && is(t[i], Digit))
            ++i;
        const auto port = parseNumber(t.sliced(ps, i - ps), 65535);
        if (!port)
            return std::nullopt;
        r.port = quint16(*port);
        while (i < t.size() && isWs(t[i]))
            ++i;
    }
    if (i < t.size()) {
        if (t[i] != ';')
            return std::nullopt;
        r.params = t.sliced(i + 1);
        const bool ok = forEachParam(r.params, true, [&r](QByteArrayView n, QByteArrayView v, bool hasValue) {
            if (!isToken(n))
                return false;
            // Dispatch on length first: most parameters are branch / rport / received.
            if (n.size() == 5 && equalsIgnoreCase(n, "rport"))
                return !hasValue || parseNumber(v, 65535).has_value();
            if (!hasValue)
                return true;
            if (n.size() == 6 && equalsIgnoreCase(n, "branch")) {
                if (r.branch.isNull())
                    r.branch = v;
                return isToken(v);
            }
            if (n.size() == 8 && equalsIgnoreCase(n, "received"))
                return isIPv4(v) || isIPv6(v) || (v.size() > 2 && v.front() == '[' && isHost(v));
            if (n.size() == 3 && equalsIgnoreCase(n, "ttl"))
                return parseNumber(v, 255).has_value();
            if (n.size() == 5 && equalsIgnoreCase(n, "maddr"))
                return isHost(v);
            if (v.isEmpty())
                return false;
            if (v.front() == '"')
                return skipQuoted(v, 0) == v.size();
            if (v.front() == '[')
                return isHost(v);
            return isToken(v);
        });
        if (!ok)
            return std::nullopt;
    }
    return r;
}

bool scanCSeq(QByteArrayView text, quint32 *number, QByteArrayView *method) {
    const QByteArrayView t = trimmed(text);
    qsizetype i = 0;
    while (i < t.size() && is(t[i], Digit))
        ++i;
    const auto n = parseNumber(t.first(i), 0xffffffffu);
    if (!n)
        return false;
    const qsizetype digitsEnd = i;
    while (i < t.size() && isWs(t[i]))
        ++i;
    if (i == digitsEnd)
        return false;
    const QByteArrayView m = t.sliced(i);
    if (!isToken(m))
        return false;
    *number = quint32(*n);
    *method = m;
    return true;
}

} // namespace grammar
} // namespace parlo::sip

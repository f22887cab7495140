#include "sip/message/SipMessage.h"

#include "sip/message/SipGrammar.h"
#include "sip/message/SipIdentifiers.h"

#include <QSharedData>
#include <QVarLengthArray>
#include <cstring>

namespace parlo::sip {

using namespace grammar;

namespace {

// A slice of either the received bytes or the owned buffer. Offsets rather than pointers keep the
// private data trivially copyable on detach.
struct Span {
    quint32 off = 0;
    quint32 len = 0;
    bool owned = false;
};

struct HeaderEntry {
    HeaderId id = HeaderId::Other;
    Span name; // only used for HeaderId::Other
    Span value;
};

} // namespace

class SipMessagePrivate : public QSharedData {
public:
    QByteArray raw;   // the received bytes, never modified
    QByteArray owned; // values set after parsing and unfolded values, appended
    bool valid = false;
    bool request = false;
    Span method;
    Span uri;
    int status = 0;
    Span reason;
    Span body;
    QVarLengthArray<HeaderEntry, 32> headers;

    // Hot-path fields found while validating a parse, so the view accessors are O(1). Any header
    // mutation clears `cached` and the accessors fall back to scanning.
    struct Cache {
        Span branch, fromTag, toTag, callId, cseqMethod;
        quint32 cseqNumber = 0;
    } cache;
    bool cached = false;

    // The span of a view that points into the buffer of `within`.
    Span spanOf(Span within, QByteArrayView v) const {
        if (v.isEmpty())
            return Span{};
        const QByteArray &buf = within.owned ? owned : raw;
        return Span{quint32(v.data() - buf.constData()), quint32(v.size()), within.owned};
    }
    QByteArrayView view(Span s) const {
        const QByteArray &buf = s.owned ? owned : raw;
        return QByteArrayView(buf.constData() + s.off, s.len);
    }
    // A header value set through the API: line breaks would split it into new header lines on the
    // wire (header injection), so they become spaces.
    Span ownValue(QByteArrayView v) {
        v = trimmed(v);
        Span s = own(v);
        if (find(v, '\r') >= 0 || find(v, '\n') >= 0) {
            char *p = owned.data() + s.off;
            for (quint32 i = 0; i < s.len; ++i)
                if (p[i] == '\r' || p[i] == '\n')
                    p[i] = ' ';
        }
        return s;
    }
    Span own(QByteArrayView v) {
        Span s{quint32(owned.size()), quint32(v.size()), true};
        owned.append(v.data(), v.size());
        return s;
    }
    QByteArrayView name(const HeaderEntry &e) const {
        return e.id == HeaderId::Other ? view(e.name) : QByteArrayView();
    }
    bool matches(const HeaderEntry &e, HeaderId id, QByteArrayView otherName) const {
        if (id != HeaderId::Other)
            return e.id == id;
        return e.id == HeaderId::Other && equalsIgnoreCase(view(e.name), otherName);
    }
    const HeaderEntry *first(HeaderId id) const {
        for (const HeaderEntry &e : headers)
            if (e.id == id)
                return &e;
        return nullptr;
    }
    QByteArrayView firstValue(HeaderId id) const {
        const HeaderEntry *e = first(id);
        return e ? view(e->value) : QByteArrayView();
    }
};

namespace {

const QSharedDataPointer<SipMessagePrivate> &sharedEmpty() {
    static const QSharedDataPointer<SipMessagePrivate> empty(new SipMessagePrivate);
    return empty;
}

// First comma-separated element of a list value (commas in quotes / <> do not count).
QByteArrayView firstElement(QByteArrayView v) {
    bool inAngle = false;
    for (qsizetype i = 0; i < v.size(); ++i) {
        const char c = v[i];
        if (c == '"') {
            const qsizetype end = skipQuoted(v, i);
            if (end < 0)
                return trimmed(v);
            i = end - 1;
        } else if (c == '<') {
            inAngle = true;
        } else if (c == '>') {
            inAngle = false;
        } else if (c == ',' && !inAngle) {
            return trimmed(v.first(i));
        }
    }
    return trimmed(v);
}

// The header parameters of a name-addr / addr-spec value, without allocating.
QByteArrayView nameAddrParams(QByteArrayView v) {
    qsizetype i = 0;
    while (i < v.size() && isWs(v[i]))
        ++i;
    if (i < v.size() && v[i] == '"') {
        i = skipQuoted(v, i);
        if (i < 0)
            return {};
    }
    const qsizetype lt = find(v, '<', i);
    if (lt >= 0) {
        const qsizetype gt = find(v, '>', lt);
        if (gt < 0)
            return {};
        i = gt + 1;
    }
    const qsizetype semi = find(v, ';', i);
    return semi < 0 ? QByteArrayView() : v.sliced(semi + 1);
}

QByteArrayView paramOf(QByteArrayView params, QByteArrayView name) {
    if (params.isEmpty())
        return {};
    const auto v = findParam(params, name, true);
    return v ? *v : QByteArrayView();
}

bool isCallId(QByteArrayView v) {
    if (v.isEmpty())
        return false;
    bool at = false;
    qsizetype runStart = 0;
    for (qsizetype i = 0; i < v.size(); ++i) {
        const char c = v[i];
        if (c == '@') {
            if (at || i == runStart || i + 1 == v.size())
                return false;
            at = true;
            runStart = i + 1;
        } else if (!is(c, WordChar)) {
            return false;
        }
    }
    return true;
}

// A From / To / Contact / Route element: a name-addr or addr-spec whose URI is a well-formed
// absoluteURI (other schemes are syntactically fine here; the UA decides what to do with them).
bool validNameAddr(QByteArrayView v, bool allowWildcard) {
    const auto na = scanNameAddr(v);
    if (!na)
        return false;
    if (na->wildcard)
        return allowWildcard;
    bool other = false;
    return scanUri(na->uri, &other).has_value() || other;
}

bool validNameAddrList(QByteArrayView v, bool allowWildcard) {
    return splitList(v, [&](QByteArrayView item) { return validNameAddr(item, allowWildcard); });
}

bool isDigits(QByteArrayView v) {
    if (v.isEmpty())
        return false;
    for (char c : v)
        if (!is(c, Digit))
            return false;
    return true;
}

// delta-seconds: values past 2^32-1 are taken as 2^32-1 rather than rejected.
std::optional<quint32> deltaSeconds(QByteArrayView v) {
    v = trimmed(v);
    if (!isDigits(v))
        return std::nullopt;
    return quint32(parseNumber(v, 0xffffffffu).value_or(0xffffffffu));
}

} // namespace

// ---------------------------------------------------------------------------------------------
// Parser

class SipParser {
public:
    static SipParseResult parse(const QByteArray &data, const ParseLimits &limits);

private:
    static void fail(SipParseResult &r, SipParseError::Code code, const char *reason) {
        if (r.error.code != SipParseError::Code::None)
            return; // the first problem names the error
        r.error.code = code;
        r.error.reason = QByteArray::fromRawData(reason, qsizetype(std::strlen(reason)));
    }
    static void parseStartLine(SipMessagePrivate &d, QByteArrayView line, quint32 base, SipParseResult &r);
    static void validateHeaders(SipMessagePrivate &d, SipParseResult &r);
};

SipParseResult SipParser::parse(const QByteArray &data, const ParseLimits &limits) {
    SipParseResult r;
    QSharedDataPointer<SipMessagePrivate> holder(new SipMessagePrivate);
    SipMessagePrivate &d = *holder;
    // The message keeps the bytes it indexes. Data from QByteArray::fromRawData() is not ours to
    // keep (no allocated block, so capacity 0): it is copied; everything else is shared.
    if (data.capacity() == 0 && !data.isEmpty())
        d.raw = QByteArray(data.constData(), data.size());
    else
        d.raw = data;
    const char *b = data.constData();
    const qsizetype n = data.size();

    qsizetype pos = 0;
    while (pos < n && (b[pos] == '\r' || b[pos] == '\n'))
        ++pos;
    {
        qsizetype k = pos;
        while (k < n && (isWs(b[k]) || b[k] == '\r' || b[k] == '\n'))
            ++k;
        if (k == n) {
            fail(r, SipParseError::Code::Empty, "Empty message");
            r.message.d = holder;
            return r;
        }
    }
    if (n > limits.maxMessageSize) {
        fail(r, SipParseError::Code::TooLarge, "Message Too Large");
        if (n > 0x7fffffff) { // offsets are 32-bit; nothing that large is worth indexing
            r.message.d = holder;
            return r;
        }
    }

    auto lineEnd = [&](qsizetype from) -> qsizetype {
        const void *lf = std::memchr(b + from, '\n', size_t(n - from));
        return lf ? static_cast<const char *>(lf) - b : n;
    };
    auto contentEnd = [&](qsizetype from, qsizetype lf) { // strip the CR of CRLF
        return (lf > from && b[lf - 1] == '\r') ? lf - 1 : lf;
    };

    // Start line
    qsizetype lf = lineEnd(pos);
    parseStartLine(d, QByteArrayView(b + pos, contentEnd(pos, lf) - pos), quint32(pos), r);
    pos = lf < n ? lf + 1 : n;

    // Header lines, with LWS continuation lines folded into the previous header.
    bool sawEmptyLine = false;
    while (pos < n) {
        const qsizetype lineStart = pos;
        lf = lineEnd(pos);
        qsizetype end = contentEnd(pos, lf);
        pos = lf < n ? lf + 1 : n;
        if (end == lineStart) {
            sawEmptyLine = true;
            break;
        }
        if (isWs(b[lineStart])) {
            fail(r, SipParseError::Code::BadHeader, "Malformed header line");
            continue;
        }
        qsizetype i = lineStart;
        while (i < end && is(b[i], Token))
            ++i;
        const qsizetype nameEnd = i;
        while (i < end && isWs(b[i]))
            ++i;
        if (nameEnd == lineStart || i >= end || b[i] != ':') {
            fail(r, SipParseError::Code::BadHeader, "Malformed header line");
            continue;
        }
        ++i;
        while (i < end && isWs(b[i]))
            ++i;
        const qsizetype valueStart = i;
        qsizetype valueEnd = end;
        bool folded = false;
        // Continuation lines (RFC 3261 §7.3.1): a line starting with SP/HT continues the value.
        while (pos < n && isWs(b[pos])) {
            const qsizetype next = pos;
            lf = lineEnd(next);
            end = contentEnd(next, lf);
            pos = lf < n ? lf + 1 : n;
            qsizetype k = next;
            while (k < end && isWs(b[k]))
                ++k;
            if (k < end)
                valueEnd = end;
            folded = true;
        }
        while (valueEnd > valueStart && isWs(b[valueEnd - 1]))
            --valueEnd;

        if (d.headers.size() >= limits.maxHeaders) {
            fail(r, SipParseError::Code::TooManyHeaders, "Message Too Large");
            break; // the index stays bounded; what was indexed is kept for the error response
        }
        HeaderEntry e;
        const QByteArrayView name(b + lineStart, nameEnd - lineStart);
        e.id = headerIdFromNameInBuffer(name, b + n);
        if (e.id == HeaderId::Other)
            e.name = Span{quint32(lineStart), quint32(nameEnd - lineStart), false};
        if (!folded || valueEnd <= valueStart) {
            e.value = Span{quint32(valueStart), quint32(valueEnd - valueStart), false};
        } else {
            // Unfold: each line break plus its leading whitespace becomes one SP.
            const QByteArrayView v(b + valueStart, valueEnd - valueStart);
            const quint32 off = quint32(d.owned.size());
            for (qsizetype k = 0; k < v.size(); ++k) {
                if (v[k] == '\r' || v[k] == '\n') {
                    while (d.owned.size() > off && isWs(d.owned.back()))
                        d.owned.chop(1);
                    while (k + 1 < v.size() && (v[k + 1] == '\r' || v[k + 1] == '\n' || isWs(v[k + 1])))
                        ++k;
                    if (d.owned.size() > off) // a value starting on the next line has no leading SP
                        d.owned.append(' ');
                } else {
                    d.owned.append(v[k]);
                }
            }
            e.value = Span{off, quint32(d.owned.size() - off), true};
        }
        d.headers.append(e);
    }

    if (r.error.code != SipParseError::Code::TooManyHeaders) {
        // Body (RFC 3261 §18.3): on a datagram, bytes past Content-Length are discarded, too few is
        // an error, and without Content-Length the rest of the datagram is the body.
        const qsizetype available = sawEmptyLine ? n - pos : 0;
        qsizetype bodyLen = available;
        if (const HeaderEntry *cl = d.first(HeaderId::ContentLength)) {
            const auto len = parseNumber(trimmed(d.view(cl->value)), 0x7fffffff);
            if (!len) {
                fail(r, SipParseError::Code::BadHeaderValue, "Malformed Content-Length header");
                bodyLen = 0;
            } else if (qint64(*len) > limits.maxBodySize) {
                fail(r, SipParseError::Code::TooLarge, "Message Too Large");
                bodyLen = 0;
            } else if (qint64(*len) > available) {
                fail(r, SipParseError::Code::BodyTooShort, "Content-Length larger than body");
                bodyLen = 0;
            } else {
                bodyLen = qsizetype(*len);
            }
        } else if (available > limits.maxBodySize) {
            fail(r, SipParseError::Code::TooLarge, "Message Too Large");
            bodyLen = 0;
        }
        d.body = Span{quint32(pos), quint32(bodyLen), false};
    }

    validateHeaders(d, r);
    r.message.d = holder;
    return r;
}

void SipParser::parseStartLine(SipMessagePrivate &d, QByteArrayView line, quint32 base, SipParseResult &r) {
    using Code = SipParseError::Code;
    auto span = [&](QByteArrayView v) {
        return Span{quint32(base + (v.data() - line.data())), quint32(v.size()), false};
    };
    auto checkVersion = [&](QByteArrayView v) -> int { // 1 ok, 0 malformed, -1 unsupported
        if (!startsWithIgnoreCase(v, "SIP/"))
            return 0;
        const QByteArrayView num = v.sliced(4);
        const qsizetype dot = find(num, '.');
        if (dot <= 0 || !isDigits(num.first(dot)) || !isDigits(num.sliced(dot + 1)))
            return 0;
        return num == "2.0" ? 1 : -1;
    };

    if (startsWithIgnoreCase(line, "SIP/")) {
        // Status-Line = SIP-Version SP Status-Code SP Reason-Phrase
        d.request = false;
        const qsizetype sp = find(line, ' ');
        const int version = sp < 0 ? 0 : checkVersion(line.first(sp));
        if (version == 0) {
            fail(r, Code::BadStartLine, "Malformed Status-Line");
            return;
        }
        if (version < 0) {
            fail(r, Code::UnsupportedVersion, "Version Not Supported");
            return;
        }
        const QByteArrayView rest = line.sliced(sp + 1);
        if (rest.size() < 3 || !isDigits(rest.first(3)) || (rest.size() > 3 && rest[3] != ' ')) {
            fail(r, Code::BadStartLine, "Malformed Status-Line");
            return;
        }
        const int code = (rest[0] - '0') * 100 + (rest[1] - '0') * 10 + (rest[2] - '0');
        if (code < 100 || code > 699) {
            fail(r, Code::BadStartLine, "Malformed Status-Line");
            return;
        }
        d.status = code;
        d.reason = rest.size() > 4 ? span(rest.sliced(4)) : Span{};
        d.valid = true;
        return;
    }

    // Request-Line = Method SP Request-URI SP SIP-Version: exactly single SPs, nothing trailing.
    d.request = true;
    const qsizetype sp1 = find(line, ' ');
    const QByteArrayView method = sp1 < 0 ? line : line.first(sp1);
    if (isToken(method))
        d.method = span(method);
    if (sp1 <= 0 || !isToken(method)) {
        fail(r, Code::BadStartLine, "Malformed Request-Line");
        return;
    }
    const qsizetype sp2 = find(line, ' ', sp1 + 1);
    if (sp2 < 0 || sp2 == sp1 + 1 || find(line, ' ', sp2 + 1) >= 0 || sp2 + 1 == line.size()) {
        fail(r, Code::BadStartLine, "Malformed Request-Line");
        return;
    }
    const QByteArrayView uri = line.sliced(sp1 + 1, sp2 - sp1 - 1);
    const QByteArrayView version = line.sliced(sp2 + 1);
    d.uri = span(uri);
    d.valid = true;
    const int v = checkVersion(version);
    if (v == 0) {
        fail(r, Code::BadStartLine, "Malformed Request-Line");
        return;
    }
    if (v < 0) {
        fail(r, Code::UnsupportedVersion, "Version Not Supported");
        return;
    }
    bool otherScheme = false;
    const auto u = scanUri(uri, &otherScheme);
    if (!u) {
        if (otherScheme)
            fail(r, Code::UnsupportedUriScheme, "Unsupported URI Scheme");
        else
            fail(r, Code::BadRequestUri, "Bad Request-URI");
        return;
    }
    if (!u->headers.isEmpty()) // §19.1.5: headers are not allowed in a Request-URI
        fail(r, Code::BadRequestUri, "Bad Request-URI");
}

void SipParser::validateHeaders(SipMessagePrivate &d, SipParseResult &r) {
    using Code = SipParseError::Code;
    int count[int(HeaderId::Count)] = {};
    SipMessagePrivate::Cache &c = d.cache;
    for (const HeaderEntry &e : d.headers) {
        const bool first = count[int(e.id)]++ == 0;
        const QByteArrayView v = d.view(e.value);
        switch (e.id) {
        case HeaderId::Via: {
            bool top = first;
            const bool ok = splitList(v, [&](QByteArrayView item) {
                const auto via = scanVia(item);
                if (via && top)
                    c.branch = d.spanOf(e.value, via->branch);
                top = false;
                return via.has_value();
            });
            if (!ok)
                fail(r, Code::BadHeaderValue, "Malformed Via header");
            break;
        }
        case HeaderId::From:
        case HeaderId::To: {
            const auto na = scanNameAddr(v);
            bool other = false;
            if (!na || na->wildcard || !(scanUri(na->uri, &other) || other))
                fail(r, Code::BadHeaderValue,
                     e.id == HeaderId::From ? "Malformed From header" : "Malformed To header");
            else if (first)
                (e.id == HeaderId::From ? c.fromTag : c.toTag) = d.spanOf(e.value, na->tag);
            break;
        }
        case HeaderId::CallId:
            if (!isCallId(trimmed(v)))
                fail(r, Code::BadHeaderValue, "Malformed Call-ID header");
            else if (first)
                c.callId = d.spanOf(e.value, trimmed(v));
            break;
        case HeaderId::CSeq: {
            quint32 number;
            QByteArrayView method;
            if (!scanCSeq(v, &number, &method)) {
                fail(r, Code::BadHeaderValue, "Malformed CSeq header");
            } else {
                if (d.request && d.valid && method != d.view(d.method))
                    fail(r, Code::CSeqMethodMismatch, "CSeq method does not match Request-Line");
                if (first) {
                    c.cseqNumber = number;
                    c.cseqMethod = d.spanOf(e.value, method);
                }
            }
            break;
        }
        case HeaderId::Contact:
            if (!validNameAddrList(v, true))
                fail(r, Code::BadHeaderValue, "Malformed Contact header");
            break;
        case HeaderId::Route:
            if (!validNameAddrList(v, false))
                fail(r, Code::BadHeaderValue, "Malformed Route header");
            break;
        case HeaderId::RecordRoute:
            if (!validNameAddrList(v, false))
                fail(r, Code::BadHeaderValue, "Malformed Record-Route header");
            break;
        case HeaderId::MaxForwards:
            if (!parseNumber(v, 255))
                fail(r, Code::BadHeaderValue, "Malformed Max-Forwards header");
            break;
        case HeaderId::Expires:
            if (!deltaSeconds(v))
                fail(r, Code::BadHeaderValue, "Malformed Expires header");
            break;
        case HeaderId::MinExpires:
            if (!deltaSeconds(v))
                fail(r, Code::BadHeaderValue, "Malformed Min-Expires header");
            break;
        default:
            break;
        }
    }
    if (count[int(HeaderId::From)] > 1)
        fail(r, Code::BadHeaderValue, "Multiple From headers");
    if (count[int(HeaderId::To)] > 1)
        fail(r, Code::BadHeaderValue, "Multiple To headers");
    if (count[int(HeaderId::CallId)] > 1)
        fail(r, Code::BadHeaderValue, "Multiple Call-ID headers");
    if (count[int(HeaderId::CSeq)] > 1)
        fail(r, Code::BadHeaderValue, "Multiple CSeq headers");
    if (count[int(HeaderId::MaxForwards)] > 1)
        fail(r, Code::BadHeaderValue, "Multiple Max-Forwards headers");
    if (count[int(HeaderId::ContentLength)] > 1)
        fail(r, Code::BadHeaderValue, "Multiple Content-Length headers");
    if (!count[int(HeaderId::Via)])
        fail(r, Code::MissingHeader, "Missing Via header");
    if (!count[int(HeaderId::From)])
        fail(r, Code::MissingHeader, "Missing From header");
    if (!count[int(HeaderId::To)])
        fail(r, Code::MissingHeader, "Missing To header");
    if (!count[int(HeaderId::CallId)])
        fail(r, Code::MissingHeader, "Missing Call-ID header");
    if (!count[int(HeaderId::CSeq)])
        fail(r, Code::MissingHeader, "Missing CSeq header");
    d.cached = r.error.code == Code::None;
}

// ---------------------------------------------------------------------------------------------
// SipParseError

int SipParseError::status() const {
    switch (code) {
    case Code::None:
        return 0;
    case Code::UnsupportedUriScheme:
        return 416;
    case Code::UnsupportedVersion:
        return 505;
    case Code::TooLarge:
    case Code::TooManyHeaders:
        return 513;
    default:
        return 400;
    }
}

// ---------------------------------------------------------------------------------------------
// SipMessage

SipMessage::SipMessage()
    : d(sharedEmpty()) {}
SipMessage::SipMessage(const SipMessage &) = default;
SipMessage::SipMessage(SipMessage &&o) noexcept
    : d(sharedEmpty()) {
    d.swap(o.d);
}
SipMessage &SipMessage::operator=(const SipMessage &) = default;
SipMessage &SipMessage::operator=(SipMessage &&o) noexcept {
    d.swap(o.d);
    return *this;
}
SipMessage::~SipMessage() = default;

SipParseResult SipMessage::parse(const QByteArray &data, const ParseLimits &limits) {
    SipParseResult r = SipParser::parse(data, limits);
    if (!r.ok() && r.error.code != SipParseError::Code::Empty)
        qCDebug(lcSipMessage) << "unparseable message:" << r.error.reason << "(" << data.size() << "bytes)";
    return r;
}

SipMessage SipMessage::makeRequest(const QByteArray &method, const SipUri &requestUri) {
    SipMessage m;
    m.d->valid = true;
    m.d->request = true;
    m.d->method = m.d->own(method);
    m.d->uri = m.d->own(requestUri.toString());
    return m;
}

SipMessage SipMessage::makeResponse(int status, const QByteArray &reason) {
    SipMessage m;
    m.setStatus(status, reason);
    return m;
}

SipMessage SipMessage::responseTo(const SipMessage &request, int status, const QByteArray &reason,
                                  const QByteArray &toTag) {
    SipMessage m = makeResponse(status, reason);
    const SipMessagePrivate &rq = *request.d;
    for (const HeaderEntry &e : rq.headers) {
        switch (e.id) {
        case HeaderId::Via:
        case HeaderId::From:
        case HeaderId::CallId:
        case HeaderId::CSeq:
        case HeaderId::Timestamp:
            m.addHeader(e.id, rq.view(e.value).toByteArray());
            break;
        case HeaderId::To: {
            QByteArrayView v = rq.view(e.value);
            if (!toTag.isEmpty() && !findParam(nameAddrParams(v), "tag")) {
                if (auto na = NameAddr::parse(v)) {
                    // Append textually so the rest of the To stays exactly as the UAC sent it.
                    QByteArray value = trimmed(v).toByteArray();
                    if (!na->params().isEmpty() || (find(v, '<') >= 0))
                        value += ";tag=" + toTag;
                    else
                        value = "<" + value + ">;tag=" + toTag;
                    m.addHeader(HeaderId::To, value);
                    break;
                }
            }
            m.addHeader(HeaderId::To, v.toByteArray());
            break;
        }
        default:
            break;
        }
    }
    return m;
}

QByteArray SipMessage::defaultReason(int status) {
    switch (status) {
    case 100:
        return "Trying";
    case 180:
        return "Ringing";
    case 181:
        return "Call Is Being Forwarded";
    case 182:
        return "Queued";
    case 183:
        return "Session Progress";
    case 199:
        return "Early Dialog Terminated";
    case 200:
        return "OK";
    case 202:
        return "Accepted";
    case 204:
        return "No Notification";
    case 300:
        return "Multiple Choices";
    case 301:
        return "Moved Permanently";
    case 302:
        return "Moved Temporarily";
    case 305:
        return "Use Proxy";
    case 380:
        return "Alternative Service";
    case 400:
        return "Bad Request";
    case 401:
        return "Unauthorized";
    case 402:
        return "Payment Required";
    case 403:
        return "Forbidden";
    case 404:
        return "Not Found";
    case 405:
        return "Method Not Allowed";
    case 406:
        return "Not Acceptable";
    case 407:
        return "Proxy Authentication Required";
    case 408:
        return "Request Timeout";
    case 410:
        return "Gone";
    case 412:
        return "Conditional Request Failed";
    case 413:
        return "Request Entity Too Large";
    case 414:
        return "Request-URI Too Long";
    case 415:
        return "Unsupported Media Type";
    case 416:
        return "Unsupported URI Scheme";
    case 417:
        return "Unknown Resource-Priority";
    case 420:
        return "Bad Extension";
    case 421:
        return "Extension Required";
    case 422:
        return "Session Interval Too Small";
    case 423:
        return "Interval Too Brief";
    case 424:
        return "Bad Location Information";
    case 428:
        return "Use Identity Header";
    case 429:
        return "Provide Referrer Identity";
    case 430:
        return "Flow Failed";
    case 433:
        return "Anonymity Disallowed";
    case 436:
        return "Bad Identity-Info";
    case 437:
        return "Unsupported Certificate";
    case 438:
        return "Invalid Identity Header";
    case 439:
        return "First Hop Lacks Outbound Support";
    case 440:
        return "Max-Breadth Exceeded";
    case 469:
        return "Bad Info Package";
    case 470:
        return "Consent Needed";
    case 480:
        return "Temporarily Unavailable";
    case 481:
        return "Call/Transaction Does Not Exist";
    case 482:
        return "Loop Detected";
    case 483:
        return "Too Many Hops";
    case 484:
        return "Address Incomplete";
    case 485:
        return "Ambiguous";
    case 486:
        return "Busy Here";
    case 487:
        return "Request Terminated";
    case 488:
        return "Not Acceptable Here";
    case 489:
        return "Bad Event";
    case 491:
        return "Request Pending";
    case 493:
        return "Undecipherable";
    case 494:
        return "Security Agreement Required";
    case 500:
        return "Server Internal Error";
    case 501:
        return "Not Implemented";
    case 502:
        return "Bad Gateway";
    case 503:
        return "Service Unavailable";
    case 504:
        return "Server Time-out";
    case 505:
        return "Version Not Supported";
    case 513:
        return "Message Too Large";
    case 555:
        return "Push Notification Service Not Supported";
    case 580:
        return "Precondition Failure";
    case 600:
        return "Busy Everywhere";
    case 603:
        return "Decline";
    case 604:
        return "Does Not Exist Anywhere";
    case 606:
        return "Not Acceptable";
    case 607:
        return "Unwanted";
    case 608:
        return "Rejected";
    default:
        return "Unknown";
    }
}

std::optional<SipMessage> SipMessage::errorResponse(const SipParseResult &result) {
    if (result.ok() || result.error.code == SipParseError::Code::Empty)
        return std::nullopt;
    const SipMessage &rq = result.message;
    if (!rq.d->request)
        return std::nullopt;
    // A response can only be addressed with a usable top Via and the dialog identifiers.
    const QByteArrayView via = rq.d->firstValue(HeaderId::Via);
    if (via.isEmpty() || !scanVia(firstElement(via)))
        return std::nullopt;
    for (HeaderId id : {HeaderId::From, HeaderId::To, HeaderId::CallId, HeaderId::CSeq})
        if (trimmed(rq.d->firstValue(id)).isEmpty())
            return std::nullopt;
    const int status = result.error.status();
    SipMessage resp = responseTo(rq, status, result.error.reason, newTag());
    // Only the top Via is known to be good; later ones may be what made the request malformed.
    const QList<QByteArray> vias = resp.headers(HeaderId::Via);
    bool allGood = true;
    for (const QByteArray &v : vias)
        allGood = allGood && splitList(v, [](QByteArrayView item) { return scanVia(item).has_value(); });
    if (!allGood)
        resp.setHeader(HeaderId::Via, firstElement(via).toByteArray());
    return resp;
}

bool SipMessage::isValid() const {
    return d->valid;
}

bool SipMessage::isRequest() const {
    return d->valid && d->request;
}

bool SipMessage::isResponse() const {
    return d->valid && !d->request;
}

QByteArray SipMessage::method() const {
    if (d->request)
        return d->view(d->method).toByteArray();
    return cseqMethod().toByteArray();
}

SipUri SipMessage::requestUri() const {
    if (!d->request)
        return {};
    return SipUri::parse(d->view(d->uri)).value_or(SipUri());
}

void SipMessage::setRequestUri(const SipUri &uri) {
    d->uri = d->own(uri.toString());
}

int SipMessage::statusCode() const {
    return d->request ? 0 : d->status;
}

QByteArray SipMessage::reasonPhrase() const {
    return d->request ? QByteArray() : d->view(d->reason).toByteArray();
}

void SipMessage::setStatus(int code, const QByteArray &reason) {
    d->valid = true;
    d->request = false;
    d->status = code;
    d->reason = d->ownValue(reason.isEmpty() ? defaultReason(code) : reason);
}

int SipMessage::headerCount() const {
    return int(d->headers.size());
}

HeaderId SipMessage::headerId(int index) const {
    if (index < 0 || index >= d->headers.size())
        return HeaderId::Other;
    return d->headers[index].id;
}

QByteArray SipMessage::headerName(int index) const {
    if (index < 0 || index >= d->headers.size())
        return {};
    const HeaderEntry &e = d->headers[index];
    return e.id == HeaderId::Other ? d->view(e.name).toByteArray() : canonicalHeaderName(e.id);
}

QByteArray SipMessage::headerValue(int index) const {
    if (index < 0 || index >= d->headers.size())
        return {};
    return d->view(d->headers[index].value).toByteArray();
}

bool SipMessage::hasHeader(HeaderId id) const {
    return d->first(id) != nullptr;
}

bool SipMessage::hasHeader(QByteArrayView name) const {
    const HeaderId id = headerIdFromName(name);
    for (const HeaderEntry &e : d->headers)
        if (d->matches(e, id, name))
            return true;
    return false;
}

QByteArray SipMessage::header(HeaderId id) const {
    return d->firstValue(id).toByteArray();
}

QByteArray SipMessage::header(QByteArrayView name) const {
    const HeaderId id = headerIdFromName(name);
    for (const HeaderEntry &e : d->headers)
        if (d->matches(e, id, name))
            return d->view(e.value).toByteArray();
    return {};
}

QList<QByteArray> SipMessage::headers(HeaderId id) const {
    QList<QByteArray> out;
    for (const HeaderEntry &e : d->headers)
        if (e.id == id)
            out.append(d->view(e.value).toByteArray());
    return out;
}

QList<QByteArray> SipMessage::headers(QByteArrayView name) const {
    const HeaderId id = headerIdFromName(name);
    QList<QByteArray> out;
    for (const HeaderEntry &e : d->headers)
        if (d->matches(e, id, name))
            out.append(d->view(e.value).toByteArray());
    return out;
}

QList<QByteArray> SipMessage::tokens(HeaderId id) const {
    QList<QByteArray> out;
    for (const HeaderEntry &e : d->headers) {
        if (e.id != id)
            continue;
        splitList(d->view(e.value), [&](QByteArrayView item) {
            if (!item.isEmpty())
                out.append(item.toByteArray());
            return true;
        });
    }
    return out;
}

void SipMessage::addHeader(HeaderId id, const QByteArray &value) {
    d->cached = false;
    if (id == HeaderId::Other)
        return; // needs a name: use addHeader(name, value)
    HeaderEntry e;
    e.id = id;
    e.value = d->ownValue(value);
    d->headers.append(e);
}

void SipMessage::addHeader(const QByteArray &name, const QByteArray &value) {
    d->cached = false;
    const HeaderId id = headerIdFromName(name);
    if (id != HeaderId::Other) {
        addHeader(id, value);
        return;
    }
    if (!isToken(name))
        return;
    HeaderEntry e;
    e.name = d->own(name);
    e.value = d->ownValue(value);
    d->headers.append(e);
}

void SipMessage::prependHeader(HeaderId id, const QByteArray &value) {
    d->cached = false;
    if (id == HeaderId::Other)
        return;
    HeaderEntry e;
    e.id = id;
    e.value = d->ownValue(value);
    d->headers.insert(d->headers.begin(), e);
}

void SipMessage::setHeader(HeaderId id, const QByteArray &value) {
    if (id == HeaderId::Other)
        return;
    setHeader(canonicalHeaderName(id), value);
}

void SipMessage::setHeader(const QByteArray &name, const QByteArray &value) {
    d->cached = false;
    const HeaderId id = headerIdFromName(name);
    if (id == HeaderId::Other && !isToken(name))
        return;
    SipMessagePrivate &p = *d;
    qsizetype firstIndex = -1;
    for (qsizetype i = 0; i < p.headers.size();) {
        if (p.matches(p.headers[i], id, name)) {
            if (firstIndex < 0) {
                firstIndex = i;
                ++i;
            } else {
                p.headers.remove(i);
            }
        } else {
            ++i;
        }
    }
    if (firstIndex >= 0)
        p.headers[firstIndex].value = p.ownValue(value);
    else if (id != HeaderId::Other)
        addHeader(id, value);
    else
        addHeader(name, value);
}

void SipMessage::removeHeaders(HeaderId id) {
    d->cached = false;
    SipMessagePrivate &p = *d;
    p.headers.removeIf([&](const HeaderEntry &e) { return e.id == id; });
}

void SipMessage::removeHeaders(QByteArrayView name) {
    d->cached = false;
    const HeaderId id = headerIdFromName(name);
    SipMessagePrivate &p = *d;
    p.headers.removeIf([&](const HeaderEntry &e) { return p.matches(e, id, name); });
}

// ---- typed access

QList<Via> SipMessage::vias() const {
    QList<Via> out;
    for (const HeaderEntry &e : d->headers)
        if (e.id == HeaderId::Via)
            if (auto list = Via::parseList(d->view(e.value)))
                out.append(*list);
    return out;
}

std::optional<Via> SipMessage::topVia() const {
    const HeaderEntry *e = d->first(HeaderId::Via);
    if (!e)
        return std::nullopt;
    return Via::parse(firstElement(d->view(e->value)));
}

void SipMessage::prependVia(const Via &via) {
    prependHeader(HeaderId::Via, via.toString());
}

void SipMessage::removeTopVia() {
    d->cached = false;
    SipMessagePrivate &p = *d;
    for (qsizetype i = 0; i < p.headers.size(); ++i) {
        if (p.headers[i].id != HeaderId::Via)
            continue;
        const QByteArrayView v = p.view(p.headers[i].value);
        const QByteArrayView first = firstElement(v);
        // The rest starts after the separating comma that follows the first element.
        qsizetype restStart = (first.data() - v.data()) + first.size();
        while (restStart < v.size() && v[restStart] != ',')
            ++restStart;
        const QByteArrayView rest =
            restStart < v.size() ? trimmed(v.sliced(restStart + 1)) : QByteArrayView();
        if (rest.isEmpty()) {
            p.headers.remove(i);
        } else {
            const QByteArray copy = rest.toByteArray(); // own() may reallocate the buffer rest is in
            p.headers[i].value = p.own(copy);
        }
        return;
    }
}

NameAddr SipMessage::from() const {
    return NameAddr::parse(d->firstValue(HeaderId::From)).value_or(NameAddr());
}

void SipMessage::setFrom(const NameAddr &v) {
    setHeader(HeaderId::From, v.toString());
}

NameAddr SipMessage::to() const {
    return NameAddr::parse(d->firstValue(HeaderId::To)).value_or(NameAddr());
}

void SipMessage::setTo(const NameAddr &v) {
    setHeader(HeaderId::To, v.toString());
}

QByteArray SipMessage::callId() const {
    return trimmed(d->firstValue(HeaderId::CallId)).toByteArray();
}

void SipMessage::setCallId(const QByteArray &v) {
    setHeader(HeaderId::CallId, v);
}

CSeq SipMessage::cseq() const {
    return CSeq::parse(d->firstValue(HeaderId::CSeq)).value_or(CSeq());
}

void SipMessage::setCSeq(const CSeq &v) {
    setHeader(HeaderId::CSeq, v.toString());
}

namespace {

QList<NameAddr> nameAddrs(const SipMessagePrivate &d, HeaderId id) {
    QList<NameAddr> out;
    for (const HeaderEntry &e : d.headers)
        if (e.id == id)
            if (auto list = NameAddr::parseList(d.view(e.value)))
                out.append(*list);
    return out;
}

QByteArray joinNameAddrs(const QList<NameAddr> &v) {
    QByteArray out;
    for (const NameAddr &na : v) {
        if (!out.isEmpty())
            out.append(", ");
        out.append(na.toString());
    }
    return out;
}

} // namespace

QList<NameAddr> SipMessage::contacts() const {
    return nameAddrs(*d, HeaderId::Contact);
}

void SipMessage::setContacts(const QList<NameAddr> &v) {
    if (v.isEmpty())
        removeHeaders(HeaderId::Contact);
    else
        setHeader(HeaderId::Contact, joinNameAddrs(v));
}

QList<NameAddr> SipMessage::routes() const {
    return nameAddrs(*d, HeaderId::Route);
}

void SipMessage::setRoutes(const QList<NameAddr> &v) {
    if (v.isEmpty())
        removeHeaders(HeaderId::Route);
    else
        setHeader(HeaderId::Route, joinNameAddrs(v));
}

QList<NameAddr> SipMessage::recordRoutes() const {
    return nameAddrs(*d, HeaderId::RecordRoute);
}

void SipMessage::setRecordRoutes(const QList<NameAddr> &v) {
    if (v.isEmpty())
        removeHeaders(HeaderId::RecordRoute);
    else
        setHeader(HeaderId::RecordRoute, joinNameAddrs(v));
}

int SipMessage::maxForwards() const {
    const HeaderEntry *e = d->first(HeaderId::MaxForwards);
    if (!e)
        return -1;
    return int(parseNumber(trimmed(d->view(e->value)), 255).value_or(quint64(-1)));
}

void SipMessage::setMaxForwards(int v) {
    setHeader(HeaderId::MaxForwards, QByteArray::number(qBound(0, v, 255)));
}

std::optional<quint32> SipMessage::expires() const {
    const HeaderEntry *e = d->first(HeaderId::Expires);
    return e ? deltaSeconds(d->view(e->value)) : std::nullopt;
}

void SipMessage::setExpires(quint32 v) {
    setHeader(HeaderId::Expires, QByteArray::number(v));
}

std::optional<quint32> SipMessage::minExpires() const {
    const HeaderEntry *e = d->first(HeaderId::MinExpires);
    return e ? deltaSeconds(d->view(e->value)) : std::nullopt;
}

std::optional<quint32> SipMessage::retryAfter() const {
    // Retry-After = delta-seconds [ comment ] *( SEMI retry-param )
    const HeaderEntry *e = d->first(HeaderId::RetryAfter);
    if (!e)
        return std::nullopt;
    QByteArrayView v = trimmed(d->view(e->value));
    qsizetype i = 0;
    while (i < v.size() && is(v[i], Digit))
        ++i;
    return deltaSeconds(v.first(i));
}

QByteArray SipMessage::contentType() const {
    return trimmed(d->firstValue(HeaderId::ContentType)).toByteArray();
}

QByteArray SipMessage::userAgent() const {
    return d->firstValue(HeaderId::UserAgent).toByteArray();
}

QByteArray SipMessage::body() const {
    return d->view(d->body).toByteArray();
}

QByteArrayView SipMessage::bodyView() const {
    return d->view(d->body);
}

void SipMessage::setBody(const QByteArray &body, const QByteArray &contentType) {
    d->body = d->own(body);
    removeHeaders(HeaderId::ContentLength); // toBytes() writes the computed one
    if (body.isEmpty())
        removeHeaders(HeaderId::ContentType);
    else if (!contentType.isEmpty())
        setHeader(HeaderId::ContentType, contentType);
}

// ---- allocation-free views

QByteArrayView SipMessage::topViaBranch() const {
    if (d->cached)
        return d->view(d->cache.branch);
    const QByteArrayView via = firstElement(d->firstValue(HeaderId::Via));
    const qsizetype semi = find(via, ';');
    return semi < 0 ? QByteArrayView() : paramOf(via.sliced(semi + 1), "branch");
}

QByteArrayView SipMessage::fromTag() const {
    if (d->cached)
        return d->view(d->cache.fromTag);
    return paramOf(nameAddrParams(d->firstValue(HeaderId::From)), "tag");
}

QByteArrayView SipMessage::toTag() const {
    if (d->cached)
        return d->view(d->cache.toTag);
    return paramOf(nameAddrParams(d->firstValue(HeaderId::To)), "tag");
}

QByteArrayView SipMessage::callIdView() const {
    if (d->cached)
        return d->view(d->cache.callId);
    return trimmed(d->firstValue(HeaderId::CallId));
}

quint32 SipMessage::cseqNumber() const {
    if (d->cached)
        return d->cache.cseqNumber;
    quint32 number = 0;
    QByteArrayView method;
    return scanCSeq(d->firstValue(HeaderId::CSeq), &number, &method) ? number : 0;
}

QByteArrayView SipMessage::cseqMethod() const {
    if (d->cached)
        return d->view(d->cache.cseqMethod);
    quint32 number = 0;
    QByteArrayView method;
    return scanCSeq(d->firstValue(HeaderId::CSeq), &number, &method) ? method : QByteArrayView();
}

QByteArray SipMessage::startLine() const {
    if (!d->valid)
        return {};
    QByteArray out;
    if (d->request) {
        const QByteArrayView m = d->view(d->method), u = d->view(d->uri);
        out.reserve(m.size() + u.size() + 10);
        out.append(m).append(' ').append(u).append(" SIP/2.0");
    } else {
        out = "SIP/2.0 " + QByteArray::number(d->status) + ' ';
        out.append(d->view(d->reason));
    }
    return out;
}

QByteArray SipMessage::toBytes() const {
    const QByteArrayView body = d->view(d->body);
    QByteArray out;
    out.reserve(d->raw.size() + d->owned.size() + 64);
    out.append(startLine());
    out.append("\r\n");
    for (const HeaderEntry &e : d->headers) {
        if (e.id == HeaderId::ContentLength)
            continue;
        if (e.id == HeaderId::Other)
            out.append(d->view(e.name));
        else
            out.append(canonicalHeaderName(e.id));
        out.append(": ");
        out.append(d->view(e.value));
        out.append("\r\n");
    }
    out.append("Content-Length: ");
    out.append(QByteArray::number(body.size()));
    out.append("\r\n\r\n");
    out.append(body);
    return out;
}

} // namespace parlo::sip

#include "sdp/SessionDescription.h"

#include "sdp/RtpMap.h"
#include "sdp/SdpLogging.h"

namespace parlo::sdp {

Q_LOGGING_CATEGORY(lcSdp, "parlo.sdp", QtInfoMsg)

QByteArray SdpError::toString() const {
    static const char *const names[] = {
        "None",           "Empty",      "TooLarge",      "TooManyMedia", "TooManyAttributes", "BadLine",
        "MissingVersion", "BadVersion", "MissingOrigin", "BadOrigin",    "BadConnection",     "BadBandwidth",
        "BadTiming",      "BadMedia",   "BadAttribute",  "MisplacedLine"};
    QByteArray out;
    if (lineNumber > 0)
        out += "line " + QByteArray::number(lineNumber) + ": ";
    out += names[int(code)];
    if (!line.isEmpty())
        out += ": " + line;
    return out;
}

namespace {

std::optional<Bandwidth> parseBandwidth(QByteArrayView value) {
    const QByteArray v = value.toByteArray().trimmed();
    const qsizetype colon = v.indexOf(':');
    if (colon <= 0)
        return std::nullopt;
    Bandwidth b;
    b.type = v.left(colon);
    bool ok = false;
    b.value = v.mid(colon + 1).trimmed().toULongLong(&ok);
    if (!ok)
        return std::nullopt;
    return b;
}

std::optional<Timing> parseTiming(QByteArrayView value) {
    const QList<QByteArray> parts = value.toByteArray().simplified().split(' ');
    if (parts.size() != 2)
        return std::nullopt;
    Timing t;
    bool ok1 = false, ok2 = false;
    t.start = parts[0].toULongLong(&ok1);
    t.stop = parts[1].toULongLong(&ok2);
    if (!ok1 || !ok2)
        return std::nullopt;
    return t;
}

Attribute parseAttribute(QByteArrayView value) {
    const QByteArray v = value.toByteArray();
    const qsizetype colon = v.indexOf(':');
    if (colon < 0)
        return Attribute::property(v);
    return Attribute::withValue(v.left(colon), v.mid(colon + 1));
}

// The attributes whose value we rely on are checked when parsing, so a bad one is a parse error
// naming its line rather than a silently ignored codec later.
bool validAttribute(const Attribute &a) {
    if (a.name.isEmpty())
        return false;
    if (a.name == "rtpmap")
        return RtpMap::parse(a.value).has_value();
    if (a.name == "fmtp") {
        const qsizetype sp = a.value.indexOf(' ');
        return sp > 0 || (!a.value.isEmpty() && sp < 0);
    }
    if (a.name == "ptime" || a.name == "maxptime") {
        QByteArray t = a.value.trimmed();
        if (const qsizetype dot = t.indexOf('.'); dot >= 0)
            t.truncate(dot);
        bool ok = false;
        return t.toInt(&ok) > 0 && ok;
    }
    if (a.name == "rtcp") {
        bool ok = false;
        return a.value.trimmed().split(' ').value(0).toUInt(&ok) <= 65535 && ok;
    }
    return true;
}

QByteArray redactedLine(QByteArrayView line) {
    QByteArray l = line.toByteArray();
    if (l.startsWith("a=crypto") || l.startsWith("k="))
        return l.left(l.indexOf(' ') > 0 ? l.indexOf(' ') : 8) + " <redacted>";
    return l.left(200);
}

} // namespace

std::variant<SessionDescription, SdpError> SessionDescription::parse(QByteArrayView body,
                                                                     const SdpLimits &limits) {
    if (body.size() > limits.maxBodySize)
        return SdpError{SdpError::Code::TooLarge, 0, {}};

    SessionDescription sd;
    bool haveVersion = false, haveOrigin = false;
    int attributeCount = 0;
    int lineNumber = 0;
    qsizetype pos = 0;
    auto error = [&](SdpError::Code code, QByteArrayView line) {
        return SdpError{code, lineNumber, redactedLine(line)};
    };

    while (pos < body.size()) {
        qsizetype end = body.indexOf('\n', pos);
        if (end < 0)
            end = body.size();
        QByteArrayView line = body.sliced(pos, end - pos);
        pos = end + 1;
        ++lineNumber;
        // Lenient: CRLF or LF, and trailing blanks some stacks leave behind.
        while (!line.isEmpty() && (line.back() == '\r' || line.back() == ' ' || line.back() == '\t'))
            line.chop(1);
        if (line.isEmpty())
            continue; // blank lines (e.g. a trailing one) are ignored
        if (line.size() < 2 || line[1] != '=' || !((line[0] >= 'a' && line[0] <= 'z')))
            return error(SdpError::Code::BadLine, line);
        const char type = line[0];
        const QByteArrayView value = line.sliced(2);

        if (!haveVersion) {
            if (type != 'v')
                return error(SdpError::Code::MissingVersion, line);
            if (value != "0")
                return error(SdpError::Code::BadVersion, line);
            haveVersion = true;
            continue;
        }
        MediaDescription *m = sd.media.isEmpty() ? nullptr : &sd.media.last();
        switch (type) {
        case 'v':
            return error(m ? SdpError::Code::MisplacedLine : SdpError::Code::BadVersion, line);
        case 'o': {
            if (m || haveOrigin)
                return error(SdpError::Code::MisplacedLine, line);
            auto o = Origin::parse(value);
            if (!o)
                return error(SdpError::Code::BadOrigin, line);
            sd.origin = *o;
            haveOrigin = true;
            break;
        }
        case 's':
        case 'u':
        case 'e':
        case 'p':
        case 't':
        case 'r':
        case 'z':
            if (m)
                return error(SdpError::Code::MisplacedLine, line);
            if (type == 's')
                sd.sessionName = value.toByteArray();
            else if (type == 'u')
                sd.uri = value.toByteArray();
            else if (type == 'e')
                sd.emails.append(value.toByteArray());
            else if (type == 'p')
                sd.phones.append(value.toByteArray());
            else if (type == 'z')
                sd.zone = value.toByteArray();
            else if (type == 't') {
                auto t = parseTiming(value);
                if (!t)
                    return error(SdpError::Code::BadTiming, line);
                sd.timings.append(*t);
            } else { // r= belongs to the preceding t=
                if (sd.timings.isEmpty())
                    return error(SdpError::Code::BadTiming, line);
                sd.timings.last().repeats.append(value.toByteArray());
            }
            break;
        case 'i':
            (m ? m->information : sd.information) = value.toByteArray();
            break;
        case 'k':
            (m ? m->key : sd.key) = value.toByteArray();
            break;
        case 'c': {
            auto c = Connection::parse(value);
            if (!c)
                return error(SdpError::Code::BadConnection, line);
            if (m)
                m->connections.append(*c);
            else
                sd.connection = *c;
            break;
        }
        case 'b': {
            auto b = parseBandwidth(value);
            if (!b)
                return error(SdpError::Code::BadBandwidth, line);
            (m ? m->bandwidths : sd.bandwidths).append(*b);
            break;
        }
        case 'a': {
            if (++attributeCount > limits.maxAttributes)
                return error(SdpError::Code::TooManyAttributes, line);
            const Attribute a = parseAttribute(value);
            if (!validAttribute(a))
                return error(SdpError::Code::BadAttribute, line);
            (m ? m->attributes : sd.attributes).append(a);
            break;
        }
        case 'm': {
            if (!haveOrigin)
                return error(SdpError::Code::MissingOrigin, line);
            if (sd.media.size() >= limits.maxMedia)
                return error(SdpError::Code::TooManyMedia, line);
            auto md = MediaDescription::parseMediaLine(value);
            if (!md)
                return error(SdpError::Code::BadMedia, line);
            sd.media.append(*md);
            break;
        }
        default:
            // RFC 4566 §5: unknown types are ignored.
            qCDebug(lcSdp) << "ignoring SDP line type" << type;
            break;
        }
    }
    if (!haveVersion)
        return SdpError{SdpError::Code::Empty, 0, {}};
    if (!haveOrigin)
        return SdpError{SdpError::Code::MissingOrigin, 0, {}};
    return sd;
}

QByteArray SessionDescription::toBytes() const {
    QByteArray out;
    out.reserve(512);
    auto add = [&out](char type, const QByteArray &value) {
        out += type;
        out += '=';
        out += value;
        out += "\r\n";
    };
    add('v', QByteArray::number(version));
    add('o', origin.toString());
    add('s', sessionName.isEmpty() ? QByteArray("-") : sessionName);
    if (!information.isEmpty())
        add('i', information);
    if (!uri.isEmpty())
        add('u', uri);
    for (const QByteArray &e : emails)
        add('e', e);
    for (const QByteArray &p : phones)
        add('p', p);
    if (connection)
        add('c', connection->toString());
    for (const Bandwidth &b : bandwidths)
        add('b', b.toString());
    if (timings.isEmpty())
        add('t', "0 0");
    for (const Timing &t : timings) {
        add('t', t.toString());
        for (const QByteArray &r : t.repeats)
            add('r', r);
    }
    if (!zone.isEmpty())
        add('z', zone);
    if (!key.isEmpty())
        add('k', key);
    for (const Attribute &a : attributes)
        add('a', a.toString());
    for (const MediaDescription &m : media) {
        add('m', m.mediaLine());
        if (!m.information.isEmpty())
            add('i', m.information);
        for (const Connection &c : m.connections)
            add('c', c.toString());
        for (const Bandwidth &b : m.bandwidths)
            add('b', b.toString());
        if (!m.key.isEmpty())
            add('k', m.key);
        for (const Attribute &a : m.attributes)
            add('a', a.toString());
    }
    return out;
}

std::optional<Direction> SessionDescription::sessionDirection() const {
    for (const Attribute &a : attributes) {
        if (a.hasValue)
            continue;
        if (auto d = directionFromName(a.name))
            return d;
    }
    return std::nullopt;
}

Direction SessionDescription::direction(int index) const {
    if (index >= 0 && index < media.size()) {
        if (auto d = media[index].direction())
            return *d;
    }
    return sessionDirection().value_or(Direction::SendRecv);
}

std::optional<Connection> SessionDescription::connectionFor(int index) const {
    if (index >= 0 && index < media.size() && !media[index].connections.isEmpty())
        return media[index].connections.first();
    return connection;
}

} // namespace parlo::sdp

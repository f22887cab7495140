#include "sdp/MediaDescription.h"

namespace parlo::sdp {

std::optional<MediaDescription> MediaDescription::parseMediaLine(QByteArrayView value) {
    const QList<QByteArray> parts = value.toByteArray().simplified().split(' ');
    if (parts.size() < 3 || parts[0].isEmpty())
        return std::nullopt;
    MediaDescription m;
    m.media = parts[0];
    QByteArray port = parts[1];
    const qsizetype slash = port.indexOf('/');
    bool ok = false;
    if (slash >= 0) {
        m.numberOfPorts = port.mid(slash + 1).toInt(&ok);
        if (!ok || m.numberOfPorts <= 0)
            return std::nullopt;
        port.truncate(slash);
    }
    const uint p = port.toUInt(&ok);
    if (!ok || p > 65535)
        return std::nullopt;
    m.port = quint16(p);
    m.proto = parts[2];
    m.formats = parts.mid(3);
    // RTP formats are payload type numbers (RFC 4566 §5.14).
    if (m.isRtp()) {
        for (const QByteArray &f : m.formats) {
            const uint pt = f.toUInt(&ok);
            if (!ok || pt > 127)
                return std::nullopt;
        }
    }
    return m;
}

QByteArray MediaDescription::mediaLine() const {
    QByteArray out = media + ' ' + QByteArray::number(port);
    if (numberOfPorts > 0)
        out += '/' + QByteArray::number(numberOfPorts);
    out += ' ' + proto;
    for (const QByteArray &f : formats)
        out += ' ' + f;
    return out;
}

QList<int> MediaDescription::payloadTypes() const {
    QList<int> out;
    for (const QByteArray &f : formats) {
        bool ok = false;
        const int pt = f.toInt(&ok);
        if (ok)
            out.append(pt);
    }
    return out;
}

bool MediaDescription::hasAttribute(QByteArrayView name) const {
    for (const Attribute &a : attributes) {
        if (a.name == name)
            return true;
    }
    return false;
}

std::optional<QByteArray> MediaDescription::attribute(QByteArrayView name) const {
    for (const Attribute &a : attributes) {
        if (a.name == name)
            return a.value;
    }
    return std::nullopt;
}

QList<QByteArray> MediaDescription::attributeValues(QByteArrayView name) const {
    QList<QByteArray> out;
    for (const Attribute &a : attributes) {
        if (a.name == name)
            out.append(a.value);
    }
    return out;
}

void MediaDescription::removeAttributes(QByteArrayView name) {
    attributes.removeIf([&](const Attribute &a) { return a.name == name; });
}

std::optional<RtpMap> MediaDescription::rtpMap(int payloadType) const {
    for (const Attribute &a : attributes) {
        if (a.name != "rtpmap")
            continue;
        const auto m = RtpMap::parse(a.value);
        if (m && m->payloadType == payloadType)
            return m;
    }
    return RtpMap::staticPayload(payloadType);
}

QList<RtpMap> MediaDescription::rtpMaps() const {
    QList<RtpMap> out;
    for (int pt : payloadTypes()) {
        if (auto m = rtpMap(pt))
            out.append(*m);
    }
    return out;
}

std::optional<QByteArray> MediaDescription::fmtp(int payloadType) const {
    const QByteArray prefix = QByteArray::number(payloadType) + ' ';
    for (const Attribute &a : attributes) {
        if (a.name == "fmtp" && a.value.startsWith(prefix))
            return a.value.mid(prefix.size()).trimmed();
    }
    return std::nullopt;
}

static std::optional<int> intAttribute(const MediaDescription &m, QByteArrayView name) {
    const auto v = m.attribute(name);
    if (!v)
        return std::nullopt;
    bool ok = false;
    // Some peers write "ptime:20.0"; keep the integer part.
    QByteArray t = v->trimmed();
    if (const qsizetype dot = t.indexOf('.'); dot >= 0)
        t.truncate(dot);
    const int n = t.toInt(&ok);
    if (!ok || n <= 0)
        return std::nullopt;
    return n;
}

std::optional<int> MediaDescription::ptime() const {
    return intAttribute(*this, "ptime");
}
std::optional<int> MediaDescription::maxptime() const {
    return intAttribute(*this, "maxptime");
}

std::optional<quint16> MediaDescription::rtcpPort() const {
    const auto v = attribute("rtcp");
    if (!v)
        return std::nullopt;
    bool ok = false;
    const uint p = v->trimmed().split(' ').value(0).toUInt(&ok);
    if (!ok || p > 65535)
        return std::nullopt;
    return quint16(p);
}

std::optional<Direction> MediaDescription::direction() const {
    for (const Attribute &a : attributes) {
        if (a.hasValue)
            continue;
        if (auto d = directionFromName(a.name))
            return d;
    }
    return std::nullopt;
}

void MediaDescription::setDirection(Direction d) {
    attributes.removeIf([](const Attribute &a) { return !a.hasValue && directionFromName(a.name); });
    attributes.append(Attribute::property(directionName(d)));
}

QList<CryptoAttribute> MediaDescription::cryptoAttributes() const {
    QList<CryptoAttribute> out;
    for (const Attribute &a : attributes) {
        if (a.name != "crypto")
            continue;
        if (auto c = CryptoAttribute::parse(a.value))
            out.append(*c);
    }
    return out;
}

QList<RtpMap> MediaDescription::telephoneEvents() const {
    QList<RtpMap> out;
    for (const RtpMap &m : rtpMaps()) {
        if (m.isTelephoneEvent())
            out.append(m);
    }
    return out;
}

} // namespace parlo::sdp

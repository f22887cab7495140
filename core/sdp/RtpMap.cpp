#include "sdp/RtpMap.h"

#include <QList>

namespace parlo::sdp {

std::optional<RtpMap> RtpMap::parse(QByteArrayView value) {
    const QByteArray v = value.toByteArray().trimmed();
    const qsizetype sp = v.indexOf(' ');
    if (sp <= 0)
        return std::nullopt;
    RtpMap m;
    bool ok = false;
    m.payloadType = v.left(sp).toInt(&ok);
    if (!ok || m.payloadType < 0 || m.payloadType > 127)
        return std::nullopt;
    const QList<QByteArray> parts = v.mid(sp + 1).trimmed().split('/');
    if (parts.size() < 2 || parts.size() > 3 || parts[0].isEmpty())
        return std::nullopt;
    m.encodingName = parts[0];
    m.clockRate = parts[1].toInt(&ok);
    if (!ok || m.clockRate <= 0)
        return std::nullopt;
    if (parts.size() == 3) {
        m.channels = parts[2].toInt(&ok);
        if (!ok || m.channels <= 0 || m.channels > 255)
            return std::nullopt;
    }
    return m;
}

std::optional<RtpMap> RtpMap::staticPayload(int pt) {
    switch (pt) {
    case 0:
        return RtpMap{0, "PCMU", 8000, 1};
    case 3:
        return RtpMap{3, "GSM", 8000, 1};
    case 4:
        return RtpMap{4, "G723", 8000, 1};
    case 8:
        return RtpMap{8, "PCMA", 8000, 1};
    case 9:
        return RtpMap{9, "G722", 8000, 1}; // 8000 by RFC 3551's historical error; the codec runs at 16 kHz
    case 13:
        return RtpMap{13, "CN", 8000, 1};
    case 18:
        return RtpMap{18, "G729", 8000, 1};
    default:
        return std::nullopt;
    }
}

QByteArray RtpMap::toString() const {
    QByteArray out =
        QByteArray::number(payloadType) + ' ' + encodingName + '/' + QByteArray::number(clockRate);
    if (channels != 1)
        out += '/' + QByteArray::number(channels);
    return out;
}

bool RtpMap::sameCodec(const RtpMap &o) const {
    return encodingName.compare(o.encodingName, Qt::CaseInsensitive) == 0 && clockRate == o.clockRate &&
           channels == o.channels;
}

bool RtpMap::isTelephoneEvent() const {
    return encodingName.compare("telephone-event", Qt::CaseInsensitive) == 0;
}

} // namespace parlo::sdp

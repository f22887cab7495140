#include "presence/XmlBodyGuard.h"

namespace parlo::presence {

EventBodyError xmlError(const QXmlStreamReader &reader, EventBodyError::Kind kind, const QString &detail) {
    EventBodyError e;
    e.kind = kind;
    e.line = reader.lineNumber();
    e.column = reader.columnNumber();
    e.detail = detail;
    return e;
}

EventBodyError checkXmlBody(const QByteArray &body, const XmlLimits &limits) {
    if (body.size() > limits.maxBytes) {
        EventBodyError e;
        e.kind = EventBodyError::Kind::TooLarge;
        e.detail = QString::number(body.size());
        return e;
    }
    QXmlStreamReader reader(body);
    int depth = 0;
    int elements = 0;
    while (!reader.atEnd()) {
        const auto token = reader.readNext();
        switch (token) {
        case QXmlStreamReader::DTD:
            return xmlError(reader, EventBodyError::Kind::DtdForbidden, reader.dtdName().toString());
        case QXmlStreamReader::EntityReference:
            return xmlError(reader, EventBodyError::Kind::EntityForbidden, reader.name().toString());
        case QXmlStreamReader::StartElement:
            if (++depth > limits.maxDepth)
                return xmlError(reader, EventBodyError::Kind::TooDeep, reader.name().toString());
            if (++elements > limits.maxElements)
                return xmlError(reader, EventBodyError::Kind::TooManyElements, reader.name().toString());
            break;
        case QXmlStreamReader::EndElement:
            --depth;
            break;
        default:
            break;
        }
    }
    if (reader.hasError())
        return xmlError(reader, EventBodyError::Kind::NotWellFormed, reader.errorString());
    if (elements == 0)
        return xmlError(reader, EventBodyError::Kind::NotWellFormed, QStringLiteral("no root element"));
    return {};
}

QString readElementText(QXmlStreamReader &reader) {
    return reader.readElementText(QXmlStreamReader::SkipChildElements).trimmed();
}

} // namespace parlo::presence

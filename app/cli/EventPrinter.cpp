#include "EventPrinter.h"

#include <QDateTime>
#include <QJsonDocument>

#include <cstdio>

namespace {
void emitJson(const QString &name, QJsonObject fields) {
    fields.insert(QStringLiteral("event"), name);
    fields.insert(QStringLiteral("time"), QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs));
    const QByteArray line = QJsonDocument(fields).toJson(QJsonDocument::Compact);
    std::fprintf(stdout, "%s\n", line.constData());
    std::fflush(stdout);
}
} // namespace

void EventPrinter::event(const QString &name, const QString &text, QJsonObject fields) {
    if (m_json) {
        emitJson(name, std::move(fields));
        return;
    }
    std::fprintf(stdout, "%s\n", text.toLocal8Bit().constData());
    std::fflush(stdout);
}

void EventPrinter::error(const QString &name, const QString &text, QJsonObject fields) {
    if (m_json) {
        fields.insert(QStringLiteral("message"), text);
        emitJson(name, std::move(fields));
    }
    std::fprintf(stderr, "%s\n", text.toLocal8Bit().constData());
    std::fflush(stderr);
}

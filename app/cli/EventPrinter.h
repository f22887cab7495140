#pragma once

#include <QJsonObject>
#include <QString>

// Prints one event per line on stdout: human-readable text, or with --json one JSON object
// ({"event": name, "time": ISO-8601, ...fields}).
class EventPrinter {
public:
    explicit EventPrinter(bool json)
        : m_json(json) {}
    void event(const QString &name, const QString &text, QJsonObject fields = {});
    // The one-line failure on stderr (and as an event with --json).
    void error(const QString &name, const QString &text, QJsonObject fields = {});

private:
    bool m_json;
};

#pragma once

#include "presence/EventBodyError.h"

#include <QByteArray>
#include <QMap>
#include <QString>
#include <variant>

namespace parlo::presence {

// A message-summary body (RFC 3842, application/simple-message-summary): message-waiting
// indication. Counts per message context class (voice-message, fax-message, …).
struct MessageSummary {
    struct Counts {
        quint32 newMessages = 0, oldMessages = 0;
        quint32 newUrgent = 0, oldUrgent = 0;
        bool operator==(const Counts &) const = default;
    };

    bool messagesWaiting = false;
    QString account;              // Message-Account
    QMap<QString, Counts> counts; // lower-case class name → counts

    Counts voice() const { return counts.value(QStringLiteral("voice-message")); }

    static std::variant<MessageSummary, EventBodyError> parse(const QByteArray &body,
                                                              qsizetype maxBytes = 16 * 1024);
    QByteArray toText() const;

    static constexpr const char *contentType = "application/simple-message-summary";

    bool operator==(const MessageSummary &) const = default;
};

} // namespace parlo::presence

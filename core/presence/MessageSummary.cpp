#include "presence/MessageSummary.h"

#include <QRegularExpression>

namespace parlo::presence {

namespace {

EventBodyError lineError(EventBodyError::Kind kind, int line, const QString &detail) {
    EventBodyError e;
    e.kind = kind;
    e.line = line;
    e.column = 1;
    e.detail = detail;
    return e;
}

bool isMessageClass(const QString &name) {
    static const QStringList classes{QStringLiteral("voice-message"), QStringLiteral("fax-message"),
                                     QStringLiteral("pager-message"), QStringLiteral("multimedia-message"),
                                     QStringLiteral("text-message"),  QStringLiteral("none")};
    return classes.contains(name);
}

} // namespace

std::variant<MessageSummary, EventBodyError> MessageSummary::parse(const QByteArray &body,
                                                                   qsizetype maxBytes) {
    if (body.size() > maxBytes)
        return lineError(EventBodyError::Kind::TooLarge, 0, QString::number(body.size()));
    static const QRegularExpression countsRe(QStringLiteral(
        "^(\\d{1,9})\\s*/\\s*(\\d{1,9})(?:\\s*\\(\\s*(\\d{1,9})\\s*/\\s*(\\d{1,9})\\s*\\))?$"));
    MessageSummary s;
    bool haveStatus = false;
    const QList<QByteArray> lines = body.split('\n');
    int lineNo = 0;
    for (QByteArray raw : lines) {
        ++lineNo;
        if (raw.endsWith('\r'))
            raw.chop(1);
        const QString line = QString::fromUtf8(raw).trimmed();
        if (line.isEmpty()) {
            if (haveStatus)
                break; // opt-msg-headers follow the blank line; not needed for the indication
            continue;
        }
        const qsizetype colon = line.indexOf(QLatin1Char(':'));
        if (colon <= 0)
            return lineError(EventBodyError::Kind::NotWellFormed, lineNo, line.left(40));
        const QString name = line.left(colon).trimmed().toLower();
        const QString value = line.mid(colon + 1).trimmed();
        if (name == QLatin1String("messages-waiting")) {
            const QString v = value.toLower();
            if (v != QLatin1String("yes") && v != QLatin1String("no"))
                return lineError(EventBodyError::Kind::InvalidValue, lineNo, name);
            s.messagesWaiting = v == QLatin1String("yes");
            haveStatus = true;
        } else if (name == QLatin1String("message-account")) {
            s.account = value;
        } else if (isMessageClass(name)) {
            const auto m = countsRe.match(value);
            if (!m.hasMatch())
                return lineError(EventBodyError::Kind::InvalidValue, lineNo, name);
            Counts c;
            c.newMessages = m.captured(1).toUInt();
            c.oldMessages = m.captured(2).toUInt();
            c.newUrgent = m.captured(3).toUInt();
            c.oldUrgent = m.captured(4).toUInt();
            s.counts.insert(name, c);
        }
        // Unknown headers are extensions; ignored.
    }
    if (!haveStatus)
        return lineError(EventBodyError::Kind::MissingField, 0, QStringLiteral("Messages-Waiting"));
    return s;
}

QByteArray MessageSummary::toText() const {
    QByteArray out = "Messages-Waiting: ";
    out += messagesWaiting ? "yes" : "no";
    out += "\r\n";
    if (!account.isEmpty())
        out += "Message-Account: " + account.toUtf8() + "\r\n";
    for (auto it = counts.cbegin(); it != counts.cend(); ++it) {
        QByteArray name = it.key().toUtf8();
        // Header-style capitalisation as in RFC 3842 examples (Voice-Message).
        bool up = true;
        for (char &ch : name) {
            if (up && ch >= 'a' && ch <= 'z')
                ch = char(ch - 'a' + 'A');
            up = ch == '-';
        }
        const Counts &c = it.value();
        out += name + ": " + QByteArray::number(c.newMessages) + '/' + QByteArray::number(c.oldMessages);
        if (c.newUrgent || c.oldUrgent)
            out += " (" + QByteArray::number(c.newUrgent) + '/' + QByteArray::number(c.oldUrgent) + ')';
        out += "\r\n";
    }
    return out;
}

} // namespace parlo::presence

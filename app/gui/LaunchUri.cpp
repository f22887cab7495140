#include "LaunchUri.h"

namespace parlo {

bool LaunchUri::isCallLink(const QString &text) {
    if (text.isEmpty() || text.size() > MaxLength)
        return false;
    for (const QChar c : text) {
        if (c.category() == QChar::Other_Control) // a newline would split the hand-off message
            return false;
    }
    const qsizetype colon = text.indexOf(QLatin1Char(':'));
    if (colon <= 0)
        return false;
    const QString scheme = text.left(colon).toLower();
    return scheme == QLatin1String("sip") || scheme == QLatin1String("sips") ||
           scheme == QLatin1String("tel") || scheme == QLatin1String("callto");
}

QString LaunchUri::fromArguments(const QStringList &positional) {
    for (const QString &arg : positional) {
        const QString text = arg.trimmed();
        if (isCallLink(text))
            return text;
    }
    return {};
}

} // namespace parlo

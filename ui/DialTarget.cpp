#include "DialTarget.h"

#include <QHostAddress>
#include <QRegularExpression>

using parlo::sip::SipUri;

namespace {

// RFC 3966 visual separators, plus the spaces and slashes people type in numbers.
bool isVisualSeparator(QChar c) {
    return c == QLatin1Char('-') || c == QLatin1Char('.') || c == QLatin1Char('(') || c == QLatin1Char(')') ||
           c == QLatin1Char(' ') || c == QLatin1Char('/') || c == QChar(0x00A0);
}

// A dialable number with its separators removed: an optional leading '+', then digits and the
// keypad's * # (and A-D, as DTMF allows); empty when it is not a number.
QString cleanNumber(const QString &text) {
    QString out;
    for (const QChar c : text) {
        if (isVisualSeparator(c))
            continue;
        if (c == QLatin1Char('+') && out.isEmpty()) {
            out += c;
            continue;
        }
        if (c.isDigit() && c.unicode() < 128) {
            out += c;
            continue;
        }
        if (c == QLatin1Char('*') || c == QLatin1Char('#'))
            out += c;
        else
            return {};
    }
    return out == QLatin1String("+") ? QString() : out;
}

bool looksLikeNumber(const QString &text) {
    static const QRegularExpression re(QStringLiteral("^\\+?[0-9*#][0-9*# ()./\\x{00A0}-]*$"));
    return re.match(text).hasMatch();
}

std::variant<SipUri, DialTarget::Error> atDomain(const QByteArray &user, bool number,
                                                 const QByteArray &domain) {
    if (domain.isEmpty())
        return DialTarget::Error::NoAccount;
    // The domain came from a valid AOR; parse it the same way so ports and IPv6 hosts survive.
    auto uri = SipUri::parse("sip:" + domain);
    if (!uri || uri->host().isEmpty())
        return DialTarget::Error::NoAccount;
    uri->params() = {};
    uri->setUser(user);
    // RFC 3261 §19.1.6: a global number in the user part is a telephone-subscriber.
    if (number && user.startsWith('+'))
        uri->params().set("user", "phone");
    return *uri;
}

} // namespace

std::variant<SipUri, DialTarget::Error> DialTarget::normalize(const QString &input,
                                                              const QByteArray &accountDomain) {
    QString text = input.trimmed();
    // "Bob <sip:bob@example.com>" as mail clients and web pages copy it.
    const qsizetype open = text.indexOf(QLatin1Char('<'));
    const qsizetype close = text.lastIndexOf(QLatin1Char('>'));
    if (open >= 0 && close > open)
        text = text.mid(open + 1, close - open - 1).trimmed();
    if (text.isEmpty())
        return Error::Empty;

    const qsizetype colon = text.indexOf(QLatin1Char(':'));
    const QString scheme = colon > 0 ? text.left(colon).toLower() : QString();
    if (scheme == QLatin1String("sip") || scheme == QLatin1String("sips")) {
        const QString rest = text.mid(colon + 1);
        if (rest.contains(QLatin1Char(' ')))
            return Error::InvalidUri;
        auto uri = SipUri::parse((scheme + QLatin1Char(':') + rest).toUtf8());
        if (!uri || uri->host().isEmpty())
            return Error::InvalidUri;
        return *uri;
    }
    if (scheme == QLatin1String("tel") || scheme == QLatin1String("callto")) {
        // tel:+49-30-1234567;phone-context=… — the parameters do not travel in a SIP user part.
        QString number = text.mid(colon + 1);
        if (number.startsWith(QLatin1String("//"))) // callto://+4930…
            number = number.mid(2);
        number = number.section(QLatin1Char(';'), 0, 0);
        if (scheme == QLatin1String("callto") && !looksLikeNumber(number))
            return normalize(number, accountDomain); // callto:bob@example.com, callto:bob
        const QString clean = cleanNumber(number);
        if (clean.isEmpty())
            return Error::InvalidNumber;
        return atDomain(clean.toUtf8(), true, accountDomain);
    }
    // Another scheme (mailto:, https:) — but not "bob@host:5060" or "host:5060".
    static const QRegularExpression schemeRe(QStringLiteral("^[A-Za-z][A-Za-z0-9+.-]*:(?![0-9]+$)"));
    const QString beforeColon = text.section(QLatin1Char(':'), 0, 0);
    if (!beforeColon.contains(QLatin1Char('@')) && !beforeColon.contains(QLatin1Char('.')) &&
        schemeRe.match(text).hasMatch())
        return Error::UnsupportedScheme;
    // An IP address typed to call a phone on the LAN directly ("192.168.1.20", "[::1]:5062").
    if (const auto direct = SipUri::parse(QByteArrayLiteral("sip:") + text.toUtf8());
        direct && direct->user().isEmpty() && !QHostAddress(QString::fromUtf8(direct->host())).isNull())
        return *direct;
    if (text.contains(QLatin1Char('@'))) {
        if (text.contains(QLatin1Char(' ')))
            return Error::InvalidUri;
        auto uri = SipUri::parse(QByteArrayLiteral("sip:") + text.toUtf8());
        if (!uri || uri->host().isEmpty() || uri->user().isEmpty())
            return Error::InvalidUri;
        return *uri;
    }
    if (looksLikeNumber(text)) {
        const QString clean = cleanNumber(text);
        if (clean.isEmpty())
            return Error::InvalidNumber;
        return atDomain(clean.toUtf8(), true, accountDomain);
    }
    // A user name at the account's domain ("bob", "reception").
    static const QRegularExpression userRe(QStringLiteral("^[A-Za-z0-9_.!~*'()&=+$,;?/-]+$"));
    if (!userRe.match(text).hasMatch())
        return text.startsWith(QLatin1Char('+')) || text.at(0).isDigit() ? Error::InvalidNumber
                                                                         : Error::InvalidUri;
    return atDomain(text.toUtf8(), false, accountDomain);
}

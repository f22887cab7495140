#include "storage/VCard.h"

namespace parlo::storage {

namespace {

struct LogicalLine {
    int number = 0;
    QByteArray text;
};

// RFC 6350 §3.2: a CRLF followed by one space or tab continues the previous line.
QList<LogicalLine> unfold(const QByteArray &text) {
    QList<LogicalLine> out;
    int lineNo = 0;
    for (QByteArray raw : text.split('\n')) {
        ++lineNo;
        if (raw.endsWith('\r'))
            raw.chop(1);
        if ((raw.startsWith(' ') || raw.startsWith('\t')) && !out.isEmpty()) {
            out.last().text += raw.mid(1);
            continue;
        }
        if (raw.isEmpty())
            continue;
        out.append({lineNo, raw});
    }
    return out;
}

// Splits on unescaped separators.
QStringList splitEscaped(const QString &value, QChar sep) {
    QStringList parts;
    QString cur;
    for (qsizetype i = 0; i < value.size(); ++i) {
        const QChar c = value[i];
        if (c == QLatin1Char('\\') && i + 1 < value.size()) {
            cur += c;
            cur += value[++i];
        } else if (c == sep) {
            parts << cur;
            cur.clear();
        } else {
            cur += c;
        }
    }
    parts << cur;
    return parts;
}

QString sipFrom(const QString &value) {
    const QString v = value.trimmed();
    if (v.startsWith(QLatin1String("sip:"), Qt::CaseInsensitive) ||
        v.startsWith(QLatin1String("sips:"), Qt::CaseInsensitive))
        return v;
    return {};
}

void foldInto(QByteArray &out, const QByteArray &line) {
    // 75 octets per physical line, never inside a UTF-8 sequence (continuation bytes 10xxxxxx).
    qsizetype pos = 0;
    bool first = true;
    while (pos < line.size()) {
        qsizetype room = first ? 75 : 74;
        qsizetype end = std::min(line.size(), pos + room);
        while (end < line.size() && end > pos && (uchar(line[end]) & 0xC0) == 0x80)
            --end;
        if (!first)
            out += ' ';
        out += line.mid(pos, end - pos);
        out += "\r\n";
        pos = end;
        first = false;
    }
}

} // namespace

QString VCard::unescape(const QString &value) {
    QString out;
    out.reserve(value.size());
    for (qsizetype i = 0; i < value.size(); ++i) {
        const QChar c = value[i];
        if (c == QLatin1Char('\\') && i + 1 < value.size()) {
            const QChar n = value[++i];
            out += (n == QLatin1Char('n') || n == QLatin1Char('N')) ? QChar(QLatin1Char('\n')) : n;
        } else {
            out += c;
        }
    }
    return out;
}

QString VCard::escape(const QString &value) {
    QString out;
    for (const QChar c : value) {
        if (c == QLatin1Char('\\') || c == QLatin1Char(',') || c == QLatin1Char(';'))
            out += QLatin1Char('\\');
        if (c == QLatin1Char('\n')) {
            out += QLatin1String("\\n");
            continue;
        }
        if (c == QLatin1Char('\r'))
            continue;
        out += c;
    }
    return out;
}

VCard::ParseResult VCard::parse(const QByteArray &text, int maxCards) {
    ParseResult result;
    std::optional<VCard> card;
    int cardStart = 0;
    for (const LogicalLine &ll : unfold(text)) {
        const QString line = QString::fromUtf8(ll.text);
        const qsizetype colon = line.indexOf(QLatin1Char(':'));
        if (colon <= 0) {
            result.errors.append({ll.number, QStringLiteral("no property name")});
            continue;
        }
        QStringList nameAndParams = line.left(colon).split(QLatin1Char(';'));
        QString name = nameAndParams.takeFirst().trimmed().toUpper();
        if (const qsizetype dot = name.lastIndexOf(QLatin1Char('.')); dot >= 0)
            name = name.mid(dot + 1); // group prefix (item1.TEL)
        const QString value = line.mid(colon + 1);
        if (name.isEmpty() || name.contains(QLatin1Char(' '))) {
            result.errors.append({ll.number, QStringLiteral("bad property name")});
            continue;
        }
        if (name == QLatin1String("BEGIN")) {
            if (value.trimmed().compare(QLatin1String("VCARD"), Qt::CaseInsensitive) != 0) {
                result.errors.append({ll.number, QStringLiteral("BEGIN")});
                continue;
            }
            if (card)
                result.errors.append({ll.number, QStringLiteral("BEGIN inside a card")});
            card = VCard{};
            card->version.clear();
            cardStart = ll.number;
            continue;
        }
        if (!card) {
            result.errors.append({ll.number, QStringLiteral("outside BEGIN/END")});
            continue;
        }
        if (name == QLatin1String("END")) {
            if (result.cards.size() < maxCards)
                result.cards << *card;
            card.reset();
            continue;
        }
        // Parameters: TYPE=cell,voice (4.0), TYPE=CELL;TYPE=VOICE or a bare CELL (3.0/2.1).
        QStringList types;
        for (const QString &p : nameAndParams) {
            const qsizetype eq = p.indexOf(QLatin1Char('='));
            const QString pname = (eq < 0 ? QString() : p.left(eq)).trimmed().toUpper();
            QString pvalue = eq < 0 ? p : p.mid(eq + 1);
            pvalue.remove(QLatin1Char('"'));
            if (eq < 0 || pname == QLatin1String("TYPE"))
                for (const QString &t : pvalue.split(QLatin1Char(','), Qt::SkipEmptyParts))
                    types << t.trimmed().toLower();
        }
        if (name == QLatin1String("VERSION")) {
            card->version = value.trimmed();
        } else if (name == QLatin1String("FN")) {
            card->formattedName = unescape(value);
        } else if (name == QLatin1String("N")) {
            card->name.clear();
            for (const QString &part : splitEscaped(value, QLatin1Char(';')))
                card->name << unescape(part);
        } else if (name == QLatin1String("TEL")) {
            QString number = unescape(value).trimmed();
            if (number.startsWith(QLatin1String("tel:"), Qt::CaseInsensitive))
                number = number.mid(4);
            if (number.isEmpty()) {
                result.errors.append({ll.number, QStringLiteral("empty TEL")});
                continue;
            }
            card->phones.append({number, types});
        } else if (name == QLatin1String("IMPP") || name == QLatin1String("URL") ||
                   name == QLatin1String("URI") || name == QLatin1String("X-SIP")) {
            QString uri = sipFrom(unescape(value));
            if (uri.isEmpty() && name == QLatin1String("X-SIP") && value.contains(QLatin1Char('@')))
                uri = QStringLiteral("sip:") + value.trimmed();
            if (!uri.isEmpty())
                card->sipUris << uri;
        }
        // Other properties (EMAIL, ADR, PHOTO, …) are not kept.
    }
    if (card) {
        result.errors.append({cardStart, QStringLiteral("missing END:VCARD")});
        if (result.cards.size() < maxCards)
            result.cards << *card;
    }
    return result;
}

QByteArray VCard::serialize(const QList<VCard> &cards) {
    QByteArray out;
    for (const VCard &c : cards) {
        const bool v3 = c.version.startsWith(QLatin1String("3"));
        foldInto(out, "BEGIN:VCARD");
        foldInto(out, "VERSION:" + (v3 ? QByteArray("3.0") : QByteArray("4.0")));
        foldInto(out, "FN:" + escape(c.formattedName).toUtf8());
        QStringList n = c.name;
        while (n.size() < 5)
            n << QString();
        QStringList escaped;
        for (const QString &part : n)
            escaped << escape(part);
        foldInto(out, "N:" + escaped.join(QLatin1Char(';')).toUtf8());
        for (const auto &p : c.phones) {
            QByteArray line = "TEL";
            if (!p.types.isEmpty())
                line += ";TYPE=" + p.types.join(QLatin1Char(',')).toUtf8();
            line += v3 ? ":" + escape(p.number).toUtf8() : ";VALUE=uri:tel:" + p.number.toUtf8();
            foldInto(out, line);
        }
        for (const QString &uri : c.sipUris)
            foldInto(out, (v3 ? "X-SIP:" : "IMPP:") + uri.toUtf8());
        foldInto(out, "END:VCARD");
    }
    return out;
}

Contact VCard::toContact() const {
    Contact c;
    c.name = formattedName;
    if (c.name.isEmpty()) {
        // N is family;given;…: show "given family".
        c.name = (name.value(1) + QLatin1Char(' ') + name.value(0)).trimmed();
    }
    c.sipUri = sipUris.value(0);
    c.phones = phones;
    return c;
}

VCard VCard::fromContact(const Contact &contact, const QString &version) {
    VCard v;
    v.version = version;
    v.formattedName = contact.name;
    const qsizetype space = contact.name.lastIndexOf(QLatin1Char(' '));
    if (space > 0)
        v.name = QStringList{contact.name.mid(space + 1), contact.name.left(space), {}, {}, {}};
    else
        v.name = QStringList{contact.name, {}, {}, {}, {}};
    v.phones = contact.phones;
    if (!contact.sipUri.isEmpty())
        v.sipUris << contact.sipUri;
    return v;
}

} // namespace parlo::storage

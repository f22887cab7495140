#pragma once

#include "storage/Contact.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

namespace parlo::storage {

// A vCard (RFC 2426 v3.0 / RFC 6350 v4.0) reduced to what an address book of a softphone keeps:
// FN, N, TEL with types, and SIP addresses (IMPP:sip:…, X-SIP, URL/URI with a sip: value).
struct VCard {
    struct LineError {
        int line = 0; // 1-based physical line where the logical line starts
        QString detail;
        bool operator==(const LineError &) const = default;
    };
    struct ParseResult {
        QList<VCard> cards;
        QList<LineError> errors; // malformed lines were skipped; the rest was imported
    };

    QString version = QStringLiteral("4.0");
    QString formattedName; // FN
    QStringList name;      // N: family; given; additional; prefixes; suffixes
    QList<Contact::PhoneNumber> phones;
    QStringList sipUris; // "sip:bob@example.com"

    Contact toContact() const;
    static VCard fromContact(const Contact &contact, const QString &version = QStringLiteral("4.0"));

    // Reads UTF-8 text with one or more cards; tolerant of LF-only line ends.
    static ParseResult parse(const QByteArray &text, int maxCards = 10000);
    // CRLF line ends, lines folded at 75 octets without splitting a UTF-8 sequence.
    static QByteArray serialize(const QList<VCard> &cards);

    static QString unescape(const QString &value);
    static QString escape(const QString &value);

    bool operator==(const VCard &) const = default;
};

} // namespace parlo::storage

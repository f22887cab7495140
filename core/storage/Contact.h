#pragma once

#include <QList>
#include <QString>
#include <QStringList>

namespace parlo::storage {

// An address book entry (value type). id 0: not stored yet.
struct Contact {
    struct PhoneNumber {
        QString number;
        QStringList types; // vCard TEL types, lower case: cell, work, home, voice, …
        bool operator==(const PhoneNumber &) const = default;
    };

    qint64 id = 0;
    QString name;
    QString sipUri;
    QList<PhoneNumber> phones;
    bool favourite = false;
    bool watchPresence = false;
    bool watchRegistration = false;
    bool watchDialog = false; // busy lamp

    bool operator==(const Contact &) const = default;
};

} // namespace parlo::storage

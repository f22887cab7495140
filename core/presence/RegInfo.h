#pragma once

#include "presence/EventBodyError.h"
#include "presence/XmlBodyGuard.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <optional>
#include <variant>

namespace parlo::presence {

// A registration information document (RFC 3680, application/reginfo+xml): which contacts
// (devices) are bound to each watched address of record. Partial notifications are merged into
// the full state by version number (RFC 3680 §5.2.1).
struct RegInfo {
    struct Contact {
        QString id;
        QString state; // active | terminated
        QString event; // registered, created, refreshed, shortened, expired, deactivated, probation,
                       // unregistered, rejected
        std::optional<quint32> expires;
        QString uri;
        QString displayName;
        bool active() const { return state == QLatin1String("active"); }
        bool operator==(const Contact &) const = default;
    };
    struct Registration {
        QString aor;
        QString id;
        QString state; // init | active | terminated
        QList<Contact> contacts;
        // "Registered" as a contact list shows it: at least one active contact.
        bool registered() const;
        QList<Contact> activeContacts() const;
        bool operator==(const Registration &) const = default;
    };

    quint32 version = 0;
    bool full = true; // state="full" vs "partial"
    QList<Registration> registrations;

    const Registration *registration(const QString &aor) const;
    bool isRegistered(const QString &aor) const;

    // Applies a newer document. A full document replaces everything; a partial one updates the
    // registrations and contacts it names (by id, else aor/uri). Returns false (and changes
    // nothing) when the version is not the next one — the caller should re-SUBSCRIBE for a full
    // state — or when it is older/equal (a duplicate; ignored).
    enum class MergeResult { Applied, Stale, Gap };
    MergeResult merge(const RegInfo &update);

    static std::variant<RegInfo, EventBodyError> parse(const QByteArray &body, const XmlLimits &limits = {});
    QByteArray toXml() const; // for tests and fixtures

    static constexpr const char *contentType = "application/reginfo+xml";
    static constexpr const char *xmlNamespace = "urn:ietf:params:xml:ns:reginfo";

    bool operator==(const RegInfo &) const = default;
};

} // namespace parlo::presence

#pragma once

#include "storage/Contact.h"
#include "storage/StorageError.h"

#include <QObject>
#include <optional>
#include <variant>

namespace parlo::storage {

class Database;

// Contacts in the database. Every write is one transaction; signals fire after the commit, so a
// listener that reads back sees the new state.
class ContactStore : public QObject {
    Q_OBJECT
public:
    explicit ContactStore(Database *db, QObject *parent = nullptr);

    // Returns the new id.
    std::variant<qint64, StorageError> add(const Contact &contact);
    // Several contacts in one transaction (vCard import): all or none.
    std::variant<QList<qint64>, StorageError> addAll(const QList<Contact> &contacts);
    StorageError update(const Contact &contact);
    StorageError remove(qint64 id);

    QList<Contact> list() const; // by name, favourites first
    std::optional<Contact> find(qint64 id) const;
    // Exact match on the stored URI, ignoring case of scheme and host ("sip:Bob@Example.com").
    std::optional<Contact> findByUri(const QString &sipUri) const;
    QList<Contact> search(const QString &text) const; // name, URI or phone contains text

Q_SIGNALS:
    void contactAdded(qint64 id);
    void contactChanged(qint64 id);
    void contactRemoved(qint64 id);

private:
    QList<Contact> select(const QString &where, const QVariantList &values) const;

    Database *m_db;
};

} // namespace parlo::storage

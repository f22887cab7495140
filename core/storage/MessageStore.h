#pragma once

#include "storage/MessageRecord.h"
#include "storage/StorageError.h"

#include <QObject>
#include <variant>

namespace parlo::storage {

class Database;

// Instant messages per remote party. Each write is one transaction; signals follow the commit.
class MessageStore : public QObject {
    Q_OBJECT
public:
    explicit MessageStore(Database *db, QObject *parent = nullptr);

    std::variant<qint64, StorageError> add(const MessageRecord &message);
    StorageError setStatus(qint64 id, MessageRecord::Status status);

    // Oldest first, the last `limit` messages exchanged with remoteUri.
    QList<MessageRecord> conversation(const QString &remoteUri, int limit = 200) const;
    QList<MessageRecord> forContact(qint64 contactId, int limit = 200) const;

Q_SIGNALS:
    void messageAdded(qint64 id);
    void statusChanged(qint64 id, parlo::storage::MessageRecord::Status status);

private:
    QList<MessageRecord> select(const QString &column, const QVariant &value, int limit) const;

    Database *m_db;
};

} // namespace parlo::storage

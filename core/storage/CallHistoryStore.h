#pragma once

#include "storage/CallRecord.h"
#include "storage/StorageError.h"

#include <QObject>
#include <variant>

namespace parlo::storage {

class Database;

// The call history, newest first. Each write is one transaction; signals follow the commit.
class CallHistoryStore : public QObject {
    Q_OBJECT
public:
    explicit CallHistoryStore(Database *db, QObject *parent = nullptr);

    std::variant<qint64, StorageError> add(const CallRecord &record);
    StorageError update(const CallRecord &record); // e.g. answer/end times once known
    StorageError remove(qint64 id);
    StorageError clear();

    QList<CallRecord> list(int limit = 500) const;
    QList<CallRecord> missedSince(qint64 sinceMs) const;

Q_SIGNALS:
    void recordAdded(qint64 id);
    void recordChanged(qint64 id);
    void recordRemoved(qint64 id);
    void cleared();

private:
    QList<CallRecord> select(const QString &where, const QVariantList &values) const;

    Database *m_db;
};

} // namespace parlo::storage

#pragma once

#include "storage/StorageError.h"

#include <QSqlDatabase>
#include <QString>
#include <functional>

class QSqlQuery;

namespace parlo::storage {

// One SQLite database file opened through Qt SQL under its own connection name (Qt connections are
// per thread: open one Database per thread that uses it). On open it sets WAL journaling and
// synchronous=FULL and runs the ordered schema migrations, each in its own transaction together with
// the version bump, so an interrupted upgrade leaves the previous version intact.
//
// synchronous=FULL, not NORMAL: in WAL mode NORMAL survives a killed process but may lose the last
// commits on power loss or an OS crash; we promise that a confirmed write (a saved contact, a sent
// message) is kept, and our writes are few and small, so the extra fsync per commit is cheap.
class Database {
public:
    // Schema version this build writes; migrations() has exactly this many steps.
    static constexpr int currentVersion = 3;

    explicit Database(QString connectionName);
    ~Database();
    Database(const Database &) = delete;
    Database &operator=(const Database &) = delete;

    StorageError open(const QString &path);
    void close();
    bool isOpen() const;
    int schemaVersion() const; // 0 when empty or closed

    QSqlDatabase connection() const;
    const QString &connectionName() const { return m_name; }

    // Runs work inside BEGIN IMMEDIATE … COMMIT; any false return or failing statement rolls back.
    // work reports the failing query through the error pointer it receives.
    StorageError write(const std::function<bool(QSqlQuery &query, StorageError *error)> &work);

    // "ok" when PRAGMA integrity_check finds nothing.
    QString integrityCheck() const;

    // The SQL of each migration step; step i (0-based) brings the schema to version i + 1.
    static QList<QStringList> migrations();

    static StorageError queryError(const QSqlQuery &query);

private:
    StorageError migrate();

    QString m_name;
};

} // namespace parlo::storage

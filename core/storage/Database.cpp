#include "storage/Database.h"

#include <QLoggingCategory>
#include <QSqlError>
#include <QSqlQuery>

Q_LOGGING_CATEGORY(lcStorage, "parlo.storage")

namespace parlo::storage {

Database::Database(QString connectionName)
    : m_name(std::move(connectionName)) {}

Database::~Database() {
    close();
}

QSqlDatabase Database::connection() const {
    return QSqlDatabase::database(m_name, false);
}

bool Database::isOpen() const {
    return QSqlDatabase::contains(m_name) && connection().isOpen();
}

void Database::close() {
    if (!QSqlDatabase::contains(m_name))
        return;
    {
        QSqlDatabase db = QSqlDatabase::database(m_name, false);
        db.close();
    }
    QSqlDatabase::removeDatabase(m_name);
}

StorageError Database::queryError(const QSqlQuery &query) {
    return {StorageError::Kind::QueryFailed, query.lastError().text()};
}

StorageError Database::open(const QString &path) {
    close();
    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_name);
    db.setDatabaseName(path);
    // A second writer (another process or thread) waits up to 5 s instead of failing at once.
    db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=5000"));
    if (!db.open())
        return {StorageError::Kind::OpenFailed, db.lastError().text()};
    QSqlQuery q(db);
    // Touch the file: a non-database file fails here rather than later in a migration.
    if (!q.exec(QStringLiteral("PRAGMA journal_mode=WAL")) || !q.next()) {
        StorageError e{StorageError::Kind::OpenFailed, q.lastError().text()};
        close();
        return e;
    }
    if (!q.exec(QStringLiteral("PRAGMA synchronous=FULL")) ||
        !q.exec(QStringLiteral("PRAGMA foreign_keys=ON"))) {
        StorageError e{StorageError::Kind::OpenFailed, q.lastError().text()};
        close();
        return e;
    }
    if (StorageError e = migrate()) {
        close();
        return e;
    }
    return {};
}

int Database::schemaVersion() const {
    if (!isOpen())
        return 0;
    QSqlQuery q(connection());
    if (!q.exec(QStringLiteral("SELECT version FROM schema_version")) || !q.next())
        return 0;
    return q.value(0).toInt();
}

QList<QStringList> Database::migrations() {
    return {
        // 1: contacts and call history.
        {QStringLiteral("CREATE TABLE contacts (id INTEGER PRIMARY KEY AUTOINCREMENT, name TEXT NOT NULL, "
                        "sip_uri TEXT NOT NULL DEFAULT '', phones TEXT NOT NULL DEFAULT '[]', "
                        "favourite INTEGER NOT NULL DEFAULT 0)"),
         QStringLiteral(
             "CREATE TABLE call_history (id INTEGER PRIMARY KEY AUTOINCREMENT, direction INTEGER NOT NULL, "
             "remote_uri TEXT NOT NULL, remote_name TEXT NOT NULL DEFAULT '', start_ms INTEGER NOT NULL, "
             "answer_ms INTEGER NOT NULL DEFAULT 0, end_ms INTEGER NOT NULL DEFAULT 0, "
             "end_reason TEXT NOT NULL DEFAULT '', status INTEGER NOT NULL DEFAULT 0, "
             "missed INTEGER NOT NULL DEFAULT 0)")},
        // 2: what to watch per contact; lookup by URI for incoming calls and NOTIFYs.
        {QStringLiteral("ALTER TABLE contacts ADD COLUMN watch_presence INTEGER NOT NULL DEFAULT 0"),
         QStringLiteral("ALTER TABLE contacts ADD COLUMN watch_registration INTEGER NOT NULL DEFAULT 0"),
         QStringLiteral("ALTER TABLE contacts ADD COLUMN watch_dialog INTEGER NOT NULL DEFAULT 0"),
         QStringLiteral("CREATE INDEX contacts_sip_uri ON contacts (sip_uri)"),
         QStringLiteral("CREATE INDEX call_history_start ON call_history (start_ms)")},
        // 3: instant messages.
        {QStringLiteral(
             "CREATE TABLE messages (id INTEGER PRIMARY KEY AUTOINCREMENT, "
             "contact_id INTEGER REFERENCES contacts(id) ON DELETE SET NULL, remote_uri TEXT NOT NULL, "
             "direction INTEGER NOT NULL, body TEXT NOT NULL, time_ms INTEGER NOT NULL, "
             "status INTEGER NOT NULL)"),
         QStringLiteral("CREATE INDEX messages_remote ON messages (remote_uri, time_ms)")},
    };
}

StorageError Database::migrate() {
    QSqlDatabase db = connection();
    QSqlQuery q(db);
    if (!q.exec(QStringLiteral("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)")))
        return {StorageError::Kind::MigrationFailed, q.lastError().text()};
    int version = schemaVersion();
    if (version == 0) {
        q.exec(QStringLiteral("SELECT COUNT(*) FROM schema_version"));
        if (q.next() && q.value(0).toInt() == 0 &&
            !q.exec(QStringLiteral("INSERT INTO schema_version VALUES (0)")))
            return {StorageError::Kind::MigrationFailed, q.lastError().text()};
    }
    if (version > currentVersion)
        return {StorageError::Kind::SchemaTooNew, QString::number(version)};
    const auto steps = migrations();
    for (int v = version; v < currentVersion; ++v) {
        StorageError e = write([&](QSqlQuery &w, StorageError *err) {
            for (const QString &sql : steps[v]) {
                if (!w.exec(sql)) {
                    *err = queryError(w);
                    return false;
                }
            }
            w.prepare(QStringLiteral("UPDATE schema_version SET version = ?"));
            w.addBindValue(v + 1);
            if (!w.exec()) {
                *err = queryError(w);
                return false;
            }
            return true;
        });
        if (e) {
            qCWarning(lcStorage) << "migration to version" << v + 1 << "failed:" << e.detail;
            return {StorageError::Kind::MigrationFailed, e.detail};
        }
    }
    return {};
}

StorageError Database::write(const std::function<bool(QSqlQuery &, StorageError *)> &work) {
    if (!isOpen())
        return {StorageError::Kind::OpenFailed, QStringLiteral("not open")};
    QSqlDatabase db = connection();
    QSqlQuery q(db);
    // IMMEDIATE takes the write lock up front so two writers cannot deadlock on lock upgrade.
    if (!q.exec(QStringLiteral("BEGIN IMMEDIATE")))
        return queryError(q);
    StorageError error;
    const bool ok = work(q, &error);
    if (!ok) {
        QSqlQuery(db).exec(QStringLiteral("ROLLBACK"));
        if (!error)
            error = {StorageError::Kind::QueryFailed, QStringLiteral("aborted")};
        return error;
    }
    QSqlQuery c(db);
    if (!c.exec(QStringLiteral("COMMIT"))) {
        StorageError e = queryError(c);
        QSqlQuery(db).exec(QStringLiteral("ROLLBACK"));
        return e;
    }
    return {};
}

QString Database::integrityCheck() const {
    QSqlQuery q(connection());
    if (!q.exec(QStringLiteral("PRAGMA integrity_check")))
        return q.lastError().text();
    QStringList out;
    while (q.next())
        out << q.value(0).toString();
    return out.join(QLatin1Char('\n'));
}

} // namespace parlo::storage

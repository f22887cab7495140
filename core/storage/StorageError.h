#pragma once

#include <QObject>
#include <QString>

namespace parlo::storage {

// Why a storage operation failed. detail carries the SQL driver text for logs, never user wording.
struct StorageError {
    Q_GADGET
public:
    enum class Kind {
        None,
        OpenFailed,      // the file could not be opened or is not a database
        SchemaTooNew,    // written by a newer Parlo: refuse rather than corrupt it
        MigrationFailed, // a migration step failed; the database is left at the previous version
        QueryFailed,     // a statement failed (disk full, constraint, …); the transaction was rolled back
        NotFound,        // no row with that id
        InvalidValue,    // the value cannot be stored (e.g. empty name)
    };
    Q_ENUM(Kind)

    Kind kind = Kind::None;
    QString detail;

    explicit operator bool() const { return kind != Kind::None; }
};

// Qt binds a null QString as SQL NULL; the columns are NOT NULL with '' meaning "none".
inline QString notNull(const QString &s) {
    return s.isNull() ? QStringLiteral("") : s;
}

} // namespace parlo::storage

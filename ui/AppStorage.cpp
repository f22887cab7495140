#include "AppStorage.h"

#include <QCoreApplication>
#include <QDir>
#include <QLoggingCategory>
#include <QStandardPaths>

Q_LOGGING_CATEGORY(lcAppStorage, "parlo.ui.storage")

using parlo::storage::StorageError;

AppStorage *AppStorage::instance() {
    // Lives as long as the application object; deleted with it, after the QML engines that use it.
    static AppStorage *storage = [] {
        auto *s = new AppStorage;
        if (QCoreApplication *app = QCoreApplication::instance())
            s->setParent(app);
        return s;
    }();
    return storage;
}

AppStorage *AppStorage::create(QQmlEngine *, QJSEngine *) {
    AppStorage *s = instance();
    QJSEngine::setObjectOwnership(s, QJSEngine::CppOwnership);
    return s;
}

AppStorage::AppStorage()
    : m_db(QStringLiteral("parlo-gui"))
    , m_contacts(&m_db)
    , m_history(&m_db)
    , m_messages(&m_db) {
    const QString dir = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
    if (dir.isEmpty() || !QDir().mkpath(dir)) {
        m_error = {StorageError::Kind::OpenFailed, QStringLiteral("no writable data directory")};
    } else {
        m_path = QDir(dir).filePath(QStringLiteral("parlo.sqlite"));
        m_error = m_db.open(m_path);
    }
    if (m_error)
        qCWarning(lcAppStorage) << "database" << m_path << "not opened:" << m_error.kind << m_error.detail;
}

AppStorage::~AppStorage() {
    m_db.close();
}

QString AppStorage::errorText() const {
    switch (m_error.kind) {
    case StorageError::Kind::None:
        return {};
    case StorageError::Kind::SchemaTooNew:
        return tr("The contacts and call history were saved by a newer version of Parlo and cannot be "
                  "opened by this one.");
    default:
        return tr("The contacts and call history cannot be opened (%1); nothing will be saved.")
            .arg(m_path.isEmpty() ? tr("no writable data folder") : m_path);
    }
}

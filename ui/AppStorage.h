#pragma once

#include "storage/CallHistoryStore.h"
#include "storage/ContactStore.h"
#include "storage/Database.h"
#include "storage/MessageStore.h"
#include "storage/StorageError.h"

#include <QObject>
#include <QQmlEngine>

// The app's database (contacts, call history, messages): one SQLite file in the user's data
// directory ($XDG_DATA_HOME/Parlo/parlo.sqlite), opened on first use and shared by every model and
// controller of the GUI thread. QML sees the same object as C++ (AppStorage.instance()).
class AppStorage : public QObject {
    Q_OBJECT
    QML_ELEMENT
    QML_SINGLETON
    Q_PROPERTY(bool ready READ isReady CONSTANT)
    Q_PROPERTY(QString errorText READ errorText CONSTANT)
public:
    static AppStorage *instance();
    // The QML singleton is the shared instance, owned by C++.
    static AppStorage *create(QQmlEngine *, QJSEngine *);

    ~AppStorage() override;

    // False when the database could not be opened; the stores then fail every write with the
    // error, and errorText says why in the user's language.
    bool isReady() const { return !m_error; }
    parlo::storage::StorageError error() const { return m_error; }
    QString errorText() const;
    QString path() const { return m_path; }

    parlo::storage::ContactStore *contacts() { return &m_contacts; }
    parlo::storage::CallHistoryStore *history() { return &m_history; }
    parlo::storage::MessageStore *messages() { return &m_messages; }

private:
    AppStorage();

    parlo::storage::Database m_db;
    parlo::storage::StorageError m_error;
    QString m_path;
    parlo::storage::ContactStore m_contacts;
    parlo::storage::CallHistoryStore m_history;
    parlo::storage::MessageStore m_messages;
};

#pragma once

#include "account/AccountSettings.h"

#include <QList>
#include <QObject>
#include <QString>

namespace parlo {

// The configured accounts, persisted with QSettings (written atomically: QSettings saves to a
// temporary file and renames it). Passwords are never stored here; see SecretStore.
class AccountManager : public QObject {
    Q_OBJECT
public:
    // settingsFile empty: the user's default Parlo configuration file.
    explicit AccountManager(const QString &settingsFile = {}, QObject *parent = nullptr);

    QList<AccountSettings> accounts() const { return m_accounts; }
    std::optional<AccountSettings> account(const QString &id) const;

    // Adds (new id when empty) or replaces by id, and saves. Returns the id, or empty when the
    // settings do not validate or cannot be written.
    QString save(AccountSettings settings);
    bool remove(const QString &id);
    bool load();

Q_SIGNALS:
    void accountsChanged();

private:
    bool write();
    QString m_file;
    QList<AccountSettings> m_accounts;
};

} // namespace parlo

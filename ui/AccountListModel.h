#pragma once

#include "account/AccountSettings.h"
#include "sip/auth/DigestCredentials.h"

#include <QAbstractListModel>
#include <QHash>
#include <QQmlEngine>
#include <QTimer>

namespace parlo {
class Account;
class AccountManager;
class CallManager;
class SecretStore;
class UserAgent;
namespace media {
class MediaEngine;
}
} // namespace parlo

// The configured accounts with their live registration state. Owns the shared user agent, one
// Account per enabled account and the calls placed through them (core's Account has no calls of
// its own yet); passwords come from the keychain, or for this session only from the user when there
// is no keychain.
class AccountListModel : public QAbstractListModel {
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(int count READ rowCount NOTIFY countChanged)
    // Empty: the user's configuration. Tests point it at a scratch file. Set before start().
    Q_PROPERTY(QString settingsFile READ settingsFile WRITE setSettingsFile NOTIFY settingsFileChanged)
    Q_PROPERTY(QString listenError READ listenError NOTIFY listenErrorChanged)
public:
    enum Role {
        IdRole = Qt::UserRole + 1,
        AorRole,
        DisplayNameRole,
        RegistrationStateRole,
        ErrorTextRole,
        ErrorHintRole,
        RetryInSecondsRole,
        PasswordNeededRole,
    };
    Q_ENUM(Role)

    explicit AccountListModel(QObject *parent = nullptr);
    ~AccountListModel() override;

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

    QString settingsFile() const { return m_settingsFile; }
    void setSettingsFile(const QString &file);
    QString listenError() const { return m_listenError; }

    Q_INVOKABLE void start(); // load the accounts and register them
    Q_INVOKABLE void retry(int row);
    Q_INVOKABLE void remove(int row);
    // For this session only (no keychain); registers the account.
    Q_INVOKABLE void setSessionPassword(int row, const QString &password);
    Q_INVOKABLE int rowOf(const QString &id) const;

    // Used by the setup wizard: saves the settings (new id when empty), registers with password.
    // Returns the id, or empty when the settings cannot be saved.
    QString addAccount(const parlo::AccountSettings &settings, const QString &password);

    // The calls of the user agent, created on first use. They go out as the default account (the
    // first enabled one), with its password once it is known.
    parlo::CallManager *callManager();
    // The default account's host[:port], where bare numbers and names are called; empty without one.
    QByteArray defaultDomain() const;
    // For presence, messages and voicemail: the shared stack, the default account (null until it
    // started) and its digest credentials (empty while the password is unknown).
    parlo::UserAgent *userAgent() const { return m_ua; }
    parlo::Account *defaultAccount() const;
    parlo::sip::DigestCredentials defaultCredentials() const;

Q_SIGNALS:
    void countChanged();
    void defaultAccountChanged();
    void settingsFileChanged();
    void listenErrorChanged();

private:
    struct Row {
        parlo::AccountSettings settings;
        parlo::Account *account = nullptr;
        bool passwordNeeded = false;
        QString password; // for the calls' digest credentials; never logged
    };
    void ensureUserAgent();
    void rebuild();
    void startAccount(int row, const QString &password);
    void applyPinnedCertificates();
    void rowChanged(const QString &id, const QList<int> &roles = {});
    void tick();
    const Row *defaultRow() const;
    void updateCallIdentity();

    QString m_settingsFile;
    QString m_listenError;
    parlo::AccountManager *m_manager = nullptr;
    parlo::SecretStore *m_secrets = nullptr;
    parlo::UserAgent *m_ua = nullptr;
    parlo::media::MediaEngine *m_engine = nullptr;
    parlo::CallManager *m_calls = nullptr;
    QList<Row> m_rows;
    QTimer m_countdown; // retryInSeconds is a live countdown
};

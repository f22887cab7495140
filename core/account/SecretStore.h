#pragma once

#include <QObject>
#include <QString>
#include <functional>

namespace parlo {

// Passwords in the OS keychain (Secret Service / KWallet through qtkeychain). Never on disk in
// plain text: when no keychain is available the caller is told so and may keep the password in
// memory for the session only.
class SecretStore : public QObject {
    Q_OBJECT
public:
    enum class Error { None, NoKeychain, AccessDenied, NotFound, Other };
    Q_ENUM(Error)

    explicit SecretStore(QObject *parent = nullptr);

    static bool isAvailable(); // built with qtkeychain

    // Asynchronous; done runs on this object's thread.
    void writePassword(const QString &accountId, const QString &password,
                       std::function<void(Error, QString detail)> done);
    void readPassword(const QString &accountId, std::function<void(Error, QString password)> done);
    void deletePassword(const QString &accountId, std::function<void(Error)> done);

private:
    QString m_service = QStringLiteral("Parlo");
};

} // namespace parlo

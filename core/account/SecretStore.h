#pragma once

#include <QObject>
#include <QString>
#include <functional>

namespace parlo {

// Passwords in the OS keychain (Secret Service / KWallet through qtkeychain). Never on disk in
// plain text: when no keychain is available the caller is told so and may keep the password in
// memory for the session only.
//
// qtkeychain runs in a helper program, parlo-keychain (app/keychain), one run per operation:
// linked here, its libsecret would keep GLib's D-Bus stack, GIO and libgcrypt in the app for good
// (about 4 MB) for a few reads at start-up. The password passes through the helper's pipes only.
class SecretStore : public QObject {
    Q_OBJECT
public:
    enum class Error { None, NoKeychain, AccessDenied, NotFound, Other };
    Q_ENUM(Error)

    explicit SecretStore(QObject *parent = nullptr);

    // The helper: $PARLO_KEYCHAIN_HELPER, else next to the program (a build tree), else in Parlo's
    // library folder (lib/parlo beside bin/); empty when there is none.
    static QString helperPath();
    static bool isAvailable() { return !helperPath().isEmpty(); }

    // Asynchronous; done runs on this object's thread.
    void writePassword(const QString &accountId, const QString &password,
                       std::function<void(Error, QString detail)> done);
    void readPassword(const QString &accountId, std::function<void(Error, QString password)> done);
    void deletePassword(const QString &accountId, std::function<void(Error)> done);

private:
    // Runs the helper's operation with input on its standard input; done gets the outcome and
    // the rest of its output (the password, or why it failed).
    void run(const QString &op, const QString &accountId, const QByteArray &input,
             std::function<void(Error, QString)> done);
};

} // namespace parlo

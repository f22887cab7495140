#include "account/SecretStore.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QProcess>
#include <QTimer>

namespace parlo {

namespace {
// The Linux keychains (Secret Service, KWallet) live on the D-Bus session bus. Without one,
// qtkeychain fails with an unspecific "Unknown error"; say what is really missing instead.
bool sessionBusReachable() {
    if (!qEnvironmentVariableIsEmpty("DBUS_SESSION_BUS_ADDRESS"))
        return true;
    const QString runtime = qEnvironmentVariable("XDG_RUNTIME_DIR");
    return !runtime.isEmpty() && QFileInfo::exists(runtime + QStringLiteral("/bus"));
}

SecretStore::Error errorOf(const QByteArray &outcome) {
    if (outcome == "ok")
        return SecretStore::Error::None;
    if (outcome == "not-found")
        return SecretStore::Error::NotFound;
    if (outcome == "access-denied")
        return SecretStore::Error::AccessDenied;
    if (outcome == "no-keychain")
        return SecretStore::Error::NoKeychain;
    return SecretStore::Error::Other;
}

// A password and a status line; anything longer is not the helper talking.
constexpr qint64 kMaxOutput = 64 * 1024;
} // namespace

SecretStore::SecretStore(QObject *parent)
    : QObject(parent) {}

QString SecretStore::helperPath() {
    const QString fromEnv = qEnvironmentVariable("PARLO_KEYCHAIN_HELPER");
    if (!fromEnv.isEmpty())
        return QFileInfo(fromEnv).isExecutable() ? fromEnv : QString();
    const QString dir = QCoreApplication::applicationDirPath();
    for (const QString &candidate :
         {dir + QStringLiteral("/parlo-keychain"),
          dir + QStringLiteral("/" PARLO_PRIVATE_DIR_FROM_BIN "/parlo-keychain")}) {
        if (QFileInfo(candidate).isExecutable())
            return candidate;
    }
    return {};
}

void SecretStore::run(const QString &op, const QString &accountId, const QByteArray &input,
                      std::function<void(Error, QString)> done) {
    const auto fail = [this, done](Error e, const QString &detail) {
        QTimer::singleShot(0, this, [done, e, detail]() { done(e, detail); });
    };
    if (!sessionBusReachable())
        return fail(Error::NoKeychain, QStringLiteral("no D-Bus session bus"));
    const QString helper = helperPath();
    if (helper.isEmpty())
        return fail(Error::NoKeychain, QStringLiteral("parlo-keychain is not installed"));

    auto *process = new QProcess(this);
    process->setProgram(helper);
    process->setArguments({op, accountId});
    process->setProcessChannelMode(QProcess::ForwardedErrorChannel); // its warnings, never a password
    connect(process, &QProcess::errorOccurred, this, [process, done](QProcess::ProcessError error) {
        if (error != QProcess::FailedToStart)
            return; // finished() follows
        process->deleteLater();
        done(Error::NoKeychain,
             QStringLiteral("parlo-keychain cannot be started: ") + process->errorString());
    });
    connect(process, &QProcess::readyReadStandardOutput, this, [process]() {
        if (process->bytesAvailable() > kMaxOutput)
            process->kill();
    });
    connect(process, &QProcess::finished, this, [process, done](int code, QProcess::ExitStatus status) {
        process->deleteLater();
        const QByteArray out = process->readAllStandardOutput();
        const qsizetype newline = out.indexOf('\n');
        if (status != QProcess::NormalExit || code != 0 || newline < 0 || out.size() > kMaxOutput) {
            done(Error::Other, QStringLiteral("parlo-keychain failed (exit %1)").arg(code));
            return;
        }
        done(errorOf(out.left(newline)), QString::fromUtf8(out.mid(newline + 1)));
    });
    process->start(QIODevice::ReadWrite);
    process->write(input);
    process->closeWriteChannel();
}

void SecretStore::writePassword(const QString &accountId, const QString &password,
                                std::function<void(Error, QString)> done) {
    run(QStringLiteral("write"), accountId, password.toUtf8(), std::move(done));
}

void SecretStore::readPassword(const QString &accountId, std::function<void(Error, QString)> done) {
    run(QStringLiteral("read"), accountId, {}, [done](Error e, const QString &rest) {
        done(e, e == Error::None ? rest : QString()); // after a failure the rest is the reason
    });
}

void SecretStore::deletePassword(const QString &accountId, std::function<void(Error)> done) {
    run(QStringLiteral("delete"), accountId, {}, [done](Error e, const QString &) { done(e); });
}

} // namespace parlo

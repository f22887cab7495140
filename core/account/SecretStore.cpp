#include "account/SecretStore.h"

#include "base/PrivateFile.h"
#include "base/SessionBus.h"

#include <QFileInfo>
#include <QProcess>
#include <QTimer>

namespace parlo {

namespace {
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
    const QString path = privateFile(QStringLiteral("parlo-keychain"), "PARLO_KEYCHAIN_HELPER");
    return QFileInfo(path).isExecutable() ? path : QString();
}

void SecretStore::run(const QString &op, const QString &accountId, const QByteArray &input,
                      std::function<void(Error, QString)> done) {
    const auto fail = [this, done](Error e, const QString &detail) {
        QTimer::singleShot(0, this, [done, e, detail]() { done(e, detail); });
    };
    // The Linux keychains (Secret Service, KWallet) live on the session bus; without one qtkeychain
    // fails with an unspecific "Unknown error": say what is really missing instead.
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

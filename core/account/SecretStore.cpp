#include "account/SecretStore.h"

#include <QFileInfo>
#include <QTimer>

#ifdef PARLO_HAVE_KEYCHAIN
#include <qt6keychain/keychain.h>
#endif

namespace parlo {

#ifdef PARLO_HAVE_KEYCHAIN
namespace {
// The Linux keychains (Secret Service, KWallet) live on the D-Bus session bus. Without one,
// qtkeychain fails with an unspecific "Unknown error"; say what is really missing instead.
bool sessionBusReachable() {
    if (!qEnvironmentVariableIsEmpty("DBUS_SESSION_BUS_ADDRESS"))
        return true;
    const QString runtime = qEnvironmentVariable("XDG_RUNTIME_DIR");
    return !runtime.isEmpty() && QFileInfo::exists(runtime + QStringLiteral("/bus"));
}

SecretStore::Error mapError(QKeychain::Error e) {
    switch (e) {
    case QKeychain::NoError:
        return SecretStore::Error::None;
    case QKeychain::EntryNotFound:
        return SecretStore::Error::NotFound;
    case QKeychain::AccessDenied:
    case QKeychain::AccessDeniedByUser:
        return SecretStore::Error::AccessDenied;
    case QKeychain::NoBackendAvailable:
    case QKeychain::NotImplemented:
        return SecretStore::Error::NoKeychain;
    default:
        return SecretStore::Error::Other;
    }
}
} // namespace
#endif

SecretStore::SecretStore(QObject *parent)
    : QObject(parent) {}

bool SecretStore::isAvailable() {
#ifdef PARLO_HAVE_KEYCHAIN
    return true;
#else
    return false;
#endif
}

void SecretStore::writePassword(const QString &accountId, const QString &password,
                                std::function<void(Error, QString)> done) {
#ifdef PARLO_HAVE_KEYCHAIN
    if (!sessionBusReachable()) {
        QTimer::singleShot(0, this,
                           [done]() { done(Error::NoKeychain, QStringLiteral("no D-Bus session bus")); });
        return;
    }
    auto *job = new QKeychain::WritePasswordJob(m_service, this);
    job->setAutoDelete(true);
    job->setInsecureFallback(false); // never a plain-text file
    job->setKey(accountId);
    job->setTextData(password);
    connect(job, &QKeychain::Job::finished, this,
            [done](QKeychain::Job *j) { done(mapError(j->error()), j->errorString()); });
    job->start();
#else
    Q_UNUSED(accountId)
    Q_UNUSED(password)
    QTimer::singleShot(0, this, [done]() { done(Error::NoKeychain, QString()); });
#endif
}

void SecretStore::readPassword(const QString &accountId, std::function<void(Error, QString)> done) {
#ifdef PARLO_HAVE_KEYCHAIN
    if (!sessionBusReachable()) {
        QTimer::singleShot(0, this, [done]() { done(Error::NoKeychain, QString()); });
        return;
    }
    auto *job = new QKeychain::ReadPasswordJob(m_service, this);
    job->setAutoDelete(true);
    job->setInsecureFallback(false);
    job->setKey(accountId);
    connect(job, &QKeychain::Job::finished, this, [done](QKeychain::Job *j) {
        auto *read = static_cast<QKeychain::ReadPasswordJob *>(j);
        done(mapError(j->error()), read->textData());
    });
    job->start();
#else
    Q_UNUSED(accountId)
    QTimer::singleShot(0, this, [done]() { done(Error::NoKeychain, QString()); });
#endif
}

void SecretStore::deletePassword(const QString &accountId, std::function<void(Error)> done) {
#ifdef PARLO_HAVE_KEYCHAIN
    if (!sessionBusReachable()) {
        QTimer::singleShot(0, this, [done]() { done(Error::NoKeychain); });
        return;
    }
    auto *job = new QKeychain::DeletePasswordJob(m_service, this);
    job->setAutoDelete(true);
    job->setInsecureFallback(false);
    job->setKey(accountId);
    connect(job, &QKeychain::Job::finished, this, [done](QKeychain::Job *j) { done(mapError(j->error())); });
    job->start();
#else
    Q_UNUSED(accountId)
    QTimer::singleShot(0, this, [done]() { done(Error::NoKeychain); });
#endif
}

} // namespace parlo

// parlo-keychain: Parlo's passwords in the OS keychain (Secret Service or KWallet, through
// qtkeychain), one operation per run. The app runs it instead of loading qtkeychain itself:
// libsecret brings GLib's D-Bus stack, GIO and libgcrypt (about 4 MB resident) into the process
// for good, while the keychain is needed only to read the passwords at start-up and to store or
// forget one in the wizard.
//
//   parlo-keychain read <account id>     prints "ok\n<password>"
//   parlo-keychain write <account id>    stores the password read from standard input
//   parlo-keychain delete <account id>
//
// The first output line is the outcome: ok, not-found, access-denied, no-keychain or error; after
// a failure the second line says why, in qtkeychain's words. The password passes only through the
// pipes, never through the command line or the environment (both are visible to other users).
#include <QCoreApplication>
#include <QFile>
#include <qt6keychain/keychain.h>

#include <cstdio>

namespace {

const QString kService = QStringLiteral("Parlo");

QByteArray outcome(QKeychain::Error e) {
    switch (e) {
    case QKeychain::NoError:
        return "ok";
    case QKeychain::EntryNotFound:
        return "not-found";
    case QKeychain::AccessDenied:
    case QKeychain::AccessDeniedByUser:
        return "access-denied";
    case QKeychain::NoBackendAvailable:
    case QKeychain::NotImplemented:
        return "no-keychain";
    default:
        return "error";
    }
}

} // namespace

int main(int argc, char *argv[]) {
    QCoreApplication app(argc, argv);
    const QStringList args = QCoreApplication::arguments();
    const QString op = args.value(1);
    if (args.size() != 3 || !(op == u"read" || op == u"write" || op == u"delete")) {
        std::fprintf(stderr, "usage: parlo-keychain read|write|delete <account id>\n");
        return 2;
    }
    QKeychain::Job *job = nullptr;
    if (op == u"read") {
        job = new QKeychain::ReadPasswordJob(kService, &app);
    } else if (op == u"write") {
        auto *write = new QKeychain::WritePasswordJob(kService, &app);
        QFile in;
        if (!in.open(stdin, QIODevice::ReadOnly))
            return 2;
        write->setTextData(QString::fromUtf8(in.readAll()));
        job = write;
    } else {
        job = new QKeychain::DeletePasswordJob(kService, &app);
    }
    job->setAutoDelete(false);
    job->setInsecureFallback(false); // never a plain-text file
    job->setKey(args.at(2));
    QObject::connect(job, &QKeychain::Job::finished, &app, [op](QKeychain::Job *j) {
        QByteArray out = outcome(j->error()) + '\n';
        if (j->error() != QKeychain::NoError)
            out += j->errorString().toUtf8();
        else if (op == u"read")
            out += static_cast<QKeychain::ReadPasswordJob *>(j)->textData().toUtf8();
        std::fwrite(out.constData(), 1, size_t(out.size()), stdout);
        std::fflush(stdout);
        QCoreApplication::quit();
    });
    job->start();
    return QCoreApplication::exec();
}

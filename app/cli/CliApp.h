#pragma once

#include "EventPrinter.h"
#include "account/AccountSettings.h"

#include <QFile>
#include <QHostAddress>
#include <QObject>
#include <memory>

namespace parlo {
class UserAgent;
namespace sip {
class ClientRegistration;
}
} // namespace parlo

// parlo-cli's commands on the shared core. Options follow the CLI contract in docs/cli.md.
class CliApp : public QObject {
    Q_OBJECT
public:
    struct Options {
        QString command;
        std::optional<parlo::sip::SipUri> aor;
        QString username;
        QString password;
        std::optional<parlo::sip::SipUri> proxy;
        std::optional<parlo::sip::TransportProtocol> transport;
        QString caFile;
        QHostAddress listenAddress = QHostAddress::AnyIPv4;
        quint16 listenPort = 0;
        bool listenPortGiven = false;
        bool json = false;
        bool verbose = false;
        QString logSipFile;
        bool once = false;
        quint32 expires = 3600;
    };

    // Parses argv; on error prints the problem and returns the exit code to use (2), else -1.
    static int parse(const QStringList &args, Options *out);

    explicit CliApp(const Options &options, QObject *parent = nullptr);
    ~CliApp() override;

    // Starts the command; the process exits with the code passed to QCoreApplication::exit().
    bool start();
    // SIGINT/SIGTERM: unregister and exit 0 within 2 s.
    void requestShutdown() { shutdown(0); }

private:
    bool setUpStack();
    void startRegistration();
    void shutdown(int exitCode);
    void logWire(bool outgoing, const parlo::sip::Peer &peer, const QByteArray &bytes);

    Options m_options;
    EventPrinter m_out;
    parlo::UserAgent *m_ua = nullptr;
    parlo::sip::ClientRegistration *m_registration = nullptr;
    std::unique_ptr<QFile> m_sipLog;
    bool m_shuttingDown = false;
};

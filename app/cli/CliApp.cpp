#include "CliApp.h"

#include "ErrorText.h"
#include "account/UserAgent.h"
#include "sip/dialog/ClientRegistration.h"
#include "sip/dialog/UasCore.h"
#include "sip/transport/TransportLayer.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDateTime>
#include <QJsonObject>
#include <QSslCertificate>
#include <QTimer>

#include <cstdio>

using namespace parlo;
using namespace parlo::sip;

namespace {
constexpr qint64 kShutdownGraceMs = 1800; // the contract: exit within 2 s of SIGINT/SIGTERM

int usageError(const QString &text) {
    std::fprintf(stderr, "parlo-cli: %s\nTry 'parlo-cli --help'.\n", text.toLocal8Bit().constData());
    return 2;
}

// "IP", "IP:PORT", "[IPv6]:PORT", "[IPv6]".
bool parseHostPort(const QString &text, QHostAddress *address, quint16 *port, bool *portGiven) {
    QString host = text;
    QString portText;
    if (text.startsWith(QLatin1Char('['))) {
        const int close = text.indexOf(QLatin1Char(']'));
        if (close < 0)
            return false;
        host = text.mid(1, close - 1);
        const QString rest = text.mid(close + 1);
        if (!rest.isEmpty()) {
            if (!rest.startsWith(QLatin1Char(':')))
                return false;
            portText = rest.mid(1);
        }
    } else if (text.count(QLatin1Char(':')) == 1) {
        host = text.section(QLatin1Char(':'), 0, 0);
        portText = text.section(QLatin1Char(':'), 1);
    }
    if (!address->setAddress(host))
        return false;
    *portGiven = !portText.isEmpty();
    if (*portGiven) {
        bool ok = false;
        const uint p = portText.toUInt(&ok);
        if (!ok || p > 65535)
            return false;
        *port = quint16(p);
    }
    return true;
}
} // namespace

int CliApp::parse(const QStringList &args, Options *o) {
    QCommandLineParser p;
    p.setApplicationDescription(QStringLiteral(
        "Parlo SIP softphone, headless.\n\nCommands:\n"
        "  register --once [--expires N]  register the account, exit 0 once registered\n"
        "  listen                          register (with --aor) or act as a direct-IP endpoint, answer\n"
        "                                  requests and print events until SIGINT/SIGTERM"));
    p.addHelpOption();
    p.addVersionOption();
    p.addPositionalArgument(QStringLiteral("command"), QStringLiteral("register | listen"));
    const QCommandLineOption aor(QStringLiteral("aor"),
                                 QStringLiteral("Address of record, e.g. sip:alice@example.com."),
                                 QStringLiteral("URI"));
    const QCommandLineOption username(QStringLiteral("username"),
                                      QStringLiteral("Authentication user name (default: the AOR's user)."),
                                      QStringLiteral("NAME"));
    const QCommandLineOption passwordFile(
        QStringLiteral("password-file"),
        QStringLiteral("Read the password from FILE (else $PARLO_PASSWORD)."), QStringLiteral("FILE"));
    const QCommandLineOption proxy(QStringLiteral("proxy"),
                                   QStringLiteral("Outbound proxy, e.g. sip:127.0.0.1:5060;transport=tcp."),
                                   QStringLiteral("URI"));
    const QCommandLineOption transport(QStringLiteral("transport"), QStringLiteral("udp, tcp or tls."),
                                       QStringLiteral("PROTO"));
    const QCommandLineOption caFile(QStringLiteral("ca-file"),
                                    QStringLiteral("Trust the CA certificates in this PEM file for TLS."),
                                    QStringLiteral("PEM"));
    const QCommandLineOption listen(QStringLiteral("listen"),
                                    QStringLiteral("Local address for SIP (UDP and TCP), e.g. 0.0.0.0:5060."),
                                    QStringLiteral("IP:PORT"));
    const QCommandLineOption json(QStringLiteral("json"),
                                  QStringLiteral("Print events as JSON, one per line."));
    const QCommandLineOption logSip(QStringLiteral("log-sip"),
                                    QStringLiteral("Write every SIP message sent and received to FILE."),
                                    QStringLiteral("FILE"));
    const QCommandLineOption once(QStringLiteral("once"), QStringLiteral("register: exit once registered."));
    const QCommandLineOption expires(QStringLiteral("expires"),
                                     QStringLiteral("Registration interval in seconds (default 3600)."),
                                     QStringLiteral("N"));
    const QCommandLineOption verbose(QStringLiteral("verbose"),
                                     QStringLiteral("Log what the SIP stack does on stderr."));
    p.addOptions({aor, username, passwordFile, proxy, transport, caFile, listen, json, logSip, once, expires,
                  verbose});

    if (!p.parse(args))
        return usageError(p.errorText());
    if (p.isSet(QStringLiteral("help"))) {
        std::fprintf(stdout, "%s", p.helpText().toLocal8Bit().constData());
        return 0;
    }
    if (p.isSet(QStringLiteral("version"))) {
        std::fprintf(stdout, "parlo-cli %s\n", PARLO_VERSION);
        return 0;
    }
    const QStringList positional = p.positionalArguments();
    if (positional.isEmpty())
        return usageError(QStringLiteral("no command given"));
    o->command = positional.first();
    if (o->command != QLatin1String("register") && o->command != QLatin1String("listen"))
        return usageError(QStringLiteral("unknown command '%1'").arg(o->command));
    if (positional.size() > 1)
        return usageError(QStringLiteral("unexpected argument '%1'").arg(positional.at(1)));

    if (p.isSet(aor)) {
        o->aor = SipUri::parse(p.value(aor).toUtf8());
        if (!o->aor || o->aor->scheme() == SipUri::Scheme::Tel || o->aor->user().isEmpty())
            return usageError(QStringLiteral("--aor: '%1' is not a SIP address like sip:alice@example.com")
                                  .arg(p.value(aor)));
    }
    if (o->command == QLatin1String("register") && !o->aor)
        return usageError(QStringLiteral("register needs --aor"));
    if (o->command == QLatin1String("register") && !p.isSet(once))
        return usageError(QStringLiteral("register needs --once (use 'listen' to stay registered)"));
    o->once = p.isSet(once);
    o->username = p.value(username);
    if (p.isSet(passwordFile)) {
        QFile f(p.value(passwordFile));
        if (!f.open(QIODevice::ReadOnly))
            return usageError(
                QStringLiteral("--password-file: cannot read %1: %2").arg(f.fileName(), f.errorString()));
        QByteArray line = f.readLine(4096);
        while (line.endsWith('\n') || line.endsWith('\r'))
            line.chop(1);
        o->password = QString::fromUtf8(line);
    } else {
        o->password = qEnvironmentVariable("PARLO_PASSWORD");
    }
    if (p.isSet(proxy)) {
        o->proxy = SipUri::parse(p.value(proxy).toUtf8());
        if (!o->proxy || o->proxy->scheme() == SipUri::Scheme::Tel || o->proxy->host().isEmpty())
            return usageError(QStringLiteral("--proxy: '%1' is not a SIP URI like sip:proxy.example.com:5060")
                                  .arg(p.value(proxy)));
    }
    if (p.isSet(transport)) {
        o->transport = transportFromName(p.value(transport).toLatin1());
        if (!o->transport)
            return usageError(
                QStringLiteral("--transport: '%1' is not udp, tcp or tls").arg(p.value(transport)));
    }
    if (p.isSet(caFile)) {
        o->caFile = p.value(caFile);
        if (QSslCertificate::fromPath(o->caFile).isEmpty())
            return usageError(QStringLiteral("--ca-file: no PEM certificate in %1").arg(o->caFile));
    }
    if (p.isSet(listen)) {
        if (!parseHostPort(p.value(listen), &o->listenAddress, &o->listenPort, &o->listenPortGiven))
            return usageError(QStringLiteral("--listen: '%1' is not IP:PORT").arg(p.value(listen)));
    }
    if (!o->aor && !o->listenPortGiven)
        o->listenPort = 5060; // a direct-IP endpoint needs a known port
    o->json = p.isSet(json);
    o->verbose = p.isSet(verbose);
    o->logSipFile = p.value(logSip);
    if (p.isSet(expires)) {
        bool ok = false;
        o->expires = p.value(expires).toUInt(&ok);
        if (!ok || o->expires == 0 || o->expires > 86400)
            return usageError(
                QStringLiteral("--expires: '%1' is not a number of seconds (1–86400)").arg(p.value(expires)));
    }
    return -1;
}

CliApp::CliApp(const Options &options, QObject *parent)
    : QObject(parent)
    , m_options(options)
    , m_out(options.json) {}

CliApp::~CliApp() = default;

bool CliApp::setUpStack() {
    m_ua = new UserAgent(Clock::system(), this);
    TransportLayer::Settings settings = m_ua->transport()->settings();
    if (!m_options.caFile.isEmpty())
        settings.caCertificates = QSslCertificate::fromPath(m_options.caFile);
    m_ua->transport()->setSettings(settings);

    if (!m_options.logSipFile.isEmpty()) {
        m_sipLog = std::make_unique<QFile>(m_options.logSipFile);
        if (!m_sipLog->open(QIODevice::WriteOnly | QIODevice::Append | QIODevice::Text)) {
            m_out.error(QStringLiteral("error"), QStringLiteral("cannot write SIP log %1: %2")
                                                     .arg(m_options.logSipFile, m_sipLog->errorString()));
            return false;
        }
        connect(m_ua->transport(), &TransportLayer::wireTrace, this, &CliApp::logWire);
    }

    QString error;
    if (!m_ua->listen(m_options.listenAddress, m_options.listenPort, &error)) {
        m_out.error(QStringLiteral("error"), QStringLiteral("cannot listen on %1:%2: %3")
                                                 .arg(m_options.listenAddress.toString())
                                                 .arg(m_options.listenPort)
                                                 .arg(error));
        return false;
    }
    const Peer local = m_ua->transport()->localEndpoint(TransportProtocol::Udp);
    m_out.event(
        QStringLiteral("listening"),
        QStringLiteral("listening on %1 (udp, tcp)").arg(ErrorText::endpoint(local)),
        {{QStringLiteral("address"), local.address.toString()}, {QStringLiteral("port"), local.port}});

    connect(m_ua->uas(), &UasCore::requestAnswered, this, [this](const SipMessage &request, int status) {
        const QString method = QString::fromLatin1(request.method());
        const QString from = QString::fromUtf8(request.from().uri().toString());
        m_out.event(QStringLiteral("request"),
                    QStringLiteral("%1 from %2 answered %3").arg(method, from).arg(status),
                    {{QStringLiteral("method"), method},
                     {QStringLiteral("from"), from},
                     {QStringLiteral("uri"), QString::fromUtf8(request.requestUri().toString())},
                     {QStringLiteral("status"), status}});
    });
    return true;
}

bool CliApp::start() {
    if (!setUpStack())
        return false;
    if (m_options.aor)
        startRegistration();
    return true;
}

void CliApp::startRegistration() {
    AccountSettings account;
    account.aor = *m_options.aor;
    account.authUsername = m_options.username;
    account.outboundProxy = m_options.proxy;
    account.transport = m_options.transport;
    m_ua->uas()->setLocalUsers({account.aor.user()});

    m_registration = new ClientRegistration(m_ua->transactions(), m_ua->resolver(), m_ua->clock(), this);
    ClientRegistration::Config config;
    config.aor = account.aor;
    config.outboundProxy = account.outboundProxy;
    config.transport = account.transport;
    config.expires = m_options.expires;
    config.retryAutomatically = !m_options.once;
    m_registration->setConfig(config);
    if (!m_options.password.isEmpty())
        m_registration->setCredentials(
            DigestCredentials(account.effectiveAuthUsername().toUtf8(), m_options.password.toUtf8()));

    const QString aor = QString::fromUtf8(account.aor.toString());
    connect(m_registration, &ClientRegistration::registered, this, [this, aor](quint32 expires) {
        const Peer registrar = m_registration->registrarPeer();
        m_out.event(
            QStringLiteral("registered"),
            QStringLiteral("registered %1 at %2 (%3), expires in %4 s")
                .arg(aor, ErrorText::endpoint(registrar),
                     QString::fromLatin1(transportName(registrar.protocol)))
                .arg(expires),
            {{QStringLiteral("aor"), aor},
             {QStringLiteral("registrar"), registrar.toString()},
             {QStringLiteral("contact"), QString::fromUtf8(m_registration->contact().uri().toString())},
             {QStringLiteral("expires"), qint64(expires)}});
        if (m_options.once)
            QCoreApplication::exit(0);
    });
    connect(m_registration, &ClientRegistration::failed, this, [this](const RegistrationError &e) {
        const QJsonObject fields{{QStringLiteral("step"), ErrorText::registrationStep(e)},
                                 {QStringLiteral("status"), e.status},
                                 {QStringLiteral("reason"), QString::fromUtf8(e.reason)},
                                 {QStringLiteral("temporary"), e.temporary && !m_options.once}};
        if (m_options.once || m_registration->state() == ClientRegistration::State::Failed) {
            m_out.error(QStringLiteral("registration_failed"), ErrorText::registrationFailure(e), fields);
            QCoreApplication::exit(1);
            return;
        }
        QJsonObject withText = fields;
        withText.insert(QStringLiteral("message"), ErrorText::registrationFailure(e));
        m_out.event(QStringLiteral("registration_failed"), ErrorText::registrationFailure(e), withText);
    });
    connect(m_registration, &ClientRegistration::retryScheduled, this, [this](int seconds) {
        m_out.event(QStringLiteral("retry"), QStringLiteral("registering again in %1 s").arg(seconds),
                    {{QStringLiteral("seconds"), seconds}});
    });
    connect(m_registration, &ClientRegistration::unregistered, this, [this, aor]() {
        m_out.event(QStringLiteral("unregistered"), QStringLiteral("unregistered %1").arg(aor),
                    {{QStringLiteral("aor"), aor}});
    });
    m_registration->start();
}

void CliApp::shutdown(int exitCode) {
    if (m_shuttingDown)
        return;
    m_shuttingDown = true;
    QTimer::singleShot(kShutdownGraceMs, this, [exitCode]() { QCoreApplication::exit(exitCode); });
    if (m_registration && m_registration->state() != ClientRegistration::State::Unregistered &&
        m_registration->state() != ClientRegistration::State::Failed) {
        connect(m_registration, &ClientRegistration::unregistered, this,
                [exitCode]() { QCoreApplication::exit(exitCode); });
        m_registration->stop();
        return;
    }
    QCoreApplication::exit(exitCode);
}

void CliApp::logWire(bool outgoing, const Peer &peer, const QByteArray &bytes) {
    if (!m_sipLog)
        return;
    const QString header =
        QStringLiteral("%1 %2 %3 %4 (%5 bytes)\n")
            .arg(QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs),
                 outgoing ? QStringLiteral("sent to") : QStringLiteral("received from"),
                 QString::fromLatin1(transportName(peer.protocol)), ErrorText::endpoint(peer))
            .arg(bytes.size());
    m_sipLog->write(header.toUtf8());
    QByteArray text = bytes;
    text.replace("\r\n", "\n");
    m_sipLog->write(text);
    if (!text.endsWith('\n'))
        m_sipLog->write("\n");
    m_sipLog->write("\n");
    m_sipLog->flush();
}

#include "AccountSetupController.h"

#include "AccountListModel.h"
#include "RegistrationErrorText.h"
#include "account/SecretStore.h"
#include "account/UserAgent.h"
#include "sip/dialog/ClientRegistration.h"
#include "sip/transport/Resolver.h"
#include "sip/transport/TlsTransport.h"
#include "sip/transport/TransportLayer.h"

#include <QHostAddress>
#include <QLocale>
#include <QLoggingCategory>
#include <QRegularExpression>
#include <QUuid>

Q_LOGGING_CATEGORY(lcSetup, "parlo.ui.setup")

using parlo::sip::ClientRegistration;
using parlo::sip::RegistrationError;
using parlo::sip::SipUri;

namespace {
// A host name (RFC 1123 labels) or IPv4 address, optionally with :port, or a bracketed IPv6
// address: what a person may type after the @.
bool validHostPort(const QString &hostPort) {
    static const QRegularExpression name(QStringLiteral(
        R"(^([A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)*[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?(:[0-9]{1,5})?$)"));
    static const QRegularExpression v6(QStringLiteral(R"(^\[([0-9A-Fa-f:.]+)\](:[0-9]{1,5})?$)"));
    if (const auto m = v6.match(hostPort); m.hasMatch())
        return QHostAddress(m.captured(1)).protocol() == QAbstractSocket::IPv6Protocol;
    return name.match(hostPort).hasMatch();
}

QString withoutScheme(const QString &text) {
    for (const QLatin1String scheme : {QLatin1String("sips:"), QLatin1String("sip:")})
        if (text.startsWith(scheme, Qt::CaseInsensitive))
            return text.mid(scheme.size());
    return text;
}

// "sip:" is optional in the form; core wants a full URI.
std::optional<SipUri> parseSipUri(const QString &text) {
    const QString full = withoutScheme(text) == text ? QStringLiteral("sip:") + text : text;
    auto uri = SipUri::parse(full.toUtf8());
    if (uri && uri->scheme() == SipUri::Scheme::Tel)
        return std::nullopt;
    return uri;
}
} // namespace

AccountSetupController::AccountSetupController(QObject *parent)
    : QObject(parent)
    , m_secrets(new parlo::SecretStore(this)) {}

AccountSetupController::~AccountSetupController() = default;

void AccountSetupController::setAccounts(AccountListModel *accounts) {
    if (m_accounts == accounts)
        return;
    m_accounts = accounts;
    Q_EMIT accountsChanged();
}

#define PARLO_SETTER(Name, member, Type)                                                                     \
    void AccountSetupController::Name(Type v) {                                                              \
        if (member == v)                                                                                     \
            return;                                                                                          \
        member = v;                                                                                          \
        Q_EMIT fieldsChanged();                                                                              \
    }
PARLO_SETTER(setAor, m_aor, const QString &)
PARLO_SETTER(setPassword, m_password, const QString &)
PARLO_SETTER(setDisplayName, m_displayName, const QString &)
PARLO_SETTER(setAuthUsername, m_authUsername, const QString &)
PARLO_SETTER(setOutboundProxy, m_outboundProxy, const QString &)
PARLO_SETTER(setTransport, m_transport, Transport)
PARLO_SETTER(setInterval, m_interval, int)
#undef PARLO_SETTER

bool AccountSetupController::validateAddress() {
    const QString text = m_aor.trimmed();
    const QString bare = withoutScheme(text);
    const int at = bare.indexOf(QLatin1Char('@'));
    QString error;
    if (text.isEmpty())
        error = tr("Enter your SIP address, like alice@example.com.");
    else if (at < 0)
        error = tr("The address needs an @ between your user name and the domain, like alice@example.com.");
    else if (at == 0)
        error = tr("Enter your user name before the @.");
    else if (at == bare.size() - 1)
        error = tr("Enter your provider's domain after the @.");
    else if (!validHostPort(bare.mid(at + 1).section(QLatin1Char(';'), 0, 0)))
        error = tr("“%1” is not a valid domain name.").arg(bare.mid(at + 1).section(QLatin1Char(';'), 0, 0));
    else if (!parseSipUri(text))
        error = tr("This is not a valid SIP address.");
    else {
        parlo::AccountSettings s = settings();
        s.outboundProxy.reset();
        s.registerExpires = 3600;
        switch (s.validate()) {
        case parlo::AccountSettings::Problem::None:
            break;
        case parlo::AccountSettings::Problem::AorNoUser:
            error = tr("Enter your user name before the @.");
            break;
        case parlo::AccountSettings::Problem::AorNoHost:
            error = tr("Enter your provider's domain after the @.");
            break;
        default:
            error = tr("This is not a valid SIP address.");
            break;
        }
    }
    if (error != m_aorError) {
        m_aorError = error;
        Q_EMIT errorsChanged();
    }
    return error.isEmpty();
}

bool AccountSetupController::validatePassword() {
    const QString error = m_password.isEmpty() ? tr("Enter the password of your SIP account.") : QString();
    if (error != m_passwordError) {
        m_passwordError = error;
        Q_EMIT errorsChanged();
    }
    return error.isEmpty();
}

bool AccountSetupController::validateAdvanced() {
    QString proxyError, intervalError;
    const QString proxy = m_outboundProxy.trimmed();
    if (!proxy.isEmpty()) {
        const auto uri = parseSipUri(proxy);
        const QString hostPart = withoutScheme(proxy).section(QLatin1Char(';'), 0, 0);
        if (!uri || !uri->isValid() || !uri->user().isEmpty() || !validHostPort(hostPart))
            proxyError = tr("The outbound proxy must be a SIP address like sip:proxy.example.com:5060.");
    }
    if (m_interval < 30 || m_interval > 86400)
        intervalError = tr("The registration interval must be between 30 and 86400 seconds.");
    if (proxyError != m_proxyError || intervalError != m_intervalError) {
        m_proxyError = proxyError;
        m_intervalError = intervalError;
        Q_EMIT errorsChanged();
    }
    return proxyError.isEmpty() && intervalError.isEmpty();
}

parlo::AccountSettings AccountSetupController::settings() const {
    parlo::AccountSettings s;
    s.id = m_pendingId;
    s.displayName = m_displayName.trimmed();
    if (auto aor = parseSipUri(m_aor.trimmed()))
        s.aor = *aor;
    s.authUsername = m_authUsername.trimmed();
    if (!m_outboundProxy.trimmed().isEmpty())
        s.outboundProxy = parseSipUri(m_outboundProxy.trimmed());
    switch (m_transport) {
    case Transport::Automatic:
        break;
    case Transport::Udp:
        s.transport = parlo::sip::TransportProtocol::Udp;
        break;
    case Transport::Tcp:
        s.transport = parlo::sip::TransportProtocol::Tcp;
        break;
    case Transport::Tls:
        s.transport = parlo::sip::TransportProtocol::Tls;
        break;
    }
    s.registerExpires = quint32(std::max(0, m_interval));
    s.pinnedCertificate = m_pinnedCertificate;
    return s;
}

void AccountSetupController::setTest(TestState s) {
    m_testState = s;
    Q_EMIT testChanged();
}

void AccountSetupController::cancelTest() {
    if (m_testUa) {
        m_testUa->disconnect(this);
        m_testUa->transport()->disconnect(this);
        m_testUa->deleteLater();
    }
    m_testUa = nullptr;
    m_testRegistration = nullptr;
    m_failedCertificate = QSslCertificate();
    m_certificatePinnable = false;
    m_failedStep = TestState::Idle;
    m_testServer.clear();
    m_testError.clear();
    m_testHint.clear();
    setTest(TestState::Idle);
}

void AccountSetupController::testConnection() {
    cancelTest();
    const bool ok = validateAddress() & validatePassword() & validateAdvanced();
    if (!ok)
        return;
    const parlo::AccountSettings s = settings();

    // A user agent of its own, so the test never disturbs registered accounts and what it sends
    // tells which step the test is at.
    m_testUa = new parlo::UserAgent(parlo::Clock::system(), this);
    if (!s.pinnedCertificate.isEmpty()) {
        auto transportSettings = m_testUa->transport()->settings();
        transportSettings.pinnedCertificates = {s.pinnedCertificate};
        m_testUa->transport()->setSettings(transportSettings);
    }
    QString listenError;
    if (!m_testUa->listen(QHostAddress::AnyIPv4, 0, &listenError)) {
        m_failedStep = TestState::Connecting;
        m_testError = tr("Parlo cannot open a network port: %1").arg(listenError);
        m_testHint = tr("Check that your computer is connected to a network.");
        setTest(TestState::Failed);
        return;
    }
    auto *reg =
        new ClientRegistration(m_testUa->transactions(), m_testUa->resolver(), m_testUa->clock(), m_testUa);
    m_testRegistration = reg;
    ClientRegistration::Config config;
    config.aor = s.aor;
    config.outboundProxy = s.outboundProxy;
    config.transport = s.transport;
    config.expires = s.registerExpires;
    config.displayName = s.displayName;
    config.retryAutomatically = false;
    reg->setConfig(config);
    reg->setCredentials(
        parlo::sip::DigestCredentials(s.effectiveAuthUsername().toUtf8(), m_password.toUtf8()));

    // The registration resolves too; resolving here as well lets the wizard show the server it
    // is connecting to before anything is sent.
    const SipUri target = s.outboundProxy ? *s.outboundProxy : SipUri::sip({}, s.aor.host(), s.aor.port());
    m_testUa->resolver()->resolve(
        target, s.transport,
        [this](parlo::sip::Resolver::Error error, const QList<parlo::sip::Peer> &peers) {
            if (error != parlo::sip::Resolver::Error::None || peers.isEmpty() ||
                m_testState != TestState::Resolving)
                return;
            m_testServer = RegistrationErrorText::endpoint(peers.first());
            setTest(TestState::Connecting);
        },
        m_testUa);
    connect(m_testUa->transport(), &parlo::sip::TransportLayer::wireTrace, this,
            [this](bool outgoing, const parlo::sip::Peer &peer, const QByteArray &) {
                if (!outgoing ||
                    (m_testState != TestState::Resolving && m_testState != TestState::Connecting))
                    return;
                m_testServer = RegistrationErrorText::endpoint(peer);
                setTest(TestState::Registering);
            });
    connect(reg, &ClientRegistration::registered, this, [this, reg](quint32) {
        if (reg != m_testRegistration)
            return;
        m_testServer = RegistrationErrorText::endpoint(reg->registrarPeer());
        setTest(TestState::Succeeded);
        reg->stop(); // a test leaves no binding behind
    });
    connect(reg, &ClientRegistration::failed, this, [this, reg](const RegistrationError &e) {
        if (reg != m_testRegistration || m_testState == TestState::Succeeded)
            return;
        using Kind = RegistrationError::Kind;
        switch (e.kind) {
        case Kind::DnsNotFound:
        case Kind::DnsFailure:
            m_failedStep = TestState::Resolving;
            break;
        case Kind::ConnectFailed:
        case Kind::TlsCertificate:
        case Kind::TlsHandshake:
        case Kind::TransportFailed:
            m_failedStep = TestState::Connecting;
            break;
        case Kind::Timeout:
            m_failedStep = m_testState == TestState::Resolving ? TestState::Connecting : m_testState;
            break;
        default:
            m_failedStep = TestState::Registering;
            break;
        }
        if (!e.peer.address.isNull())
            m_testServer = RegistrationErrorText::endpoint(e.peer);
        m_testError = RegistrationErrorText::problem(e);
        m_testHint = RegistrationErrorText::hint(e);
        if (e.kind == Kind::TlsCertificate) {
            m_failedCertificate = e.transport.peerCertificateChain.value(0);
            m_certificatePinnable = parlo::sip::TlsTransport::pinnable(e.transport.sslErrors);
        }
        qCInfo(lcSetup) << "connection test failed at step" << m_failedStep << "kind" << int(e.kind);
        setTest(TestState::Failed);
    });
    setTest(TestState::Resolving);
    reg->start();
}

QString AccountSetupController::certificateSubject() const {
    return m_failedCertificate.subjectDisplayName();
}

QString AccountSetupController::certificateIssuer() const {
    return m_failedCertificate.issuerDisplayName();
}

QString AccountSetupController::certificateValidity() const {
    if (m_failedCertificate.isNull())
        return {};
    const QLocale locale;
    return tr("%1 to %2")
        .arg(locale.toString(m_failedCertificate.effectiveDate().toLocalTime(), QLocale::ShortFormat),
             locale.toString(m_failedCertificate.expiryDate().toLocalTime(), QLocale::ShortFormat));
}

QString AccountSetupController::certificateFingerprint() const {
    if (m_failedCertificate.isNull())
        return {};
    return QString::fromLatin1(m_failedCertificate.digest(QCryptographicHash::Sha256).toHex(':').toUpper());
}

void AccountSetupController::trustCertificate() {
    if (!certificateTrustable())
        return;
    m_pinnedCertificate = m_failedCertificate.digest(QCryptographicHash::Sha256);
    qCInfo(lcSetup) << "user trusts certificate" << certificateFingerprint();
    Q_EMIT fieldsChanged();
    testConnection();
}

void AccountSetupController::setSaveState(SaveState s) {
    m_saveState = s;
    Q_EMIT saveChanged();
}

void AccountSetupController::save() {
    if (!(validateAddress() & validatePassword() & validateAdvanced()))
        return;
    if (m_pendingId.isEmpty())
        m_pendingId = QUuid::createUuid().toString(QUuid::WithoutBraces);
    m_saveError.clear();
    setSaveState(SaveState::Saving);
    const QString id = m_pendingId;
    // The password goes to the keychain first: settings are saved only once the password is safe
    // or the user chose to keep it for this session.
    m_secrets->writePassword(
        id, m_password, [this, id](parlo::SecretStore::Error error, const QString &detail) {
            if (id != m_pendingId)
                return;
            switch (error) {
            case parlo::SecretStore::Error::None:
                finishSave(id);
                return;
            case parlo::SecretStore::Error::NoKeychain:
                m_saveError = tr("No keychain is available to store your password safely.");
                break;
            case parlo::SecretStore::Error::AccessDenied:
                m_saveError = tr("The keychain refused to store the password.");
                break;
            default:
                m_saveError = tr("The password could not be stored in the keychain.");
                break;
            }
            qCInfo(lcSetup) << "keychain write failed:" << error << detail;
            setSaveState(SaveState::NoKeychain);
        });
}

void AccountSetupController::saveForSessionOnly() {
    if (m_saveState != SaveState::NoKeychain)
        return;
    finishSave(m_pendingId);
}

void AccountSetupController::finishSave(const QString &id) {
    parlo::AccountSettings s = settings();
    s.id = id;
    const QString saved = m_accounts ? m_accounts->addAccount(s, m_password) : QString();
    if (saved.isEmpty()) {
        m_saveError = tr("The account could not be saved.");
        setSaveState(SaveState::SaveFailed);
        return;
    }
    m_savedId = saved;
    m_saveError.clear();
    setSaveState(SaveState::Saved);
}

void AccountSetupController::reset() {
    cancelTest();
    m_aor.clear();
    m_password.clear();
    m_displayName.clear();
    m_authUsername.clear();
    m_outboundProxy.clear();
    m_transport = Transport::Automatic;
    m_interval = 3600;
    m_pinnedCertificate.clear();
    m_aorError.clear();
    m_passwordError.clear();
    m_proxyError.clear();
    m_intervalError.clear();
    m_pendingId.clear();
    m_savedId.clear();
    m_saveError.clear();
    m_saveState = SaveState::Unsaved;
    Q_EMIT fieldsChanged();
    Q_EMIT errorsChanged();
    Q_EMIT saveChanged();
}

#include "AccountListModel.h"

#include "AudioSettings.h"
#include "RegistrationErrorText.h"
#include "account/Account.h"
#include "account/AccountManager.h"
#include "account/SecretStore.h"
#include "account/UserAgent.h"
#include "call/CallManager.h"
#include "call/EngineCallMedia.h"
#include "media/MediaEngine.h"
#include "sip/transport/TransportLayer.h"

#include <QLoggingCategory>
#include <QPointer>

Q_LOGGING_CATEGORY(lcAccountList, "parlo.ui.accounts")

using parlo::sip::ClientRegistration;

AccountListModel::AccountListModel(QObject *parent)
    : QAbstractListModel(parent)
    , m_secrets(new parlo::SecretStore(this)) {
    m_countdown.setInterval(1000);
    connect(&m_countdown, &QTimer::timeout, this, &AccountListModel::tick);
}

AccountListModel::~AccountListModel() {
    // The calls hang up through the user agent and their media lives on the engine: both must
    // outlive the call manager.
    delete m_calls;
    delete m_engine;
}

parlo::CallManager *AccountListModel::callManager() {
    if (m_calls)
        return m_calls;
    ensureUserAgent();
    m_calls = new parlo::CallManager(m_ua, this);
    parlo::sdp::MediaCapabilities caps = m_calls->capabilities();
    // SDES when the peer agrees, plain RTP otherwise: calls work with any provider.
    caps.srtp = parlo::sdp::SrtpPolicy::Optional;
    m_calls->setCapabilities(caps);
    // The media engine (its thread, libsrtp's and the crypto library's start-up) comes with the
    // first call, not with the window: most of the time the app only waits for calls.
    QPointer<AccountListModel> self(this);
    m_calls->setMediaFactory([self](const QHostAddress &towards) -> std::unique_ptr<parlo::CallMedia> {
        if (!self)
            return nullptr;
        if (!self->m_engine)
            self->m_engine = new parlo::media::MediaEngine(self);
        parlo::CallMediaOptions media;
        media.useAudioDevices = true;
        // The devices chosen in the settings, read per call: a change applies to the next call.
        media.inputDeviceId = AudioSettings::instance()->inputDeviceId();
        media.outputDeviceId = AudioSettings::instance()->outputDeviceId();
        return parlo::createCallMedia(self->m_engine, media, towards);
    });
    updateCallIdentity();
    return m_calls;
}

const AccountListModel::Row *AccountListModel::defaultRow() const {
    for (const Row &r : m_rows)
        if (r.settings.enabled)
            return &r;
    return nullptr;
}

QByteArray AccountListModel::defaultDomain() const {
    const Row *r = defaultRow();
    return r ? r->settings.aor.hostPort() : QByteArray();
}

parlo::Account *AccountListModel::defaultAccount() const {
    const Row *r = defaultRow();
    return r ? r->account : nullptr;
}

parlo::sip::DigestCredentials AccountListModel::defaultCredentials() const {
    const Row *r = defaultRow();
    if (!r || r->password.isEmpty())
        return {};
    return parlo::sip::DigestCredentials(r->settings.effectiveAuthUsername().toUtf8(), r->password.toUtf8());
}

void AccountListModel::updateCallIdentity() {
    Q_EMIT defaultAccountChanged();
    if (!m_calls)
        return;
    parlo::CallManager::Identity me;
    if (const Row *r = defaultRow()) {
        me.from = parlo::sip::NameAddr(r->settings.aor, r->settings.displayName);
        if (!r->password.isEmpty())
            me.credentials = parlo::sip::DigestCredentials(r->settings.effectiveAuthUsername().toUtf8(),
                                                           r->password.toUtf8());
        me.outboundProxy = r->settings.outboundProxy;
        me.transport = r->settings.transport;
    }
    m_calls->setIdentity(me);
}

void AccountListModel::setSettingsFile(const QString &file) {
    if (file == m_settingsFile)
        return;
    m_settingsFile = file;
    Q_EMIT settingsFileChanged();
}

void AccountListModel::ensureUserAgent() {
    if (m_ua)
        return;
    m_ua = new parlo::UserAgent(parlo::Clock::system(), this);
    QString error;
    if (!m_ua->listen(QHostAddress::AnyIPv4, 0, &error)) {
        qCWarning(lcAccountList) << "cannot listen:" << error;
        m_listenError = error;
        Q_EMIT listenErrorChanged();
    }
}

void AccountListModel::start() {
    if (m_manager)
        return;
    ensureUserAgent();
    m_manager = new parlo::AccountManager(m_settingsFile, this);
    m_manager->load();
    rebuild();
}

void AccountListModel::rebuild() {
    beginResetModel();
    for (Row &r : m_rows)
        delete r.account;
    m_rows.clear();
    for (const parlo::AccountSettings &s : m_manager->accounts())
        m_rows.append(Row{s, nullptr, false});
    endResetModel();
    Q_EMIT countChanged();
    updateCallIdentity();

    for (const Row &r : std::as_const(m_rows)) {
        if (!r.settings.enabled)
            continue;
        const QString id = r.settings.id;
        m_secrets->readPassword(id, [this, id](parlo::SecretStore::Error error, const QString &password) {
            const int row = rowOf(id);
            if (row < 0 || m_rows[row].account)
                return;
            if (error != parlo::SecretStore::Error::None) {
                m_rows[row].passwordNeeded = true;
                rowChanged(id, {PasswordNeededRole});
                return;
            }
            startAccount(row, password);
        });
    }
}

void AccountListModel::startAccount(int row, const QString &password) {
    Row &r = m_rows[row];
    const QString id = r.settings.id;
    if (!r.account) {
        r.account = new parlo::Account(r.settings, m_ua, this);
        ClientRegistration *reg = r.account->registration();
        connect(reg, &ClientRegistration::stateChanged, this, [this, id](ClientRegistration::State s) {
            rowChanged(id, {RegistrationStateRole, ErrorTextRole, ErrorHintRole, RetryInSecondsRole});
            if (s == ClientRegistration::State::RetryWaiting && !m_countdown.isActive())
                m_countdown.start();
        });
    }
    r.passwordNeeded = false;
    r.password = password;
    r.account->setPassword(password);
    applyPinnedCertificates();
    r.account->start();
    rowChanged(id);
    updateCallIdentity();
}

void AccountListModel::applyPinnedCertificates() {
    // The accounts share one user agent, so they share its pins; each pin still admits only the
    // one certificate a user accepted.
    if (!m_ua)
        return;
    parlo::sip::TransportLayer::Settings settings = m_ua->transport()->settings();
    settings.pinnedCertificates.clear();
    for (const Row &r : std::as_const(m_rows))
        if (!r.settings.pinnedCertificate.isEmpty())
            settings.pinnedCertificates.append(r.settings.pinnedCertificate);
    if (settings.pinnedCertificates != m_ua->transport()->settings().pinnedCertificates)
        m_ua->transport()->setSettings(settings);
}

QString AccountListModel::addAccount(const parlo::AccountSettings &settings, const QString &password) {
    if (!m_manager)
        start();
    const QString id = m_manager->save(settings);
    if (id.isEmpty())
        return {};
    const auto saved = m_manager->account(id);
    int row = rowOf(id);
    if (row < 0) {
        beginInsertRows({}, m_rows.size(), m_rows.size());
        m_rows.append(Row{*saved, nullptr, false});
        endInsertRows();
        Q_EMIT countChanged();
        row = m_rows.size() - 1;
        updateCallIdentity();
    } else {
        m_rows[row].settings = *saved;
        if (m_rows[row].account)
            m_rows[row].account->setSettings(*saved);
    }
    startAccount(row, password);
    return id;
}

void AccountListModel::retry(int row) {
    if (row < 0 || row >= m_rows.size() || !m_rows[row].account)
        return;
    m_rows[row].account->start();
    rowChanged(m_rows[row].settings.id);
}

void AccountListModel::remove(int row) {
    if (row < 0 || row >= m_rows.size())
        return;
    const QString id = m_rows[row].settings.id;
    beginRemoveRows({}, row, row);
    Row r = m_rows.takeAt(row);
    endRemoveRows();
    Q_EMIT countChanged();
    if (r.account) {
        // Remove the binding, then let the account go; it is gone from the list already.
        parlo::Account *account = r.account;
        connect(account->registration(), &ClientRegistration::unregistered, account, &QObject::deleteLater);
        account->stop();
        QTimer::singleShot(5000, account, &QObject::deleteLater);
    }
    m_manager->remove(id);
    applyPinnedCertificates(); // its trust goes with it
    updateCallIdentity();
    m_secrets->deletePassword(id, [](parlo::SecretStore::Error) {});
}

void AccountListModel::setSessionPassword(int row, const QString &password) {
    if (row < 0 || row >= m_rows.size() || password.isEmpty())
        return;
    startAccount(row, password);
}

int AccountListModel::rowOf(const QString &id) const {
    for (int i = 0; i < m_rows.size(); ++i)
        if (m_rows[i].settings.id == id)
            return i;
    return -1;
}

void AccountListModel::rowChanged(const QString &id, const QList<int> &roles) {
    const int row = rowOf(id);
    if (row >= 0)
        Q_EMIT dataChanged(index(row), index(row), roles);
}

void AccountListModel::tick() {
    bool waiting = false;
    for (const Row &r : std::as_const(m_rows)) {
        if (r.account && r.account->registration()->state() == ClientRegistration::State::RetryWaiting) {
            waiting = true;
            rowChanged(r.settings.id, {RetryInSecondsRole});
        }
    }
    if (!waiting)
        m_countdown.stop();
}

int AccountListModel::rowCount(const QModelIndex &parent) const {
    return parent.isValid() ? 0 : m_rows.size();
}

QVariant AccountListModel::data(const QModelIndex &index, int role) const {
    if (!index.isValid() || index.row() >= m_rows.size())
        return {};
    const Row &r = m_rows[index.row()];
    const ClientRegistration *reg = r.account ? r.account->registration() : nullptr;
    switch (role) {
    case IdRole:
        return r.settings.id;
    case AorRole:
        return QString::fromUtf8(r.settings.aor.toString());
    case Qt::DisplayRole:
    case DisplayNameRole:
        return r.settings.displayName;
    case RegistrationStateRole:
        return int(reg ? reg->state() : ClientRegistration::State::Unregistered);
    case ErrorTextRole:
        return reg ? RegistrationErrorText::problem(reg->lastError()) : QString();
    case ErrorHintRole:
        return reg ? RegistrationErrorText::hint(reg->lastError()) : QString();
    case RetryInSecondsRole: {
        if (!reg || reg->state() != ClientRegistration::State::RetryWaiting)
            return 0;
        const qint64 ms = reg->retryAt() - parlo::Clock::system()->nowMs();
        return int(std::max<qint64>(0, (ms + 999) / 1000));
    }
    case PasswordNeededRole:
        return r.passwordNeeded;
    }
    return {};
}

QHash<int, QByteArray> AccountListModel::roleNames() const {
    return {{IdRole, "id"},
            {AorRole, "aor"},
            {DisplayNameRole, "displayName"},
            {RegistrationStateRole, "registrationState"},
            {ErrorTextRole, "errorText"},
            {ErrorHintRole, "errorHint"},
            {RetryInSecondsRole, "retryInSeconds"},
            {PasswordNeededRole, "passwordNeeded"}};
}

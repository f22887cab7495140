#include "VoicemailIndicator.h"

#include "account/Account.h"
#include "presence/MessageWaiting.h"
#include "sip/dialog/ClientRegistration.h"

#include <QSettings>

using parlo::presence::MessageWaiting;
using parlo::sip::ClientRegistration;

VoicemailIndicator::VoicemailIndicator(QObject *parent)
    : QObject(parent) {}

VoicemailIndicator::~VoicemailIndicator() = default;

void VoicemailIndicator::setAccounts(AccountListModel *accounts) {
    if (accounts == m_accounts)
        return;
    if (m_accounts)
        disconnect(m_accounts, nullptr, this, nullptr);
    m_accounts = accounts;
    if (m_accounts)
        connect(m_accounts, &AccountListModel::defaultAccountChanged, this, &VoicemailIndicator::attach);
    attach();
    Q_EMIT accountsChanged();
    Q_EMIT voicemailNumberChanged();
}

void VoicemailIndicator::attach() {
    ClientRegistration *reg = nullptr;
    if (m_accounts)
        if (parlo::Account *account = m_accounts->defaultAccount())
            reg = account->registration();
    if (reg != m_registration) {
        if (m_registration)
            disconnect(m_registration, nullptr, this, nullptr);
        stop();
        m_registration = reg;
        if (reg)
            connect(reg, &ClientRegistration::stateChanged, this, &VoicemailIndicator::update);
        Q_EMIT voicemailNumberChanged();
    }
    update();
}

void VoicemailIndicator::update() {
    const bool registered = m_registration && m_accounts && m_accounts->userAgent() &&
                            (m_registration->state() == ClientRegistration::State::Registered ||
                             m_registration->state() == ClientRegistration::State::Refreshing);
    if (!registered) {
        stop();
        return;
    }
    if (m_mwi)
        return;
    const parlo::AccountSettings &s = m_accounts->defaultAccount()->settings();
    m_mwi = new MessageWaiting(m_accounts->userAgent(), this);
    MessageWaiting::Config c;
    c.aor = parlo::sip::NameAddr(s.aor, s.displayName);
    c.outboundProxy = s.outboundProxy;
    c.transport = s.transport;
    m_mwi->setConfig(c);
    m_mwi->setCredentials(m_accounts->defaultCredentials());
    connect(m_mwi, &MessageWaiting::changed, this,
            [this]() { applySummary(m_mwi->waiting(), m_mwi->newMessages(), m_mwi->oldMessages()); });
    // A server without message-summary (489) or a refused subscription: no indicator at all.
    connect(m_mwi, &MessageWaiting::stateChanged, this, [this](MessageWaiting::State state) {
        if (state == MessageWaiting::State::Failed)
            reset();
    });
    m_mwi->start();
}

void VoicemailIndicator::stop() {
    if (m_mwi) {
        MessageWaiting *mwi = m_mwi;
        m_mwi = nullptr;
        disconnect(mwi, nullptr, this, nullptr);
        if (mwi->state() == MessageWaiting::State::Watching) {
            connect(mwi, &MessageWaiting::stopped, mwi, &QObject::deleteLater);
            mwi->stop();
        } else {
            mwi->deleteLater();
        }
    }
    reset();
}

void VoicemailIndicator::applySummary(bool waiting, int newMessages, int oldMessages) {
    m_available = true;
    m_waiting = waiting;
    m_new = std::max(0, newMessages);
    m_old = std::max(0, oldMessages);
    Q_EMIT changed();
}

void VoicemailIndicator::reset() {
    if (!m_available)
        return;
    m_available = m_waiting = false;
    m_new = m_old = 0;
    Q_EMIT changed();
}

QString VoicemailIndicator::summaryText() const {
    if (!m_available)
        return {};
    if (m_new == 1)
        return tr("1 new voice message");
    if (m_new > 1)
        return tr("%1 new voice messages").arg(m_new);
    if (m_waiting)
        return tr("Voice messages waiting");
    return tr("No new voice messages");
}

QString VoicemailIndicator::accountId() const {
    parlo::Account *account = m_accounts ? m_accounts->defaultAccount() : nullptr;
    return account ? account->id() : QString();
}

QString VoicemailIndicator::voicemailNumber() const {
    const QString id = accountId();
    if (id.isEmpty())
        return {};
    return QSettings().value(QStringLiteral("voicemail/%1/number").arg(id)).toString();
}

void VoicemailIndicator::setVoicemailNumber(const QString &number) {
    const QString id = accountId();
    if (id.isEmpty() || number.trimmed() == voicemailNumber())
        return;
    QSettings settings;
    const QString key = QStringLiteral("voicemail/%1/number").arg(id);
    if (number.trimmed().isEmpty())
        settings.remove(key);
    else
        settings.setValue(key, number.trimmed());
    Q_EMIT voicemailNumberChanged();
}

QString VoicemailIndicator::dialTarget() const {
    const QString number = voicemailNumber();
    if (!number.isEmpty())
        return number;
    parlo::Account *account = m_accounts ? m_accounts->defaultAccount() : nullptr;
    return account ? QString::fromUtf8(account->settings().aor.toString()) : QString();
}

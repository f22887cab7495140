#include "account/Account.h"

#include "account/UserAgent.h"
#include "sip/dialog/UasCore.h"

namespace parlo {

Account::Account(const AccountSettings &settings, UserAgent *ua, QObject *parent)
    : QObject(parent)
    , m_settings(settings)
    , m_ua(ua)
    , m_registration(new sip::ClientRegistration(ua->transactions(), ua->resolver(), ua->clock(), this)) {}

void Account::setSettings(const AccountSettings &settings) {
    m_settings = settings;
}

void Account::start() {
    sip::ClientRegistration::Config config;
    config.aor = m_settings.aor;
    config.outboundProxy = m_settings.outboundProxy;
    config.transport = m_settings.transport;
    config.expires = m_settings.registerExpires;
    config.displayName = m_settings.displayName;
    m_registration->setConfig(config);
    if (!m_password.isEmpty())
        m_registration->setCredentials(
            sip::DigestCredentials(m_settings.effectiveAuthUsername().toUtf8(), m_password.toUtf8()));
    m_ua->uas()->setLocalUsers({m_settings.aor.user()});
    m_registration->start();
}

void Account::stop() {
    m_registration->stop();
}

} // namespace parlo

#pragma once

#include "account/AccountSettings.h"
#include "sip/dialog/ClientRegistration.h"

#include <QObject>

namespace parlo {

class UserAgent;

// One SIP account: its settings and its registration on the shared user agent.
class Account : public QObject {
    Q_OBJECT
    Q_PROPERTY(QString id READ id CONSTANT)
    Q_PROPERTY(parlo::sip::ClientRegistration *registration READ registration CONSTANT)
public:
    Account(const AccountSettings &settings, UserAgent *ua, QObject *parent = nullptr);

    QString id() const { return m_settings.id; }
    const AccountSettings &settings() const { return m_settings; }
    // Takes effect at the next start().
    void setSettings(const AccountSettings &settings);
    // The password for this session (read from the keychain, a file or the environment).
    void setPassword(const QString &password) { m_password = password; }

    sip::ClientRegistration *registration() const { return m_registration; }

    void start(); // register (and keep registered)
    void stop();  // unregister

private:
    AccountSettings m_settings;
    QString m_password;
    UserAgent *m_ua;
    sip::ClientRegistration *m_registration;
};

} // namespace parlo

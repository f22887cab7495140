#pragma once

#include "account/AccountSettings.h"

#include <QObject>
#include <QPointer>
#include <QQmlEngine>
#include <QSslCertificate>

#include "AccountListModel.h"

namespace parlo {
class SecretStore;
class UserAgent;
namespace sip {
class ClientRegistration;
}
} // namespace parlo

// Backend of the account setup wizard: the form fields with inline validation, a one-shot test
// registration, and saving (settings to the account list, password to the keychain).
class AccountSetupController : public QObject {
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(AccountListModel *accounts READ accounts WRITE setAccounts NOTIFY accountsChanged)
    Q_PROPERTY(QString aor READ aor WRITE setAor NOTIFY fieldsChanged)
    Q_PROPERTY(QString password READ password WRITE setPassword NOTIFY fieldsChanged)
    Q_PROPERTY(QString displayName READ displayName WRITE setDisplayName NOTIFY fieldsChanged)
    Q_PROPERTY(QString authUsername READ authUsername WRITE setAuthUsername NOTIFY fieldsChanged)
    Q_PROPERTY(QString outboundProxy READ outboundProxy WRITE setOutboundProxy NOTIFY fieldsChanged)
    Q_PROPERTY(Transport transport READ transport WRITE setTransport NOTIFY fieldsChanged)
    Q_PROPERTY(int interval READ interval WRITE setInterval NOTIFY fieldsChanged)
    // Inline messages, empty when the field is fine (or not checked yet).
    Q_PROPERTY(QString aorError READ aorError NOTIFY errorsChanged)
    Q_PROPERTY(QString passwordError READ passwordError NOTIFY errorsChanged)
    Q_PROPERTY(QString proxyError READ proxyError NOTIFY errorsChanged)
    Q_PROPERTY(QString intervalError READ intervalError NOTIFY errorsChanged)
    Q_PROPERTY(TestState testState READ testState NOTIFY testChanged)
    Q_PROPERTY(TestState failedStep READ failedStep NOTIFY testChanged)
    Q_PROPERTY(QString testServer READ testServer NOTIFY testChanged)
    Q_PROPERTY(QString testError READ testError NOTIFY testChanged)
    Q_PROPERTY(QString testHint READ testHint NOTIFY testChanged)
    // After a test failed on a server certificate that does not verify: its details, and whether
    // the user may trust (pin) exactly this certificate for the account (trustCertificate()).
    Q_PROPERTY(bool certificateTrustable READ certificateTrustable NOTIFY testChanged)
    Q_PROPERTY(QString certificateSubject READ certificateSubject NOTIFY testChanged)
    Q_PROPERTY(QString certificateIssuer READ certificateIssuer NOTIFY testChanged)
    Q_PROPERTY(QString certificateValidity READ certificateValidity NOTIFY testChanged)
    Q_PROPERTY(QString certificateFingerprint READ certificateFingerprint NOTIFY testChanged)
    Q_PROPERTY(bool certificateTrusted READ certificateTrusted NOTIFY fieldsChanged)
    Q_PROPERTY(SaveState saveState READ saveState NOTIFY saveChanged)
    Q_PROPERTY(QString savedId READ savedId NOTIFY saveChanged)
    Q_PROPERTY(QString saveError READ saveError NOTIFY saveChanged)
public:
    enum class Transport { Automatic, Udp, Tcp, Tls };
    Q_ENUM(Transport)
    // The steps of the test in order; Failed keeps the step it failed at in failedStep.
    enum class TestState { Idle, Resolving, Connecting, Registering, Succeeded, Failed };
    Q_ENUM(TestState)
    enum class SaveState { Unsaved, Saving, NoKeychain, Saved, SaveFailed };
    Q_ENUM(SaveState)

    explicit AccountSetupController(QObject *parent = nullptr);
    ~AccountSetupController() override;

    AccountListModel *accounts() const { return m_accounts; }
    void setAccounts(AccountListModel *accounts);

    QString aor() const { return m_aor; }
    void setAor(const QString &v);
    QString password() const { return m_password; }
    void setPassword(const QString &v);
    QString displayName() const { return m_displayName; }
    void setDisplayName(const QString &v);
    QString authUsername() const { return m_authUsername; }
    void setAuthUsername(const QString &v);
    QString outboundProxy() const { return m_outboundProxy; }
    void setOutboundProxy(const QString &v);
    Transport transport() const { return m_transport; }
    void setTransport(Transport v);
    int interval() const { return m_interval; }
    void setInterval(int v);

    QString aorError() const { return m_aorError; }
    QString passwordError() const { return m_passwordError; }
    QString proxyError() const { return m_proxyError; }
    QString intervalError() const { return m_intervalError; }

    // Check one page; sets its messages and returns whether it may be left.
    Q_INVOKABLE bool validateAddress();
    Q_INVOKABLE bool validatePassword();
    Q_INVOKABLE bool validateAdvanced();

    TestState testState() const { return m_testState; }
    TestState failedStep() const { return m_failedStep; }
    QString testServer() const { return m_testServer; }
    QString testError() const { return m_testError; }
    QString testHint() const { return m_testHint; }
    Q_INVOKABLE void testConnection();
    Q_INVOKABLE void cancelTest();

    bool certificateTrustable() const { return !m_failedCertificate.isNull() && m_certificatePinnable; }
    QString certificateSubject() const;
    QString certificateIssuer() const;
    QString certificateValidity() const;
    QString certificateFingerprint() const;
    bool certificateTrusted() const { return !m_pinnedCertificate.isEmpty(); }
    // Pins the certificate the last test failed on (saved with the account) and tests again.
    Q_INVOKABLE void trustCertificate();

    SaveState saveState() const { return m_saveState; }
    QString savedId() const { return m_savedId; }
    QString saveError() const { return m_saveError; }
    Q_INVOKABLE void save();
    // No keychain: register with the password held in memory until Parlo quits.
    Q_INVOKABLE void saveForSessionOnly();
    Q_INVOKABLE void reset();

    // The settings the fields describe (valid only after the validate* calls pass).
    parlo::AccountSettings settings() const;

Q_SIGNALS:
    void accountsChanged();
    void fieldsChanged();
    void errorsChanged();
    void testChanged();
    void saveChanged();

private:
    void setTest(TestState s);
    void finishSave(const QString &id);
    void setSaveState(SaveState s);

    QPointer<AccountListModel> m_accounts;
    QString m_aor, m_password, m_displayName, m_authUsername, m_outboundProxy;
    Transport m_transport = Transport::Automatic;
    int m_interval = 3600;
    QString m_aorError, m_passwordError, m_proxyError, m_intervalError;

    TestState m_testState = TestState::Idle;
    TestState m_failedStep = TestState::Idle;
    QString m_testServer, m_testError, m_testHint;
    parlo::UserAgent *m_testUa = nullptr;
    parlo::sip::ClientRegistration *m_testRegistration = nullptr;
    QSslCertificate m_failedCertificate;
    bool m_certificatePinnable = false;
    QByteArray m_pinnedCertificate; // SHA-256

    parlo::SecretStore *m_secrets;
    SaveState m_saveState = SaveState::Unsaved;
    QString m_pendingId, m_savedId, m_saveError;
};

#include "account/AccountManager.h"

#include <QSettings>
#include <QUuid>

namespace parlo {

using namespace parlo::sip;

namespace {
std::unique_ptr<QSettings> openSettings(const QString &file) {
    if (file.isEmpty())
        return std::make_unique<QSettings>(QSettings::IniFormat, QSettings::UserScope,
                                           QStringLiteral("Parlo"), QStringLiteral("parlo"));
    return std::make_unique<QSettings>(file, QSettings::IniFormat);
}
} // namespace

AccountManager::AccountManager(const QString &settingsFile, QObject *parent)
    : QObject(parent)
    , m_file(settingsFile) {}

std::optional<AccountSettings> AccountManager::account(const QString &id) const {
    for (const AccountSettings &a : m_accounts) {
        if (a.id == id)
            return a;
    }
    return std::nullopt;
}

bool AccountManager::load() {
    auto s = openSettings(m_file);
    if (s->status() != QSettings::NoError)
        return false;
    QList<AccountSettings> list;
    const int n = s->beginReadArray(QStringLiteral("accounts"));
    for (int i = 0; i < n; ++i) {
        s->setArrayIndex(i);
        AccountSettings a;
        a.id = s->value(QStringLiteral("id")).toString();
        a.displayName = s->value(QStringLiteral("displayName")).toString();
        const auto aor = SipUri::parse(s->value(QStringLiteral("aor")).toString().toUtf8());
        if (!aor || a.id.isEmpty())
            continue; // a damaged entry must not take the others with it
        a.aor = *aor;
        a.authUsername = s->value(QStringLiteral("authUsername")).toString();
        const QString proxy = s->value(QStringLiteral("outboundProxy")).toString();
        if (!proxy.isEmpty())
            a.outboundProxy = SipUri::parse(proxy.toUtf8());
        const QString transport = s->value(QStringLiteral("transport")).toString();
        if (!transport.isEmpty())
            a.transport = transportFromName(transport.toLatin1());
        a.registerExpires = s->value(QStringLiteral("registerExpires"), 3600).toUInt();
        a.caFile = s->value(QStringLiteral("caFile")).toString();
        a.pinnedCertificate =
            QByteArray::fromHex(s->value(QStringLiteral("pinnedCertificate")).toString().toLatin1());
        a.enabled = s->value(QStringLiteral("enabled"), true).toBool();
        list << a;
    }
    s->endArray();
    m_accounts = list;
    Q_EMIT accountsChanged();
    return true;
}

bool AccountManager::write() {
    auto s = openSettings(m_file);
    s->remove(QStringLiteral("accounts"));
    s->beginWriteArray(QStringLiteral("accounts"), int(m_accounts.size()));
    for (int i = 0; i < m_accounts.size(); ++i) {
        const AccountSettings &a = m_accounts.at(i);
        s->setArrayIndex(i);
        s->setValue(QStringLiteral("id"), a.id);
        s->setValue(QStringLiteral("displayName"), a.displayName);
        s->setValue(QStringLiteral("aor"), QString::fromUtf8(a.aor.toString()));
        s->setValue(QStringLiteral("authUsername"), a.authUsername);
        s->setValue(QStringLiteral("outboundProxy"),
                    a.outboundProxy ? QString::fromUtf8(a.outboundProxy->toString()) : QString());
        s->setValue(QStringLiteral("transport"),
                    a.transport ? QString::fromLatin1(transportName(*a.transport)) : QString());
        s->setValue(QStringLiteral("registerExpires"), a.registerExpires);
        s->setValue(QStringLiteral("caFile"), a.caFile);
        s->setValue(QStringLiteral("pinnedCertificate"), QString::fromLatin1(a.pinnedCertificate.toHex()));
        s->setValue(QStringLiteral("enabled"), a.enabled);
    }
    s->endArray();
    s->sync();
    return s->status() == QSettings::NoError;
}

QString AccountManager::save(AccountSettings settings) {
    if (settings.validate() != AccountSettings::Problem::None)
        return {};
    if (settings.id.isEmpty())
        settings.id = QUuid::createUuid().toString(QUuid::WithoutBraces);
    bool replaced = false;
    for (AccountSettings &a : m_accounts) {
        if (a.id == settings.id) {
            a = settings;
            replaced = true;
        }
    }
    if (!replaced)
        m_accounts << settings;
    if (!write())
        return {};
    Q_EMIT accountsChanged();
    return settings.id;
}

bool AccountManager::remove(const QString &id) {
    const auto before = m_accounts.size();
    m_accounts.removeIf([&](const AccountSettings &a) { return a.id == id; });
    if (m_accounts.size() == before)
        return false;
    const bool ok = write();
    Q_EMIT accountsChanged();
    return ok;
}

} // namespace parlo

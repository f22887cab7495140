#include "ContactController.h"

#include "AppStorage.h"
#include "DialTarget.h"

#include <QRegularExpression>

using parlo::storage::Contact;
using parlo::storage::StorageError;

namespace {

constexpr int kMaxName = 200;
constexpr int kMaxNumbers = 20;

// Digits with the separators people write; a letter or a second '+' is a typing mistake.
bool isPhoneNumber(const QString &number) {
    static const QRegularExpression re(QStringLiteral("^\\+?[0-9*#][0-9*# ()./-]{0,39}$"));
    return re.match(number).hasMatch();
}

} // namespace

ContactController::ContactController(QObject *parent)
    : QObject(parent) {}

void ContactController::setAccounts(AccountListModel *accounts) {
    if (accounts == m_accounts)
        return;
    m_accounts = accounts;
    Q_EMIT accountsChanged();
}

void ContactController::setErrors(const QString &name, const QString &uri, const QString &phone,
                                  const QString &error) {
    if (name == m_nameError && uri == m_uriError && phone == m_phoneError && error == m_error)
        return;
    m_nameError = name;
    m_uriError = uri;
    m_phoneError = phone;
    m_error = error;
    Q_EMIT errorsChanged();
}

void ContactController::clearErrors() {
    setErrors({}, {}, {}, {});
}

QString ContactController::storageText() const {
    const QString why = AppStorage::instance()->errorText();
    return why.isEmpty() ? tr("The contact could not be saved to the database.") : why;
}

QVariantMap ContactController::load(qint64 id) const {
    const auto c = id > 0 ? AppStorage::instance()->contacts()->find(id) : std::nullopt;
    const Contact contact = c.value_or(Contact{});
    QStringList numbers;
    for (const Contact::PhoneNumber &n : contact.phones)
        numbers << n.number;
    return {{QStringLiteral("id"), contact.id},
            {QStringLiteral("name"), contact.name},
            {QStringLiteral("sipUri"), contact.sipUri},
            {QStringLiteral("phones"), numbers.join(QStringLiteral(", "))},
            {QStringLiteral("favourite"), contact.favourite},
            {QStringLiteral("watchPresence"), c ? contact.watchPresence : true},
            {QStringLiteral("watchRegistration"), contact.watchRegistration},
            {QStringLiteral("watchDialog"), contact.watchDialog}};
}

qint64 ContactController::save(const QVariantMap &fields) {
    auto *store = AppStorage::instance()->contacts();
    const qint64 id = fields.value(QStringLiteral("id")).toLongLong();
    Contact contact;
    if (id > 0) {
        const auto stored = store->find(id);
        if (!stored) {
            setErrors({}, {}, {}, tr("This contact has been deleted in the meantime."));
            return 0;
        }
        contact = *stored;
    }

    QString nameError, uriError, phoneError;
    contact.name = fields.value(QStringLiteral("name")).toString().simplified();
    if (contact.name.isEmpty())
        nameError = tr("Enter a name.");
    else if (contact.name.size() > kMaxName)
        nameError = tr("The name is too long (at most %1 characters).").arg(kMaxName);

    const QString uriText = fields.value(QStringLiteral("sipUri")).toString().trimmed();
    contact.sipUri.clear();
    if (!uriText.isEmpty()) {
        const QByteArray domain = m_accounts ? m_accounts->defaultDomain() : QByteArray();
        const auto target = DialTarget::normalize(uriText, domain);
        if (const auto *uri = std::get_if<parlo::sip::SipUri>(&target)) {
            contact.sipUri = uri->toDisplayString();
        } else {
            switch (std::get<DialTarget::Error>(target)) {
            case DialTarget::Error::NoAccount:
                uriError = tr("Enter the full address, for example sip:bob@example.com.");
                break;
            case DialTarget::Error::UnsupportedScheme:
                uriError = tr("This is not a SIP address. Enter one like sip:bob@example.com.");
                break;
            case DialTarget::Error::InvalidNumber:
                uriError = tr("This number contains characters a phone number cannot have.");
                break;
            default:
                uriError = tr("This is not a valid SIP address. Enter one like sip:bob@example.com.");
                break;
            }
        }
    }

    // Numbers the user kept keep their vCard types.
    QList<Contact::PhoneNumber> phones;
    const QStringList numbers = fields.value(QStringLiteral("phones"))
                                    .toString()
                                    .split(QRegularExpression(QStringLiteral("[,;\\n]")), Qt::SkipEmptyParts);
    for (const QString &raw : numbers) {
        const QString number = raw.trimmed();
        if (number.isEmpty())
            continue;
        if (!isPhoneNumber(number)) {
            phoneError =
                tr("\"%1\" is not a phone number. Separate several numbers with commas.").arg(number);
            break;
        }
        Contact::PhoneNumber entry{number, {}};
        for (const Contact::PhoneNumber &old : std::as_const(contact.phones))
            if (old.number == number)
                entry.types = old.types;
        phones << entry;
    }
    if (phones.size() > kMaxNumbers && phoneError.isEmpty())
        phoneError = tr("A contact can have at most %1 phone numbers.").arg(kMaxNumbers);
    contact.phones = phones;

    if (uriText.isEmpty() && phones.isEmpty() && uriError.isEmpty() && phoneError.isEmpty())
        uriError = tr("Enter a SIP address or a phone number.");
    if (uriError.isEmpty() && !contact.sipUri.isEmpty()) {
        const auto same = store->findByUri(contact.sipUri);
        if (same && same->id != contact.id)
            uriError = tr("%1 already has this address.").arg(same->name);
    }
    if (!nameError.isEmpty() || !uriError.isEmpty() || !phoneError.isEmpty()) {
        setErrors(nameError, uriError, phoneError, {});
        return 0;
    }

    contact.favourite = fields.value(QStringLiteral("favourite"), contact.favourite).toBool();
    contact.watchPresence = fields.value(QStringLiteral("watchPresence"), contact.watchPresence).toBool();
    contact.watchRegistration =
        fields.value(QStringLiteral("watchRegistration"), contact.watchRegistration).toBool();
    contact.watchDialog = fields.value(QStringLiteral("watchDialog"), contact.watchDialog).toBool();
    // Nothing to watch without a SIP address.
    if (contact.sipUri.isEmpty())
        contact.watchPresence = contact.watchRegistration = contact.watchDialog = false;

    qint64 savedId = contact.id;
    if (contact.id == 0) {
        const auto added = store->add(contact);
        if (std::holds_alternative<StorageError>(added)) {
            setErrors({}, {}, {}, storageText());
            return 0;
        }
        savedId = std::get<qint64>(added);
    } else if (store->update(contact)) {
        setErrors({}, {}, {}, storageText());
        return 0;
    }
    clearErrors();
    return savedId;
}

bool ContactController::remove(qint64 id) {
    if (const StorageError e = AppStorage::instance()->contacts()->remove(id)) {
        setErrors({}, {}, {},
                  e.kind == StorageError::Kind::NotFound
                      ? tr("This contact has been deleted in the meantime.")
                      : tr("The contact could not be deleted."));
        return false;
    }
    clearErrors();
    return true;
}

bool ContactController::toggleFavourite(qint64 id) {
    auto *store = AppStorage::instance()->contacts();
    auto contact = store->find(id);
    if (!contact)
        return false;
    contact->favourite = !contact->favourite;
    if (store->update(*contact)) {
        setErrors({}, {}, {}, storageText());
        return false;
    }
    return true;
}

qint64 ContactController::findByUri(const QString &uri) const {
    const auto c = AppStorage::instance()->contacts()->findByUri(uri);
    return c ? c->id : 0;
}

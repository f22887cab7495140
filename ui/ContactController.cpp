#include "ContactController.h"

#include "AppStorage.h"
#include "DialTarget.h"

#include "storage/VCard.h"

#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>
#include <QSaveFile>
#include <QSet>
#include <QStandardPaths>

using parlo::storage::Contact;
using parlo::storage::StorageError;
using parlo::storage::VCard;

namespace {

constexpr int kMaxName = 200;
constexpr int kMaxNumbers = 20;
// An address book of 10,000 cards with photos stays below this; anything larger is not one.
constexpr qint64 kMaxImportBytes = 32 * 1024 * 1024;
constexpr int kMaxImportCards = 10000;

// Digits with the separators people write; a letter or a second '+' is a typing mistake.
bool isPhoneNumber(const QString &number) {
    static const QRegularExpression re(QStringLiteral("^\\+?[0-9*#][0-9*# ()./-]{0,39}$"));
    return re.match(number).hasMatch();
}

// Identifies a contact without a SIP address: the same name with the same numbers.
QString numbersKey(const Contact &c) {
    QStringList numbers;
    for (const Contact::PhoneNumber &n : c.phones)
        numbers << QString(n.number).remove(QRegularExpression(QStringLiteral("[ ()./-]")));
    numbers.sort();
    return c.name.toCaseFolded() + QLatin1Char('|') + numbers.join(QLatin1Char(','));
}

QString localPath(const QUrl &file) {
    return file.isLocalFile() ? file.toLocalFile() : file.scheme().isEmpty() ? file.path() : QString();
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

void ContactController::setFileReport(const QString &text, bool failed) {
    m_fileReport = text;
    m_fileFailed = failed;
    Q_EMIT fileReportChanged();
}

void ContactController::clearFileReport() {
    if (!m_fileReport.isEmpty())
        setFileReport({}, false);
}

bool ContactController::importVCards(const QUrl &file) {
    const QString path = localPath(file);
    QFile in(path);
    if (path.isEmpty() || !in.open(QIODevice::ReadOnly)) {
        setFileReport(tr("The file %1 could not be opened.").arg(file.fileName()), true);
        return false;
    }
    if (in.size() > kMaxImportBytes) {
        setFileReport(tr("The file %1 is too large for an address book (over %2 MB).")
                          .arg(file.fileName())
                          .arg(kMaxImportBytes / (1024 * 1024)),
                      true);
        return false;
    }
    const QByteArray data = in.readAll();
    if (!data.contains("BEGIN:VCARD") && !data.contains("begin:vcard")) {
        setFileReport(tr("%1 contains no contacts in vCard format.").arg(file.fileName()), true);
        return false;
    }
    const VCard::ParseResult parsed = VCard::parse(data, kMaxImportCards);

    auto *store = AppStorage::instance()->contacts();
    QSet<QString> knownUris, knownNumbers;
    for (const Contact &c : store->list()) {
        if (!c.sipUri.isEmpty())
            knownUris.insert(c.sipUri.toCaseFolded());
        else
            knownNumbers.insert(numbersKey(c));
    }

    QList<Contact> fresh;
    int duplicates = 0, unusable = 0;
    for (const VCard &card : parsed.cards) {
        Contact c = card.toContact();
        // Addresses that are not SIP URIs we can call are dropped; numbers a phone cannot dial too.
        if (!c.sipUri.isEmpty()) {
            const auto target = DialTarget::normalize(c.sipUri, {});
            const auto *uri = std::get_if<parlo::sip::SipUri>(&target);
            c.sipUri = uri ? uri->toDisplayString() : QString();
        }
        QList<Contact::PhoneNumber> phones;
        for (Contact::PhoneNumber &n : c.phones) {
            n.number = n.number.trimmed();
            if (isPhoneNumber(n.number) && phones.size() < kMaxNumbers)
                phones << n;
        }
        c.phones = phones;
        if (c.sipUri.isEmpty() && c.phones.isEmpty()) {
            ++unusable;
            continue;
        }
        c.name = c.name.simplified().left(kMaxName);
        if (c.name.isEmpty())
            c.name = !c.sipUri.isEmpty() ? c.sipUri : c.phones.constFirst().number;
        // Same default as a contact added by hand; the watcher count is capped anyway.
        c.watchPresence = !c.sipUri.isEmpty();

        const QString key = c.sipUri.isEmpty() ? numbersKey(c) : c.sipUri.toCaseFolded();
        QSet<QString> &known = c.sipUri.isEmpty() ? knownNumbers : knownUris;
        if (known.contains(key)) {
            ++duplicates;
            continue;
        }
        known.insert(key);
        fresh << c;
    }

    if (!fresh.isEmpty()) {
        const auto added = store->addAll(fresh);
        if (std::holds_alternative<StorageError>(added)) {
            setFileReport(tr("Nothing was imported: %1").arg(storageText()), true);
            return false;
        }
    }

    QStringList report;
    report << (fresh.isEmpty() ? tr("No new contacts in %1.").arg(file.fileName())
                               : tr("Imported from %1: %2 contacts.").arg(file.fileName()).arg(fresh.size()));
    if (duplicates > 0)
        report << tr("Already in your contacts, left out: %1.").arg(duplicates);
    if (unusable > 0)
        report << tr("Without a SIP address or phone number, left out: %1.").arg(unusable);
    if (!parsed.errors.isEmpty()) {
        QStringList lines;
        for (const VCard::LineError &e : parsed.errors.mid(0, 5))
            lines << QString::number(e.line);
        if (parsed.errors.size() > 5)
            lines << QStringLiteral("…");
        report << tr("Lines that could not be read, skipped: %1 (line %2).")
                      .arg(parsed.errors.size())
                      .arg(lines.join(QStringLiteral(", ")));
    }
    setFileReport(report.join(QLatin1Char(' ')), fresh.isEmpty());
    return !fresh.isEmpty();
}

bool ContactController::exportVCards(const QUrl &file) {
    const QList<Contact> contacts = AppStorage::instance()->contacts()->list();
    if (contacts.isEmpty()) {
        setFileReport(tr("There are no contacts to export."), true);
        return false;
    }
    QList<VCard> cards;
    cards.reserve(contacts.size());
    for (const Contact &c : contacts)
        cards << VCard::fromContact(c, QStringLiteral("3.0"));

    const QString path = localPath(file);
    QSaveFile out(path);
    if (path.isEmpty() || !out.open(QIODevice::WriteOnly) || out.write(VCard::serialize(cards)) < 0 ||
        !out.commit()) {
        setFileReport(
            tr("The contacts could not be written to %1: %2")
                .arg(QFileInfo(path).fileName().isEmpty() ? file.toString() : QFileInfo(path).fileName(),
                     out.errorString()),
            true);
        return false;
    }
    setFileReport(tr("Exported to %1: %2 contacts.").arg(QFileInfo(path).fileName()).arg(contacts.size()),
                  false);
    return true;
}

QUrl ContactController::suggestedExportFile() const {
    QString folder = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    if (folder.isEmpty())
        folder = QStandardPaths::writableLocation(QStandardPaths::HomeLocation);
    return QUrl::fromLocalFile(folder + QLatin1Char('/') + tr("Parlo contacts") + QStringLiteral(".vcf"));
}

#pragma once

#include "AccountListModel.h"

#include <QObject>
#include <QPointer>
#include <QQmlEngine>
#include <QUrl>
#include <QVariantMap>

// Adds, edits and deletes address book entries for the contact pages, checking the form first:
// every problem is a sentence on its field. SIP addresses are completed like the dialer's input
// ("bob" → sip:bob@<account domain>) and stored in their normal form.
class ContactController : public QObject {
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(AccountListModel *accounts READ accounts WRITE setAccounts NOTIFY accountsChanged)
    Q_PROPERTY(QString nameError READ nameError NOTIFY errorsChanged)
    Q_PROPERTY(QString uriError READ uriError NOTIFY errorsChanged)
    Q_PROPERTY(QString phoneError READ phoneError NOTIFY errorsChanged)
    // Why the last save or delete did not happen for another reason (the database).
    Q_PROPERTY(QString error READ error NOTIFY errorsChanged)
    // What the last vCard import or export did (or why it did not), as sentences.
    Q_PROPERTY(QString fileReport READ fileReport NOTIFY fileReportChanged)
    Q_PROPERTY(bool fileFailed READ fileFailed NOTIFY fileReportChanged)
public:
    explicit ContactController(QObject *parent = nullptr);

    AccountListModel *accounts() const { return m_accounts; }
    void setAccounts(AccountListModel *accounts);
    QString nameError() const { return m_nameError; }
    QString uriError() const { return m_uriError; }
    QString phoneError() const { return m_phoneError; }
    QString error() const { return m_error; }
    QString fileReport() const { return m_fileReport; }
    bool fileFailed() const { return m_fileFailed; }

    // The form's fields for a stored contact (empty fields for id 0 or an unknown id): id, name,
    // sipUri, phones (comma separated), favourite, watchPresence, watchRegistration, watchDialog.
    Q_INVOKABLE QVariantMap load(qint64 id) const;
    // Checks and stores the fields (a new contact when id is 0 or missing); the contact's id, or 0
    // with the errors set.
    Q_INVOKABLE qint64 save(const QVariantMap &fields);
    Q_INVOKABLE bool remove(qint64 id);
    Q_INVOKABLE bool toggleFavourite(qint64 id);
    // The stored contact with this address, 0 if none (the conversation page's title).
    Q_INVOKABLE qint64 findByUri(const QString &uri) const;
    Q_INVOKABLE void clearErrors();

    // Adds the cards of a vCard file (3.0 or 4.0, from other address books or phones) in one
    // transaction. Cards already in the address book (same SIP address, or same name and numbers)
    // and repeats within the file are left out, so importing twice adds nothing; unreadable lines
    // are skipped and reported. False when nothing was added.
    Q_INVOKABLE bool importVCards(const QUrl &file);
    // Writes every contact as vCard 3.0 (the version other address books read most widely);
    // the file is replaced only once it is complete.
    Q_INVOKABLE bool exportVCards(const QUrl &file);
    Q_INVOKABLE void clearFileReport();
    // Where an export goes unless the user picks another place: the documents folder.
    Q_INVOKABLE QUrl suggestedExportFile() const;

Q_SIGNALS:
    void accountsChanged();
    void errorsChanged();
    void fileReportChanged();

private:
    void setErrors(const QString &name, const QString &uri, const QString &phone, const QString &error);
    QString storageText() const;
    void setFileReport(const QString &text, bool failed);

    QPointer<AccountListModel> m_accounts;
    QString m_nameError, m_uriError, m_phoneError, m_error;
    QString m_fileReport;
    bool m_fileFailed = false;
};

#include "AppStorage.h"
#include "ContactController.h"
#include "ScratchAppStorage.h"
#include "storage/ContactStore.h"
#include "storage/VCard.h"

#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using parlo::storage::Contact;
using parlo::storage::VCard;

// The contacts page's vCard import and export against the app's real database: what other address
// books write is added once (not twice on a second import), what cannot be called is left out and
// said so, and an export reads back as the same address book.
class TestContactImport : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { QVERIFY(openScratchAppStorage(m_dir)); }

    void init() {
        for (const Contact &c : store()->list())
            QVERIFY(!store()->remove(c.id));
        m_controller.clearFileReport();
    }

    void importsNewCardsOnce() {
        Contact bob;
        bob.name = QStringLiteral("Bob Existing");
        bob.sipUri = QStringLiteral("sip:bob@example.com");
        QVERIFY(std::holds_alternative<qint64>(store()->add(bob)));

        // A phone export (3.0, CRLF, folded line, grouped TEL) and a 4.0 card, with: bob again
        // (other case), carol twice, one card with only an e-mail, one broken line.
        const QByteArray text =
            "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Bob Again\r\nIMPP:sip:Bob@EXAMPLE.com\r\nEND:VCARD\r\n"
            "BEGIN:VCARD\r\nVERSION:3.0\r\nN:Jones;Carol;;;\r\nitem1.TEL;TYPE=CELL:+49 170 1234\r\n"
            " 567\r\nX-SIP:sip:carol@example.com\r\nEND:VCARD\r\n"
            "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Carol Jones\r\nX-SIP:sip:carol@example.com\r\nEND:VCARD\r\n"
            "BEGIN:VCARD\nVERSION:4.0\nFN:Dave\nTEL;VALUE=uri;TYPE=work:tel:+1-555-0100\nthis line is "
            "broken\nEND:VCARD\n"
            "BEGIN:VCARD\nVERSION:4.0\nFN:Mail Only\nEMAIL:eve@example.com\nEND:VCARD\n";
        const QUrl file = write("phone.vcf", text);
        QSignalSpy report(&m_controller, &ContactController::fileReportChanged);

        QVERIFY(m_controller.importVCards(file));
        QCOMPARE(report.count(), 1);
        QVERIFY(!m_controller.fileFailed());
        const QString text1 = m_controller.fileReport();
        QVERIFY2(text1.contains(QLatin1String("Imported from phone.vcf: 2 contacts.")), qPrintable(text1));
        QVERIFY2(text1.contains(QLatin1String("Already in your contacts, left out: 2.")), qPrintable(text1));
        QVERIFY2(text1.contains(QLatin1String("Without a SIP address or phone number, left out: 1.")),
                 qPrintable(text1));
        QVERIFY2(text1.contains(QLatin1String("Lines that could not be read, skipped: 1")),
                 qPrintable(text1));
        QVERIFY2(text1.contains(QLatin1String("(line 22)")), qPrintable(text1));

        QCOMPARE(store()->list().size(), 3);
        const auto carol = store()->findByUri(QStringLiteral("sip:carol@example.com"));
        QVERIFY(carol);
        QCOMPARE(carol->name, QStringLiteral("Carol Jones"));
        QCOMPARE(carol->phones.size(), 1);
        QCOMPARE(carol->phones[0].number, QStringLiteral("+49 170 1234567"));
        QVERIFY(carol->watchPresence);
        const QList<Contact> daves = store()->search(QStringLiteral("Dave"));
        QCOMPARE(daves.size(), 1);
        QCOMPARE(daves[0].phones.value(0).number, QStringLiteral("+1-555-0100"));
        QVERIFY(daves[0].sipUri.isEmpty());
        QVERIFY(!daves[0].watchPresence);

        // The same file again adds nothing, and says so.
        QVERIFY(!m_controller.importVCards(file));
        QVERIFY(m_controller.fileReport().startsWith(QLatin1String("No new contacts in phone.vcf.")));
        QVERIFY(m_controller.fileReport().contains(QLatin1String("Already in your contacts, left out: 4.")));
        QCOMPARE(store()->list().size(), 3);
    }

    void refusesWhatIsNoAddressBook() {
        QVERIFY(
            !m_controller.importVCards(QUrl::fromLocalFile(m_dir.filePath(QStringLiteral("missing.vcf")))));
        QVERIFY(m_controller.fileFailed());
        QCOMPARE(m_controller.fileReport(), QStringLiteral("The file missing.vcf could not be opened."));

        QVERIFY(!m_controller.importVCards(write("notes.txt", "shopping: milk, bread\n")));
        QCOMPARE(m_controller.fileReport(),
                 QStringLiteral("notes.txt contains no contacts in vCard format."));

        // Too large: refused before reading it (sparse file).
        QFile big(m_dir.filePath(QStringLiteral("big.vcf")));
        QVERIFY(big.open(QIODevice::WriteOnly));
        QVERIFY(big.resize(40 * 1024 * 1024));
        big.close();
        QVERIFY(!m_controller.importVCards(QUrl::fromLocalFile(big.fileName())));
        QVERIFY2(m_controller.fileReport().contains(QLatin1String("too large")),
                 qPrintable(m_controller.fileReport()));
        QVERIFY(store()->list().isEmpty());
    }

    void exportReadsBack() {
        QVERIFY(!m_controller.exportVCards(QUrl::fromLocalFile(m_dir.filePath(QStringLiteral("none.vcf")))));
        QCOMPARE(m_controller.fileReport(), QStringLiteral("There are no contacts to export."));
        QVERIFY(!QFile::exists(m_dir.filePath(QStringLiteral("none.vcf"))));

        Contact ana;
        ana.name = QStringLiteral("Ana María Ñúñez");
        ana.sipUri = QStringLiteral("sip:ana@example.org");
        ana.phones = {{QStringLiteral("+34 600 000 000"), {QStringLiteral("cell")}}};
        Contact tom;
        tom.name = QStringLiteral("Tom; \"the, builder\"");
        tom.phones = {{QStringLiteral("0301234"), {}}};
        QVERIFY(std::holds_alternative<qint64>(store()->add(ana)));
        QVERIFY(std::holds_alternative<qint64>(store()->add(tom)));

        const QString path = m_dir.filePath(QStringLiteral("out.vcf"));
        QVERIFY(m_controller.exportVCards(QUrl::fromLocalFile(path)));
        QCOMPARE(m_controller.fileReport(), QStringLiteral("Exported to out.vcf: 2 contacts."));
        QFile out(path);
        QVERIFY(out.open(QIODevice::ReadOnly));
        const VCard::ParseResult back = VCard::parse(out.readAll());
        QVERIFY(back.errors.isEmpty());
        QCOMPARE(back.cards.size(), 2);
        for (const VCard &card : back.cards)
            QCOMPARE(card.version, QStringLiteral("3.0"));
        QCOMPARE(back.cards[0].toContact().name, ana.name);
        QCOMPARE(back.cards[0].toContact().sipUri, ana.sipUri);
        QCOMPARE(back.cards[0].toContact().phones, ana.phones);
        QCOMPARE(back.cards[1].toContact().name, tom.name);

        // Into the app of a second user: delete all, import the export, same address book.
        init();
        QVERIFY(m_controller.importVCards(QUrl::fromLocalFile(path)));
        QCOMPARE(store()->list().size(), 2);
        QVERIFY(store()->findByUri(ana.sipUri));

        // A folder that cannot be written: the error names the file, nothing is left behind.
        QVERIFY(!m_controller.exportVCards(QUrl::fromLocalFile(QStringLiteral("/proc/parlo/out.vcf"))));
        QVERIFY(m_controller.fileFailed());
        QVERIFY2(m_controller.fileReport().startsWith(
                     QLatin1String("The contacts could not be written to out.vcf")),
                 qPrintable(m_controller.fileReport()));
    }

    void suggestsTheDocumentsFolder() {
        const QUrl url = m_controller.suggestedExportFile();
        QVERIFY(url.isLocalFile());
        QVERIFY(url.toLocalFile().endsWith(QLatin1String("/Parlo contacts.vcf")));
    }

private:
    parlo::storage::ContactStore *store() { return AppStorage::instance()->contacts(); }
    QUrl write(const char *name, const QByteArray &text) {
        QFile f(m_dir.filePath(QString::fromLatin1(name)));
        if (!f.open(QIODevice::WriteOnly) || f.write(text) != text.size())
            return {};
        return QUrl::fromLocalFile(f.fileName());
    }

    QTemporaryDir m_dir;
    ContactController m_controller;
};

QTEST_MAIN(TestContactImport)
#include "tst_contactimport.moc"

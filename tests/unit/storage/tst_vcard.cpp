#include "storage/VCard.h"

#include <QFile>
#include <QTest>

using namespace parlo::storage;

namespace {
QByteArray fixture(const char *name) {
    QFile f(QStringLiteral(PARLO_TEST_DATA "/vcard/") + QLatin1String(name));
    if (!f.open(QIODevice::ReadOnly))
        qFatal("missing fixture %s", name);
    return f.readAll();
}
} // namespace

class TestVCard : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void parseFixture() {
        const auto r = VCard::parse(fixture("contacts.vcf"));
        QVERIFY(r.errors.isEmpty());
        QCOMPARE(r.cards.size(), 2);
        const VCard &bob = r.cards[0];
        QCOMPARE(bob.version, QStringLiteral("3.0"));
        QCOMPARE(bob.formattedName, QStringLiteral("Bob Builder"));
        QCOMPARE(bob.name.value(1), QStringLiteral("Bob"));
        QCOMPARE(bob.phones.size(), 2);
        QCOMPARE(bob.phones[0].types, (QStringList{QStringLiteral("work"), QStringLiteral("voice")}));
        QCOMPARE(bob.phones[1].types, QStringList{QStringLiteral("cell")});
        QCOMPARE(bob.sipUris, QStringList{QStringLiteral("sip:bob@example.com")});
        const VCard &j = r.cards[1];
        QCOMPARE(j.formattedName, QString::fromUtf8("Jürgen Müller, Jr."));
        QCOMPARE(j.name.value(4), QStringLiteral("Jr."));
        QCOMPARE(j.phones[0].number, QStringLiteral("+49-171-555"));
        QCOMPARE(j.phones[0].types, (QStringList{QStringLiteral("cell"), QStringLiteral("text")}));
        QCOMPARE(j.sipUris, QStringList{QStringLiteral("sip:juergen@example.org")});
        const Contact c = j.toContact();
        QCOMPARE(c.name, QString::fromUtf8("Jürgen Müller, Jr."));
        QCOMPARE(c.sipUri, QStringLiteral("sip:juergen@example.org"));
    }

    void roundTrip_data() {
        QTest::addColumn<QString>("version");
        QTest::newRow("3.0") << "3.0";
        QTest::newRow("4.0") << "4.0";
    }
    void roundTrip() {
        QFETCH(QString, version);
        Contact c;
        c.name =
            QString::fromUtf8("Ärger; mit, Sonder\\zeichen und einem sehr langen Namen, der gefaltet werden "
                              "muss, weil er über 75 Oktette hinausgeht – ✓✓✓✓✓✓✓✓");
        c.sipUri = QStringLiteral("sip:aerger@example.com");
        c.phones = {{QStringLiteral("+49 30 1"), {QStringLiteral("home")}},
                    {QStringLiteral("+49 30 2"), {QStringLiteral("work"), QStringLiteral("voice")}}};
        const VCard card = VCard::fromContact(c, version);
        const QByteArray text = VCard::serialize({card, card});
        for (const QByteArray &line : text.split('\n')) {
            QVERIFY(line.size() <= 76);                        // 75 octets + CR
            QVERIFY(QString::fromUtf8(line).toUtf8() == line); // no UTF-8 sequence cut
        }
        QVERIFY(text.contains(version == QLatin1String("3.0") ? "X-SIP:" : "IMPP:"));
        const auto r = VCard::parse(text);
        QVERIFY(r.errors.isEmpty());
        QCOMPARE(r.cards.size(), 2);
        QCOMPARE(r.cards[0].version, version);
        const Contact back = r.cards[0].toContact();
        QCOMPARE(back.name, c.name);
        QCOMPARE(back.sipUri, c.sipUri);
        QCOMPARE(back.phones, c.phones);
        QCOMPARE(r.cards[0], card);
    }

    void malformedLinesAreReported() {
        const auto r = VCard::parse(fixture("malformed.vcf"));
        QCOMPARE(r.cards.size(), 2);
        QCOMPARE(r.cards[0].formattedName, QStringLiteral("Good One"));
        QCOMPARE(r.cards[0].phones.size(), 1); // the line after the bad one was read
        QCOMPARE(r.cards[1].sipUris, QStringList{QStringLiteral("sip:second@example.com")});
        QCOMPARE(r.errors.size(), 3);
        QCOMPARE(r.errors[0].line, 5);
        QCOMPARE(r.errors[1].line, 8);
        QCOMPARE(r.errors[2].line, 12);
    }

    void missingEnd() {
        const auto r = VCard::parse("BEGIN:VCARD\nFN:Cut off\nTEL:123\n");
        QCOMPARE(r.cards.size(), 1);
        QCOMPARE(r.errors.size(), 1);
        QCOMPARE(r.errors[0].line, 1);
        QCOMPARE(r.cards[0].phones[0].number, QStringLiteral("123"));
    }

    void escapes_data() {
        QTest::addColumn<QString>("escaped");
        QTest::addColumn<QString>("plain");
        QTest::newRow("comma") << "a\\,b"
                               << "a,b";
        QTest::newRow("semicolon") << "a\\;b"
                                   << "a;b";
        QTest::newRow("backslash") << "a\\\\b"
                                   << "a\\b";
        QTest::newRow("newline") << "a\\nb"
                                 << "a\nb";
        QTest::newRow("upper N") << "a\\Nb"
                                 << "a\nb";
    }
    void escapes() {
        QFETCH(QString, escaped);
        QFETCH(QString, plain);
        QCOMPARE(VCard::unescape(escaped), plain);
        QCOMPARE(VCard::unescape(VCard::escape(plain)), plain);
    }
};

QTEST_GUILESS_MAIN(TestVCard)
#include "tst_vcard.moc"

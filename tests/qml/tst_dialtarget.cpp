#include "CallErrorText.h"
#include "DialTarget.h"

#include <QTest>

using Error = DialTarget::Error;

// What the dialer makes of typed and pasted input: full URIs pass through, tel:/callto: links and
// bare numbers lose their separators and go to the account's domain, anything else is refused
// with a typed error.
class TestDialTarget : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void normalize_data() {
        QTest::addColumn<QString>("input");
        QTest::addColumn<QByteArray>("domain");
        QTest::addColumn<QString>("uri");
        QTest::addColumn<int>("error"); // -1: none

        const QByteArray d = "example.com";
        QTest::newRow("sip uri") << "sip:bob@example.org" << d << "sip:bob@example.org" << -1;
        QTest::newRow("sips uri") << "sips:bob@example.org:5061" << d << "sips:bob@example.org:5061" << -1;
        QTest::newRow("scheme case") << "SIP:bob@Example.ORG" << d << "sip:bob@example.org" << -1;
        QTest::newRow("uri with params")
            << "sip:bob@10.0.0.1:5070;transport=tcp" << d << "sip:bob@10.0.0.1:5070;transport=tcp" << -1;
        QTest::newRow("spaces around") << "  sip:bob@example.org \n" << d << "sip:bob@example.org" << -1;
        QTest::newRow("name-addr") << "Bob Example <sip:bob@example.org>" << d << "sip:bob@example.org" << -1;
        QTest::newRow("user@host") << "bob@example.org" << d << "sip:bob@example.org" << -1;
        QTest::newRow("user@host:port") << "bob@example.org:5070" << d << "sip:bob@example.org:5070" << -1;
        QTest::newRow("tel global") << "tel:+49-30-1234567" << d << "sip:+49301234567@example.com;user=phone"
                                    << -1;
        QTest::newRow("tel params") << "tel:+1.202.555.0100;ext=12" << d
                                    << "sip:+12025550100@example.com;user=phone" << -1;
        QTest::newRow("tel local") << "tel:0301234" << d << "sip:0301234@example.com" << -1;
        QTest::newRow("callto") << "callto://+4930123" << d << "sip:+4930123@example.com;user=phone" << -1;
        QTest::newRow("callto user") << "callto:bob" << d << "sip:bob@example.com" << -1;
        QTest::newRow("bare number") << "+49 (30) 123 45-67" << d << "sip:+49301234567@example.com;user=phone"
                                     << -1;
        QTest::newRow("extension") << "100" << d << "sip:100@example.com" << -1;
        QTest::newRow("service code") << "*97#" << d << "sip:*97%23@example.com" << -1;
        QTest::newRow("user name") << "reception" << d << "sip:reception@example.com" << -1;
        QTest::newRow("domain with port")
            << "bob" << QByteArray("127.0.0.1:5070") << "sip:bob@127.0.0.1:5070" << -1;
        QTest::newRow("ipv6 domain") << "200" << QByteArray("[::1]:5070") << "sip:200@[::1]:5070" << -1;
        QTest::newRow("ip address") << "192.168.1.20" << d << "sip:192.168.1.20" << -1;
        QTest::newRow("ip and port") << "192.168.1.20:5062" << d << "sip:192.168.1.20:5062" << -1;

        QTest::newRow("empty") << "   " << d << QString() << int(Error::Empty);
        QTest::newRow("empty brackets") << "<>" << d << QString() << int(Error::Empty);
        QTest::newRow("sip without host") << "sip:" << d << QString() << int(Error::InvalidUri);
        QTest::newRow("sip with space")
            << "sip:bob smith@example.org" << d << QString() << int(Error::InvalidUri);
        QTest::newRow("at without host") << "bob@" << d << QString() << int(Error::InvalidUri);
        QTest::newRow("tel letters") << "tel:+49-CALL-NOW" << d << QString() << int(Error::InvalidNumber);
        QTest::newRow("tel empty") << "tel:+" << d << QString() << int(Error::InvalidNumber);
        QTest::newRow("number with letters") << "+49 30 12a" << d << QString() << int(Error::InvalidNumber);
        QTest::newRow("mailto") << "mailto:bob@example.org" << d << QString()
                                << int(Error::UnsupportedScheme);
        QTest::newRow("https") << "https://example.org/call" << d << QString()
                               << int(Error::UnsupportedScheme);
        QTest::newRow("name with space") << "bob smith" << d << QString() << int(Error::InvalidUri);
        QTest::newRow("number no account")
            << "+4930123" << QByteArray() << QString() << int(Error::NoAccount);
        QTest::newRow("user no account") << "bob" << QByteArray() << QString() << int(Error::NoAccount);
        QTest::newRow("tel no account")
            << "tel:+4930123" << QByteArray() << QString() << int(Error::NoAccount);
        // A full address needs no account.
        QTest::newRow("uri no account")
            << "sip:bob@example.org" << QByteArray() << "sip:bob@example.org" << -1;
    }

    void normalize() {
        QFETCH(QString, input);
        QFETCH(QByteArray, domain);
        QFETCH(QString, uri);
        QFETCH(int, error);
        const auto result = DialTarget::normalize(input, domain);
        const auto *got = std::get_if<parlo::sip::SipUri>(&result);
        const QString gotText =
            got ? got->toDisplayString() : QStringLiteral("error %1").arg(int(std::get<Error>(result)));
        if (error >= 0) {
            QVERIFY2(!got, qPrintable(gotText));
            QCOMPARE(int(std::get<Error>(result)), error);
        } else {
            QVERIFY2(got, qPrintable(gotText));
            QCOMPARE(gotText, uri);
        }
    }

    // Every error has its own sentence for the dialer.
    void errorsHaveText() {
        QSet<QString> seen;
        for (Error e : {Error::Empty, Error::InvalidUri, Error::InvalidNumber, Error::UnsupportedScheme,
                        Error::NoAccount}) {
            const QString text = CallErrorText::dialError(e);
            QVERIFY(!text.isEmpty());
            QVERIFY(!seen.contains(text));
            seen.insert(text);
        }
    }
};

QTEST_GUILESS_MAIN(TestDialTarget)

#include "tst_dialtarget.moc"

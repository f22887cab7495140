#include "presence/MessageSummary.h"

#include <QFile>
#include <QTest>

using namespace parlo::presence;

namespace {
QByteArray fixture(const char *name) {
    QFile f(QStringLiteral(PARLO_TEST_DATA "/presence/") + QLatin1String(name));
    if (!f.open(QIODevice::ReadOnly))
        qFatal("missing fixture %s", name);
    return f.readAll();
}
} // namespace

class TestMessageSummary : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void parse_data() {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<bool>("waiting");
        QTest::addColumn<quint32>("newMsgs");
        QTest::addColumn<quint32>("oldMsgs");
        QTest::addColumn<quint32>("oldUrgent");
        QTest::newRow("waiting") << fixture("mwi-waiting.txt") << true << 2u << 8u << 2u;
        QTest::newRow("none") << fixture("mwi-none.txt") << false << 0u << 3u << 0u;
        QTest::newRow("lf only, odd case")
            << QByteArray("messages-waiting: YES\nvoice-message: 1/0\n") << true << 1u << 0u << 0u;
        QTest::newRow("status only") << QByteArray("Messages-Waiting: no") << false << 0u << 0u << 0u;
    }
    void parse() {
        QFETCH(QByteArray, body);
        QFETCH(bool, waiting);
        QFETCH(quint32, newMsgs);
        QFETCH(quint32, oldMsgs);
        QFETCH(quint32, oldUrgent);
        const auto r = MessageSummary::parse(body);
        QVERIFY(std::holds_alternative<MessageSummary>(r));
        const auto &s = std::get<MessageSummary>(r);
        QCOMPARE(s.messagesWaiting, waiting);
        QCOMPARE(s.voice().newMessages, newMsgs);
        QCOMPARE(s.voice().oldMessages, oldMsgs);
        QCOMPARE(s.voice().oldUrgent, oldUrgent);
        QCOMPARE(std::get<MessageSummary>(MessageSummary::parse(s.toText())), s);
    }

    void details() {
        const auto s = std::get<MessageSummary>(MessageSummary::parse(fixture("mwi-waiting.txt")));
        QCOMPARE(s.account, QStringLiteral("sip:alice@vmail.example.com"));
        QCOMPARE(s.counts.value(QStringLiteral("fax-message")).oldMessages, 1u);
        QVERIFY(s.toText().contains("Voice-Message: 2/8 (0/2)"));
    }

    void malformed_data() {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<EventBodyError::Kind>("kind");
        QTest::addColumn<int>("line");
        QTest::newRow("bad status") << fixture("mwi-bad.txt") << EventBodyError::Kind::InvalidValue << 1;
        QTest::newRow("no status") << QByteArray("Voice-Message: 1/2\r\n")
                                   << EventBodyError::Kind::MissingField << 0;
        QTest::newRow("bad counts") << QByteArray("Messages-Waiting: yes\r\nVoice-Message: two/8\r\n")
                                    << EventBodyError::Kind::InvalidValue << 2;
        QTest::newRow("no colon") << QByteArray("Messages-Waiting yes\r\n")
                                  << EventBodyError::Kind::NotWellFormed << 1;
        QTest::newRow("1 MB") << QByteArray(1024 * 1024, 'a') << EventBodyError::Kind::TooLarge << 0;
    }
    void malformed() {
        QFETCH(QByteArray, body);
        QFETCH(EventBodyError::Kind, kind);
        QFETCH(int, line);
        const auto r = MessageSummary::parse(body);
        QVERIFY(std::holds_alternative<EventBodyError>(r));
        QCOMPARE(std::get<EventBodyError>(r).kind, kind);
        QCOMPARE(std::get<EventBodyError>(r).line, line);
    }
};

QTEST_GUILESS_MAIN(TestMessageSummary)
#include "tst_messagesummary.moc"

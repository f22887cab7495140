#include "presence/PresenceDocument.h"

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

class TestPresenceDocument : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void parseFixtures_data() {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QString>("entity");
        QTest::addColumn<int>("tuples");
        QTest::addColumn<PresenceState>("state");
        QTest::addColumn<QString>("note");
        QTest::newRow("available") << "pidf-available.xml"
                                   << "pres:bob@example.com" << 1 << PresenceState::Available << "At my desk";
        QTest::newRow("rpid away") << "pidf-away-rpid.xml"
                                   << "sip:bob@example.com" << 1 << PresenceState::Away << "Lunch, back at 2";
        QTest::newRow("open wins, on the phone")
            << "pidf-multi-tuple.xml"
            << "pres:carol@example.com" << 2 << PresenceState::OnThePhone << "desk phone off";
        QTest::newRow("closed ignores activity")
            << "pidf-closed.xml"
            << "sip:dave@example.com" << 1 << PresenceState::Offline << "";
        QTest::newRow("busy beats away") << "pidf-busy-meeting.xml"
                                         << "sip:erin@example.com" << 1 << PresenceState::Busy << "";
    }
    void parseFixtures() {
        QFETCH(QString, file);
        QFETCH(QString, entity);
        QFETCH(int, tuples);
        QFETCH(PresenceState, state);
        QFETCH(QString, note);
        const auto result = PresenceDocument::parse(fixture(file.toLatin1().constData()));
        if (const auto *e = std::get_if<EventBodyError>(&result))
            QFAIL(qPrintable(
                QStringLiteral("parse error %1 at %2: %3").arg(int(e->kind)).arg(e->line).arg(e->detail)));
        const auto &doc = std::get<PresenceDocument>(result);
        QCOMPARE(doc.entity, entity);
        QCOMPARE(doc.tuples.size(), tuples);
        QCOMPARE(doc.state(), state);
        QCOMPARE(doc.note(), note);
        // Writing and reading back keeps what the contact list shows.
        const auto again = PresenceDocument::parse(doc.toXml());
        QVERIFY(std::holds_alternative<PresenceDocument>(again));
        QCOMPARE(std::get<PresenceDocument>(again), doc);
    }

    void multiTupleDetails() {
        const auto doc = std::get<PresenceDocument>(PresenceDocument::parse(fixture("pidf-multi-tuple.xml")));
        QCOMPARE(doc.tuples[0].id, QStringLiteral("desk"));
        QVERIFY(!doc.tuples[0].open);
        QVERIFY(doc.tuples[1].open);
        QCOMPARE(doc.tuples[1].activities, QStringList{QStringLiteral("on-the-phone")});
        QCOMPARE(doc.notes, QStringList{QStringLiteral("company directory")});
    }

    void writerRoundTrip_data() {
        QTest::addColumn<PresenceState>("state");
        QTest::addColumn<QString>("note");
        QTest::newRow("available") << PresenceState::Available << "";
        QTest::newRow("away") << PresenceState::Away << "back soon";
        QTest::newRow("busy") << PresenceState::Busy << "do not disturb";
        QTest::newRow("on the phone") << PresenceState::OnThePhone << "";
        QTest::newRow("offline") << PresenceState::Offline << "gone <home> & \"out\"";
        QTest::newRow("utf-8 note") << PresenceState::Away
                                    << QString::fromUtf8("Mittagspause – zurück um 14 Uhr");
    }
    void writerRoundTrip() {
        QFETCH(PresenceState, state);
        QFETCH(QString, note);
        const auto doc = PresenceDocument::fromState(QStringLiteral("sip:alice@example.com"), state, note);
        const QByteArray xml = doc.toXml();
        QVERIFY(xml.contains("urn:ietf:params:xml:ns:pidf"));
        const auto parsed = PresenceDocument::parse(xml);
        QVERIFY(std::holds_alternative<PresenceDocument>(parsed));
        const auto &back = std::get<PresenceDocument>(parsed);
        QCOMPARE(back.entity, QStringLiteral("sip:alice@example.com"));
        QCOMPARE(back.state(), state);
        QCOMPARE(back.note(), note);
        QCOMPARE(back, doc);
    }

    void malformed_data() {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<EventBodyError::Kind>("kind");
        QTest::addColumn<int>("line");
        QTest::newRow("broken xml") << fixture("pidf-broken.xml") << EventBodyError::Kind::NotWellFormed << 4;
        QTest::newRow("wrong namespace")
            << fixture("pidf-wrong-namespace.xml") << EventBodyError::Kind::WrongNamespace << 2;
        QTest::newRow("wrong root") << fixture("pidf-wrong-root.xml") << EventBodyError::Kind::WrongRoot << 2;
        QTest::newRow("billion laughs")
            << fixture("pidf-billion-laughs.xml") << EventBodyError::Kind::DtdForbidden << 13;
        QTest::newRow("undeclared entity")
            << fixture("pidf-undeclared-entity.xml") << EventBodyError::Kind::NotWellFormed << 3;
        QTest::newRow("empty") << QByteArray() << EventBodyError::Kind::NotWellFormed << 0;
        QTest::newRow("not xml") << QByteArray("open") << EventBodyError::Kind::NotWellFormed << 1;
        QTest::newRow("no entity") << QByteArray("<presence xmlns='urn:ietf:params:xml:ns:pidf'/>")
                                   << EventBodyError::Kind::MissingField << 1;
        QByteArray huge = "<presence xmlns='urn:ietf:params:xml:ns:pidf' entity='sip:a@b'><note>";
        huge += QByteArray(1024 * 1024, 'x') + "</note></presence>";
        QTest::newRow("1 MB body") << huge << EventBodyError::Kind::TooLarge << 0;
        QByteArray deep = "<presence xmlns='urn:ietf:params:xml:ns:pidf' entity='sip:a@b'>";
        for (int i = 0; i < 40; ++i)
            deep += "<x>";
        for (int i = 0; i < 40; ++i)
            deep += "</x>";
        deep += "</presence>";
        QTest::newRow("too deep") << deep << EventBodyError::Kind::TooDeep << 1;
        QByteArray many = "<presence xmlns='urn:ietf:params:xml:ns:pidf' entity='sip:a@b'>";
        for (int i = 0; i < 5000; ++i)
            many += "<x/>";
        many += "</presence>";
        QTest::newRow("too many elements") << many << EventBodyError::Kind::TooManyElements << 1;
    }
    void malformed() {
        QFETCH(QByteArray, body);
        QFETCH(EventBodyError::Kind, kind);
        QFETCH(int, line);
        const auto result = PresenceDocument::parse(body);
        QVERIFY(std::holds_alternative<EventBodyError>(result));
        const auto &e = std::get<EventBodyError>(result);
        QCOMPARE(e.kind, kind);
        if (line)
            QCOMPARE(e.line, line);
    }

    void activityMapping_data() {
        QTest::addColumn<QString>("activity");
        QTest::addColumn<PresenceState>("state");
        QTest::newRow("away") << "away" << PresenceState::Away;
        QTest::newRow("vacation") << "vacation" << PresenceState::Away;
        QTest::newRow("busy") << "busy" << PresenceState::Busy;
        QTest::newRow("meeting") << "meeting" << PresenceState::Busy;
        QTest::newRow("on-the-phone") << "on-the-phone" << PresenceState::OnThePhone;
        QTest::newRow("unknown") << "unknown" << PresenceState::Unknown;
        QTest::newRow("tv") << "tv" << PresenceState::Unknown;
    }
    void activityMapping() {
        QFETCH(QString, activity);
        QFETCH(PresenceState, state);
        QCOMPARE(PresenceDocument::stateForActivity(activity), state);
    }

    void noTuplesIsUnknown() {
        const auto r =
            PresenceDocument::parse("<presence xmlns='urn:ietf:params:xml:ns:pidf' entity='sip:a@b'/>");
        QCOMPARE(std::get<PresenceDocument>(r).state(), PresenceState::Unknown);
    }
};

QTEST_GUILESS_MAIN(TestPresenceDocument)
#include "tst_presencedocument.moc"

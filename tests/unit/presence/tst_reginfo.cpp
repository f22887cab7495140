#include "presence/RegInfo.h"

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
RegInfo parsed(const char *name) {
    auto r = RegInfo::parse(fixture(name));
    if (!std::holds_alternative<RegInfo>(r))
        qFatal("fixture %s does not parse", name);
    return std::get<RegInfo>(r);
}
} // namespace

class TestRegInfo : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void parseFull() {
        const RegInfo info = parsed("reginfo-full.xml");
        QCOMPARE(info.version, 0u);
        QVERIFY(info.full);
        QCOMPARE(info.registrations.size(), 2);
        const auto *bob = info.registration(QStringLiteral("sip:bob@example.com"));
        QVERIFY(bob);
        QCOMPARE(bob->contacts.size(), 2);
        QCOMPARE(bob->contacts[0].uri, QStringLiteral("sip:bob@192.0.2.4:5060"));
        QCOMPARE(bob->contacts[0].displayName, QStringLiteral("Bob desk"));
        QCOMPARE(bob->contacts[0].expires, std::optional<quint32>(3600));
        QCOMPARE(bob->contacts[1].event, QStringLiteral("created"));
        QVERIFY(info.isRegistered(QStringLiteral("sip:bob@example.com")));
        QVERIFY(!info.isRegistered(QStringLiteral("sip:carol@example.com")));
        QVERIFY(!info.isRegistered(QStringLiteral("sip:nobody@example.com")));
        const auto again = RegInfo::parse(info.toXml());
        QCOMPARE(std::get<RegInfo>(again), info);
    }

    void partialMerge() {
        RegInfo state = parsed("reginfo-full.xml");
        QCOMPARE(state.merge(parsed("reginfo-partial-expired.xml")), RegInfo::MergeResult::Applied);
        QCOMPARE(state.version, 1u);
        const auto *bob = state.registration(QStringLiteral("sip:bob@example.com"));
        QCOMPARE(bob->activeContacts().size(), 1);
        QCOMPARE(bob->activeContacts()[0].id, QStringLiteral("77"));
        QVERIFY(state.isRegistered(QStringLiteral("sip:bob@example.com")));
        // The same partial again is a duplicate: ignored.
        QCOMPARE(state.merge(parsed("reginfo-partial-expired.xml")), RegInfo::MergeResult::Stale);
        QCOMPARE(state.merge(parsed("reginfo-partial-unregistered.xml")), RegInfo::MergeResult::Applied);
        QVERIFY(!state.isRegistered(QStringLiteral("sip:bob@example.com")));
        QCOMPARE(state.version, 2u);
    }

    void gapIsReported() {
        RegInfo state = parsed("reginfo-full.xml");
        const RegInfo before = state;
        QCOMPARE(state.merge(parsed("reginfo-partial-unregistered.xml")), RegInfo::MergeResult::Gap);
        QCOMPARE(state, before);
    }

    void malformed_data() {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<EventBodyError::Kind>("kind");
        QTest::newRow("bad state") << fixture("reginfo-bad-state.xml") << EventBodyError::Kind::InvalidValue;
        QTest::newRow("pidf root") << fixture("pidf-available.xml") << EventBodyError::Kind::WrongRoot;
        QTest::newRow("no version") << QByteArray(
                                           "<reginfo xmlns='urn:ietf:params:xml:ns:reginfo' state='full'/>")
                                    << EventBodyError::Kind::MissingField;
        QTest::newRow("wrong ns") << QByteArray("<reginfo xmlns='urn:x' version='0' state='full'/>")
                                  << EventBodyError::Kind::WrongNamespace;
        QTest::newRow("contact without uri")
            << QByteArray("<reginfo xmlns='urn:ietf:params:xml:ns:reginfo' version='0' state='full'>"
                          "<registration aor='sip:a@b' id='1' state='active'>"
                          "<contact id='1' state='active' event='registered'/></registration></reginfo>")
            << EventBodyError::Kind::MissingField;
        QTest::newRow("dtd") << QByteArray("<!DOCTYPE r [<!ENTITY a 'x'>]><reginfo/>")
                             << EventBodyError::Kind::DtdForbidden;
        QTest::newRow("truncated") << fixture("reginfo-full.xml").left(200)
                                   << EventBodyError::Kind::NotWellFormed;
    }
    void malformed() {
        QFETCH(QByteArray, body);
        QFETCH(EventBodyError::Kind, kind);
        const auto r = RegInfo::parse(body);
        QVERIFY(std::holds_alternative<EventBodyError>(r));
        QCOMPARE(std::get<EventBodyError>(r).kind, kind);
        QVERIFY(std::get<EventBodyError>(r).line > 0);
    }
};

QTEST_GUILESS_MAIN(TestRegInfo)
#include "tst_reginfo.moc"

#include "presence/DialogInfo.h"

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
DialogInfo parsed(const char *name) {
    auto r = DialogInfo::parse(fixture(name));
    if (!std::holds_alternative<DialogInfo>(r))
        qFatal("fixture %s does not parse", name);
    return std::get<DialogInfo>(r);
}
} // namespace

class TestDialogInfo : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void parseEarly() {
        const DialogInfo info = parsed("dialog-early-recipient.xml");
        QCOMPARE(info.entity, QStringLiteral("sip:bob@example.com"));
        QCOMPARE(info.dialogs.size(), 1);
        const auto &d = info.dialogs[0];
        QCOMPARE(d.callId, QStringLiteral("abc@192.0.2.9"));
        QCOMPARE(d.direction, DialogInfo::Direction::Recipient);
        QCOMPARE(d.state, DialogInfo::DialogState::Early);
        QCOMPARE(d.remoteIdentity, QStringLiteral("sip:carol@example.com"));
        QCOMPARE(d.remoteDisplay, QStringLiteral("Carol"));
        QCOMPARE(info.busyLamp(), BusyLamp::Ringing);
        QVERIFY(info.pickupCandidate());
        QCOMPARE(std::get<DialogInfo>(DialogInfo::parse(info.toXml())), info);
    }

    void lampSequence() {
        DialogInfo state = parsed("dialog-early-recipient.xml");
        QCOMPARE(state.merge(parsed("dialog-partial-confirmed.xml")), DialogInfo::MergeResult::Applied);
        QCOMPARE(state.busyLamp(), BusyLamp::InCall);
        QVERIFY(!state.pickupCandidate());
        QCOMPARE(state.dialogs[0].stateEvent, QStringLiteral("replaced"));
        QCOMPARE(state.merge(parsed("dialog-partial-terminated.xml")), DialogInfo::MergeResult::Applied);
        QCOMPARE(state.busyLamp(), BusyLamp::Idle);
        QVERIFY(state.dialogs.isEmpty());
        QCOMPARE(state.merge(parsed("dialog-partial-terminated.xml")), DialogInfo::MergeResult::Stale);
    }

    void lampTable_data() {
        QTest::addColumn<QStringList>("states");
        QTest::addColumn<BusyLamp>("lamp");
        QTest::newRow("none") << QStringList{} << BusyLamp::Idle;
        QTest::newRow("trying") << QStringList{"trying"} << BusyLamp::Ringing;
        QTest::newRow("proceeding") << QStringList{"proceeding"} << BusyLamp::Ringing;
        QTest::newRow("terminated") << QStringList{"terminated"} << BusyLamp::Idle;
        QTest::newRow("early + confirmed") << QStringList{"early", "confirmed"} << BusyLamp::InCall;
    }
    void lampTable() {
        QFETCH(QStringList, states);
        QFETCH(BusyLamp, lamp);
        QByteArray xml = "<dialog-info xmlns='urn:ietf:params:xml:ns:dialog-info' version='0' state='full' "
                         "entity='sip:b@x'>";
        int i = 0;
        for (const QString &s : states)
            xml +=
                "<dialog id='d" + QByteArray::number(i++) + "'><state>" + s.toLatin1() + "</state></dialog>";
        xml += "</dialog-info>";
        const auto r = DialogInfo::parse(xml);
        QVERIFY(std::holds_alternative<DialogInfo>(r));
        QCOMPARE(std::get<DialogInfo>(r).busyLamp(), lamp);
    }

    void malformed_data() {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<EventBodyError::Kind>("kind");
        QTest::newRow("no state") << fixture("dialog-no-state.xml") << EventBodyError::Kind::MissingField;
        QTest::newRow("bad state")
            << QByteArray("<dialog-info xmlns='urn:ietf:params:xml:ns:dialog-info' version='0' state='full'>"
                          "<dialog id='1'><state>ringing</state></dialog></dialog-info>")
            << EventBodyError::Kind::InvalidValue;
        QTest::newRow("bad direction")
            << QByteArray("<dialog-info xmlns='urn:ietf:params:xml:ns:dialog-info' version='0' state='full'>"
                          "<dialog id='1' direction='up'><state>early</state></dialog></dialog-info>")
            << EventBodyError::Kind::InvalidValue;
        QTest::newRow("wrong root") << fixture("reginfo-full.xml") << EventBodyError::Kind::WrongRoot;
        QTest::newRow("broken") << QByteArray("<dialog-info") << EventBodyError::Kind::NotWellFormed;
    }
    void malformed() {
        QFETCH(QByteArray, body);
        QFETCH(EventBodyError::Kind, kind);
        const auto r = DialogInfo::parse(body);
        QVERIFY(std::holds_alternative<EventBodyError>(r));
        QCOMPARE(std::get<EventBodyError>(r).kind, kind);
    }
};

QTEST_GUILESS_MAIN(TestDialogInfo)
#include "tst_dialoginfo.moc"

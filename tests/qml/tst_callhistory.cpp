// The call history of the GUI: CallHistoryRecorder writing real calls (CallManager over
// FakeTransportLayer + ManualClock) into a scratch database, and CallHistoryModel following the
// store row by row, counting unseen missed calls and suggesting recent parties.
#include "CallHistoryModel.h"
#include "CallHistoryRecorder.h"
#include "FakeTransportLayer.h"
#include "NoDns.h"
#include "NullMedia.h"
#include "account/UserAgent.h"
#include "base/ManualClock.h"
#include "call/CallManager.h"
#include "sip/dialog/UasCore.h"
#include "sip/transport/Resolver.h"
#include "storage/CallHistoryStore.h"
#include "storage/Database.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace parlo;
using namespace parlo::sip;
using parlo::storage::CallHistoryStore;
using parlo::storage::CallRecord;
using parlo::storage::Database;

namespace {
const QByteArray kBobSdp = "v=0\r\no=bob 1 1 IN IP4 192.0.2.20\r\ns=-\r\nc=IN IP4 192.0.2.20\r\nt=0 0\r\n"
                           "m=audio 4000 RTP/AVP 0\r\na=rtpmap:0 PCMU/8000\r\na=sendrecv\r\n";
const QByteArray kCarolOffer =
    "v=0\r\no=carol 7 7 IN IP4 192.0.2.30\r\ns=-\r\nc=IN IP4 192.0.2.30\r\nt=0 0\r\n"
    "m=audio 5000 RTP/AVP 0\r\na=rtpmap:0 PCMU/8000\r\na=sendrecv\r\n";

CallRecord record(const QString &uri, const QString &name, qint64 startMs, bool missed = false) {
    CallRecord r;
    r.direction = missed ? CallRecord::Direction::Incoming : CallRecord::Direction::Outgoing;
    r.remoteUri = uri;
    r.remoteName = name;
    r.startMs = startMs;
    r.endMs = startMs + 1000;
    r.endReason = missed ? QStringLiteral("cancelled") : QStringLiteral("local-bye");
    r.missed = missed;
    return r;
}
} // namespace

class TestCallHistory : public QObject {
    Q_OBJECT

    QTemporaryDir dir;
    Database *db = nullptr;
    CallHistoryStore *store = nullptr;
    ManualClock *clock = nullptr;
    FakeTransportLayer *transport = nullptr;
    NoDns dns;
    UserAgent *ua = nullptr;
    CallManager *calls = nullptr;
    const ReceivedFrom bob = FakeTransportLayer::receivedFrom(TransportProtocol::Udp, "192.0.2.20", 5060);
    const ReceivedFrom carol = FakeTransportLayer::receivedFrom(TransportProtocol::Udp, "192.0.2.30", 5060);
    int dbCount = 0;

    SipMessage sent(const QByteArray &methodOrStatus) {
        for (int i = 0; i < 50; ++i) {
            for (const auto &s : transport->sent()) {
                const SipMessage &m = s.message;
                if ((m.isRequest() && m.method() == methodOrStatus) ||
                    (m.isResponse() && QByteArray::number(m.statusCode()) == methodOrStatus))
                    return m;
            }
            QTest::qWait(2);
            clock->advance(0);
        }
        return {};
    }

    void reply(const SipMessage &request, int status, const QByteArray &sdp = {}) {
        SipMessage r = SipMessage::responseTo(request, status, {}, "bobtag");
        r.setContacts({NameAddr(*SipUri::parse("sip:bob@192.0.2.20:5060"))});
        if (!sdp.isEmpty())
            r.setBody(sdp, "application/sdp");
        transport->inject(r, bob);
    }

    SipMessage carolRequest(const QByteArray &method) {
        SipMessage m = SipMessage::makeRequest(method, *SipUri::parse("sip:alice@192.0.2.10"));
        Via via;
        via.setHost("192.0.2.30");
        via.setPort(5060);
        via.setBranch("z9hG4bKcarol1");
        m.prependVia(via);
        m.setMaxForwards(70);
        NameAddr from(*SipUri::parse("sip:carol@example.org"), QStringLiteral("Carol"));
        from.setTag("caroltag");
        m.setFrom(from);
        m.setTo(NameAddr(*SipUri::parse("sip:alice@192.0.2.10")));
        m.setCallId("call-carol-1");
        m.setCSeq({1, method});
        return m;
    }

    SipMessage carolInvites() {
        SipMessage invite = carolRequest("INVITE");
        invite.setContacts({NameAddr(*SipUri::parse("sip:carol@192.0.2.30:5060"))});
        invite.setBody(kCarolOffer, "application/sdp");
        transport->inject(invite, carol);
        return invite;
    }

    Call *lastCall() { return calls->calls().isEmpty() ? nullptr : calls->calls().last(); }

private Q_SLOTS:
    void init() {
        db = new Database(QStringLiteral("history-%1").arg(++dbCount));
        QVERIFY(!db->open(dir.filePath(QStringLiteral("h%1.db").arg(dbCount))));
        store = new CallHistoryStore(db);
        clock = new ManualClock;
        transport = new FakeTransportLayer(clock);
        ua = new UserAgent(clock, transport, &dns);
        ua->uas()->setLocalUsers({"alice"});
        calls = new CallManager(ua);
        calls->setMediaFactory([](const QHostAddress &) { return std::make_unique<NullMedia>(); });
        CallManager::Identity me;
        me.from = NameAddr(*SipUri::parse("sip:alice@192.0.2.10"), QStringLiteral("Alice"));
        calls->setIdentity(me);
    }
    void cleanup() {
        delete calls;
        delete ua;
        delete clock;
        delete store;
        delete db;
    }

    // ---- recorder

    void outgoingAnsweredCall() {
        CallHistoryRecorder recorder(store);
        recorder.setManager(calls);
        Call *call = calls->dial(*SipUri::parse("sip:bob@192.0.2.20"));
        QVERIFY(call);
        // A row as soon as the call starts.
        QCOMPARE(store->list().size(), 1);
        CallRecord r = store->list().first();
        QCOMPARE(r.direction, CallRecord::Direction::Outgoing);
        QCOMPARE(r.remoteUri, QStringLiteral("sip:bob@192.0.2.20"));
        QVERIFY(r.startMs > 0);
        QCOMPARE(r.answerMs, 0);
        QCOMPARE(r.endMs, 0);

        const SipMessage invite = sent("INVITE");
        reply(invite, 200, kBobSdp);
        QCOMPARE(call->state(), Call::State::Active);
        r = store->list().first();
        QVERIFY(r.answerMs >= r.startMs);
        QCOMPARE(r.endMs, 0);

        transport->clearSent();
        QSignalSpy ended(call, &Call::ended);
        call->hangup();
        transport->inject(SipMessage::responseTo(sent("BYE"), 200), bob);
        QTRY_COMPARE(ended.size(), 1);
        r = store->list().first();
        QCOMPARE(store->list().size(), 1);
        QVERIFY(r.endMs >= r.answerMs);
        QCOMPARE(r.endReason, QStringLiteral("local-bye"));
        QVERIFY(!r.missed);
    }

    void outgoingBusyCall() {
        CallHistoryRecorder recorder(store);
        recorder.setManager(calls);
        calls->dial(*SipUri::parse("sip:bob@192.0.2.20"));
        reply(sent("INVITE"), 486);
        const CallRecord r = store->list().first();
        QCOMPARE(r.endReason, QStringLiteral("busy"));
        QCOMPARE(r.status, 486);
        QCOMPARE(r.answerMs, 0);
        QVERIFY(r.endMs > 0);
        QVERIFY(!r.missed);
        QCOMPARE(CallHistoryModel::endText(r), QStringLiteral("The other side was busy."));
    }

    void incomingCancelledIsMissed() {
        CallHistoryRecorder recorder(store);
        recorder.setManager(calls);
        carolInvites();
        QVERIFY(sent("180").isResponse());
        QCOMPARE(store->list().size(), 1);
        QCOMPARE(store->list().first().remoteName, QStringLiteral("Carol"));
        QVERIFY(!store->list().first().missed); // still ringing: not missed yet
        Call *call = lastCall();
        QVERIFY(call);
        QSignalSpy ended(call, &Call::ended);
        transport->inject(carolRequest("CANCEL"), carol);
        QTRY_COMPARE(ended.size(), 1);
        const CallRecord r = store->list().first();
        QCOMPARE(r.direction, CallRecord::Direction::Incoming);
        QCOMPARE(r.remoteUri, QStringLiteral("sip:carol@example.org"));
        QCOMPARE(r.endReason, QStringLiteral("cancelled"));
        QVERIFY(r.missed);
    }

    void incomingAnsweredIsNotMissed() {
        CallHistoryRecorder recorder(store);
        recorder.setManager(calls);
        const SipMessage invite = carolInvites();
        Call *call = lastCall();
        call->answer();
        const SipMessage ok = sent("200");
        SipMessage ack = SipMessage::makeRequest("ACK", *SipUri::parse("sip:alice@192.0.2.10:5060"));
        Via via;
        via.setHost("192.0.2.30");
        via.setPort(5060);
        via.setBranch("z9hG4bKcarolack");
        ack.prependVia(via);
        ack.setMaxForwards(70);
        ack.setFrom(invite.from());
        ack.setTo(ok.to());
        ack.setCallId(invite.callId());
        ack.setCSeq({1, "ACK"});
        transport->inject(ack, carol);
        QCOMPARE(call->state(), Call::State::Active);
        QVERIFY(store->list().first().answerMs > 0);
        transport->clearSent();
        call->hangup();
        transport->inject(SipMessage::responseTo(sent("BYE"), 200), carol);
        QTRY_VERIFY(store->list().first().endMs > 0);
        QCOMPARE(store->list().first().endReason, QStringLiteral("local-bye"));
        QVERIFY(!store->list().first().missed);
    }

    void declinedIsNotMissed() {
        CallHistoryRecorder recorder(store);
        recorder.setManager(calls);
        carolInvites();
        lastCall()->reject(603);
        QTRY_VERIFY(store->list().first().endMs > 0);
        QCOMPARE(store->list().first().endReason, QStringLiteral("declined"));
        QVERIFY(!store->list().first().missed);
    }

    void doNotDisturbIsMissed() {
        CallHistoryRecorder recorder(store);
        recorder.setManager(calls);
        calls->setDoNotDisturb(true);
        carolInvites();
        QVERIFY(sent("486").isResponse());
        QCOMPARE(calls->calls().size(), 0);
        QCOMPARE(store->list().size(), 1);
        const CallRecord r = store->list().first();
        QCOMPARE(r.direction, CallRecord::Direction::Incoming);
        QCOMPARE(r.remoteUri, QStringLiteral("sip:carol@example.org"));
        QCOMPARE(r.remoteName, QStringLiteral("Carol"));
        QCOMPARE(r.endReason, QStringLiteral("do-not-disturb"));
        QCOMPARE(r.status, 486);
        QVERIFY(r.missed);
    }

    void callWaitingOffIsMissed() {
        CallHistoryRecorder recorder(store);
        recorder.setManager(calls);
        calls->setCallWaiting(false);
        QVERIFY(calls->dial(*SipUri::parse("sip:bob@192.0.2.20")));
        carolInvites();
        QVERIFY(sent("486").isResponse());
        QCOMPARE(store->list().size(), 2);
        const CallRecord r = store->list().first();
        QCOMPARE(r.direction, CallRecord::Direction::Incoming);
        QCOMPARE(r.endReason, QStringLiteral("call-waiting-off"));
        QVERIFY(r.missed);
    }

    // Parlo quits while a call rings: the row gets an end, not a call that seems to last forever.
    void interruptedWhenTheRecorderGoes() {
        {
            CallHistoryRecorder recorder(store);
            recorder.setManager(calls);
            carolInvites();
            QCOMPARE(store->list().first().endMs, 0);
        }
        const CallRecord r = store->list().first();
        QVERIFY(r.endMs > 0);
        QCOMPARE(r.endReason, QStringLiteral("interrupted"));
        QVERIFY(r.missed);
    }

    void noManagerNoRecord() {
        CallHistoryRecorder recorder(store);
        recorder.setManager(calls);
        recorder.setManager(nullptr);
        calls->dial(*SipUri::parse("sip:bob@192.0.2.20"));
        QVERIFY(store->list().isEmpty());
    }

    // ---- model

    void modelFollowsTheStoreRowByRow() {
        const qint64 t = QDateTime::currentMSecsSinceEpoch();
        store->add(record(QStringLiteral("sip:old@example.com"), {}, t - 5000));
        CallHistoryModel model(store);
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QCOMPARE(model.rowCount(), 1);
        QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
        QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);

        CallRecord newer = record(QStringLiteral("sip:new@example.com"), QStringLiteral("New"), t);
        newer.id = std::get<qint64>(store->add(newer));
        QCOMPARE(model.rowCount(), 2);
        QCOMPARE(inserted.size(), 1);
        QCOMPARE(inserted.first().at(1).toInt(), 0); // newest first
        QCOMPARE(model.data(model.index(0), CallHistoryModel::DisplayNameRole).toString(),
                 QStringLiteral("New"));
        QCOMPARE(model.data(model.index(1), CallHistoryModel::DisplayNameRole).toString(),
                 QStringLiteral("old@example.com"));

        newer.answerMs = t + 100;
        newer.endMs = t + 65100;
        QVERIFY(!store->update(newer));
        QCOMPARE(changed.size(), 1);
        QCOMPARE(changed.first().at(0).value<QModelIndex>().row(), 0);
        QCOMPARE(model.data(model.index(0), CallHistoryModel::DurationRole).toLongLong(), 65);
        QCOMPARE(model.data(model.index(0), CallHistoryModel::DurationTextRole).toString(),
                 QStringLiteral("1:05"));

        QVERIFY(model.remove(1));
        QCOMPARE(removed.size(), 1);
        QCOMPARE(removed.first().at(1).toInt(), 1);
        QCOMPARE(model.rowCount(), 1);
        QVERIFY(!model.remove(5));

        QVERIFY(model.clear());
        QCOMPARE(model.rowCount(), 0);
        QCOMPARE(reset.size(), 0);
    }

    void missedCountAndSeen() {
        const QString settings = dir.filePath(QStringLiteral("seen-%1.ini").arg(dbCount));
        const qint64 t = QDateTime::currentMSecsSinceEpoch();
        store->add(record(QStringLiteral("sip:a@example.com"), {}, t - 3000, true));
        store->add(record(QStringLiteral("sip:b@example.com"), {}, t - 2000, false));
        CallHistoryModel model(store);
        model.setSettingsFile(settings);
        QCOMPARE(model.missedCount(), 1);
        QSignalSpy count(&model, &CallHistoryModel::missedCountChanged);
        store->add(record(QStringLiteral("sip:c@example.com"), {}, t - 1000, true));
        QCOMPARE(model.missedCount(), 2);
        QCOMPARE(count.size(), 1);
        model.markAllSeen();
        QCOMPARE(model.missedCount(), 0);
        {
            // Kept across restarts.
            CallHistoryModel again(store);
            again.setSettingsFile(settings);
            QCOMPARE(again.missedCount(), 0);
        }
        // A call missed after looking counts again.
        store->add(record(QStringLiteral("sip:d@example.com"), {}, QDateTime::currentMSecsSinceEpoch() + 5000,
                          true));
        QCOMPARE(model.missedCount(), 1);
    }

    void suggestions_data() {
        QTest::addColumn<QString>("typed");
        QTest::addColumn<QStringList>("uris");
        QTest::newRow("empty") << "" << QStringList{};
        QTest::newRow("scheme") << "sip:bo" << QStringList{"sip:bob@example.com"};
        QTest::newRow("user") << "BO" << QStringList{"sip:bob@example.com"};
        QTest::newRow("name") << "rob" << QStringList{"sip:bob@example.com"};
        QTest::newRow("name word") << "smi" << QStringList{"sip:bob@example.com", "sip:anna@example.org"};
        QTest::newRow("number") << "+4930" << QStringList{"tel:+493012345"};
        QTest::newRow("typed in full") << "bob@example.com" << QStringList{};
        QTest::newRow("no match") << "zed" << QStringList{};
    }
    void suggestions() {
        QFETCH(QString, typed);
        QFETCH(QStringList, uris);
        const qint64 t = QDateTime::currentMSecsSinceEpoch();
        store->add(record(QStringLiteral("tel:+493012345"), {}, t - 4000));
        store->add(record(QStringLiteral("sip:anna@example.org"), QStringLiteral("Anna Smith"), t - 3000));
        store->add(record(QStringLiteral("sip:bob@example.com"), QStringLiteral("Robert Smith"), t - 2000));
        store->add(record(QStringLiteral("sip:bob@example.com"), QStringLiteral("Robert Smith"), t - 1000));
        CallHistoryModel model(store);
        QStringList got;
        for (const QVariant &v : model.suggestions(typed))
            got << v.toMap().value(QStringLiteral("uri")).toString();
        QCOMPARE(got, uris); // distinct, newest first
    }

    void suggestionsAreBounded() {
        const qint64 t = QDateTime::currentMSecsSinceEpoch();
        for (int i = 0; i < 8; ++i)
            store->add(record(QStringLiteral("sip:user%1@example.com").arg(i), {}, t - i));
        CallHistoryModel model(store);
        QCOMPARE(model.suggestions(QStringLiteral("user")).size(), 5);
        QCOMPARE(model.suggestions(QStringLiteral("user"), 2).size(), 2);
    }

    void endTexts_data() {
        QTest::addColumn<QString>("token");
        QTest::addColumn<int>("status");
        QTest::addColumn<bool>("answered");
        QTest::addColumn<QString>("text");
        QTest::newRow("bye") << "local-bye" << 0 << true << "You hung up.";
        QTest::newRow("cancel") << "local-bye" << 0 << false << "You hung up before the call was answered.";
        QTest::newRow("remote") << "remote-bye" << 0 << true << "The other side hung up.";
        QTest::newRow("404") << "rejected" << 404 << false
                             << "This number or address does not exist (404 Not Found).";
        QTest::newRow("dnd") << "do-not-disturb" << 486 << false << "Turned away: do not disturb was on.";
        QTest::newRow("unknown") << "whatever" << 0 << false << "The call was not connected.";
    }
    void endTexts() {
        QFETCH(QString, token);
        QFETCH(int, status);
        QFETCH(bool, answered);
        QFETCH(QString, text);
        CallRecord r = record(QStringLiteral("sip:x@example.com"), {}, 1000);
        r.endReason = token;
        r.status = status;
        r.answerMs = answered ? 1500 : 0;
        QCOMPARE(CallHistoryModel::endText(r), text);
    }
};

QTEST_GUILESS_MAIN(TestCallHistory)
#include "tst_callhistory.moc"

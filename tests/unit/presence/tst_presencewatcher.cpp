// PresenceWatcher, MessageWaiting and PresencePublisher on a UserAgent over FakeTransportLayer with
// a ManualClock: SUBSCRIBEs per package, NOTIFY bodies folded into typed state, malformed bodies
// refused without a state change, version gaps re-subscribing, PUBLISH of our own presence.
#include "FakeTransportLayer.h"
#include "NoDns.h"
#include "account/UserAgent.h"
#include "base/ManualClock.h"
#include "presence/MessageWaiting.h"
#include "presence/PresenceDocument.h"
#include "presence/PresencePublisher.h"
#include "presence/PresenceWatcher.h"
#include "sip/dialog/Publication.h"
#include "sip/dialog/Subscription.h"
#include "sip/transport/Resolver.h"

#include <QSignalSpy>
#include <QTest>

using namespace parlo;
using namespace parlo::presence;
using namespace parlo::sip;

namespace {
QByteArray pidf(const QByteArray &basic, const QByteArray &activity = {}, const QByteArray &note = {}) {
    QByteArray person;
    if (!activity.isEmpty() || !note.isEmpty()) {
        person = "<dm:person id=\"p\">";
        if (!activity.isEmpty())
            person += "<rpid:activities><rpid:" + activity + "/></rpid:activities>";
        if (!note.isEmpty())
            person += "<dm:note>" + note + "</dm:note>";
        person += "</dm:person>";
    }
    return "<?xml version=\"1.0\"?><presence xmlns=\"urn:ietf:params:xml:ns:pidf\" "
           "xmlns:dm=\"urn:ietf:params:xml:ns:pidf:data-model\" "
           "xmlns:rpid=\"urn:ietf:params:xml:ns:pidf:rpid\" entity=\"sip:bob@203.0.113.5\">"
           "<tuple id=\"t\"><status><basic>" +
           basic + "</basic></status></tuple>" + person + "</presence>";
}

QByteArray reginfo(int version, const QByteArray &state, const QByteArray &contacts,
                   const QByteArray &docState = "full") {
    return "<?xml version=\"1.0\"?><reginfo xmlns=\"urn:ietf:params:xml:ns:reginfo\" version=\"" +
           QByteArray::number(version) + "\" state=\"" + docState +
           "\"><registration aor=\"sip:bob@203.0.113.5\" id=\"r1\" state=\"" + state + "\">" + contacts +
           "</registration></reginfo>";
}
QByteArray contact(const QByteArray &id, const QByteArray &state, const QByteArray &event) {
    return "<contact id=\"" + id + "\" state=\"" + state + "\" event=\"" + event +
           "\"><uri>sip:bob@198.51.100." + id + ":5060</uri></contact>";
}

QByteArray dialoginfo(int version, const QByteArray &state, const QByteArray &docState = "full") {
    QByteArray dialog;
    if (!state.isEmpty())
        dialog =
            "<dialog id=\"d1\" call-id=\"c1\" direction=\"recipient\"><state>" + state + "</state></dialog>";
    return "<?xml version=\"1.0\"?><dialog-info xmlns=\"urn:ietf:params:xml:ns:dialog-info\" version=\"" +
           QByteArray::number(version) + "\" state=\"" + docState + "\" entity=\"sip:bob@203.0.113.5\">" +
           dialog + "</dialog-info>";
}
} // namespace

class TestPresenceWatcher : public QObject {
    Q_OBJECT

    ManualClock *clock = nullptr;
    FakeTransportLayer *transport = nullptr;
    NoDns dns;
    UserAgent *ua = nullptr;
    quint32 notifyCSeq = 0;
    int branchNo = 0;
    QList<SipMessage> stash; // sent while a NOTIFY was handled, for takeSubscribes()

    ReceivedFrom server() const {
        return FakeTransportLayer::receivedFrom(TransportProtocol::Udp, QStringLiteral("203.0.113.5"), 5060);
    }

    PresenceWatcher::Config config(bool dialog = true) {
        PresenceWatcher::Config c;
        c.contact = *SipUri::parse("sip:bob@203.0.113.5");
        c.from = NameAddr(*SipUri::parse("sip:alice@203.0.113.5"));
        c.watchDialog = dialog;
        c.expires = 600;
        return c;
    }

    // The SUBSCRIBEs sent so far, by Event.
    QHash<QByteArray, SipMessage> takeSubscribes() {
        QHash<QByteArray, SipMessage> out;
        QList<SipMessage> sent = std::exchange(stash, {});
        for (const FakeTransportLayer::Sent &s : transport->takeSent())
            sent << s.message;
        for (const SipMessage &m : std::as_const(sent))
            if (m.isRequest() && m.method() == "SUBSCRIBE")
                out.insert(m.header(HeaderId::Event), m);
        return out;
    }

    void accept(const SipMessage &subscribe) {
        SipMessage r = SipMessage::responseTo(subscribe, 202, {}, "ntag");
        r.addHeader(HeaderId::Contact, "<sip:bob@203.0.113.5:5060>");
        r.setExpires(600);
        transport->inject(r, server());
    }

    // Sends a NOTIFY in subscribe's dialog; returns the status we answered (0: none).
    int notify(const SipMessage &subscribe, const QByteArray &body, const QByteArray &type,
               const QByteArray &state = "active;expires=600") {
        SipMessage m = SipMessage::makeRequest("NOTIFY", subscribe.contacts().first().uri());
        Via via;
        via.setTransport("UDP");
        via.setHost("203.0.113.5");
        via.setPort(5060);
        via.setBranch("z9hG4bKn" + QByteArray::number(++branchNo));
        m.prependVia(via);
        m.setMaxForwards(70);
        NameAddr from(subscribe.to().uri());
        from.setTag("ntag");
        m.setFrom(from);
        m.setTo(subscribe.from());
        m.setCallId(subscribe.callId());
        m.setCSeq({++notifyCSeq, "NOTIFY"});
        m.setHeader(HeaderId::Event, subscribe.header(HeaderId::Event));
        m.setHeader(HeaderId::SubscriptionState, state);
        m.setContacts({NameAddr(*SipUri::parse("sip:presence@203.0.113.5:5060"))});
        if (!body.isEmpty())
            m.setBody(body, type);
        transport->inject(m, server());
        int status = 0;
        for (const FakeTransportLayer::Sent &s : transport->takeSent()) {
            if (s.message.isResponse() && s.message.cseq().method == "NOTIFY")
                status = s.message.statusCode();
            else
                stash << s.message;
        }
        return status;
    }

private Q_SLOTS:
    void initTestCase() { qRegisterMetaType<RequestError>(); }
    void init() {
        clock = new ManualClock;
        transport = new FakeTransportLayer(clock);
        ua = new UserAgent(clock, transport, &dns);
        notifyCSeq = 0;
        stash.clear();
    }
    void cleanup() {
        delete ua;
        delete clock;
    }

    void subscribesPerPackage() {
        PresenceWatcher w(ua);
        w.setConfig(config(true));
        w.start();
        QCOMPARE(w.state(), PresenceWatcher::State::Watching);
        const auto subs = takeSubscribes();
        QCOMPARE(subs.size(), 3);
        QCOMPARE(subs.value("presence").header(HeaderId::Accept), QByteArray("application/pidf+xml"));
        QCOMPARE(subs.value("reg").header(HeaderId::Accept), QByteArray("application/reginfo+xml"));
        QCOMPARE(subs.value("dialog").header(HeaderId::Accept), QByteArray("application/dialog-info+xml"));
        for (const SipMessage &s : subs)
            QCOMPARE(s.requestUri().toString(), QByteArray("sip:bob@203.0.113.5"));

        PresenceWatcher noDialog(ua);
        noDialog.setConfig(config(false));
        noDialog.start();
        QCOMPARE(takeSubscribes().size(), 2);
    }

    void presenceStates_data() {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<PresenceState>("state");
        QTest::addColumn<QString>("note");
        QTest::newRow("open") << pidf("open") << PresenceState::Available << QString();
        QTest::newRow("away") << pidf("open", "away", "back at 3") << PresenceState::Away
                              << QStringLiteral("back at 3");
        QTest::newRow("busy") << pidf("open", "busy") << PresenceState::Busy << QString();
        QTest::newRow("on the phone")
            << pidf("open", "on-the-phone") << PresenceState::OnThePhone << QString();
        QTest::newRow("closed") << pidf("closed") << PresenceState::Offline << QString();
    }
    void presenceStates() {
        QFETCH(QByteArray, body);
        QFETCH(PresenceState, state);
        QFETCH(QString, note);
        PresenceWatcher w(ua);
        w.setConfig(config(false));
        QSignalSpy changed(&w, &PresenceWatcher::presenceChanged);
        w.start();
        const SipMessage s = takeSubscribes().value("presence");
        accept(s);
        QCOMPARE(w.presence(), PresenceState::Unknown);
        QCOMPARE(notify(s, body, "application/pidf+xml"), 200);
        QCOMPARE(w.presence(), state);
        QCOMPARE(w.note(), note);
        QCOMPARE(changed.size(), 1);
        // The same state again is no change.
        QCOMPARE(notify(s, body, "application/pidf+xml"), 200);
        QCOMPARE(changed.size(), 1);
    }

    // Bodies the package parser refuses get 400, other types 415, oversized ones 413; none changes
    // the state, and the next good NOTIFY still counts.
    void malformedBodiesLeaveStateAlone_data() {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QByteArray>("type");
        QTest::addColumn<int>("status");
        QTest::newRow("broken xml") << QByteArray("<presence xmlns=\"urn:ietf:params:xml:ns:pidf\"><tuple>")
                                    << QByteArray("application/pidf+xml") << 400;
        QTest::newRow("wrong root") << QByteArray("<?xml version=\"1.0\"?><reginfo/>")
                                    << QByteArray("application/pidf+xml") << 400;
        QTest::newRow("dtd (xml bomb)")
            << QByteArray(
                   "<?xml version=\"1.0\"?><!DOCTYPE l [<!ENTITY a \"aaaa\">]><presence>&a;</presence>")
            << QByteArray("application/pidf+xml") << 400;
        QTest::newRow("wrong content type") << pidf("closed") << QByteArray("text/plain") << 415;
        QTest::newRow("too large") << QByteArray(60 * 1024, 'x') << QByteArray("application/pidf+xml") << 413;
    }
    void malformedBodiesLeaveStateAlone() {
        QFETCH(QByteArray, body);
        QFETCH(QByteArray, type);
        QFETCH(int, status);
        PresenceWatcher w(ua);
        w.setConfig(config(false));
        w.start();
        const SipMessage s = takeSubscribes().value("presence");
        accept(s);
        QCOMPARE(notify(s, pidf("open", "away"), "application/pidf+xml"), 200);
        QCOMPARE(w.presence(), PresenceState::Away);
        QSignalSpy changed(&w, &PresenceWatcher::presenceChanged);
        QCOMPARE(notify(s, body, type), status);
        QCOMPARE(w.presence(), PresenceState::Away);
        QCOMPARE(changed.size(), 0);
        QCOMPARE(w.subscription(PresenceWatcher::Package::Presence)->state(), Subscription::State::Active);
        QCOMPARE(notify(s, pidf("open"), "application/pidf+xml"), 200);
        QCOMPARE(w.presence(), PresenceState::Available);
    }

    void registrationState() {
        PresenceWatcher w(ua);
        w.setConfig(config(false));
        QSignalSpy changed(&w, &PresenceWatcher::registrationChanged);
        w.start();
        const SipMessage s = takeSubscribes().value("reg");
        accept(s);
        QCOMPARE(w.registration(), PresenceWatcher::Registration::Unknown);
        QCOMPARE(notify(s, reginfo(0, "init", {}), "application/reginfo+xml"), 200);
        QCOMPARE(w.registration(), PresenceWatcher::Registration::NotRegistered);
        QCOMPARE(
            notify(s, reginfo(1, "active", contact("1", "active", "registered")), "application/reginfo+xml"),
            200);
        QCOMPARE(w.registration(), PresenceWatcher::Registration::Registered);
        QCOMPARE(w.deviceCount(), 1);
        // A partial document adds a second device.
        QCOMPARE(notify(s, reginfo(2, "active", contact("2", "active", "created"), "partial"),
                        "application/reginfo+xml"),
                 200);
        QCOMPARE(w.deviceCount(), 2);
        // Both gone.
        QCOMPARE(notify(s,
                        reginfo(3, "terminated",
                                contact("1", "terminated", "unregistered") +
                                    contact("2", "terminated", "expired")),
                        "application/reginfo+xml"),
                 200);
        QCOMPARE(w.registration(), PresenceWatcher::Registration::NotRegistered);
        QCOMPARE(w.deviceCount(), 0);
        QCOMPARE(changed.size(), 4);
    }

    // A partial document that skips a version: the watcher un-subscribes and subscribes again
    // for a full state (RFC 3680 §5.2.1).
    void versionGapResubscribes() {
        PresenceWatcher w(ua);
        w.setConfig(config(false));
        w.start();
        const SipMessage s = takeSubscribes().value("reg");
        accept(s);
        QCOMPARE(
            notify(s, reginfo(1, "active", contact("1", "active", "registered")), "application/reginfo+xml"),
            200);
        QCOMPARE(notify(s, reginfo(5, "active", contact("2", "active", "created"), "partial"),
                        "application/reginfo+xml"),
                 200);
        QCOMPARE(w.deviceCount(), 1); // not applied
        const SipMessage unsubscribe = takeSubscribes().value("reg");
        QVERIFY(unsubscribe.isValid());
        QCOMPARE(unsubscribe.expires().value_or(1), 0u);
        SipMessage ok = SipMessage::responseTo(unsubscribe, 200);
        transport->inject(ok, server());
        QCOMPARE(notify(s, {}, {}, "terminated;reason=timeout"), 200);
        const SipMessage again = takeSubscribes().value("reg");
        QVERIFY(again.isValid());
        QVERIFY(again.callId() != s.callId());
        QCOMPARE(again.expires().value_or(0), 600u);
        QCOMPARE(w.state(), PresenceWatcher::State::Watching);
    }

    void busyLamp() {
        PresenceWatcher w(ua);
        w.setConfig(config(true));
        QSignalSpy changed(&w, &PresenceWatcher::busyLampChanged);
        w.start();
        const SipMessage s = takeSubscribes().value("dialog");
        accept(s);
        const QByteArray type = "application/dialog-info+xml";
        QCOMPARE(notify(s, dialoginfo(0, {}), type), 200);
        QCOMPARE(w.busyLamp(), BusyLamp::Idle);
        QCOMPARE(notify(s, dialoginfo(1, "early"), type), 200);
        QCOMPARE(w.busyLamp(), BusyLamp::Ringing);
        QCOMPARE(notify(s, dialoginfo(2, "confirmed"), type), 200);
        QCOMPARE(w.busyLamp(), BusyLamp::InCall);
        QCOMPARE(notify(s, dialoginfo(3, "terminated"), type), 200);
        QCOMPARE(w.busyLamp(), BusyLamp::Idle);
        QCOMPARE(changed.size(), 4);
        QCOMPARE(notify(s, "<dialog-info", type), 400);
        QCOMPARE(w.busyLamp(), BusyLamp::Idle);
    }

    void stopUnsubscribesAll() {
        PresenceWatcher w(ua);
        w.setConfig(config(true));
        QSignalSpy stopped(&w, &PresenceWatcher::stopped);
        w.start();
        const auto subs = takeSubscribes();
        for (const SipMessage &s : subs) {
            accept(s);
            QVERIFY(notify(s, {}, {}) == 200);
        }
        w.stop();
        QCOMPARE(w.state(), PresenceWatcher::State::Stopping);
        const auto unsubs = takeSubscribes();
        QCOMPARE(unsubs.size(), 3);
        for (const SipMessage &u : unsubs)
            QCOMPARE(u.expires().value_or(1), 0u);
        QCOMPARE(stopped.size(), 0);
        clock->advance(Subscription::kUnsubscribeTimeoutMs); // no final NOTIFYs: the timeout ends them
        QCOMPARE(stopped.size(), 1);
        QCOMPARE(w.state(), PresenceWatcher::State::Idle);
    }

    void finalFailureIsReported() {
        PresenceWatcher w(ua);
        w.setConfig(config(false));
        QSignalSpy failed(&w, &PresenceWatcher::failed);
        w.start();
        for (const SipMessage &s : takeSubscribes())
            transport->inject(SipMessage::responseTo(s, 403, "Forbidden", "x"), server());
        QCOMPARE(failed.size(), 2);
        QCOMPARE(failed.first().at(1).value<RequestError>().kind, RequestError::Kind::Forbidden);
        QCOMPARE(w.state(), PresenceWatcher::State::Failed);
    }

    void messageWaiting() {
        MessageWaiting mwi(ua);
        MessageWaiting::Config c;
        c.aor = NameAddr(*SipUri::parse("sip:alice@203.0.113.5"));
        mwi.setConfig(c);
        QSignalSpy changed(&mwi, &MessageWaiting::changed);
        mwi.start();
        const SipMessage s = takeSubscribes().value("message-summary");
        QVERIFY(s.isValid());
        QCOMPARE(s.requestUri().toString(), QByteArray("sip:alice@203.0.113.5"));
        QCOMPARE(s.header(HeaderId::Accept), QByteArray("application/simple-message-summary"));
        accept(s);
        const QByteArray type = "application/simple-message-summary";
        QCOMPARE(notify(s, "Messages-Waiting: yes\r\nVoice-Message: 2/8 (0/2)\r\n", type), 200);
        QCOMPARE(changed.size(), 1);
        QVERIFY(mwi.waiting());
        QCOMPARE(mwi.newMessages(), 2);
        QCOMPARE(mwi.oldMessages(), 8);
        QCOMPARE(notify(s, "this is not a summary", type), 400);
        QCOMPARE(changed.size(), 1);
        QCOMPARE(mwi.newMessages(), 2);
    }

    void publisherPublishesAndGoesOnThePhone() {
        PresencePublisher pub(ua);
        PresencePublisher::Config c;
        c.aor = NameAddr(*SipUri::parse("sip:alice@203.0.113.5"));
        c.expires = 600;
        pub.setConfig(c);
        QSignalSpy published(&pub, &PresencePublisher::published);
        pub.setPresence(PresenceState::Away, QStringLiteral("lunch"));
        QCOMPARE(pub.state(), PresencePublisher::State::Publishing);
        SipMessage p = transport->takeFirst().message;
        QCOMPARE(p.method(), QByteArray("PUBLISH"));
        QCOMPARE(p.header(HeaderId::Event), QByteArray("presence"));
        QCOMPARE(p.contentType(), QByteArray("application/pidf+xml"));
        auto doc = PresenceDocument::parse(p.body());
        QVERIFY(std::holds_alternative<PresenceDocument>(doc));
        QCOMPARE(std::get<PresenceDocument>(doc).state(), PresenceState::Away);
        QCOMPARE(std::get<PresenceDocument>(doc).note(), QStringLiteral("lunch"));
        SipMessage ok = SipMessage::responseTo(p, 200, {}, "x");
        ok.setHeader("SIP-ETag", "e1");
        ok.setExpires(600);
        transport->inject(ok, server());
        QCOMPARE(published.size(), 1);
        QCOMPARE(pub.state(), PresencePublisher::State::Published);

        // A call starts: on the phone, published as a modification of e1.
        pub.setOnThePhone(true);
        p = transport->takeFirst().message;
        QCOMPARE(p.header("SIP-If-Match"), QByteArray("e1"));
        doc = PresenceDocument::parse(p.body());
        QCOMPARE(std::get<PresenceDocument>(doc).state(), PresenceState::OnThePhone);
        // Offline users stay offline during calls.
        ok = SipMessage::responseTo(p, 200, {}, "x");
        ok.setHeader("SIP-ETag", "e2");
        ok.setExpires(600);
        transport->inject(ok, server());
        pub.setPresence(PresenceState::Offline);
        p = transport->takeFirst().message;
        doc = PresenceDocument::parse(p.body());
        QCOMPARE(std::get<PresenceDocument>(doc).state(), PresenceState::Offline);
    }
};

QTEST_GUILESS_MAIN(TestPresenceWatcher)
#include "tst_presencewatcher.moc"

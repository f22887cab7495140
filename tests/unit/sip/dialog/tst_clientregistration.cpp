// ClientRegistration driven through FakeTransportLayer and ManualClock: no sockets, no sleeps.
#include "FakeTransportLayer.h"
#include "NoDns.h"
#include "base/ManualClock.h"
#include "sip/dialog/ClientRegistration.h"
#include "sip/transaction/TransactionLayer.h"
#include "sip/transport/Resolver.h"

#include <QSignalSpy>
#include <QTest>

using namespace parlo;
using namespace parlo::sip;

Q_DECLARE_METATYPE(ClientRegistration::State)
Q_DECLARE_METATYPE(RegistrationError::Kind)

class TestClientRegistration : public QObject {
    Q_OBJECT

    ManualClock *clock = nullptr;
    FakeTransportLayer *transport = nullptr;
    TransactionLayer *transactions = nullptr;
    NoDns dns;
    Resolver *resolver = nullptr;
    ClientRegistration *reg = nullptr;
    const Peer registrar =
        FakeTransportLayer::peer(TransportProtocol::Udp, QStringLiteral("203.0.113.5"), 5060);

    ClientRegistration::Config config(quint32 expires = 600) {
        ClientRegistration::Config c;
        c.aor = *SipUri::parse("sip:alice@203.0.113.5");
        c.expires = expires;
        return c;
    }

    // Waits (event loop: the resolver answers asynchronously) for the next REGISTER on the wire.
    SipMessage nextRegister() {
        [&] { QTRY_VERIFY_WITH_TIMEOUT(transport->hasSent(), 2000); }();
        if (!transport->hasSent())
            return {};
        return transport->takeFirst().message;
    }

    void respond(const SipMessage &request, int status,
                 const QList<QPair<QByteArray, QByteArray>> &headers = {}, bool echoContactExpires = false) {
        SipMessage r = SipMessage::responseTo(request, status, {}, "srvtag");
        for (const auto &h : headers)
            r.addHeader(h.first, h.second);
        if (echoContactExpires) {
            QList<NameAddr> contacts = request.contacts();
            for (NameAddr &c : contacts)
                c.params().set("expires", QByteArray::number(request.expires().value_or(0)));
            r.setContacts(contacts);
        }
        transport->inject(
            r, FakeTransportLayer::receivedFrom(TransportProtocol::Udp, QStringLiteral("203.0.113.5"), 5060));
    }

    QByteArray challenge(const QByteArray &nonce, bool stale = false) {
        return "Digest realm=\"example\", nonce=\"" + nonce + "\", algorithm=MD5, qop=\"auth\"" +
               (stale ? ", stale=true" : "");
    }

private Q_SLOTS:
    void init() {
        clock = new ManualClock;
        transport = new FakeTransportLayer(clock);
        transactions = new TransactionLayer(transport, clock);
        resolver = new Resolver(&dns);
        reg = new ClientRegistration(transactions, resolver, clock);
        reg->setCredentials(DigestCredentials("alice", "secret"));
    }
    void cleanup() {
        delete reg;
        delete resolver;
        delete transactions;
        delete transport;
        delete clock;
    }

    void registersAnswersChallengeAndRefreshes() {
        reg->setConfig(config(600));
        QSignalSpy registered(reg, &ClientRegistration::registered);
        reg->start();
        QCOMPARE(reg->state(), ClientRegistration::State::Registering);

        SipMessage first = nextRegister();
        QCOMPARE(first.method(), QByteArray("REGISTER"));
        QCOMPARE(first.requestUri().toString(), QByteArray("sip:203.0.113.5"));
        QCOMPARE(first.expires().value_or(0), 600u);
        QVERIFY(!first.hasHeader(HeaderId::Authorization));
        QCOMPARE(first.contacts().size(), 1);
        QCOMPARE(first.contacts().first().uri().host(), QByteArray("192.0.2.10"));
        respond(first, 401, {{"WWW-Authenticate", challenge("n1")}});

        SipMessage second = nextRegister();
        QVERIFY(second.hasHeader(HeaderId::Authorization));
        QCOMPARE(second.callId(), first.callId());
        QCOMPARE(second.from().tag(), first.from().tag());
        QCOMPARE(second.cseq().number, first.cseq().number + 1);
        QVERIFY(second.topViaBranch() != first.topViaBranch());
        respond(second, 200, {}, true);
        QCOMPARE(reg->state(), ClientRegistration::State::Registered);
        QCOMPARE(registered.size(), 1);
        QCOMPARE(reg->grantedExpires(), 600u);

        // Refresh a minute before expiry, pre-authorized with the known nonce.
        clock->advance(539'000);
        QCoreApplication::processEvents();
        QVERIFY(!transport->hasSent());
        clock->advance(1'000);
        SipMessage refresh = nextRegister();
        QCOMPARE(reg->state(), ClientRegistration::State::Refreshing);
        QVERIFY(refresh.header(HeaderId::Authorization).contains("nonce=\"n1\""));
        QVERIFY(refresh.header(HeaderId::Authorization).contains("nc=00000002"));
        QCOMPARE(refresh.callId(), first.callId());
        respond(refresh, 200, {}, true);
        QCOMPARE(reg->state(), ClientRegistration::State::Registered);
        QCOMPARE(registered.size(), 2);
    }

    void challengeOnRefreshIsAnswered() {
        reg->setConfig(config(600));
        QSignalSpy failed(reg, &ClientRegistration::failed);
        reg->start();
        respond(nextRegister(), 401, {{"WWW-Authenticate", challenge("n1")}});
        respond(nextRegister(), 200, {}, true);
        clock->advance(540'000);
        SipMessage refresh = nextRegister();
        // The registrar forgot the nonce (e.g. it restarted): a fresh challenge, not stale.
        respond(refresh, 401, {{"WWW-Authenticate", challenge("n9")}});
        SipMessage answered = nextRegister();
        QVERIFY(answered.header(HeaderId::Authorization).contains("nonce=\"n9\""));
        respond(answered, 200, {}, true);
        QCOMPARE(reg->state(), ClientRegistration::State::Registered);
        QCOMPARE(failed.size(), 0);
    }

    void grantedExpiryComesFromOurContact() {
        reg->setConfig(config(3600));
        reg->start();
        SipMessage r = nextRegister();
        SipMessage ok = SipMessage::responseTo(r, 200, {}, "t");
        NameAddr other(*SipUri::parse("sip:alice@198.51.100.7:5060"));
        other.params().set("expires", "3000");
        NameAddr ours = r.contacts().first();
        ours.params().set("expires", "120");
        ok.setContacts({other, ours});
        ok.setExpires(3600);
        transport->inject(ok, FakeTransportLayer::receivedFrom(TransportProtocol::Udp, "203.0.113.5", 5060));
        QCOMPARE(reg->grantedExpires(), 120u);
        // Short bindings refresh half-way.
        clock->advance(59'000);
        QCoreApplication::processEvents();
        QVERIFY(!transport->hasSent());
        clock->advance(1'000);
        QVERIFY(!nextRegister().method().isEmpty());
    }

    void intervalTooBriefFollowsMinExpires() {
        reg->setConfig(config(60));
        reg->start();
        SipMessage r = nextRegister();
        respond(r, 423, {{"Min-Expires", "1800"}});
        SipMessage again = nextRegister();
        QCOMPARE(again.expires().value_or(0), 1800u);
        respond(again, 200, {}, true);
        QCOMPARE(reg->state(), ClientRegistration::State::Registered);
        QCOMPARE(reg->grantedExpires(), 1800u);
    }

    void staleNonceRetriesWithoutFailing() {
        reg->setConfig(config());
        QSignalSpy failed(reg, &ClientRegistration::failed);
        reg->start();
        respond(nextRegister(), 401, {{"WWW-Authenticate", challenge("n1")}});
        SipMessage withN1 = nextRegister();
        respond(withN1, 401, {{"WWW-Authenticate", challenge("n2", true)}});
        SipMessage withN2 = nextRegister();
        QVERIFY(withN2.header(HeaderId::Authorization).contains("nonce=\"n2\""));
        respond(withN2, 200, {}, true);
        QCOMPARE(reg->state(), ClientRegistration::State::Registered);
        QCOMPARE(failed.size(), 0);
    }

    void secondChallengeMeansWrongPassword() {
        reg->setConfig(config());
        QSignalSpy failed(reg, &ClientRegistration::failed);
        reg->start();
        respond(nextRegister(), 401, {{"WWW-Authenticate", challenge("n1")}});
        respond(nextRegister(), 401, {{"WWW-Authenticate", challenge("n3")}});
        QCOMPARE(reg->state(), ClientRegistration::State::Failed);
        QCOMPARE(failed.size(), 1);
        QCOMPARE(reg->lastError().kind, RegistrationError::Kind::AuthenticationFailed);
        QCOMPARE(reg->lastError().status, 401);
    }

    void challengeWithoutCredentials() {
        reg->setCredentials({});
        reg->setConfig(config());
        reg->start();
        respond(nextRegister(), 407, {{"Proxy-Authenticate", challenge("n1")}});
        QCOMPARE(reg->state(), ClientRegistration::State::Failed);
        QCOMPARE(reg->lastError().kind, RegistrationError::Kind::NoCredentials);
    }

    void finalResponses_data() {
        QTest::addColumn<int>("status");
        QTest::addColumn<QByteArray>("retryAfter");
        QTest::addColumn<ClientRegistration::State>("state");
        QTest::addColumn<RegistrationError::Kind>("kind");
        QTest::addColumn<bool>("temporary");
        QTest::addColumn<int>("retrySeconds");
        using S = ClientRegistration::State;
        using K = RegistrationError::Kind;
        QTest::newRow("403") << 403 << QByteArray() << S::Failed << K::Forbidden << false << 0;
        QTest::newRow("404") << 404 << QByteArray() << S::Failed << K::NotFound << false << 0;
        QTest::newRow("488") << 488 << QByteArray() << S::Failed << K::Rejected << false << 0;
        QTest::newRow("603") << 603 << QByteArray() << S::Failed << K::Rejected << false << 0;
        QTest::newRow("500") << 500 << QByteArray() << S::RetryWaiting << K::ServerError << true << 5;
        QTest::newRow("503 Retry-After")
            << 503 << QByteArray("30") << S::RetryWaiting << K::ServerError << true << 30;
        QTest::newRow("480") << 480 << QByteArray() << S::RetryWaiting << K::ServerError << true << 5;
        QTest::newRow("423 without Min-Expires")
            << 423 << QByteArray() << S::Failed << K::IntervalTooBrief << false << 0;
    }
    void finalResponses() {
        QFETCH(int, status);
        QFETCH(QByteArray, retryAfter);
        QFETCH(ClientRegistration::State, state);
        QFETCH(RegistrationError::Kind, kind);
        QFETCH(bool, temporary);
        QFETCH(int, retrySeconds);

        reg->setConfig(config());
        QSignalSpy retry(reg, &ClientRegistration::retryScheduled);
        reg->start();
        SipMessage r = nextRegister();
        QList<QPair<QByteArray, QByteArray>> headers;
        if (!retryAfter.isEmpty())
            headers.append({"Retry-After", retryAfter});
        respond(r, status, headers);
        QCOMPARE(reg->state(), state);
        QCOMPARE(reg->lastError().kind, kind);
        QCOMPARE(reg->lastError().status, status);
        QCOMPARE(reg->lastError().temporary, temporary);
        if (!temporary) {
            QCOMPARE(retry.size(), 0);
            return;
        }
        QCOMPARE(retry.size(), 1);
        QCOMPARE(retry.first().first().toInt(), retrySeconds);
        clock->advance(qint64(retrySeconds) * 1000 - 1);
        QCoreApplication::processEvents();
        QVERIFY(!transport->hasSent());
        clock->advance(1);
        QCOMPARE(nextRegister().method(), QByteArray("REGISTER"));
        QCOMPARE(reg->state(), ClientRegistration::State::Registering);
    }

    void timeoutRetriesWithBackoff() {
        reg->setConfig(config());
        QSignalSpy retry(reg, &ClientRegistration::retryScheduled);
        reg->start();
        nextRegister();
        // Timer F = 64*T1 = 32 s; the retransmissions in between are the transaction's business.
        clock->advance(32'000);
        QCOMPARE(reg->state(), ClientRegistration::State::RetryWaiting);
        QCOMPARE(reg->lastError().kind, RegistrationError::Kind::Timeout);
        QCOMPARE(reg->lastError().elapsedMs, 32'000);
        QCOMPARE(retry.last().first().toInt(), 5);
        transport->clearSent();
        clock->advance(5'000);
        nextRegister();
        transport->clearSent();
        clock->advance(32'000);
        QCOMPARE(retry.last().first().toInt(), 10);
    }

    void noRetryWhenAskedNotTo() {
        ClientRegistration::Config c = config();
        c.retryAutomatically = false;
        reg->setConfig(c);
        reg->start();
        nextRegister();
        clock->advance(32'000);
        QCOMPARE(reg->state(), ClientRegistration::State::Failed);
        QCOMPARE(reg->lastError().kind, RegistrationError::Kind::Timeout);
        QVERIFY(reg->lastError().temporary);
    }

    void transportFailureNamesTheStep() {
        reg->setConfig(config());
        transport->failSendsTo(registrar, TransportError::Kind::ConnectionRefused);
        reg->start();
        // The resolver answers through the event loop, the transaction reports through the clock.
        for (int i = 0; i < 100 && reg->state() != ClientRegistration::State::RetryWaiting; ++i) {
            QTest::qWait(5);
            clock->advance(0);
        }
        QCOMPARE(reg->state(), ClientRegistration::State::RetryWaiting);
        QCOMPARE(reg->lastError().kind, RegistrationError::Kind::ConnectFailed);
        QCOMPARE(reg->lastError().transport.kind, TransportError::Kind::ConnectionRefused);
    }

    void droppedConnectionRegistersAgainAtOnce() {
        ClientRegistration::Config c = config();
        c.transport = TransportProtocol::Tcp;
        reg->setConfig(c);
        reg->start();
        SipMessage r = nextRegister();
        QCOMPARE(r.topVia()->transport(), QByteArray("TCP"));
        respond(r, 200, {}, true);
        QCOMPARE(reg->state(), ClientRegistration::State::Registered);
        transport->reportSendFailed(FakeTransportLayer::peer(TransportProtocol::Tcp, "203.0.113.5", 5060),
                                    TransportError::Kind::ConnectionClosed);
        QCOMPARE(reg->state(), ClientRegistration::State::Registering);
        QCOMPARE(nextRegister().method(), QByteArray("REGISTER"));
    }

    void stopRemovesTheBinding() {
        reg->setConfig(config());
        QSignalSpy unregistered(reg, &ClientRegistration::unregistered);
        reg->start();
        respond(nextRegister(), 200, {}, true);
        reg->stop();
        QCOMPARE(reg->state(), ClientRegistration::State::Unregistering);
        SipMessage removal = nextRegister();
        QCOMPARE(removal.expires().value_or(99), 0u);
        QCOMPARE(removal.contacts().first().params().value("expires").value_or(""), QByteArray("0"));
        respond(removal, 200);
        QCOMPARE(reg->state(), ClientRegistration::State::Unregistered);
        QCOMPARE(unregistered.size(), 1);
        // No refresh timer survives.
        clock->advance(3600'000);
        QCoreApplication::processEvents();
        QVERIFY(!transport->hasSent());
    }

    void stopDoesNotWaitForASilentRegistrar() {
        reg->setConfig(config());
        reg->start();
        respond(nextRegister(), 200, {}, true);
        reg->stop();
        nextRegister();
        clock->advance(1'500);
        QCOMPARE(reg->state(), ClientRegistration::State::Unregistered);
    }

    void backoff_data() {
        QTest::addColumn<int>("attempt");
        QTest::addColumn<int>("seconds");
        QTest::newRow("1") << 1 << 5;
        QTest::newRow("2") << 2 << 10;
        QTest::newRow("3") << 3 << 20;
        QTest::newRow("6") << 6 << 160;
        QTest::newRow("7") << 7 << 300;
        QTest::newRow("50") << 50 << 300;
    }
    void backoff() {
        QFETCH(int, attempt);
        QFETCH(int, seconds);
        QCOMPARE(ClientRegistration::backoffSeconds(attempt), seconds);
    }
};

QTEST_GUILESS_MAIN(TestClientRegistration)
#include "tst_clientregistration.moc"

#include "sip/auth/AuthParams.h"
#include "sip/auth/DigestChallenge.h"
#include "sip/auth/DigestCredentials.h"
#include "sip/message/SipMessage.h"

#include <QTest>

using namespace parlo::sip;
using Algorithm = DigestChallenge::Algorithm;

namespace {

// RFC 7616 §3.9.1
const QByteArray kNonce = "7ypf/xlj9XXwfDPEoM4URrv/xwf94BcCAzFZH4GiTo0v";
const QByteArray kCnonce = "f2/wE4q74E6zIJEtWaHKaf5wv/H5QzzpXusqGemxURZJ";
const QByteArray kOpaque = "FQhe/qaU925kfnzjCev0ciny7QMkPqMAFRtzCUYo5tdS";

QByteArray rfc7616Challenge(const QByteArray &algorithm, const QByteArray &qop = "auth") {
    QByteArray v = "Digest realm=\"http-auth@example.org\", ";
    if (!qop.isEmpty())
        v += "qop=\"" + qop + "\", ";
    v += "algorithm=" + algorithm + ", nonce=\"" + kNonce + "\", opaque=\"" + kOpaque + "\"";
    return v;
}

// Parameters of an Authorization value, names lower-cased.
AuthParams credentialsOf(const QByteArray &value) {
    const auto list = AuthParams::parseList(value);
    if (!list || list->size() != 1)
        return {};
    return list->first();
}

QByteArray param(const QByteArray &value, const char *name) {
    return credentialsOf(value).value(name).value_or(QByteArray("<absent>"));
}

SipMessage registerRequest() {
    SipMessage r = SipMessage::makeRequest("REGISTER", *SipUri::parse("sip:example.com"));
    r.setCallId("reg-1@host");
    r.setCSeq(CSeq{1, "REGISTER"});
    return r;
}

SipMessage challenge(int status, const QList<QByteArray> &values) {
    SipMessage r = SipMessage::makeResponse(status);
    for (const QByteArray &v : values)
        r.addHeader(status == 407 ? HeaderId::ProxyAuthenticate : HeaderId::WwwAuthenticate, v);
    return r;
}

QByteArray challengeLine(const QByteArray &realm, const QByteArray &nonce, const QByteArray &algorithm,
                         const QByteArray &extra = {}) {
    return "Digest realm=\"" + realm + "\", nonce=\"" + nonce + "\", algorithm=" + algorithm +
           ", qop=\"auth\"" + extra;
}

// Recomputes the response the header claims, from its own cnonce and nc.
bool responseMatches(const QByteArray &headerValue, const DigestChallenge &c, const QByteArray &user,
                     const QByteArray &password, const SipMessage &request) {
    const QByteArray cnonce = param(headerValue, "cnonce");
    const quint32 nc = param(headerValue, "nc").toUInt(nullptr, 16);
    const QByteArray expected = DigestCredentials::computeAuthorization(
        c, user, password, request.method(), request.requestUri().toString(), request.body(), cnonce, nc);
    return param(expected, "response") == param(headerValue, "response");
}

} // namespace

class TestDigest : public QObject {
    Q_OBJECT
private slots:
    void rfc7616Vectors_data();
    void rfc7616Vectors();
    void rfc7616HeaderFormat();
    void rfc2617Example();
    void variants_data();
    void variants();
    void parseChallenge_data();
    void parseChallenge();
    void parseAll_data();
    void parseAll();
    void fromResponse();
    void authorizeChoosesStrongest();
    void authorizeProxy();
    void authorizeSeveralRealms();
    void reauthorizeIncrementsNc();
    void staleNonceReplacesOld();
    void unsupportedAlgorithm_data();
    void unsupportedAlgorithm();
    void emptyCredentials();
    void cnonceIsRandom();
};

void TestDigest::rfc7616Vectors_data() {
    QTest::addColumn<QByteArray>("algorithm");
    QTest::addColumn<QByteArray>("response");
    QTest::newRow("MD5") << QByteArray("MD5") << QByteArray("8ca523f5e9506fed4657c9700eebdbec");
    QTest::newRow("SHA-256") << QByteArray("SHA-256")
                             << QByteArray(
                                    "753927fa0e85d155564e2e272a28d1802ca10daf4496794697cf8db5856cb6c1");
}

void TestDigest::rfc7616Vectors() {
    QFETCH(QByteArray, algorithm);
    QFETCH(QByteArray, response);
    const auto c = DigestChallenge::parse(rfc7616Challenge(algorithm), false);
    QVERIFY(c);
    const QByteArray v = DigestCredentials::computeAuthorization(*c, "Mufasa", "Circle of Life", "GET",
                                                                 "/dir/index.html", {}, kCnonce, 1);
    QCOMPARE(param(v, "response"), response);
    QCOMPARE(param(v, "algorithm"), algorithm);
    QCOMPARE(param(v, "opaque"), kOpaque);
    QCOMPARE(param(v, "nc"), QByteArray("00000001"));
    QCOMPARE(param(v, "qop"), QByteArray("auth"));
}

void TestDigest::rfc7616HeaderFormat() {
    const auto c = DigestChallenge::parse(rfc7616Challenge("MD5"), false);
    QVERIFY(c);
    const QByteArray v = DigestCredentials::computeAuthorization(*c, "Mufasa", "Circle of Life", "GET",
                                                                 "/dir/index.html", {}, kCnonce, 1);
    QCOMPARE(v, QByteArray("Digest username=\"Mufasa\", realm=\"http-auth@example.org\", nonce=\"" + kNonce +
                           "\", uri=\"/dir/index.html\", response=\"8ca523f5e9506fed4657c9700eebdbec\", "
                           "algorithm=MD5, cnonce=\"" +
                           kCnonce + "\", opaque=\"" + kOpaque + "\", qop=auth, nc=00000001"));
}

void TestDigest::rfc2617Example() {
    const auto c = DigestChallenge::parse("Digest realm=\"testrealm@host.com\", qop=\"auth,auth-int\", "
                                          "nonce=\"dcd98b7102dd2f0e8b11d0f600bfb0c093\", "
                                          "opaque=\"5ccc069c403ebaf9f0171e9517f40e41\"",
                                          false);
    QVERIFY(c);
    QCOMPARE(c->algorithm, Algorithm::Md5);
    QCOMPARE(c->qop, (QList<QByteArray>{"auth", "auth-int"}));
    const QByteArray v = DigestCredentials::computeAuthorization(*c, "Mufasa", "Circle Of Life", "GET",
                                                                 "/dir/index.html", {}, "0a4f113b", 1);
    QCOMPARE(param(v, "response"), QByteArray("6629fae49393a05397450978507c4ef1"));
    QCOMPARE(param(v, "qop"), QByteArray("auth")); // auth preferred over auth-int
}

// The other algorithms and modes, against values computed independently of this code.
void TestDigest::variants_data() {
    QTest::addColumn<QByteArray>("algorithm");
    QTest::addColumn<QByteArray>("qop");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QByteArray>("response");
    QTest::newRow("SHA-512-256") << QByteArray("SHA-512-256") << QByteArray("auth") << QByteArray()
                                 << QByteArray(
                                        "430d05014cecc49cab6fbe03176d41a1da86cbfe24a16580e22aaad928d960d0");
    QTest::newRow("MD5-sess") << QByteArray("MD5-sess") << QByteArray("auth") << QByteArray()
                              << QByteArray("e783283f46242139c486a698fec7211d");
    QTest::newRow("SHA-256-sess") << QByteArray("SHA-256-sess") << QByteArray("auth") << QByteArray()
                                  << QByteArray(
                                         "2fd51b3a77ad75bad6afad6003e818d767133c46d9e2749e7f5232ae1ea3efd7");
    QTest::newRow("SHA-512-256-sess")
        << QByteArray("SHA-512-256-sess") << QByteArray("auth") << QByteArray()
        << QByteArray("3f2a34f923c38b0fb26dce2fdfc2ce326c23cecf86fbb1444f3e51fbbc2cb92e");
    QTest::newRow("auth-int") << QByteArray("SHA-256") << QByteArray("auth-int") << QByteArray("v=0\r\n")
                              << QByteArray(
                                     "385d2de062660ced11876f42d9497c69cacf5caaf3d951dd424aee9f7157d563");
    QTest::newRow("lower-case name") << QByteArray("md5") << QByteArray("auth") << QByteArray()
                                     << QByteArray("8ca523f5e9506fed4657c9700eebdbec");
}

void TestDigest::variants() {
    QFETCH(QByteArray, algorithm);
    QFETCH(QByteArray, qop);
    QFETCH(QByteArray, body);
    QFETCH(QByteArray, response);
    const auto c = DigestChallenge::parse(rfc7616Challenge(algorithm, qop), false);
    QVERIFY(c);
    QVERIFY(c->isSupported());
    const QByteArray v = DigestCredentials::computeAuthorization(*c, "Mufasa", "Circle of Life", "GET",
                                                                 "/dir/index.html", body, kCnonce, 1);
    QCOMPARE(param(v, "response"), response);
    QCOMPARE(param(v, "algorithm"), algorithm); // echoed as received
    QCOMPARE(param(v, "qop"), qop);
    QCOMPARE(param(v, "cnonce"), kCnonce);
}

void TestDigest::parseChallenge_data() {
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<bool>("valid");
    QTest::addColumn<QByteArray>("realm");
    QTest::addColumn<QByteArray>("nonce");
    QTest::addColumn<int>("algorithm");
    QTest::addColumn<QList<QByteArray>>("qop");
    QTest::addColumn<bool>("stale");
    QTest::addColumn<QByteArray>("opaque");

    const QList<QByteArray> none;
    const QList<QByteArray> auth{"auth"};
    auto ok = [](const char *name, const QByteArray &in, const QByteArray &realm, const QByteArray &nonce,
                 Algorithm a, const QList<QByteArray> &qop, bool stale, const QByteArray &opaque) {
        QTest::newRow(name) << in << true << realm << nonce << int(a) << qop << stale << opaque;
    };
    auto bad = [](const char *name, const QByteArray &in) {
        QTest::newRow(name) << in << false << QByteArray() << QByteArray() << 0 << QList<QByteArray>()
                            << false << QByteArray();
    };
    ok("minimal", "Digest realm=\"a\", nonce=\"n\"", "a", "n", Algorithm::Md5, none, false, {});
    ok("all",
       "Digest realm=\"a.com\", nonce=\"n1\", opaque=\"o\", algorithm=SHA-256, qop=\"auth\", stale=true",
       "a.com", "n1", Algorithm::Sha256, auth, true, "o");
    ok("scheme and names case-insensitive", "DIGEST REALM=\"a\", Nonce=\"n\", ALGORITHM=sha-256, Stale=TRUE",
       "a", "n", Algorithm::Sha256, none, true, {});
    ok("token values", "Digest realm=a, nonce=n, qop=auth", "a", "n", Algorithm::Md5, auth, false, {});
    ok("quoted algorithm", "Digest realm=\"a\", nonce=\"n\", algorithm=\"MD5-sess\"", "a", "n",
       Algorithm::Md5Sess, none, false, {});
    ok("escapes", "Digest realm=\"say \\\"hi\\\" \\\\ok\", nonce=\"n\"", "say \"hi\" \\ok", "n",
       Algorithm::Md5, none, false, {});
    ok("comma in quotes", "Digest realm=\"a, b\", nonce=\"x,y\"", "a, b", "x,y", Algorithm::Md5, none, false,
       {});
    ok("whitespace around =", "Digest realm = \"a\" ,nonce= \"n\" ,  stale = false", "a", "n", Algorithm::Md5,
       none, false, {});
    ok("qop list", "Digest realm=\"a\", nonce=\"n\", qop=\" Auth , auth-int \"", "a", "n", Algorithm::Md5,
       (QList<QByteArray>{"auth", "auth-int"}), false, {});
    ok("unknown param ignored", "Digest realm=\"a\", nonce=\"n\", domain=\"sip:a\", charset=UTF-8", "a", "n",
       Algorithm::Md5, none, false, {});
    ok("SHA-512-256-sess", "Digest realm=\"a\", nonce=\"n\", algorithm=SHA-512-256-sess", "a", "n",
       Algorithm::Sha512_256Sess, none, false, {});
    ok("unknown algorithm", "Digest realm=\"a\", nonce=\"n\", algorithm=SHA-1", "a", "n", Algorithm::Unknown,
       none, false, {});
    bad("empty", "");
    bad("scheme only", "Digest");
    bad("other scheme", "Basic realm=\"a\"");
    bad("missing nonce", "Digest realm=\"a\"");
    bad("missing realm", "Digest nonce=\"n\"");
    bad("empty nonce", "Digest realm=\"a\", nonce=\"\"");
    bad("unterminated quote", "Digest realm=\"a, nonce=\"n");
    bad("dangling escape", "Digest realm=\"a\", nonce=\"n\\");
    bad("param without value", "Digest realm=\"a\", nonce=\"n\", stale");
    bad("empty value", "Digest realm=\"a\", nonce=");
    bad("duplicate param", "Digest realm=\"a\", nonce=\"n\", nonce=\"m\"");
    bad("garbage after value", "Digest realm=\"a\" x, nonce=\"n\"");
    bad("param before scheme", "realm=\"a\", nonce=\"n\"");
    bad("two challenges", "Digest realm=\"a\", nonce=\"n\", Digest realm=\"b\", nonce=\"m\"");
    bad("token68", "Digest abc==");
}

void TestDigest::parseChallenge() {
    QFETCH(QByteArray, input);
    QFETCH(bool, valid);
    const auto c = DigestChallenge::parse(input, true);
    QCOMPARE(bool(c), valid);
    if (!valid)
        return;
    QFETCH(QByteArray, realm);
    QFETCH(QByteArray, nonce);
    QFETCH(int, algorithm);
    QFETCH(QList<QByteArray>, qop);
    QFETCH(bool, stale);
    QFETCH(QByteArray, opaque);
    QVERIFY(c->proxy);
    QCOMPARE(c->realm, realm);
    QCOMPARE(c->nonce, nonce);
    QCOMPARE(int(c->algorithm), algorithm);
    QCOMPARE(c->isSupported(), c->algorithm != Algorithm::Unknown);
    QCOMPARE(c->qop, qop);
    QCOMPARE(c->stale, stale);
    QCOMPARE(c->opaque, opaque);
}

void TestDigest::parseAll_data() {
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<QList<QByteArray>>("realms");
    QTest::newRow("two digest") << QByteArray(
                                       "Digest realm=\"a,b\", nonce=\"1\", Digest realm=\"c\", nonce=\"2\"")
                                << QList<QByteArray>{"a,b", "c"};
    QTest::newRow("no space after comma")
        << QByteArray("Digest realm=\"a\",nonce=\"1\",Digest realm=\"c\",nonce=\"2\",algorithm=SHA-256")
        << QList<QByteArray>{"a", "c"};
    QTest::newRow("basic first") << QByteArray("Basic realm=\"x\", Digest realm=\"d\", nonce=\"1\"")
                                 << QList<QByteArray>{"d"};
    QTest::newRow("token68 challenge")
        << QByteArray("Negotiate abc+/==, Digest realm=\"d\", nonce=\"1\"") << QList<QByteArray>{"d"};
    QTest::newRow("bare scheme last")
        << QByteArray("Digest realm=\"d\", nonce=\"1\", Negotiate") << QList<QByteArray>{"d"};
    QTest::newRow("invalid digest skipped")
        << QByteArray("Digest realm=\"x\", Digest realm=\"d\", nonce=\"1\"") << QList<QByteArray>{"d"};
    QTest::newRow("empty elements") << QByteArray(" , Digest realm=\"d\", , nonce=\"1\",")
                                    << QList<QByteArray>{"d"};
    QTest::newRow("malformed line") << QByteArray("Digest realm=\"d\", nonce=\"1\", Digest realm=\"e")
                                    << QList<QByteArray>{};
}

void TestDigest::parseAll() {
    QFETCH(QByteArray, input);
    QFETCH(QList<QByteArray>, realms);
    QList<QByteArray> got;
    for (const DigestChallenge &c : DigestChallenge::parseAll(input, false))
        got.append(c.realm);
    QCOMPARE(got, realms);
}

void TestDigest::fromResponse() {
    SipMessage r = SipMessage::makeResponse(401);
    r.addHeader(HeaderId::WwwAuthenticate, challengeLine("a", "1", "MD5"));
    r.addHeader(HeaderId::WwwAuthenticate,
                challengeLine("a", "2", "SHA-256") + ", " + challengeLine("b", "3", "SHA-512-256"));
    r.addHeader(HeaderId::ProxyAuthenticate, challengeLine("p", "4", "MD5"));
    const auto all = DigestChallenge::fromResponse(r);
    QCOMPARE(all.size(), 4);
    QCOMPARE(all[0].nonce, QByteArray("1"));
    QCOMPARE(all[1].algorithm, Algorithm::Sha256);
    QCOMPARE(all[2].realm, QByteArray("b"));
    QCOMPARE(all[2].algorithm, Algorithm::Sha512_256);
    QVERIFY(!all[2].proxy);
    QCOMPARE(all[3].realm, QByteArray("p"));
    QVERIFY(all[3].proxy);
}

void TestDigest::authorizeChoosesStrongest() {
    DigestCredentials creds("alice", "secret");
    SipMessage req = registerRequest();
    const SipMessage resp = challenge(
        401, {challengeLine("example.com", "nmd5", "MD5"), challengeLine("example.com", "nsha", "SHA-256")});
    QVERIFY(creds.authorize(req, resp));
    QVERIFY(!req.hasHeader(HeaderId::ProxyAuthorization));
    const QList<QByteArray> auths = req.headers(HeaderId::Authorization);
    QCOMPARE(auths.size(), 1);
    const QByteArray v = auths.first();
    QVERIFY2(v.startsWith("Digest "), v.constData());
    QCOMPARE(param(v, "algorithm"), QByteArray("SHA-256"));
    QCOMPARE(param(v, "nonce"), QByteArray("nsha"));
    QCOMPARE(param(v, "username"), QByteArray("alice"));
    QCOMPARE(param(v, "realm"), QByteArray("example.com"));
    QCOMPARE(param(v, "uri"), QByteArray("sip:example.com"));
    QCOMPARE(param(v, "nc"), QByteArray("00000001"));
    QCOMPARE(param(v, "cnonce").size(), 32);
    const auto c = DigestChallenge::parse(challengeLine("example.com", "nsha", "SHA-256"), false);
    QVERIFY(responseMatches(v, *c, "alice", "secret", req));
    QVERIFY(!responseMatches(v, *c, "alice", "wrong", req));
}

void TestDigest::authorizeProxy() {
    DigestCredentials creds("alice", "secret");
    SipMessage req = SipMessage::makeRequest("INVITE", *SipUri::parse("sip:bob@example.com"));
    req.setBody("v=0\r\n", "application/sdp");
    const SipMessage resp = challenge(407, {challengeLine("proxy.example.com", "p1", "MD5")});
    QVERIFY(creds.authorize(req, resp));
    QVERIFY(!req.hasHeader(HeaderId::Authorization));
    const QByteArray v = req.header(HeaderId::ProxyAuthorization);
    QCOMPARE(param(v, "realm"), QByteArray("proxy.example.com"));
    QCOMPARE(param(v, "uri"), QByteArray("sip:bob@example.com"));
    const auto c = DigestChallenge::parse(challengeLine("proxy.example.com", "p1", "MD5"), true);
    QVERIFY(responseMatches(v, *c, "alice", "secret", req));
}

void TestDigest::authorizeSeveralRealms() {
    DigestCredentials creds("alice", "secret");
    SipMessage req = registerRequest();
    SipMessage resp = challenge(401, {challengeLine("a", "1", "MD5")});
    resp.addHeader(HeaderId::ProxyAuthenticate, challengeLine("b", "2", "SHA-256"));
    QVERIFY(creds.authorize(req, resp));
    QCOMPARE(param(req.header(HeaderId::Authorization), "realm"), QByteArray("a"));
    QCOMPARE(param(req.header(HeaderId::ProxyAuthorization), "realm"), QByteArray("b"));
    QCOMPARE(param(req.header(HeaderId::ProxyAuthorization), "algorithm"), QByteArray("SHA-256"));
}

void TestDigest::reauthorizeIncrementsNc() {
    DigestCredentials creds("alice", "secret");
    SipMessage req = registerRequest();
    const SipMessage resp =
        challenge(401, {challengeLine("example.com", "n1", "SHA-256", ", opaque=\"op\"")});
    QVERIFY(creds.authorize(req, resp));
    QCOMPARE(param(req.header(HeaderId::Authorization), "nc"), QByteArray("00000001"));

    // The refresh: a new request answered from memory, no new challenge.
    SipMessage refresh = registerRequest();
    refresh.setCSeq(CSeq{2, "REGISTER"});
    creds.reauthorize(refresh);
    QCOMPARE(refresh.headers(HeaderId::Authorization).size(), 1);
    const QByteArray v = refresh.header(HeaderId::Authorization);
    QCOMPARE(param(v, "nc"), QByteArray("00000002"));
    QCOMPARE(param(v, "nonce"), QByteArray("n1"));
    QCOMPARE(param(v, "opaque"), QByteArray("op"));
    const auto c =
        DigestChallenge::parse(challengeLine("example.com", "n1", "SHA-256", ", opaque=\"op\""), false);
    QVERIFY(responseMatches(v, *c, "alice", "secret", refresh));

    // Re-applying to the same request replaces its header rather than adding another.
    creds.reauthorize(refresh);
    QCOMPARE(refresh.headers(HeaderId::Authorization).size(), 1);
    QCOMPARE(param(refresh.header(HeaderId::Authorization), "nc"), QByteArray("00000003"));

    creds.forget();
    SipMessage after = registerRequest();
    creds.reauthorize(after);
    QVERIFY(!after.hasHeader(HeaderId::Authorization));
}

void TestDigest::staleNonceReplacesOld() {
    DigestCredentials creds("alice", "secret");
    SipMessage req = registerRequest();
    QVERIFY(creds.authorize(req, challenge(401, {challengeLine("example.com", "old", "MD5")})));
    creds.reauthorize(req);
    QCOMPARE(param(req.header(HeaderId::Authorization), "nc"), QByteArray("00000002"));

    const SipMessage stale = challenge(401, {challengeLine("example.com", "new", "MD5", ", stale=true")});
    QVERIFY(DigestChallenge::fromResponse(stale).first().stale);
    QVERIFY(creds.authorize(req, stale));
    QCOMPARE(req.headers(HeaderId::Authorization).size(), 1);
    QCOMPARE(param(req.header(HeaderId::Authorization), "nonce"), QByteArray("new"));
    QCOMPARE(param(req.header(HeaderId::Authorization), "nc"), QByteArray("00000001"));

    SipMessage next = registerRequest();
    creds.reauthorize(next);
    QCOMPARE(param(next.header(HeaderId::Authorization), "nonce"), QByteArray("new"));
    QCOMPARE(param(next.header(HeaderId::Authorization), "nc"), QByteArray("00000002"));
}

void TestDigest::unsupportedAlgorithm_data() {
    QTest::addColumn<QList<QByteArray>>("challenges");
    QTest::newRow("SHA-1") << QList<QByteArray>{challengeLine("a", "1", "SHA-1")};
    QTest::newRow("unknown qop") << QList<QByteArray>{"Digest realm=\"a\", nonce=\"1\", qop=\"auth-conf\""};
    QTest::newRow("basic only") << QList<QByteArray>{"Basic realm=\"a\""};
    QTest::newRow("malformed") << QList<QByteArray>{"Digest realm=\"a"};
    QTest::newRow("none") << QList<QByteArray>{};
}

void TestDigest::unsupportedAlgorithm() {
    QFETCH(QList<QByteArray>, challenges);
    DigestCredentials creds("alice", "secret");
    SipMessage req = registerRequest();
    QVERIFY(!creds.authorize(req, challenge(401, challenges)));
    QVERIFY(!req.hasHeader(HeaderId::Authorization));
    QVERIFY(!req.hasHeader(HeaderId::ProxyAuthorization));

    // A supported one next to it is still used.
    QList<QByteArray> mixed = challenges;
    mixed.append(challengeLine("b", "2", "MD5"));
    QVERIFY(creds.authorize(req, challenge(401, mixed)));
    QCOMPARE(param(req.header(HeaderId::Authorization), "realm"), QByteArray("b"));
}

void TestDigest::emptyCredentials() {
    DigestCredentials creds;
    QVERIFY(creds.isEmpty());
    SipMessage req = registerRequest();
    QVERIFY(!creds.authorize(req, challenge(401, {challengeLine("a", "1", "MD5")})));
    QVERIFY(!req.hasHeader(HeaderId::Authorization));
}

void TestDigest::cnonceIsRandom() {
    DigestCredentials creds("alice", "secret");
    SipMessage a = registerRequest();
    SipMessage b = registerRequest();
    const SipMessage resp = challenge(401, {challengeLine("a", "1", "MD5")});
    QVERIFY(creds.authorize(a, resp));
    QVERIFY(creds.authorize(b, resp));
    QVERIFY(param(a.header(HeaderId::Authorization), "cnonce") !=
            param(b.header(HeaderId::Authorization), "cnonce"));
    // The same nonce answered twice counts on.
    QCOMPARE(param(b.header(HeaderId::Authorization), "nc"), QByteArray("00000002"));
}

QTEST_GUILESS_MAIN(TestDigest)
#include "tst_digest.moc"

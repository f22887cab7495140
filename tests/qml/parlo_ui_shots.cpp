// Screenshots of the call screens for people to look at (not a ctest): starts the real Main.qml
// offscreen with the account configuration in $XDG_CONFIG_HOME, drives it through its QML objects
// (the dialer's field and buttons) and saves PNGs of each step into the directory given as the
// first argument. A peer must answer at the address given as the second argument, e.g.
//   parlo-cli listen --listen 127.0.0.1:5098 --auto-answer
//   parlo_ui_shots /tmp/shots sip:bob@127.0.0.1:5098
#include <QDir>
#include <QGuiApplication>
#include <QLocale>
#include <QProcess>
#include <QQmlApplicationEngine>
#include <QQuickItem>
#include <QQuickStyle>
#include <QQuickWindow>
#include <QRegularExpression>
#include <QTest>
#include <QTranslator>

namespace {
QQuickWindow *g_window = nullptr;
int g_sipPort = 0;

// The app's SIP port is random; its transport log names it, so a caller can be pointed at it.
void watchLog(QtMsgType type, const QMessageLogContext &context, const QString &msg) {
    static const QRegularExpression re(QStringLiteral("listening on UDP .* (\\d+)$"));
    if (const auto m = re.match(msg); m.hasMatch())
        g_sipPort = m.captured(1).toInt();
    if (type != QtDebugMsg)
        fprintf(stderr, "%s: %s\n", context.category, qPrintable(msg));
}
QString g_dir;

// Pages pushed on a StackView are its visual children only: search both trees.
QObject *findIn(QObject *o, const QString &name) {
    auto *asItem = qobject_cast<QQuickItem *>(o);
    if (o->objectName() == name && (!asItem || asItem->isVisible()))
        return o;
    for (QObject *c : o->children())
        if (QObject *r = findIn(c, name))
            return r;
    if (auto *item = qobject_cast<QQuickItem *>(o))
        for (QQuickItem *c : item->childItems())
            if (QObject *r = findIn(c, name))
                return r;
    return nullptr;
}
QObject *find(const char *name) {
    return findIn(g_window->contentItem(), QString::fromLatin1(name));
}
void shot(const QString &name) {
    QTest::qWait(300); // let the frame settle for the picture (a tool, not a test)
    const QString file = g_dir + QLatin1Char('/') + name + QStringLiteral(".png");
    if (!g_window->grabWindow().save(file))
        qWarning("cannot save %s", qPrintable(file));
    else
        qInfo("saved %s", qPrintable(file));
}
void click(const char *name) {
    QObject *o = find(name);
    if (!o)
        qFatal("no %s", name);
    QMetaObject::invokeMethod(o, "clicked");
}
void type(const QString &text) {
    QObject *field = find("targetField");
    if (!field)
        qFatal("no dialer field");
    field->setProperty("text", text);
}
} // namespace

int main(int argc, char *argv[]) {
    qInstallMessageHandler(watchLog);
    QGuiApplication app(argc, argv);
    QGuiApplication::setApplicationName(QStringLiteral("Parlo"));
    QGuiApplication::setOrganizationName(QStringLiteral("Parlo"));
    if (argc < 3)
        qFatal("usage: parlo_ui_shots DIR TARGET-URI [SUFFIX [PARLO-CLI]]");
    g_dir = QString::fromLocal8Bit(argv[1]);
    const QString target = QString::fromLocal8Bit(argv[2]);
    const QString suffix = argc > 3 ? QString::fromLocal8Bit(argv[3]) : QString();
    QDir().mkpath(g_dir);
    QQuickStyle::setStyle(QStringLiteral("Fusion"));
    QTranslator translator;
    if (translator.load(QLocale(), QStringLiteral("parlo"), QStringLiteral("_"), QStringLiteral(":/i18n")))
        QCoreApplication::installTranslator(&translator);

    QQmlApplicationEngine engine;
    engine.addImportPath(QStringLiteral("qrc:/qt/qml"));
    engine.load(QUrl(QStringLiteral("qrc:/qt/qml/Parlo/Ui/qml/Main.qml")));
    if (engine.rootObjects().isEmpty())
        return 1;
    g_window = qobject_cast<QQuickWindow *>(engine.rootObjects().first());
    QTest::qWaitForWindowExposed(g_window);

    type(QStringLiteral("tel:+49 30 1234567"));
    shot(QStringLiteral("dialer-tel-link") + suffix);
    type(QStringLiteral("mailto:bob@example.com"));
    click("callButton");
    shot(QStringLiteral("dialer-error") + suffix);

    QObject *controller = nullptr;
    for (QObject *o : g_window->findChildren<QObject *>())
        if (QByteArray(o->metaObject()->className()).startsWith("CallController"))
            controller = o;
    type(target);
    click("callButton");
    shot(QStringLiteral("incall-calling") + suffix);
    const auto state = [&]() {
        auto *call = controller->property("currentCall").value<QObject *>();
        return call ? call->property("state").toInt() : -1;
    };
    if (!QTest::qWaitFor([&]() { return state() == 4; }, 10000)) // Call::State::Active
        qWarning("the call was not answered");
    QTest::qWaitFor(
        [&]() {
            auto *call = controller->property("currentCall").value<QObject *>();
            return call && call->property("packetsReceived").toLongLong() > 100;
        },
        8000);
    QTest::qWait(5500); // an RTCP round trip, for the RTT
    shot(QStringLiteral("incall-active") + suffix);
    click("keypadButton");
    for (const char *key : {"key_1", "key_2", "key_#"})
        click(key);
    shot(QStringLiteral("incall-keypad") + suffix);
    click("keypadButton");
    click("holdButton");
    QTest::qWait(1000);
    shot(QStringLiteral("incall-hold") + suffix);
    click("holdButton"); // resume
    QTest::qWait(500);

    // A second call: the first waits on hold and can be switched back to.
    click("addCallButton");
    QTest::qWait(300);
    type(target);
    click("callButton");
    QTest::qWaitFor(
        [&]() {
            return controller->property("calls").value<QObject *>()->property("count").toInt() == 2 &&
                   state() == 4;
        },
        10000);
    QTest::qWait(1500);
    shot(QStringLiteral("incall-two-calls") + suffix);
    click("swapButton");
    QTest::qWait(1500);
    shot(QStringLiteral("incall-swapped") + suffix);
    click("hangupButton");
    QTest::qWait(1000);
    click("hangupButton");
    QTest::qWaitFor([&]() { return state() == -1; }, 5000);
    shot(QStringLiteral("dialer-after-call") + suffix);

    // An incoming call from a second parlo-cli.
    if (argc > 4 && g_sipPort > 0) {
        QProcess caller;
        caller.start(QString::fromLocal8Bit(argv[4]),
                     {QStringLiteral("call"), QStringLiteral("sip:alice@127.0.0.1:%1").arg(g_sipPort),
                      QStringLiteral("--listen"), QStringLiteral("127.0.0.1:5097"),
                      QStringLiteral("--hangup-after"), QStringLiteral("20")});
        if (!QTest::qWaitFor(
                [&]() { return controller->property("incomingCall").value<QObject *>() != nullptr; }, 10000))
            qWarning("no incoming call arrived");
        shot(QStringLiteral("incoming") + suffix);
        click("answerButton");
        QTest::qWaitFor([&]() { return state() == 4; }, 5000);
        QTest::qWait(2500);
        shot(QStringLiteral("incall-answered") + suffix);
        click("hangupButton");
        caller.waitForFinished(5000);
    }
    return 0;
}

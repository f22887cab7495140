// End-to-end run of the desktop app: loads the app's own Main.qml (as app/main.cpp does) with an
// empty configuration and drives it like a user — mouse clicks on the real controls, typing into
// their fields — through the wizard (with its connection test against a real registrar), a call
// to a real peer until audio statistics flow, hanging up, finding the call in the history, and
// opening the contacts and settings tabs.
// Each step saves a screenshot into DIR. Prints PASS/FAIL lines; exits 1 when a step failed.
//   parlo_e2e DIR REGISTRAR-HOST:PORT USER PASSWORD CALLEE [--calls N [--trim]]
// --calls N (tests/bench/bench_gui.py): after registering, N calls to CALLEE instead of the one call
// and the history, each typed into the dialer, held ~1 s once Active and hung up; prints the
// process's resident memory ("rss after call K: …") and its heap in use (mallinfo2) after the first
// call and every tenth; with --trim also the resident memory after malloc_trim().
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QGuiApplication>
#include <QLocale>
#include <QQmlApplicationEngine>
#include <QQuickItem>
#include <QQuickStyle>
#include <QQuickWindow>
#include <QStyleHints>
#include <QTest>
#include <QTranslator>

#include <algorithm>
#include <cstdio>
#include <malloc.h>

namespace {

QQuickWindow *g_window = nullptr;
QString g_dir;
int g_fails = 0;
int g_shot = 0;
bool g_trim = false; // --trim: also RSS after malloc_trim() at each memory print

void report(bool ok, const QString &what) {
    std::printf("%s: %s\n", ok ? "PASS" : "FAIL", qPrintable(what));
    std::fflush(stdout);
    if (!ok)
        ++g_fails;
}

// Pages pushed on a StackView are only its visual children: search both trees, visible items only.
QQuickItem *findIn(QQuickItem *item, const QString &name) {
    if (!item->isVisible())
        return nullptr;
    if (item->objectName() == name)
        return item;
    for (QQuickItem *c : item->childItems())
        if (QQuickItem *r = findIn(c, name))
            return r;
    return nullptr;
}
QQuickItem *find(const QString &name) {
    return findIn(g_window->contentItem(), name);
}
QQuickItem *waitFor(const QString &name, int ms = 5000) {
    QQuickItem *item = nullptr;
    (void)QTest::qWaitFor([&]() { return (item = find(name)) != nullptr; }, ms);
    return item;
}

void shot(const QString &name) {
    QTest::qWait(200); // the next frame shows what the step changed
    const QString file =
        QStringLiteral("%1/%2-%3.png").arg(g_dir).arg(++g_shot, 2, 10, QLatin1Char('0')).arg(name);
    report(g_window->grabWindow().save(file), QStringLiteral("screenshot %1").arg(file));
}

// A left click in the middle of the control, as the user would.
bool click(const QString &name) {
    QQuickItem *item = waitFor(name);
    if (!item || !item->isEnabled()) {
        report(false, QStringLiteral("%1 is there and enabled").arg(name));
        return false;
    }
    // A StackView ignores input while it changes pages: wait for every one to settle.
    (void)QTest::qWaitFor(
        []() {
            const auto objects = g_window->contentItem()->findChildren<QQuickItem *>();
            return std::none_of(objects.cbegin(), objects.cend(), [](const QQuickItem *o) {
                return o->inherits("QQuickStackView") && o->property("busy").toBool();
            });
        },
        5000);
    // Pages slide in: click once the control has stopped moving.
    auto centreOf = [item]() { return item->mapToScene(QPointF(item->width() / 2, item->height() / 2)); };
    QPointF centre = centreOf();
    for (int i = 0; i < 40; ++i) {
        QTest::qWait(50);
        const QPointF now = centreOf();
        if (now == centre)
            break;
        centre = now;
    }
    if (qEnvironmentVariableIsSet("PARLO_E2E_DEBUG"))
        std::fprintf(stderr, "click %s at %g,%g (%s)\n", qPrintable(name), centre.x(), centre.y(),
                     item->metaObject()->className());
    // Two clicks closer than the double-click interval are a double click, which a button does not
    // take as a click: leave the gap a user leaves.
    static QElapsedTimer lastClick;
    const int gap = QGuiApplication::styleHints()->mouseDoubleClickInterval() + 50;
    if (lastClick.isValid() && lastClick.elapsed() < gap)
        QTest::qWait(int(gap - lastClick.elapsed()));
    QTest::mouseClick(g_window, Qt::LeftButton, Qt::NoModifier, centre.toPoint());
    lastClick.start();
    // Events sent back to back right after a click are lost to it (seen with the wizard's Next).
    QTest::qWait(100);
    return true;
}
bool type(const QString &field, const QString &text) {
    if (!click(field))
        return false;
    for (const QChar c : text) // QTest has no keyClicks() for a QWindow
        QTest::keyClick(g_window, c.toLatin1());
    return find(field)->property("text").toString().endsWith(text);
}

// The kernel's view of this process's memory (no malloc_trim(): what the app really holds).
QString rss() {
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly))
        return QStringLiteral("unknown");
    QStringList parts;
    for (const QByteArray &line : status.readAll().split('\n'))
        if (line.startsWith("VmRSS:") || line.startsWith("RssAnon:") || line.startsWith("RssFile:"))
            parts << QString::fromLatin1(line.simplified());
    return parts.join(QStringLiteral(", "));
}
// What the program holds on the heap (all malloc arenas), against what the allocator keeps mapped:
// tells a leak (in use grows) from the allocator's pools filling (only the rest grows).
QString heap() {
    const struct mallinfo2 m = mallinfo2();
    const size_t inUse = m.uordblks + m.hblkhd;
    return QStringLiteral("in use %1 kB, free in arenas %2 kB, arena total %3 kB")
        .arg(inUse / 1024)
        .arg(m.fordblks / 1024)
        .arg((m.arena + m.hblkhd) / 1024);
}
void printMemory(const QString &when) {
    std::printf("rss %s: %s\n", qPrintable(when), qPrintable(rss()));
    std::printf("heap %s: %s\n", qPrintable(when), qPrintable(heap()));
    if (g_trim) {
        // Hands free pages back to the kernel: RSS then shows what is really held.
        malloc_trim(0);
        std::printf("trimmed rss %s: %s\n", qPrintable(when), qPrintable(rss()));
    }
    std::fflush(stdout);
}

QObject *callController() {
    for (QObject *o : g_window->findChildren<QObject *>())
        if (QByteArray(o->metaObject()->className()).startsWith("CallController"))
            return o;
    return nullptr;
}

// --calls: N calls in a row as a user makes them (type, Enter, hang up), with the memory after each
// tenth. Enter dials what was typed even when the history suggests the same address.
int benchmarkCalls(QObject *calls, const QString &callee, int count) {
    printMemory(QStringLiteral("registered, idle"));
    auto current = [&]() { return calls->property("currentCall").value<QObject *>(); };
    auto state = [&]() {
        QObject *call = current();
        return call ? call->property("state").toInt() : -1;
    };
    for (int n = 1; n <= count; ++n) {
        const bool typed = type(QStringLiteral("targetField"), callee);
        QTest::keyClick(g_window, Qt::Key_Return);
        const bool answered = typed && QTest::qWaitFor([&]() { return state() == 4; }, 15000); // Active
        QTest::qWait(1000);
        const bool hungUp = answered && click(QStringLiteral("hangupButton"));
        const bool ended = hungUp && QTest::qWaitFor([&]() { return current() == nullptr; }, 10000);
        if (!ended) {
            report(false, QStringLiteral("call %1 answered and ended").arg(n));
            std::printf("%d failed\n", g_fails);
            return 1;
        }
        if (n == 1 || n % 10 == 0 || n == count) {
            QTest::qWait(500); // the in-call page has gone and the dialer is back
            printMemory(QStringLiteral("after call %1").arg(n));
        }
    }
    report(true, QStringLiteral("%1 calls answered and ended").arg(count));
    std::printf("%d failed\n", g_fails);
    return 0;
}

} // namespace

int main(int argc, char *argv[]) {
    QGuiApplication app(argc, argv);
    QGuiApplication::setApplicationName(QStringLiteral("Parlo"));
    QGuiApplication::setOrganizationName(QStringLiteral("Parlo"));
    QStringList args = QCoreApplication::arguments().mid(1);
    int benchCalls = 0;
    if (const qsizetype i = args.indexOf(QStringLiteral("--calls")); i >= 0 && i + 1 < args.size()) {
        benchCalls = args.at(i + 1).toInt();
        args.remove(i, 2);
    }
    if (const qsizetype i = args.indexOf(QStringLiteral("--trim")); i >= 0) {
        g_trim = true;
        args.remove(i);
    }
    if (args.size() < 5 || args.contains(QStringLiteral("--calls"))) {
        std::fprintf(stderr,
                     "usage: parlo_e2e DIR REGISTRAR-HOST:PORT USER PASSWORD CALLEE [--calls N [--trim]]\n");
        return 2;
    }
    g_dir = args.at(0);
    const QString registrar = args.at(1);
    const QString user = args.at(2);
    const QString password = args.at(3);
    const QString callee = args.at(4);
    QDir().mkpath(g_dir);

    // As app/main.cpp.
    QQuickStyle::setStyle(QStringLiteral("Fusion"));
    QTranslator translator;
    if (translator.load(QLocale(), QStringLiteral("parlo"), QStringLiteral("_"), QStringLiteral(":/i18n")))
        QCoreApplication::installTranslator(&translator);
    QQmlApplicationEngine engine;
    engine.addImportPath(QStringLiteral("qrc:/qt/qml"));
    engine.load(QUrl(QStringLiteral("qrc:/qt/qml/Parlo/Ui/qml/Main.qml")));
    if (engine.rootObjects().isEmpty())
        return 1;
    g_window = qobject_cast<QQuickWindow *>(engine.rootObjects().constFirst());
    report(g_window && QTest::qWaitForWindowExposed(g_window), QStringLiteral("main window shown"));
    if (!g_window)
        return 1;

    // 1. First start: the welcome page.
    report(waitFor(QStringLiteral("addAccountButton")) != nullptr,
           QStringLiteral("welcome offers to add an account"));
    shot(QStringLiteral("welcome"));
    click(QStringLiteral("addAccountButton"));

    // 2. Wizard: address, password, connection test, save.
    report(type(QStringLiteral("aorField"), QStringLiteral("%1@%2").arg(user, registrar)),
           QStringLiteral("typed the SIP address"));
    shot(QStringLiteral("wizard-address"));
    click(QStringLiteral("nextButton"));
    report(type(QStringLiteral("passwordField"), password), QStringLiteral("typed the password"));
    shot(QStringLiteral("wizard-password"));
    click(QStringLiteral("nextButton"));
    report(waitFor(QStringLiteral("testSucceeded"), 20000) != nullptr,
           QStringLiteral("connection test succeeded against the registrar"));
    shot(QStringLiteral("wizard-connection-test"));
    click(QStringLiteral("nextButton"));
    click(QStringLiteral("saveButton"));
    // The test machine has no keychain service: the wizard says so and offers this session only.
    if (QQuickItem *noKeychain = waitFor(QStringLiteral("noKeychain"), 5000)) {
        Q_UNUSED(noKeychain);
        shot(QStringLiteral("wizard-no-keychain"));
        click(QStringLiteral("sessionOnlyButton"));
    }
    report(waitFor(QStringLiteral("savedMessage"), 5000) != nullptr, QStringLiteral("account saved"));
    shot(QStringLiteral("wizard-saved"));
    click(QStringLiteral("nextButton"));

    // 3. Main window: registered, the dialer ready.
    QObject *calls = callController();
    report(calls != nullptr, QStringLiteral("call controller present"));
    if (!calls)
        return 1;
    report(QTest::qWaitFor([&]() { return calls->property("canDial").toBool(); }, 15000),
           QStringLiteral("registered: the dialer can call"));
    if (click(QStringLiteral("tab_accounts"))) {
        QQuickItem *badge = waitFor(QStringLiteral("stateBadge"), 5000);
        report(badge &&
                   QTest::qWaitFor([badge]() { return badge->property("text").toString() == "Registered"; }),
               QStringLiteral("the accounts page shows the account registered"));
        shot(QStringLiteral("accounts-registered"));
    }
    click(QStringLiteral("tab_dialer"));
    if (benchCalls > 0)
        return benchmarkCalls(calls, callee, benchCalls);

    // 4. A call to the peer: answered, audio statistics flowing both ways.
    report(type(QStringLiteral("targetField"), callee), QStringLiteral("typed the callee"));
    shot(QStringLiteral("dialer"));
    click(QStringLiteral("callButton"));
    auto current = [&]() { return calls->property("currentCall").value<QObject *>(); };
    auto state = [&]() {
        QObject *call = current();
        return call ? call->property("state").toInt() : -1;
    };
    report(QTest::qWaitFor([&]() { return state() == 4; }, 15000), QStringLiteral("call answered")); // Active
    report(QTest::qWaitFor(
               [&]() {
                   QObject *call = current();
                   return call && call->property("packetsSent").toLongLong() > 100 &&
                          call->property("packetsReceived").toLongLong() > 100;
               },
               10000),
           QStringLiteral("audio flows both ways (over 100 RTP packets each way)"));
    QQuickItem *quality = find(QStringLiteral("qualityText"));
    report(quality && !quality->property("text").toString().isEmpty(), QStringLiteral("live quality shown"));
    shot(QStringLiteral("in-call"));

    // Recording from the call screen: started, running, stopped and saved (the test script
    // checks that bob's tone is in the file).
    click(QStringLiteral("recordButton"));
    report(QTest::qWaitFor([&]() { return current() && current()->property("recording").toBool(); }, 3000),
           QStringLiteral("recording started from the call screen"));
    QQuickItem *recordingIndicator = waitFor(QStringLiteral("recordingIndicator"), 3000);
    report(recordingIndicator && recordingIndicator->isVisible(),
           QStringLiteral("the screen shows that it records"));
    QTest::qWait(2500);
    shot(QStringLiteral("in-call-recording"));
    click(QStringLiteral("recordButton"));
    QQuickItem *saved = waitFor(QStringLiteral("recordingSaved"), 5000);
    const QString recording = current() ? current()->property("recordingFile").toString() : QString();
    report(saved && saved->isVisible() && !recording.isEmpty() && QFile::exists(recording),
           QStringLiteral("recording stopped and saved"));
    std::printf("recording: %s\n", qPrintable(recording));
    shot(QStringLiteral("in-call-recording-saved"));

    click(QStringLiteral("hangupButton"));
    report(QTest::qWaitFor([&]() { return current() == nullptr; }, 10000), QStringLiteral("call ended"));
    shot(QStringLiteral("after-call"));

    // 5. The call in the history.
    if (click(QStringLiteral("tab_history"))) {
        QQuickItem *entry = waitFor(QStringLiteral("historyEntry_0"), 5000);
        report(entry && entry->property("remoteUri").toString().contains(callee),
               QStringLiteral("the call is the newest history entry"));
        shot(QStringLiteral("history"));
    }

    // 6. The other tabs, whose pages are made when first opened: contacts and settings.
    if (click(QStringLiteral("tab_contacts"))) {
        report(waitFor(QStringLiteral("contactsPage"), 5000) != nullptr,
               QStringLiteral("the contacts page shows"));
        shot(QStringLiteral("contacts"));
    }
    if (click(QStringLiteral("tab_settings"))) {
        report(waitFor(QStringLiteral("settingsPage"), 5000) != nullptr &&
                   waitFor(QStringLiteral("dndSwitch")),
               QStringLiteral("the settings page shows"));
        shot(QStringLiteral("settings"));
    }

    std::printf("%d failed\n", g_fails);
    return g_fails == 0 ? 0 : 1;
}

#include "CliApp.h"
#include "SignalWatcher.h"

#include <QCoreApplication>
#include <QLoggingCategory>

int main(int argc, char *argv[]) {
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("parlo-cli"));
    QCoreApplication::setApplicationVersion(QStringLiteral(PARLO_VERSION));

    CliApp::Options options;
    if (const int code = CliApp::parse(QCoreApplication::arguments(), &options); code >= 0)
        return code;

    // The stack's log categories stay quiet unless asked for (events are the CLI's output).
    if (!options.verbose)
        QLoggingCategory::setFilterRules(QStringLiteral("parlo.*.debug=false\nparlo.*.info=false"));

    CliApp cli(options);
    SignalWatcher watcher;
    QObject::connect(&watcher, &SignalWatcher::terminationRequested, &cli,
                     [&cli]() { cli.requestShutdown(); });
    if (!cli.start())
        return 1;
    return app.exec();
}

#include <QCoreApplication>
#include <cstdio>

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("parlo-cli"));
    QCoreApplication::setApplicationVersion(QStringLiteral(PARLO_VERSION));
    std::fprintf(stderr, "parlo-cli: no command\n");
    return 2;
}

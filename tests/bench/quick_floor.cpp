// The floor bench_gui.py measures the desktop app against: a bare Qt Quick window (QML `Window`,
// nothing in it), started the way app/main.cpp starts (QQmlApplicationEngine, one load()).
// --controls adds what every app page uses: Qt Quick Controls in the Fusion style with a Button,
// which splits the app's cost into the Controls floor and Parlo's own share.
//   quick_floor [--controls]
#include <QByteArray>
#include <QGuiApplication>
#include <QQmlApplicationEngine>
#include <QQuickStyle>

#include <cstring>

int main(int argc, char *argv[]) {
    QGuiApplication app(argc, argv);
    const bool controls = argc > 1 && std::strcmp(argv[1], "--controls") == 0;
    QByteArray qml;
    if (controls) {
        QQuickStyle::setStyle(QStringLiteral("Fusion"));
        qml = "import QtQuick\nimport QtQuick.Controls\n"
              "ApplicationWindow { width: 480; height: 640; visible: true; title: \"Quick floor\"\n"
              "    Button { anchors.centerIn: parent; text: \"Button\" } }\n";
    } else {
        qml = "import QtQuick\n"
              "Window { width: 480; height: 640; visible: true; title: \"Quick floor\" }\n";
    }
    QQmlApplicationEngine engine;
    engine.loadData(qml);
    if (engine.rootObjects().isEmpty())
        return 1;
    return app.exec();
}

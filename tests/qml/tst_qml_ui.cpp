#include "HistoryFixture.h"

#include <QDir>
#include <QQmlEngine>
#include <QTemporaryDir>
#include <QtQuickTest>

// Qt 6.4: the module lives under qrc:/qt/qml and the engine does not look there by itself.
// Tests name their account files relatively; they land in a scratch directory, as does the
// default configuration and the database.
class Setup : public QObject {
    Q_OBJECT
public Q_SLOTS:
    void applicationAvailable() {
        qputenv("XDG_CONFIG_HOME", m_dir.path().toLocal8Bit());
        qputenv("XDG_DATA_HOME", m_dir.path().toLocal8Bit());
        QDir::setCurrent(m_dir.path());
        qmlRegisterSingletonInstance("ParloTest", 1, 0, "HistoryFixture", &m_history);
    }
    void qmlEngineAvailable(QQmlEngine *engine) { engine->addImportPath(QStringLiteral("qrc:/qt/qml")); }

private:
    QTemporaryDir m_dir;
    HistoryFixture m_history;
};

QUICK_TEST_MAIN_WITH_SETUP(parlo_ui, Setup)

#include "tst_qml_ui.moc"

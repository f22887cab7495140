#pragma once

#include <QObject>
#include <QString>

class QLocalServer;
class QLocalSocket;

namespace parlo {

// One app per user: the first launch listens on a per-user local socket; a later launch passes
// its call link (or nothing, just "come to the front") to it and exits. A message is one line of
// UTF-8, answered with "ok\n" once taken, so the second launch only exits after the hand-off.
class SingleInstance : public QObject {
    Q_OBJECT
public:
    // A message is a call link (bounded by LaunchUri::MaxLength) plus the newline.
    static constexpr int MaxMessageBytes = 4 * 2048 + 1;

    // name: a socket name or absolute path; defaultName() in the app, a scratch one in tests.
    explicit SingleInstance(const QString &name, QObject *parent = nullptr);
    ~SingleInstance() override;

    // Per user: in $XDG_RUNTIME_DIR (private to the user) when there is one, else a name with
    // the user id in the temp directory.
    static QString defaultName();

    // True when another instance is running and took `uri` (may be empty). Otherwise this one
    // starts listening and becomes the instance that receives (false is then returned; check
    // isListening() for whether that worked).
    bool handOffOrListen(const QString &uri, int timeoutMs = 2000);
    bool isListening() const;

Q_SIGNALS:
    // A later launch asked to be shown, with the link it was started with (empty for none).
    void activated(const QString &uri);

private:
    bool sendTo(const QString &uri, int timeoutMs);
    bool listen();
    void onNewConnection();
    void onReadyRead(QLocalSocket *socket);

    QString m_name;
    QLocalServer *m_server = nullptr;
};

} // namespace parlo

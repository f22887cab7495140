#pragma once

#include <QObject>
#include <QQmlEngine>
#include <QString>
#include <QTimer>

namespace parlo {
class CallManager;
class UserAgent;
namespace media {
class MediaEngine;
}
} // namespace parlo

// The test call's far end: an echo service inside the app, a SIP user agent of its own on
// 127.0.0.1 (a free port) that answers every call at once and sends back what it hears, a short
// moment later. The call to it goes through the same SIP and RTP stack as any other call, so a
// newcomer hears their microphone, speaker and the app working together without an account.
// Started on demand; it stops itself shortly after its last call ended.
class EchoService : public QObject {
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(bool running READ running NOTIFY runningChanged)
    // sip:echo@127.0.0.1:PORT while running; empty otherwise.
    Q_PROPERTY(QString uri READ uri NOTIFY runningChanged)
    // Why start() failed, as a sentence; empty after a good start.
    Q_PROPERTY(QString errorText READ errorText NOTIFY errorTextChanged)
public:
    // How long the service stays up after its last call, for the BYE's answer and a quick retry.
    static constexpr int kIdleStopMs = 2000;

    explicit EchoService(QObject *parent = nullptr);
    ~EchoService() override;

    bool running() const { return m_calls != nullptr; }
    QString uri() const { return m_uri; }
    QString errorText() const { return m_errorText; }
    // The service's own calls (for tests); null while stopped.
    parlo::CallManager *callManager() const { return m_calls; }

    // Starts the service (when not running) and returns the URI to call; empty on failure
    // (errorText says why).
    Q_INVOKABLE QString start();
    // Ends its calls and closes its ports.
    Q_INVOKABLE void stop();

Q_SIGNALS:
    void runningChanged();
    void errorTextChanged();

private:
    void setErrorText(const QString &text);
    void onCallEnded();

    parlo::media::MediaEngine *m_engine = nullptr;
    parlo::UserAgent *m_ua = nullptr;
    parlo::CallManager *m_calls = nullptr;
    QString m_uri;
    QString m_errorText;
    QTimer m_idle;
};

#pragma once

#include <QObject>
#include <QThread>
#include <thread>

namespace parlo::media {

// Owns the media thread: every call's MediaSession lives there, so a busy UI thread never delays
// a packet. Started in the constructor; the destructor deletes the workers still adopted (on the
// media thread, so each stops cleanly: RTCP BYE, recording finalized) and joins the thread.
class MediaEngine : public QObject {
    Q_OBJECT
public:
    explicit MediaEngine(QObject *parent = nullptr);
    ~MediaEngine() override;

    QThread *mediaThread() { return &m_thread; }
    bool isRunning() const { return m_thread.isRunning(); }

    // Moves a parentless worker (created on the calling thread) to the media thread; the engine
    // deletes it on shutdown if nobody did before.
    void adopt(QObject *worker);

private:
    QThread m_thread;
    std::thread m_srtpInit;
    QObject *m_root; // lives on the media thread; parent of adopted workers
};

} // namespace parlo::media

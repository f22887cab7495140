#include "media/MediaEngine.h"

#include "media/Spandsp.h"
#include "media/SrtpContext.h"

#include <QPointer>

namespace parlo::media {

MediaEngine::MediaEngine(QObject *parent)
    : QObject(parent)
    , m_root(new QObject) {
    m_thread.setObjectName(QStringLiteral("parlo-media"));
    m_root->moveToThread(&m_thread);
    // Media timers and sockets are latency bound; the work per frame is small.
    m_thread.start(QThread::TimeCriticalPriority);
    // libsrtp's one-time initialization runs its self-tests (tens of ms, hundreds under load). Run it
    // now on a helper thread: on the media thread it would delay every call's start behind it, and
    // in the first secure call's start it would stall that call while the peer's packets pile up.
    // A secure call that starts before it finished waits for it (std::call_once), plain ones don't.
    // spandsp (G.711 concealment, G.722) is opened there too, so the media thread does not wait
    // for it to be loaded in the first call.
    m_srtpInit = std::thread([]() {
        Spandsp::get();
        SrtpContext::initializeLibrary();
    });
}

MediaEngine::~MediaEngine() {
    if (m_srtpInit.joinable())
        m_srtpInit.join();
    // Workers must die on their own thread (their timers and sockets belong to it).
    QMetaObject::invokeMethod(
        m_root, [root = m_root]() { delete root; }, Qt::BlockingQueuedConnection);
    m_thread.quit();
    m_thread.wait();
}

void MediaEngine::adopt(QObject *worker) {
    worker->moveToThread(&m_thread);
    QPointer<QObject> w(worker);
    // setParent must run on the thread both objects live on.
    QMetaObject::invokeMethod(
        m_root,
        [w, root = m_root]() {
            if (w)
                w->setParent(root);
        },
        Qt::QueuedConnection);
}

} // namespace parlo::media

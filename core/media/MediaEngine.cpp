#include "media/MediaEngine.h"

#include <QPointer>

namespace parlo::media {

MediaEngine::MediaEngine(QObject *parent)
    : QObject(parent)
    , m_root(new QObject) {
    m_thread.setObjectName(QStringLiteral("parlo-media"));
    m_root->moveToThread(&m_thread);
    // Media timers and sockets are latency bound; the work per frame is small.
    m_thread.start(QThread::TimeCriticalPriority);
}

MediaEngine::~MediaEngine() {
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

#pragma once

#include <QWindow>

namespace parlo {

// Shows the window in front of the others, also from minimised or hidden in the tray (a link
// handed over, the tray's Show, a notification's Answer).
inline void bringToFront(QWindow *window) {
    if (!window)
        return;
    window->setWindowStates(window->windowStates() & ~Qt::WindowMinimized);
    window->show();
    window->raise();
    window->requestActivate();
}

} // namespace parlo

#pragma once

#include <QIcon>
#include <QList>
#include <QString>
#include <functional>
#include <memory>

class QAction;

// What stands in the system tray: the icon with its tooltip and menu, and its messages. The
// real one (QSystemTrayIcon and a QMenu) needs Qt Widgets, so it lives in the parlo-tray-widgets
// module and is loaded only where a tray exists (TrayPlugin); TrayIcon keeps the logic.
class TrayView {
public:
    virtual ~TrayView() = default;
    virtual void setIcon(const QIcon &icon) = 0;
    virtual void setToolTip(const QString &text) = 0;
    virtual void show() = 0;
    virtual bool isVisible() const = 0;
    virtual void showMessage(const QString &title, const QString &text, const QIcon &icon) = 0;

    // The icon clicked or double-clicked; a message clicked.
    std::function<void()> onActivated;
    std::function<void()> onMessageClicked;
};

// Makes the view with its first icon and its menu (a null action is a separator); null where
// Qt finds no tray after all.
using TrayViewFactory =
    std::function<std::unique_ptr<TrayView>(const QIcon &icon, const QList<QAction *> &menu)>;

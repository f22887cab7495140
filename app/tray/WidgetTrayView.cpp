#include "WidgetTrayView.h"

WidgetTrayView::WidgetTrayView(const QIcon &icon, const QList<QAction *> &menu)
    : m_icon(icon) {
    for (QAction *action : menu) {
        if (action)
            m_menu.addAction(action);
        else
            m_menu.addSeparator();
    }
    m_icon.setContextMenu(&m_menu);
    QObject::connect(
        &m_icon, &QSystemTrayIcon::activated, &m_icon, [this](QSystemTrayIcon::ActivationReason reason) {
            if ((reason == QSystemTrayIcon::Trigger || reason == QSystemTrayIcon::DoubleClick) && onActivated)
                onActivated();
        });
    QObject::connect(&m_icon, &QSystemTrayIcon::messageClicked, &m_icon, [this]() {
        if (onMessageClicked)
            onMessageClicked();
    });
}

#pragma once

#include "TrayView.h"

#include <QMenu>
#include <QSystemTrayIcon>

// The tray icon as Qt Widgets draws it: QSystemTrayIcon (StatusNotifierItem over D-Bus, or an
// XEmbed tray window) with a QMenu of TrayIcon's actions.
class WidgetTrayView : public TrayView {
public:
    WidgetTrayView(const QIcon &icon, const QList<QAction *> &menu);

    void setIcon(const QIcon &icon) override { m_icon.setIcon(icon); }
    void setToolTip(const QString &text) override { m_icon.setToolTip(text); }
    void show() override { m_icon.show(); }
    bool isVisible() const override { return m_icon.isVisible(); }
    void showMessage(const QString &title, const QString &text, const QIcon &icon) override {
        m_icon.showMessage(title, text, icon);
    }

private:
    QMenu m_menu; // declared first: the icon, which shows it, goes first
    QSystemTrayIcon m_icon;
};

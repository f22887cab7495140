#pragma once

#include <QObject>
#include <QQmlEngine>

// Version and build facts shown in the window.
class AppInfo : public QObject {
    Q_OBJECT
    QML_ELEMENT
    QML_SINGLETON
    Q_PROPERTY(QString version READ version CONSTANT)
public:
    using QObject::QObject;
    QString version() const;
};

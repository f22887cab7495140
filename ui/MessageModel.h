#pragma once

#include "MessageController.h"
#include "storage/MessageRecord.h"

#include <QAbstractListModel>
#include <QPointer>
#include <QQmlEngine>

// One conversation (the messages exchanged with remoteUri, oldest first), live from the message
// store: new messages append, delivery status updates in place. send() goes through the
// controller, which stores and delivers it.
class MessageModel : public QAbstractListModel {
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(MessageController *controller READ controller WRITE setController NOTIFY controllerChanged)
    Q_PROPERTY(QString remoteUri READ remoteUri WRITE setRemoteUri NOTIFY remoteUriChanged)
    Q_PROPERTY(int count READ rowCount NOTIFY countChanged)
public:
    enum Role {
        MessageIdRole = Qt::UserRole + 1,
        TextRole,
        IncomingRole,
        TimeTextRole,
        StatusRole,
        StatusTextRole,
        FailureTextRole,
    };
    Q_ENUM(Role)
    enum Status { Sending, Delivered, Failed };
    Q_ENUM(Status)

    explicit MessageModel(QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

    MessageController *controller() const { return m_controller; }
    void setController(MessageController *controller);
    QString remoteUri() const { return m_uri; }
    void setRemoteUri(const QString &uri);

    Q_INVOKABLE bool send(const QString &text);

Q_SIGNALS:
    void controllerChanged();
    void remoteUriChanged();
    void countChanged();

private:
    void reload();
    void onAdded();
    void onStatus(qint64 id);

    QPointer<MessageController> m_controller;
    QString m_uri;
    QList<parlo::storage::MessageRecord> m_rows;
};

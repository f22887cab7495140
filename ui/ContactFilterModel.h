#pragma once

#include "ContactListModel.h"

#include <QPointer>
#include <QQmlEngine>
#include <QSortFilterProxyModel>

// The contact list as the page shows it: favourites first, then by name, narrowed to the contacts
// whose name, SIP address or a phone number contains the search text (case-insensitive; for
// numbers also ignoring spaces and dashes).
class ContactFilterModel : public QSortFilterProxyModel {
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(ContactListModel *contacts READ contacts WRITE setContacts NOTIFY contactsChanged)
    Q_PROPERTY(QString searchText READ searchText WRITE setSearchText NOTIFY searchTextChanged)
    Q_PROPERTY(int count READ count NOTIFY countChanged)
public:
    explicit ContactFilterModel(QObject *parent = nullptr);

    ContactListModel *contacts() const { return m_contacts; }
    void setContacts(ContactListModel *contacts);
    QString searchText() const { return m_search; }
    void setSearchText(const QString &text);
    int count() const { return rowCount(); }

Q_SIGNALS:
    void contactsChanged();
    void searchTextChanged();
    void countChanged();

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;
    bool lessThan(const QModelIndex &left, const QModelIndex &right) const override;

private:
    QPointer<ContactListModel> m_contacts;
    QString m_search;
};

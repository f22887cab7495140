#include "ContactFilterModel.h"

namespace {

QString digitsOnly(const QString &text) {
    QString out;
    for (const QChar c : text)
        if (c.isDigit() || c == QLatin1Char('+') || c == QLatin1Char('*') || c == QLatin1Char('#'))
            out += c;
    return out;
}

} // namespace

ContactFilterModel::ContactFilterModel(QObject *parent)
    : QSortFilterProxyModel(parent) {
    setDynamicSortFilter(true);
    sort(0);
    for (auto signal : {&QAbstractItemModel::rowsInserted, &QAbstractItemModel::rowsRemoved})
        connect(this, signal, this, &ContactFilterModel::countChanged);
    connect(this, &QAbstractItemModel::modelReset, this, &ContactFilterModel::countChanged);
    connect(this, &QAbstractItemModel::layoutChanged, this, &ContactFilterModel::countChanged);
}

void ContactFilterModel::setContacts(ContactListModel *contacts) {
    if (contacts == m_contacts)
        return;
    m_contacts = contacts;
    setSourceModel(contacts);
    sort(0);
    Q_EMIT contactsChanged();
    Q_EMIT countChanged();
}

void ContactFilterModel::setSearchText(const QString &text) {
    if (text == m_search)
        return;
    m_search = text;
    invalidateFilter();
    Q_EMIT searchTextChanged();
    Q_EMIT countChanged();
}

bool ContactFilterModel::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const {
    const QString needle = m_search.trimmed();
    if (needle.isEmpty())
        return true;
    const QModelIndex i = sourceModel()->index(sourceRow, 0, sourceParent);
    for (int role : {ContactListModel::NameRole, ContactListModel::SipUriRole, ContactListModel::PhonesRole})
        if (i.data(role).toString().contains(needle, Qt::CaseInsensitive))
            return true;
    // "030 1234" finds "+49-30-1234567" only as digits: compare the digit strings.
    const QString digits = digitsOnly(needle);
    if (digits.size() >= 3 && digits.size() * 2 >= needle.size()) {
        const QStringList phones =
            i.data(ContactListModel::PhonesRole).toString().split(QStringLiteral(", "));
        for (const QString &p : phones)
            if (digitsOnly(p).contains(digits))
                return true;
    }
    return false;
}

bool ContactFilterModel::lessThan(const QModelIndex &left, const QModelIndex &right) const {
    const bool lf = left.data(ContactListModel::FavouriteRole).toBool();
    const bool rf = right.data(ContactListModel::FavouriteRole).toBool();
    if (lf != rf)
        return lf;
    // Case-folded: "anna" sorts with "Anton", not after "Zoe".
    const int byName =
        QString::localeAwareCompare(left.data(ContactListModel::NameRole).toString().toCaseFolded(),
                                    right.data(ContactListModel::NameRole).toString().toCaseFolded());
    if (byName != 0)
        return byName < 0;
    return left.data(ContactListModel::ContactIdRole).toLongLong() <
           right.data(ContactListModel::ContactIdRole).toLongLong();
}

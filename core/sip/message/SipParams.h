#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QList>
#include <optional>

namespace parlo::sip {

// An ordered list of ;name[=value] parameters (URI, Via, name-addr and other header parameters).
// Names compare case-insensitively; values are kept as received (URI parameters still %-escaped).
class SipParams {
public:
    struct Param {
        QByteArray name;
        QByteArray value;
        bool hasValue = false; // ";lr" vs ";lr=" vs ";lr=on"
        bool operator==(const Param &) const = default;
    };

    bool contains(QByteArrayView name) const;
    // Value of the first parameter with that name; nullopt when absent, empty when valueless.
    std::optional<QByteArray> value(QByteArrayView name) const;
    // Replaces the first parameter with that name or appends it.
    void set(const QByteArray &name, const QByteArray &value);
    void setFlag(const QByteArray &name); // valueless parameter, e.g. "lr", "rport"
    void remove(QByteArrayView name);

    const QList<Param> &items() const { return m_items; }
    bool isEmpty() const { return m_items.isEmpty(); }
    void append(Param p) { m_items.append(std::move(p)); }

    // ";a=b;c" form (each item preceded by ';'); quoted values are written as stored.
    QByteArray toString() const;
    bool operator==(const SipParams &) const = default;

private:
    QList<Param> m_items;
};

} // namespace parlo::sip

#pragma once

#include <QString>
#include <QStringList>

namespace parlo {

// The link the desktop hands to `parlo %u` (a click on a sip:/sips:/tel:/callto: link), picked out
// of the command line's positional arguments. Only these schemes are taken, so a stray file name
// or an http: link never reaches the dialer; checking the address itself is the dialer's job.
class LaunchUri {
public:
    // Longer than any real address; the text also travels to the running instance over a socket.
    static constexpr int MaxLength = 2048;

    // The first positional argument with one of the schemes, trimmed; empty when there is none.
    static QString fromArguments(const QStringList &positional);
    static bool isCallLink(const QString &text);
};

} // namespace parlo

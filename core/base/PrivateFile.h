#pragma once

#include <QString>

namespace parlo {

// One of Parlo's own helper programs or modules (parlo-keychain, parlo-sound.so,
// parlo-tray-widgets.so): $<overrideVariable> when that is set (tests, whose programs live
// elsewhere), else next to the running program (a build tree), else in Parlo's library folder
// (lib/parlo beside bin/, wherever the prefix is). Empty when none of them exists. Works before
// the application object exists.
QString privateFile(const QString &name, const char *overrideVariable = nullptr);

} // namespace parlo

#pragma once

#include <QByteArray>

namespace parlo::sip {

// Fresh protocol identifiers from a cryptographically strong generator (QRandomGenerator::system()).
QByteArray newBranch(); // "z9hG4bK" + 16+ random token chars (RFC 3261 §8.1.1.7)
QByteArray newTag();    // 10+ random token chars
QByteArray newCallId(); // 20+ random token chars (no '@host')

} // namespace parlo::sip

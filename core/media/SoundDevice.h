#pragma once

#include <QByteArray>
#include <QString>

namespace parlo::media {

// A microphone or speaker as the sound system names it; a null id is "none".
struct SoundDevice {
    QByteArray id;
    QString description;
    bool isNull() const { return id.isEmpty(); }
};

} // namespace parlo::media

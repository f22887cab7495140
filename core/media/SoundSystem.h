#pragma once

#include "media/AudioDevice.h"
#include "media/SoundDevice.h"
#include "media/ToneGenerator.h"

#include <QList>
#include <QObject>
#include <functional>
#include <memory>
#include <span>

namespace parlo::media {

// The computer's sound devices: lists, the level meter's microphone, tones, and the calls' audio.
// Qt Multimedia does the work, from the parlo-sound module (media/qt), which is loaded the first
// time something needs sound: linked into the programs, Qt Multimedia with PulseAudio and
// libsndfile's codecs would be mapped from the start (about 1.5 MB) though nothing sounds then.
class SoundSystem {
public:
    virtual ~SoundSystem() = default;

    virtual QList<SoundDevice> inputs() const = 0;
    virtual QList<SoundDevice> outputs() const = 0;
    virtual SoundDevice defaultInput() const = 0;
    virtual SoundDevice defaultOutput() const = 0;
    // changed runs on context's thread whenever devices come or go, as long as context lives.
    virtual void watchDevices(QObject *context, std::function<void()> changed) = 0;
    // The microphone's samples (mono, 16-bit) as they come, on context's thread, until the handle
    // is destroyed; null when the device cannot be opened.
    virtual std::unique_ptr<QObject> listen(const SoundDevice &input, QObject *context,
                                            std::function<void(std::span<const int16_t>)> samples) = 0;
    // A tone on the speaker for ms milliseconds (then finished runs) or, with ms < 0, until the
    // handle is destroyed; null when the device cannot be opened.
    virtual std::unique_ptr<QObject> playTone(const SoundDevice &output, const ToneGenerator::Tone &tone,
                                              int ms, QObject *context, std::function<void()> finished) = 0;
    // A call's capture and playback (empty ids: the system defaults), not yet started.
    virtual std::unique_ptr<AudioDevice> openCallAudio(const QByteArray &inputId, const QByteArray &outputId,
                                                       bool echoCancellation) = 0;

    // The module's sound system, loaded on first use (from any thread); null when the module
    // cannot be loaded, with the reason in *error. The module is found through
    // $PARLO_SOUND_MODULE, next to the program (a build tree) or in lib/parlo beside bin/.
    static SoundSystem *instance(QString *error = nullptr);
    static bool isLoaded();
};

} // namespace parlo::media

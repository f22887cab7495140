#pragma once

#include "media/SoundSystem.h"

namespace parlo::media {

// SoundSystem on Qt Multimedia (QMediaDevices, QAudioSource, QAudioSink): the parlo-sound
// module's one object, handed out by its entry point parlo_sound_system().
class QtSoundSystem : public SoundSystem {
public:
    QList<SoundDevice> inputs() const override;
    QList<SoundDevice> outputs() const override;
    SoundDevice defaultInput() const override;
    SoundDevice defaultOutput() const override;
    void watchDevices(QObject *context, std::function<void()> changed) override;
    std::unique_ptr<QObject> listen(const SoundDevice &input, QObject *context,
                                    std::function<void(std::span<const int16_t>)> samples) override;
    std::unique_ptr<QObject> playTone(const SoundDevice &output, const ToneGenerator::Tone &tone, int ms,
                                      QObject *context, std::function<void()> finished) override;
    std::unique_ptr<AudioDevice> openCallAudio(const QByteArray &inputId, const QByteArray &outputId,
                                               bool echoCancellation) override;
};

} // namespace parlo::media

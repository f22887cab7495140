#pragma once

#include "media/SoundDevice.h"

#include <QByteArray>
#include <QString>
#include <cstdint>
#include <functional>
#include <span>
#include <vector>

namespace parlo::media {

// The sound card side of a call: capture and playback, 48 kHz mono 16-bit preferred and whatever
// the device offers otherwise. Follows the system default when devices come and go. A missing
// device is reported once and the call goes on without it (silence / files). When both
// directions run at one rate, speexdsp cancels the echo of what we play from what we capture.
// Made by SoundSystem::openCallAudio() (Qt Multimedia, in the parlo-sound module); lives on the
// thread that made it (the media thread), where its callbacks run.
class AudioDevice {
public:
    enum class Error { NoInput, NoOutput, Failed };

    // Playback queue and capture backlog: short, so the speaker-to-microphone delay stays well
    // inside the echo canceller's tail.
    static constexpr int kPlaybackBufferMs = 80;
    static constexpr int kMaxCaptureBacklogMs = 60;
    static constexpr int kDefaultWatchMs = 1000;
    // Speaker-to-microphone delay the canceller covers: device buffers (PulseAudio pre-buffers a
    // sink's whole buffer) plus the room.
    static constexpr int kEchoTailMs = 400;

    virtual ~AudioDevice() = default;

    virtual void start() = 0;
    virtual void stop() = 0;
    // Other devices (empty id: the system default). While running, a direction whose device
    // changes is reopened at once and the echo canceller starts over; a missing choice falls back
    // to the default and is reported (onError) as at start.
    virtual void setDevices(const QByteArray &inputId, const QByteArray &outputId) = 0;
    virtual QByteArray inputId() const = 0;
    virtual QByteArray outputId() const = 0;
    virtual bool hasInput() const = 0;
    virtual bool echoCancelling() const = 0;
    virtual bool hasOutput() const = 0;
    // The devices in use (null when that direction is closed).
    virtual SoundDevice currentInput() const = 0;
    virtual SoundDevice currentOutput() const = 0;

    // `samples` mono samples at `rate` of what was captured (echo-cancelled); zero-filled when the
    // device has not delivered enough yet.
    virtual std::vector<int16_t> capture(int samples, int rate) = 0;
    // Mono samples at `rate` for the speaker. Dropped when the device queue is full.
    virtual void play(std::span<const int16_t> mono, int rate) = 0;

    // A device missing or failing (detail: its id or name); a direction (re)opened.
    std::function<void(Error error, const QString &detail)> onError;
    std::function<void()> onInputChanged;
    std::function<void()> onOutputChanged;
};

} // namespace parlo::media

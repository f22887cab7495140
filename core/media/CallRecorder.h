#pragma once

#include "media/MediaError.h"
#include "media/Resampler.h"
#include "media/WavWriter.h"

#include <QString>
#include <cstdint>
#include <deque>
#include <memory>
#include <span>

namespace parlo::media {

// A recording of the conversation, as a user expects it from a phone: what we send mixed with what
// we receive, mono 16-bit WAV at one rate. The two directions run on different clocks (the send
// frames, the jitter buffer's playout), so every frame is placed on the wall-clock time line by
// when it is due; whatever a direction does not deliver (hold, before the first packet, mute) is
// silence, so the file keeps the call's time line. Mixed audio waits kMixDelayMs for the other
// direction and then goes to the file: the buffer between the two paths never holds more than
// kMaxBufferedMs. Written atomically (WavWriter): the file appears, complete, on close().
class CallRecorder {
public:
    enum class Direction { Sent, Received };
    // A frame may arrive this late (a stalled timer sends up to 5 frames at once) and still be mixed.
    static constexpr int kMixDelayMs = 250;
    // A direction that drifts further than this from the wall clock is put back in place.
    static constexpr int kResyncMs = 150;
    static constexpr int kMaxBufferedMs = 1000;

    CallRecorder() = default;
    CallRecorder(const CallRecorder &) = delete;
    CallRecorder &operator=(const CallRecorder &) = delete;

    // nowMs: the session clock; the file's time 0.
    bool open(const QString &path, int sampleRate, int64_t nowMs);
    bool isOpen() const { return m_writer.isOpen(); }
    QString path() const { return m_path; }
    int sampleRate() const { return m_rate; }
    const MediaError &error() const { return m_writer.error(); }
    // Mono samples at `rate` of one direction, the frame that ends at endMs. False when the file
    // could not be written.
    bool add(Direction direction, std::span<const int16_t> mono, int rate, int64_t endMs);
    // Writes what no frame can be mixed into any more. False on a write error.
    bool advance(int64_t nowMs);
    // Writes everything up to nowMs (or the last frame, if later) and finalizes the file.
    bool close(int64_t nowMs);
    int64_t framesWritten() const { return m_writer.framesWritten(); }
    // Samples waiting for the other direction (for tests: bounded by kMaxBufferedMs).
    int64_t buffered() const { return int64_t(m_mix.size()); }

private:
    struct Track {
        std::unique_ptr<Resampler> resampler;
        int64_t position = 0; // sample index on the file's time line where the next one goes
        bool started = false;
    };
    int64_t samplesAt(int64_t ms) const { return (ms - m_startMs) * m_rate / 1000; }
    bool flushTo(int64_t position);

    WavWriter m_writer;
    QString m_path;
    int m_rate = 8000;
    int64_t m_startMs = 0;
    int64_t m_flushed = 0;     // samples written to the file
    std::deque<int32_t> m_mix; // the time line from m_flushed on, both directions summed
    Track m_tracks[2];
};

} // namespace parlo::media

#pragma once

#include "media/MediaError.h"
#include "media/Resampler.h"
#include "media/WavWriter.h"

#include <QString>
#include <cstdint>
#include <memory>
#include <span>

namespace parlo::media {

// Records what a call receives: mono 16-bit at a fixed rate, whatever rate each decoded frame
// comes at. Written atomically (WavWriter/QSaveFile): the file appears complete on close() and
// not at all when the sink is destroyed without it.
class WavSink {
public:
    bool open(const QString &path, int sampleRate);
    bool isOpen() const { return m_writer.isOpen(); }
    int sampleRate() const { return m_rate; }
    const MediaError &error() const { return m_writer.error(); }
    // Mono samples at `rate`.
    bool write(std::span<const int16_t> samples, int rate);
    bool close();
    int64_t framesWritten() const { return m_writer.framesWritten(); }

private:
    WavWriter m_writer;
    std::unique_ptr<Resampler> m_resampler;
    int m_rate = 8000;
};

} // namespace parlo::media

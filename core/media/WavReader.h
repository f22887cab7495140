#pragma once

#include "media/MediaError.h"
#include "media/WavFormat.h"

#include <QFile>
#include <QString>
#include <cstdint>
#include <vector>

namespace parlo::media {

// Reads RIFF/WAVE files holding 16-bit PCM (WAVE_FORMAT_PCM, or EXTENSIBLE with the PCM subtype),
// mono or stereo, any rate. Chunks other than fmt and data (LIST, fact, cue …) are skipped.
class WavReader {
public:
    WavReader() = default;
    explicit WavReader(const QString &path) { open(path); }

    // Reads the header; false with error() set when the file is missing or malformed.
    bool open(const QString &path);
    void close();
    bool isOpen() const { return m_file.isOpen() && !m_error; }
    const MediaError &error() const { return m_error; }
    const WavFormat &format() const { return m_format; }
    int64_t totalFrames() const { return m_dataSize / m_format.bytesPerFrame(); }
    int64_t framesLeft() const { return (m_dataSize - m_dataRead) / m_format.bytesPerFrame(); }

    // Up to maxFrames frames (interleaved samples); fewer at the end, empty when done.
    std::vector<int16_t> read(int maxFrames);
    // Back to the first sample (for looping playback).
    bool rewind();

    // Convenience: the whole file.
    static std::optional<std::vector<int16_t>> readAll(const QString &path, WavFormat *format = nullptr,
                                                       MediaError *error = nullptr);

private:
    bool failWith(MediaError::Kind kind, const char *detail);

    QFile m_file;
    MediaError m_error;
    WavFormat m_format;
    int64_t m_dataOffset = 0;
    int64_t m_dataSize = 0;
    int64_t m_dataRead = 0;
};

} // namespace parlo::media

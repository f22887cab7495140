#pragma once

#include "media/MediaError.h"
#include "media/WavFormat.h"

#include <QSaveFile>
#include <QString>
#include <cstdint>
#include <span>

namespace parlo::media {

// Writes a 16-bit PCM WAV file atomically: samples go to a temporary file (QSaveFile); close()
// fills in the RIFF and data sizes and renames it into place, so readers never see a half file.
// Destroying without close() discards the recording.
class WavWriter {
public:
    WavWriter() = default;
    ~WavWriter();

    bool open(const QString &path, const WavFormat &format);
    bool isOpen() const { return m_open; }
    bool write(std::span<const int16_t> samples);
    // Finalizes the header and commits the file.
    bool close();
    const MediaError &error() const { return m_error; }
    int64_t framesWritten() const { return m_dataBytes / m_format.bytesPerFrame(); }

private:
    QByteArray header() const;

    QSaveFile m_file;
    WavFormat m_format;
    MediaError m_error;
    int64_t m_dataBytes = 0;
    bool m_open = false;
};

} // namespace parlo::media

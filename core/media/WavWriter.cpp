#include "media/WavWriter.h"

#include "media/MediaLog.h"

#include <QtEndian>

namespace parlo::media {

namespace {
// RIFF sizes are 32-bit; stop short of 4 GiB.
constexpr int64_t kMaxDataBytes = 0xffffffffLL - 36;

void put16(QByteArray &out, uint16_t v) {
    char b[2];
    qToLittleEndian(v, b);
    out.append(b, 2);
}
void put32(QByteArray &out, uint32_t v) {
    char b[4];
    qToLittleEndian(v, b);
    out.append(b, 4);
}
} // namespace

WavWriter::~WavWriter() {
    if (m_open)
        m_file.cancelWriting();
}

QByteArray WavWriter::header() const {
    QByteArray h;
    h.append("RIFF");
    put32(h, uint32_t(36 + m_dataBytes));
    h.append("WAVEfmt ");
    put32(h, 16);
    put16(h, 1); // PCM
    put16(h, uint16_t(m_format.channels));
    put32(h, uint32_t(m_format.sampleRate));
    put32(h, uint32_t(m_format.sampleRate * m_format.bytesPerFrame()));
    put16(h, uint16_t(m_format.bytesPerFrame()));
    put16(h, 16);
    h.append("data");
    put32(h, uint32_t(m_dataBytes));
    return h;
}

bool WavWriter::open(const QString &path, const WavFormat &format) {
    if (m_open)
        m_file.cancelWriting();
    m_open = false;
    m_error = {};
    m_dataBytes = 0;
    if (format.channels < 1 || format.channels > 2 || format.sampleRate < 1000 ||
        format.sampleRate > 192000) {
        m_error = {MediaError::Kind::UnsupportedFormat, "format"};
        return false;
    }
    m_format = format;
    m_file.setFileName(path);
    if (!m_file.open(QIODevice::WriteOnly) || m_file.write(header()) != 44) {
        m_error = {MediaError::Kind::IoError, "open"};
        qCWarning(lcWav) << "cannot write" << path << m_file.errorString();
        m_file.cancelWriting();
        return false;
    }
    m_open = true;
    return true;
}

bool WavWriter::write(std::span<const int16_t> samples) {
    if (!m_open)
        return false;
    const int64_t bytes = int64_t(samples.size()) * 2;
    if (m_dataBytes + bytes > kMaxDataBytes) {
        m_error = {MediaError::Kind::IoError, "file size limit"};
        return false;
    }
    QByteArray le(bytes, Qt::Uninitialized);
    for (size_t i = 0; i < samples.size(); ++i)
        qToLittleEndian(samples[i], le.data() + 2 * i);
    if (m_file.write(le) != bytes) {
        m_error = {MediaError::Kind::IoError, "write"};
        return false;
    }
    m_dataBytes += bytes;
    return true;
}

bool WavWriter::close() {
    if (!m_open)
        return false;
    m_open = false;
    if (!m_file.seek(0) || m_file.write(header()) != 44 || !m_file.commit()) {
        m_error = {MediaError::Kind::IoError, "finalize"};
        m_file.cancelWriting();
        return false;
    }
    return true;
}

} // namespace parlo::media

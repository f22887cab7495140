#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <optional>

namespace parlo::sip {

// Cuts a SIP byte stream (TCP/TLS) into messages (RFC 3261 §18.3): the header section ends at the
// first CRLFCRLF, the body is Content-Length bytes (required on streams). Between messages a
// CRLFCRLF is a keep-alive ping and a single CRLF its pong (RFC 5626 §3.5.1). Bounded: at most
// maxBuffer bytes are held, and a message that cannot fit is an error (the caller closes; for a
// message whose Content-Length is too large the header section is kept, so a 513 can be sent).
class StreamFramer {
public:
    struct Item {
        enum class Kind { Message, Ping, Pong };
        Kind kind = Kind::Message;
        QByteArray bytes; // the whole message for Kind::Message
    };
    enum class Error { None, BufferOverflow, MissingContentLength, BadContentLength, MessageTooLarge };

    explicit StreamFramer(int maxBuffer = 128 * 1024);

    int maxBuffer() const { return m_maxBuffer; }
    void setMaxBuffer(int maxBuffer) { m_maxBuffer = maxBuffer; }

    // Bytes that may still be appended before the buffer is full.
    int room() const;
    // Returns false (and sets BufferOverflow) when data does not fit in room().
    bool append(QByteArrayView data);
    // The next complete item; nullopt when more data is needed or on error (see error(), sticky).
    std::optional<Item> next();

    Error error() const { return m_error; }
    // With MessageTooLarge: the header section of the refused message (up to its CRLFCRLF).
    QByteArray rejectedHeaders() const { return m_rejectedHeaders; }
    int buffered() const { return int(m_buffer.size() - m_offset); }
    bool isEmpty() const { return buffered() == 0; }

private:
    QByteArray m_buffer;
    qsizetype m_offset = 0; // consumed bytes at the front, dropped lazily
    int m_maxBuffer;
    Error m_error = Error::None;
    QByteArray m_rejectedHeaders;
};

} // namespace parlo::sip

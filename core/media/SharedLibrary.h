#pragma once

#include <QByteArray>
#include <QString>

namespace parlo::media {

// A C library opened at first use (dlopen) instead of at program start. The media libraries pull
// in a dozen more (libsrtp2: NSS; spandsp: libtiff and its image codecs) that an app waiting for
// calls never needs; linked normally, every start would map and relocate them.
class SharedLibrary {
public:
    explicit SharedLibrary(const char *soname);
    ~SharedLibrary(); // keeps the library loaded: its functions may still be in use elsewhere

    SharedLibrary(const SharedLibrary &) = delete;
    SharedLibrary &operator=(const SharedLibrary &) = delete;

    bool isLoaded() const { return m_handle != nullptr; }
    // Why it could not be loaded (dlerror's text), or why the last resolve() failed.
    QString errorString() const { return m_error; }

    // The function `name` as `Fn`, or null (with errorString()) when missing.
    template <typename Fn> bool resolve(Fn &fn, const char *name) {
        fn = reinterpret_cast<Fn>(symbol(name));
        return fn != nullptr;
    }

private:
    void *symbol(const char *name);

    void *m_handle = nullptr;
    QString m_error;
};

} // namespace parlo::media

#include "media/SharedLibrary.h"

#include <dlfcn.h>

namespace parlo::media {

SharedLibrary::SharedLibrary(const char *soname)
    : m_handle(dlopen(soname, RTLD_NOW | RTLD_LOCAL)) {
    if (!m_handle)
        m_error = QString::fromLocal8Bit(dlerror());
}

SharedLibrary::~SharedLibrary() = default;

void *SharedLibrary::symbol(const char *name) {
    if (!m_handle)
        return nullptr;
    dlerror();
    void *s = dlsym(m_handle, name);
    if (!s)
        m_error = QString::fromLocal8Bit(dlerror());
    return s;
}

} // namespace parlo::media

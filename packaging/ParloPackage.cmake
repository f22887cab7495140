# The Debian package: `cpack -G DEB` in the build directory writes parlo_<version>_<arch>.deb with
# everything `install()` puts under /usr (both programs, desktop file, metainfo, icon).
set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME parlo)
set(CPACK_PACKAGE_VENDOR Parlo)
set(CPACK_PACKAGE_CONTACT "Parlo developers <parlo@parlo.invalid>")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "${PROJECT_DESCRIPTION}")
set(CPACK_PACKAGE_DESCRIPTION "Parlo registers with your SIP provider or company PBX, places and answers
audio calls (G.711, G.722, Opus; TLS and SRTP), and says in plain words what went wrong when
something does. Comes with parlo-cli, a command-line front end for scripting and testing.")
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_STRIP_FILES ON)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SECTION comm)
set(CPACK_DEBIAN_PACKAGE_HOMEPAGE "${PROJECT_HOMEPAGE_URL}")
# dpkg-shlibdeps finds the libraries the binaries link; what is loaded at run time it cannot see:
# the QML modules the pages import, the SQLite driver the account and history storage opens, and
# libsrtp2 and spandsp, which the media layer opens with the first call that needs them.
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_PACKAGE_DEPENDS "qml6-module-qtquick, qml6-module-qtquick-controls, qml6-module-qtquick-layouts, \
qml6-module-qtquick-templates, qml6-module-qtquick-window, qml6-module-qtqml-workerscript, \
qml6-module-qtquick-dialogs, qml6-module-qt-labs-folderlistmodel, libqt6sql6-sqlite, \
libsrtp2-1, libspandsp2")
include(CPack)

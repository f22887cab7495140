// The lazily opened media libraries: a library opens by soname and resolves typed functions; a
// missing library or function is an error with the loader's reason, never a crash; libsrtp2 and
// spandsp, opened this way, work.
#include "media/SharedLibrary.h"
#include "media/Spandsp.h"
#include "media/SrtpContext.h"

#include <QTest>

#include <cmath>

using namespace parlo::media;

class TestSharedLibrary : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void resolvesTypedFunctions() {
        SharedLibrary libm("libm.so.6");
        QVERIFY2(libm.isLoaded(), qPrintable(libm.errorString()));
        double (*cosine)(double) = nullptr;
        QVERIFY(libm.resolve(cosine, "cos"));
        QCOMPARE(cosine(0.0), 1.0);
    }

    void missingLibraryIsAnError() {
        SharedLibrary missing("libparlo-does-not-exist.so.7");
        QVERIFY(!missing.isLoaded());
        QVERIFY(missing.errorString().contains(QLatin1String("libparlo-does-not-exist.so.7")));
        void (*fn)() = nullptr;
        QVERIFY(!missing.resolve(fn, "anything"));
        QVERIFY(!fn);
    }

    void missingFunctionIsAnError() {
        SharedLibrary libm("libm.so.6");
        void (*fn)() = reinterpret_cast<void (*)()>(&std::abort);
        QVERIFY(!libm.resolve(fn, "parlo_no_such_function"));
        QVERIFY(!fn);
        QVERIFY(libm.errorString().contains(QLatin1String("parlo_no_such_function")));
    }

    // The two libraries the media layer opens on first use: every function it needs is there.
    void mediaLibrariesLoad() {
        const Spandsp *spandsp = Spandsp::get();
        QVERIFY(spandsp);
        QVERIFY(spandsp->g722EncodeInit && spandsp->g722Encode && spandsp->g722EncodeFree &&
                spandsp->g722DecodeInit && spandsp->g722Decode && spandsp->g722DecodeFree &&
                spandsp->plcInit && spandsp->plcRx && spandsp->plcFillin);
        QCOMPARE(Spandsp::get(), spandsp); // opened once
        QVERIFY(SrtpContext::initializeLibrary());
    }
};

QTEST_GUILESS_MAIN(TestSharedLibrary)
#include "tst_sharedlibrary.moc"

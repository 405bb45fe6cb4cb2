# One INTERFACE target carries the warnings and Qt strictness defines for every
# Crossvirt target (qBittorrent's CommonConfig habit). CI configures with
# -DCROSSVIRT_WERROR=ON so a warning fails the build there.
add_library(crossvirt_build_flags INTERFACE)
target_compile_features(crossvirt_build_flags INTERFACE cxx_std_20)
target_compile_definitions(crossvirt_build_flags INTERFACE
    QT_NO_CAST_FROM_ASCII
    QT_NO_CAST_TO_ASCII
    QT_NO_CAST_FROM_BYTEARRAY
    QT_NO_CONTEXTLESS_CONNECT
    QT_NO_URL_CAST_FROM_STRING
    QT_NO_NARROWING_CONVERSIONS_IN_CONNECT
    QT_NO_FOREACH
    QT_USE_QSTRINGBUILDER
    QT_DISABLE_DEPRECATED_UP_TO=0x060400)
target_compile_options(crossvirt_build_flags INTERFACE
    -Wall -Wextra -Wpedantic -Wshadow -Wnon-virtual-dtor -Wcast-align
    -Woverloaded-virtual -Wformat=2 -Wimplicit-fallthrough)
if(CROSSVIRT_WERROR)
    target_compile_options(crossvirt_build_flags INTERFACE -Werror)
endif()

# AddressSanitizer + UndefinedBehaviorSanitizer for every target of the build (CI builds
# the unit, model and CLI tests this way in their own folder: scripts/sanitize.sh). Any
# undefined behaviour aborts the test (no recovery), so a finding cannot scroll by.
if(CROSSVIRT_SANITIZE)
    add_compile_options(-fsanitize=address,undefined -fno-omit-frame-pointer
                        -fno-sanitize-recover=undefined)
    add_link_options(-fsanitize=address,undefined)
endif()

# A build with the test suites links some 80 executables, each carrying the full debug
# information of the models and views libraries (~145 MB each, ~10 GB in all): a CI
# machine ran out of disk. zstd-compressed debug sections make them ~2.5x smaller at a
# second's link time each; gdb 13 and binutils 2.40 (Debian 12) read them. Not for the
# package (dh_dwz/dh_strip work on the plain sections) nor the sanitizer build (its
# -g1 is small, and GCC 12's libbacktrace symbolizer cannot read zstd).
if(CROSSVIRT_BUILD_TESTS AND NOT CROSSVIRT_SANITIZE AND NOT CROSSVIRT_FUZZ)
    include(CheckLinkerFlag)
    check_linker_flag(CXX "-Wl,--compress-debug-sections=zstd" CROSSVIRT_LINKER_HAS_ZSTD)
    if(CROSSVIRT_LINKER_HAS_ZSTD)
        add_link_options("-Wl,--compress-debug-sections=zstd")
    endif()
endif()

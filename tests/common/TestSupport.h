#pragma once

#include <QString>
#include <functional>

namespace crossvirt::test {

/// Processes events until `done()` is true or `timeoutMs` passes; returns done().
bool waitUntil(const std::function<bool()> &done, int timeoutMs = 5000);

/// Absolute path of a file in the source tree (CROSSVIRT_SOURCE_DIR, set by ctest).
QString sourcePath(const QString &relative);

/// A fresh temporary directory for one test, removed at process exit.
QString makeTempDir();

} // namespace crossvirt::test

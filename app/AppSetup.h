#pragma once

#include <QString>

class QCoreApplication;

namespace crossvirt::app {

/// Application name, version and organisation, and the pt_BR (or other) translation
/// for the current locale, shared by the GUI and the CLI.
void setUpApplication(QCoreApplication &app);
QString versionString();

} // namespace crossvirt::app

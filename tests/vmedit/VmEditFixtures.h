#pragma once

#include "models/vmedit/VmEdit.h"

#include <QString>

namespace crossvirt::test {

/// The text of tests/vmedit/data/`name`.
QString vmeditFixture(const QString &name);

/// A VmEditContext as loadVmForEdit() builds it, from fixture files: `inactive` always,
/// `live` for a running guest (empty: the guest is shut off). No domain capabilities
/// (the arch policy alone) and a host of 64 GiB and 16 CPUs.
models::VmEditContext editContext(const QString &inactive, const QString &live = {});

/// The same guest pretended running (its live definition = the inactive one).
models::VmEditContext runningContext(const QString &inactive);

/// The steps' descriptions, one per line (for failure messages).
QString describe(const models::EditPlan &plan);

} // namespace crossvirt::test

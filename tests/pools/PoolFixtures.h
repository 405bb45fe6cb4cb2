#pragma once

#include "models/templates/VmPools.h"

#include <QString>
#include <ostream>

inline void PrintTo(const QString &s, std::ostream *os)
{
    *os << '"' << s.toStdString() << '"';
}

namespace crossvirt::test {

/// An x86_64 q35 template "web-tpl" (2 vCPUs, `memoryMiB`, one virtio disk: a 20 GiB qcow2
/// base with `allocation` bytes in pool "default", one NIC on "default") on host `uri`.
models::TemplateInfo x86Template(const QString &uri, qint64 memoryMiB = 1024,
                                 quint64 allocation = 2ull << 30);
/// The same for a ppc64le pseries guest.
models::TemplateInfo ppcTemplate(const QString &uri);

/// A host of the planner: capabilities from tests/data/capabilities/`capsFile` (its
/// <host><cpu><arch> is the host's arch), a guest context for `tmpl` as
/// HostChoicesProvider::guestContext() builds it (no domain capabilities), pool "default"
/// with `poolAvailable` bytes free (holding the template's base on the template's host),
/// network "default", the VM names `names` (the template's own on its host).
models::PoolHostFacts hostFacts(const QString &uri, const QString &capsFile,
                                const models::TemplateInfo &tmpl, qint64 freeMemoryMiB,
                                quint64 poolAvailable = 500ull << 30,
                                const QStringList &names = {});

/// "web-01@uri" per member, to compare placements.
QStringList placements(const models::VmPoolPlan &plan);
/// How many members went to `uri`.
int membersOn(const models::VmPoolPlan &plan, const QString &uri);

} // namespace crossvirt::test

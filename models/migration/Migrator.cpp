// Migrator: one move of a VM to another host, with progress and Cancel.

#include "models/migration/Migration.h"

#include "models/connection/Datacenter.h"

namespace crossvirt::models {

struct MigratorShared
{
};

Migrator::Migrator(Datacenter *datacenter, QObject *parent)
    : QObject(parent), m_datacenter(datacenter), m_shared(std::make_shared<MigratorShared>())
{
}

Migrator::~Migrator() = default;

} // namespace crossvirt::models

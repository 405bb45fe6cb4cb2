#pragma once

namespace crossvirt::models {
class ClusterInventoryModel;
class ClusterList;
class Datacenter;
class DatacenterStats;
class HostCapabilitiesService;
class InventoryModel;
class SecretStore;
} // namespace crossvirt::models

namespace crossvirt::views {

/// The models the main window presents. The application core (app/core) builds and owns
/// them and outlives the window; views/ only borrows them (it cannot depend on app/).
struct MainWindowModels
{
    models::Datacenter *datacenter = nullptr;
    models::InventoryModel *inventory = nullptr;
    models::ClusterList *clusters = nullptr;
    models::ClusterInventoryModel *clusterInventory = nullptr;
    models::DatacenterStats *stats = nullptr;
    /// Host and domain capabilities, fetched once per host and shared by the dialogs.
    models::HostCapabilitiesService *capabilities = nullptr;
    /// Remembered passwords; nullptr: nothing is remembered (Forget Saved Passwords hidden).
    models::SecretStore *secrets = nullptr;
};

} // namespace crossvirt::views

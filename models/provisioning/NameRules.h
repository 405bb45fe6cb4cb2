#pragma once

#include <QCoreApplication>
#include <QString>
#include <QStringList>

namespace crossvirt::models {

/// What Crossvirt accepts as a VM or volume name. libvirt itself refuses little
/// (the QEMU driver turns names into file names), so the rules are libvirt's plus
/// what keeps a name safe as a file name and readable in a list. Each problem is a
/// translated sentence a dialog shows next to the field.
class NameRules
{
    Q_DECLARE_TR_FUNCTIONS(NameRules)

public:
    /// Longest name accepted, in UTF-8 bytes: "<name>.xml" and "<name>.log" must stay
    /// file names (255 bytes) with room for the volume suffix.
    static constexpr int kMaxNameBytes = 200;

    /// Problems with `name` as a new VM's name on a host that already has
    /// `existingNames`; empty when the name is fine. The name is never trimmed or
    /// changed: what is accepted is defined exactly as typed.
    static QStringList vmNameProblems(const QString &name, const QStringList &existingNames = {});
    /// Problems with `name` as a new volume in a pool holding `existingVolumes`.
    static QStringList volumeNameProblems(const QString &name,
                                          const QStringList &existingVolumes = {});

private:
    enum class Kind
    {
        Vm,
        Volume
    };
    static QStringList commonProblems(const QString &name, Kind kind);
};

} // namespace crossvirt::models

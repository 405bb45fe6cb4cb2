#include "models/provisioning/NameRules.h"

using namespace Qt::StringLiterals;

namespace crossvirt::models {

namespace {

// XML 1.0 cannot carry C0 controls (other than tab/newline/CR, which libvirt would keep
// or fold), U+FFFE/U+FFFF or lone surrogates; C1 controls and DEL are invisible.
bool isRefusedCodePoint(char32_t c)
{
    return c < 0x20 || (c >= 0x7f && c <= 0x9f) || c == 0xfffe || c == 0xffff ||
           (c >= 0xd800 && c <= 0xdfff);
}

} // namespace

QStringList NameRules::commonProblems(const QString &name, Kind kind)
{
    // Full sentences per kind, so translations can agree in gender and number.
    const bool vm = kind == Kind::Vm;
    QStringList problems;
    if (name.isEmpty()) {
        problems << (vm ? tr("Enter a name for the virtual machine.")
                        : tr("Enter a name for the volume."));
        return problems;
    }
    if (name.trimmed().isEmpty()) {
        problems << (vm ? tr("The virtual machine name cannot be only spaces.")
                        : tr("The volume name cannot be only spaces."));
        return problems;
    }
    if (name.front().isSpace() || name.back().isSpace()) {
        problems << (vm ? tr("The virtual machine name cannot start or end with a space.")
                        : tr("The volume name cannot start or end with a space."));
    }
    const qsizetype bytes = name.toUtf8().size();
    if (bytes > kMaxNameBytes) {
        problems
            << (vm ? tr("The virtual machine name is too long: %1 bytes, at most %2 are allowed.")
                   : tr("The volume name is too long: %1 bytes, at most %2 are allowed."))
                   .arg(bytes)
                   .arg(kMaxNameBytes);
    }
    if (name.contains(u'/')) {
        problems
            << (vm ? tr("The virtual machine name cannot contain “/” (libvirt uses it in file "
                        "names).")
                   : tr("The volume name cannot contain “/” (it is a file name in the pool)."));
    }
    bool badChar = false;
    bool loneSurrogate = false;
    for (qsizetype i = 0; i < name.size(); ++i) {
        const QChar ch = name.at(i);
        if (ch.isHighSurrogate() && i + 1 < name.size() && name.at(i + 1).isLowSurrogate()) {
            ++i;
            continue;
        }
        if (ch.isSurrogate())
            loneSurrogate = true;
        else if (isRefusedCodePoint(ch.unicode()))
            badChar = true;
    }
    if (badChar)
        problems << tr("The name cannot contain control characters (such as a tab or a new line).");
    if (loneSurrogate)
        problems << tr("The name contains an invalid Unicode character.");
    if (name == "."_L1 || name == ".."_L1)
        problems << tr("“%1” cannot be used as a name.").arg(name);
    return problems;
}

QStringList NameRules::vmNameProblems(const QString &name, const QStringList &existingNames)
{
    QStringList problems = commonProblems(name, Kind::Vm);
    if (!name.isEmpty() && existingNames.contains(name))
        problems << tr("A virtual machine named “%1” already exists on this host.").arg(name);
    return problems;
}

QStringList NameRules::volumeNameProblems(const QString &name, const QStringList &existingVolumes)
{
    QStringList problems = commonProblems(name, Kind::Volume);
    if (!name.isEmpty() && existingVolumes.contains(name))
        problems << tr("A volume named “%1” already exists in this pool.").arg(name);
    return problems;
}

} // namespace crossvirt::models

#pragma once

#include <QList>
#include <QString>
#include <QStringList>

namespace crossvirt::arch {

/// One entry of a list the arch layer offers (a disk interface, a NIC model, ...):
/// the value to put in the XML, its translated label, and, when withheld, why.
struct Choice
{
    QString id;    ///< Crossvirt's id, usually libvirt's value ("virtio", "vnc", "spapr-vscsi").
    QString label; ///< Translated display text ("VirtIO", "sPAPR VSCSI").
    bool offered = true;
    QString reason; ///< Translated, set when !offered ("IDE is not available on ppc64 guests").

    bool operator==(const Choice &) const = default;
};

/// An ordered list of choices: the order is the preference order, so the first offered
/// entry is the default. Withheld entries stay in the list so a view can grey them out
/// and show their reason.
class ChoiceList
{
public:
    ChoiceList() = default;
    ChoiceList(QList<Choice> choices) : m_choices(std::move(choices)) {}

    const QList<Choice> &all() const { return m_choices; }
    QList<Choice> offered() const;
    QList<Choice> withheld() const;
    /// Ids of the offered entries, in order.
    QStringList offeredIds() const;
    QStringList ids() const;

    /// Whether the list has an entry with this id (offered or not).
    bool contains(const QString &id) const;
    /// Whether the entry with this id is offered.
    bool offers(const QString &id) const;
    /// Why `id` is withheld; empty when offered or unknown.
    QString reasonFor(const QString &id) const;
    /// The entry with this id, or nullptr.
    const Choice *find(const QString &id) const;
    Choice *find(const QString &id);
    /// The first offered id (the default), or an empty string when nothing is offered.
    QString firstOffered() const;

    bool isEmpty() const { return m_choices.isEmpty(); }
    qsizetype size() const { return m_choices.size(); }
    void append(Choice c) { m_choices.append(std::move(c)); }
    /// Withholds `id` (no-op when unknown or already withheld: the first reason wins).
    void withhold(const QString &id, const QString &reason);

    auto begin() const { return m_choices.cbegin(); }
    auto end() const { return m_choices.cend(); }

private:
    QList<Choice> m_choices;
};

} // namespace crossvirt::arch

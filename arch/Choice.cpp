#include "arch/Choice.h"

namespace crossvirt::arch {

QList<Choice> ChoiceList::offered() const
{
    QList<Choice> out;
    for (const Choice &c : m_choices) {
        if (c.offered)
            out.append(c);
    }
    return out;
}

QList<Choice> ChoiceList::withheld() const
{
    QList<Choice> out;
    for (const Choice &c : m_choices) {
        if (!c.offered)
            out.append(c);
    }
    return out;
}

QStringList ChoiceList::offeredIds() const
{
    QStringList out;
    for (const Choice &c : m_choices) {
        if (c.offered)
            out.append(c.id);
    }
    return out;
}

QStringList ChoiceList::ids() const
{
    QStringList out;
    for (const Choice &c : m_choices)
        out.append(c.id);
    return out;
}

bool ChoiceList::contains(const QString &id) const
{
    return find(id) != nullptr;
}

bool ChoiceList::offers(const QString &id) const
{
    const Choice *c = find(id);
    return c && c->offered;
}

QString ChoiceList::reasonFor(const QString &id) const
{
    const Choice *c = find(id);
    return c && !c->offered ? c->reason : QString();
}

const Choice *ChoiceList::find(const QString &id) const
{
    for (const Choice &c : m_choices) {
        if (c.id == id)
            return &c;
    }
    return nullptr;
}

Choice *ChoiceList::find(const QString &id)
{
    for (Choice &c : m_choices) {
        if (c.id == id)
            return &c;
    }
    return nullptr;
}

QString ChoiceList::firstOffered() const
{
    for (const Choice &c : m_choices) {
        if (c.offered)
            return c.id;
    }
    return {};
}

void ChoiceList::withhold(const QString &id, const QString &reason)
{
    Choice *c = find(id);
    if (!c || !c->offered)
        return;
    c->offered = false;
    c->reason = reason;
}

} // namespace crossvirt::arch

#include "views/dialogs/ChoiceCombo.h"

#include <QComboBox>
#include <QLabel>
#include <QSignalBlocker>
#include <QVBoxLayout>

namespace crossvirt::views {

using namespace Qt::StringLiterals;

namespace {
// Beyond this many distinct reasons the note names the rest and the tooltip explains.
constexpr int kReasonsShown = 2;
} // namespace

ChoiceCombo::ChoiceCombo(QWidget *parent) : QWidget(parent)
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    m_combo = new QComboBox(this);
    m_combo->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_combo->setMinimumContentsLength(16);
    layout->addWidget(m_combo);
    m_note = new QLabel(this);
    m_note->setWordWrap(true);
    m_note->setForegroundRole(QPalette::PlaceholderText);
    QFont small = m_note->font();
    small.setPointSizeF(small.pointSizeF() * 0.9);
    m_note->setFont(small);
    m_note->hide();
    layout->addWidget(m_note);
    setFocusProxy(m_combo);
    connect(m_combo, &QComboBox::currentIndexChanged, this,
            [this] { emit currentIdChanged(currentId()); });
}

void ChoiceCombo::setChoices(const arch::ChoiceList &choices, const QString &preferredId)
{
    const QString previous = currentId();
    m_choices = choices;
    {
        const QSignalBlocker block(m_combo);
        m_combo->clear();
        for (const arch::Choice &c : choices.offered())
            m_combo->addItem(c.label, c.id);
        QString pick = choices.firstOffered();
        if (choices.offers(preferredId))
            pick = preferredId;
        if (choices.offers(previous) && preferredId.isEmpty())
            pick = previous;
        m_combo->setCurrentIndex(m_combo->findData(pick));
        m_combo->setEnabled(m_combo->count() > 0);
    }

    // One note for everything withheld: distinct reasons, the first few spelled out.
    QStringList reasons;
    for (const arch::Choice &c : choices.withheld()) {
        if (!c.reason.isEmpty() && !reasons.contains(c.reason))
            reasons << c.reason;
    }
    QString note = reasons.mid(0, kReasonsShown).join(u'\n');
    if (reasons.size() > kReasonsShown) {
        QStringList rest;
        for (const arch::Choice &c : choices.withheld()) {
            if (!reasons.mid(0, kReasonsShown).contains(c.reason))
                rest << c.label;
        }
        note += u'\n' + tr("Also not offered: %1 (hover for why).").arg(rest.join(u", "_s));
    }
    if (m_combo->count() == 0 && note.isEmpty())
        note = tr("Nothing is available here.");
    m_note->setText(note);
    m_note->setToolTip(reasons.join(u'\n'));
    m_note->setVisible(!note.isEmpty());
    if (currentId() != previous)
        emit currentIdChanged(currentId());
}

QString ChoiceCombo::currentId() const
{
    return m_combo->currentData().toString();
}

bool ChoiceCombo::setCurrentId(const QString &id)
{
    const int i = m_combo->findData(id);
    if (i < 0)
        return false;
    m_combo->setCurrentIndex(i);
    return true;
}

QStringList ChoiceCombo::offeredIds() const
{
    QStringList ids;
    for (int i = 0; i < m_combo->count(); ++i)
        ids << m_combo->itemData(i).toString();
    return ids;
}

QStringList ChoiceCombo::offeredLabels() const
{
    QStringList labels;
    for (int i = 0; i < m_combo->count(); ++i)
        labels << m_combo->itemText(i);
    return labels;
}

QString ChoiceCombo::noteText() const
{
    return m_note->text();
}

} // namespace crossvirt::views

#pragma once

#include "arch/Choice.h"

#include <QWidget>

class QComboBox;
class QLabel;

namespace crossvirt::views {

/// A combo box filled from an arch::ChoiceList: the offered entries only, in preference
/// order, with one note under it that says what was left out and why ("IDE is not
/// available on ppc64le guests"), so the user is told rather than left to wonder.
class ChoiceCombo : public QWidget
{
    Q_OBJECT
public:
    explicit ChoiceCombo(QWidget *parent = nullptr);

    /// Replaces the entries. Keeps the current id when it is still offered, else picks
    /// `preferredId` when offered, else the first offered entry.
    void setChoices(const arch::ChoiceList &choices, const QString &preferredId = {});
    const arch::ChoiceList &choices() const { return m_choices; }

    QString currentId() const;
    /// Selects `id` if it is offered; returns whether it did.
    bool setCurrentId(const QString &id);

    /// Ids and labels of the entries the user can pick, in order.
    QStringList offeredIds() const;
    QStringList offeredLabels() const;
    /// The note's text (empty and hidden when nothing is withheld).
    QString noteText() const;

    QComboBox *comboBox() const { return m_combo; }
    QLabel *noteLabel() const { return m_note; }

signals:
    void currentIdChanged(const QString &id);

private:
    QComboBox *m_combo;
    QLabel *m_note;
    arch::ChoiceList m_choices;
};

} // namespace crossvirt::views

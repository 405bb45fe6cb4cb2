#include "views/common/Accessibility.h"

#include <QAbstractButton>
#include <QAbstractItemView>
#include <QAbstractSpinBox>
#include <QComboBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QTextEdit>

namespace crossvirt::views {

namespace {

bool isControl(const QWidget *w)
{
    return w->focusPolicy() != Qt::NoFocus &&
           (qobject_cast<const QLineEdit *>(w) || qobject_cast<const QComboBox *>(w) ||
            qobject_cast<const QAbstractSpinBox *>(w) ||
            qobject_cast<const QAbstractItemView *>(w) ||
            qobject_cast<const QAbstractButton *>(w) || qobject_cast<const QPlainTextEdit *>(w) ||
            qobject_cast<const QTextEdit *>(w));
}

// The first control in `item` (a widget, or a layout of widgets), depth first.
QWidget *firstControl(QLayoutItem *item);

QWidget *firstControlIn(QWidget *w)
{
    if (!w)
        return nullptr;
    if (isControl(w))
        return w;
    if (QWidget *proxy = w->focusProxy(); proxy && isControl(proxy))
        return proxy;
    if (w->layout()) {
        if (QWidget *c = firstControl(w->layout()))
            return c;
    }
    return nullptr;
}

QWidget *firstControl(QLayoutItem *item)
{
    if (!item)
        return nullptr;
    if (QWidget *w = item->widget())
        return firstControlIn(w);
    if (QLayout *l = item->layout()) {
        for (int i = 0; i < l->count(); ++i) {
            if (QWidget *c = firstControl(l->itemAt(i)))
                return c;
        }
    }
    return nullptr;
}

} // namespace

void labelFormFields(QFormLayout *form)
{
    for (int row = 0; row < form->rowCount(); ++row) {
        QLayoutItem *labelItem = form->itemAt(row, QFormLayout::LabelRole);
        auto *label = labelItem ? qobject_cast<QLabel *>(labelItem->widget()) : nullptr;
        if (!label || label->text().isEmpty())
            continue;
        QWidget *control = firstControl(form->itemAt(row, QFormLayout::FieldRole));
        if (!control)
            continue;
        label->setBuddy(control);
        if (control->accessibleName().isEmpty()) {
            QString name = label->text();
            name.remove(u'&');
            if (name.endsWith(u':'))
                name.chop(1);
            control->setAccessibleName(name.trimmed());
        }
    }
}

} // namespace crossvirt::views

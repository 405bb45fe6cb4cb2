#include "views/dialogs/FieldMessage.h"

#include <QLabel>

namespace crossvirt::views {

QLabel *makeFieldError(QWidget *parent)
{
    auto *label = new QLabel(parent);
    label->setWordWrap(true);
    label->setTextFormat(Qt::PlainText);
    QPalette pal = label->palette();
    pal.setColor(QPalette::WindowText, QColor(0xb0, 0x20, 0x20));
    label->setPalette(pal);
    label->hide();
    return label;
}

void setFieldErrors(QLabel *label, const QStringList &messages)
{
    label->setText(messages.join(u'\n'));
    label->setVisible(!messages.isEmpty());
}

QLabel *makeFieldNote(QWidget *parent, const QString &text)
{
    auto *label = new QLabel(text, parent);
    label->setWordWrap(true);
    label->setTextFormat(Qt::PlainText);
    label->setForegroundRole(QPalette::PlaceholderText);
    QFont small = label->font();
    small.setPointSizeF(small.pointSizeF() * 0.9);
    label->setFont(small);
    label->setVisible(!text.isEmpty());
    return label;
}

} // namespace crossvirt::views

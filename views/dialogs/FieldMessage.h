#pragma once

#include <QStringList>

class QLabel;
class QWidget;

namespace crossvirt::views {

/// A red, word-wrapped label shown under a form field while its input is invalid.
QLabel *makeFieldError(QWidget *parent);
/// Shows `messages` (one per line) in `label`, hiding it when there are none.
void setFieldErrors(QLabel *label, const QStringList &messages);
/// A small grey explanatory label (why something is locked or missing).
QLabel *makeFieldNote(QWidget *parent, const QString &text = {});

} // namespace crossvirt::views

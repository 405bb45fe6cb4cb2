#pragma once

#include "common/TestSupport.h"

#include <QApplication>
#include <QCheckBox>
#include <QCoreApplication>
#include <QDialog>
#include <QDir>
#include <QFuture>
#include <QLineEdit>
#include <QPointer>
#include <QTimer>
#include <functional>

namespace crossvirt::test {

/// Where a test saves its screenshots (beside the test binary, for a look).
inline QString screenshotPath(const QString &name)
{
    const QString dir = QCoreApplication::applicationDirPath() + QStringLiteral("/screenshots");
    QDir().mkpath(dir);
    return dir + u'/' + name;
}

/// Waits (processing events) for a future of the GUI thread's keyring jobs.
template<typename T> T awaitResult(QFuture<T> future, int timeoutMs = 20000)
{
    waitUntil([&] { return future.isFinished(); }, timeoutMs);
    return future.isFinished() && future.resultCount() > 0 ? future.result() : T();
}

/// Answers modal dialogs as a user would (offscreen), counting them: `answer` fills the
/// dialog's fields and accepts or rejects it.
class DialogAnswerer
{
public:
    explicit DialogAnswerer(std::function<void(QDialog *, int index)> answer)
        : m_answer(std::move(answer))
    {
        m_timer.setInterval(20);
        QObject::connect(&m_timer, &QTimer::timeout, [this] {
            auto *dialog = qobject_cast<QDialog *>(QApplication::activeModalWidget());
            if (!dialog || dialog == m_last || !dialog->isVisible())
                return;
            m_last = dialog;
            m_answer(dialog, m_shown++);
        });
        m_timer.start();
    }
    int shown() const { return m_shown; }

private:
    std::function<void(QDialog *, int)> m_answer;
    QPointer<QDialog> m_last;
    QTimer m_timer;
    int m_shown = 0;
};

/// Types `user` into plain fields and `password` into password fields, ticks
/// "Remember" when asked to (and when the dialog offers it), and presses OK.
inline void answerCredentials(QDialog *dialog, const QString &user, const QString &password,
                              bool remember)
{
    for (QLineEdit *edit : dialog->findChildren<QLineEdit *>())
        edit->setText(edit->echoMode() == QLineEdit::Password ? password : user);
    if (auto *check = dialog->findChild<QCheckBox *>(QStringLiteral("rememberPassword")))
        check->setChecked(remember);
    dialog->accept();
}

} // namespace crossvirt::test

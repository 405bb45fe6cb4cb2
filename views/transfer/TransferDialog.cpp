#include "views/transfer/TransferDialog.h"

#include "models/connection/FutureHandling.h"
#include "models/connection/HostSession.h"
#include "models/inventory/InventoryModel.h"
#include "models/provisioning/NameRules.h"
#include "views/dialogs/FieldMessage.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QMessageBox>
#include <QProgressBar>
#include <QPushButton>
#include <QStandardPaths>
#include <QVBoxLayout>

namespace crossvirt::views {

using namespace Qt::StringLiterals;
using models::TransferFailure;

namespace {

QString sizeText(quint64 bytes)
{
    return QLocale().formattedDataSize(qint64(bytes), 1, QLocale::DataSizeIecFormat);
}

// A form label whose mnemonic focuses `buddy` (a row whose field is a layout gets none).
QLabel *buddyLabel(const QString &text, QWidget *buddy, QWidget *parent)
{
    auto *label = new QLabel(text, parent);
    label->setBuddy(buddy);
    return label;
}

// The progress bar counts in KiB: QProgressBar takes int, and volumes pass 2 GiB.
int kib(quint64 bytes)
{
    return int(qMin<quint64>(bytes / 1024, quint64(std::numeric_limits<int>::max())));
}

} // namespace

TransferDialog::TransferDialog(Mode mode, models::HostSession *session, const QString &pool,
                               const QString &fileOrVolume, QWidget *parent)
    : QDialog(parent), m_mode(mode), m_session(session), m_initialPool(pool),
      m_transfer(new models::VolumeTransfer(session, this))
{
    const bool upload = mode == Mode::Upload;
    setWindowTitle(upload ? tr("Upload to %1").arg(hostName())
                          : tr("Download from %1").arg(hostName()));

    auto *form = new QFormLayout;
    m_file = new QLineEdit(this);
    m_browse = new QPushButton(tr("Browse…"), this);
    auto *fileRow = new QHBoxLayout;
    fileRow->addWidget(m_file, 1);
    fileRow->addWidget(m_browse);
    if (upload) {
        m_file->setPlaceholderText(tr("An ISO or disk image on this computer"));
        form->addRow(buddyLabel(tr("Local &file:"), m_file, this), fileRow);
        m_pool = new QComboBox(this);
        form->addRow(tr("&Pool:"), m_pool);
        m_volume = new QLineEdit(this);
        m_volume->setPlaceholderText(tr("Name of the new volume"));
        form->addRow(tr("&Volume name:"), m_volume);
        m_format = new QComboBox(this);
        m_format->addItem(tr("Automatic (from the file)"), QString());
        m_format->addItem(tr("ISO image"), u"iso"_s);
        m_format->addItem(tr("qcow2"), u"qcow2"_s);
        m_format->addItem(tr("raw"), u"raw"_s);
        form->addRow(tr("F&ormat:"), m_format);
        m_file->setText(fileOrVolume);
    } else {
        m_downloadVolume = fileOrVolume;
        auto *what = new QLabel(tr("%1 in pool %2").arg(fileOrVolume, pool), this);
        what->setTextInteractionFlags(Qt::TextSelectableByMouse);
        form->addRow(tr("Volume:"), what);
        form->addRow(buddyLabel(tr("Save &as:"), m_file, this), fileRow);
        QString folder = QStandardPaths::writableLocation(QStandardPaths::DownloadLocation);
        if (folder.isEmpty())
            folder = QDir::homePath();
        m_file->setText(QDir(folder).filePath(fileOrVolume));
    }

    m_error = makeFieldError(this);
    m_progress = new QProgressBar(this);
    m_progress->setRange(0, 1);
    m_progress->setValue(0);
    m_progress->setTextVisible(true);
    m_progress->hide(); // shown while a transfer runs and once it is done
    m_progressText = new QLabel(this);
    m_progressText->setTextFormat(Qt::PlainText);
    m_progressText->setWordWrap(true);

    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    startButton()->setText(upload ? tr("&Upload") : tr("&Download"));

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_error);
    layout->addWidget(m_progress);
    layout->addWidget(m_progressText);
    layout->addStretch(1);
    layout->addWidget(m_buttons);
    setMinimumWidth(520);

    connect(m_buttons, &QDialogButtonBox::accepted, this, &TransferDialog::startTransfer);
    // Cancel stops a running transfer and keeps the window (to say what happened);
    // closing the window (Esc, the title bar) stops it and closes.
    connect(cancelButton(), &QPushButton::clicked, this, [this] {
        if (isTransferring())
            cancelTransfer(false);
        else
            QDialog::reject();
    });
    connect(m_browse, &QPushButton::clicked, this, &TransferDialog::browse);
    connect(m_file, &QLineEdit::textChanged, this, [this] {
        m_overwriteConfirmed = false;
        fileChanged();
    });
    if (upload) {
        connect(m_volume, &QLineEdit::textEdited, this, [this] { m_nameEdited = true; });
        connect(m_volume, &QLineEdit::textChanged, this, &TransferDialog::validate);
        connect(m_pool, &QComboBox::currentIndexChanged, this, &TransferDialog::validate);
    }
    connect(m_transfer, &models::VolumeTransfer::progress, this, &TransferDialog::showProgress);
    connect(m_transfer, &models::VolumeTransfer::finished, this, &TransferDialog::onFinished);
    connect(m_transfer, &models::VolumeTransfer::failed, this, &TransferDialog::onFailed);

    m_progressText->setText(upload ? tr("Reading the host's storage pools…") : QString());
    if (upload && session) {
        models::whenFinished(
            models::fetchStorage(session), this,
            [this](const models::StorageSnapshot &storage) {
                m_storage = storage;
                applyStorage();
            },
            [this](const QString &error) {
                m_storage = models::StorageSnapshot{};
                applyStorage();
                setFieldErrors(m_error,
                               {tr("The host's storage could not be read: %1").arg(error)});
            });
    } else if (upload) {
        m_storage = models::StorageSnapshot{};
        applyStorage();
    }
    fileChanged();
}

TransferDialog::~TransferDialog() = default; // ~VolumeTransfer cancels a running transfer

TransferDialog *TransferDialog::startUpload(QWidget *parent, models::HostSession *session,
                                            const QString &pool, const QString &localFile)
{
    auto *d = new TransferDialog(Mode::Upload, session, pool, localFile, parent);
    d->setAttribute(Qt::WA_DeleteOnClose);
    d->show();
    return d;
}

TransferDialog *TransferDialog::startDownload(QWidget *parent, models::HostSession *session,
                                              const QString &pool, const QString &volume)
{
    auto *d = new TransferDialog(Mode::Download, session, pool, volume, parent);
    d->setAttribute(Qt::WA_DeleteOnClose);
    d->show();
    return d;
}

QPushButton *TransferDialog::startButton() const
{
    return m_buttons->button(QDialogButtonBox::Ok);
}

QPushButton *TransferDialog::cancelButton() const
{
    return m_buttons->button(QDialogButtonBox::Cancel);
}

bool TransferDialog::isTransferring() const
{
    return m_transfer->isRunning();
}

QString TransferDialog::hostName() const
{
    if (!m_session)
        return tr("the host");
    const QString name = m_session->hostInfo().hostname;
    return name.isEmpty() ? m_session->uri() : name;
}

void TransferDialog::applyStorage()
{
    m_progressText->clear();
    {
        const QSignalBlocker block(m_pool);
        m_pool->clear();
        for (const models::PoolContents &p : m_storage->pools) {
            if (p.info.active) {
                m_pool->addItem(
                    tr("%1 (%2 free)").arg(p.info.name, models::formatKiB(p.info.available / 1024)),
                    p.info.name);
            }
        }
        const int wanted = m_pool->findData(m_initialPool);
        m_pool->setCurrentIndex(wanted >= 0 ? wanted : (m_pool->count() > 0 ? 0 : -1));
    }
    validate();
}

void TransferDialog::browse()
{
    if (m_mode == Mode::Upload) {
        const QString filters =
            QStringList{tr("Disk images (*.iso *.qcow2 *.img *.raw)"), tr("ISO images (*.iso)"),
                        tr("qcow2 images (*.qcow2)"), tr("All files (*)")}
                .join(u";;"_s);
        const QString file = QFileDialog::getOpenFileName(this, tr("Choose the file to upload"),
                                                          m_file->text(), filters);
        if (!file.isEmpty())
            m_file->setText(file);
    } else {
        const QString file =
            QFileDialog::getSaveFileName(this, tr("Save the volume as"), m_file->text());
        if (!file.isEmpty()) {
            m_file->setText(file);
            m_overwriteConfirmed = true; // the file dialog asked already
        }
    }
}

void TransferDialog::fileChanged()
{
    if (m_mode == Mode::Upload && !m_nameEdited) {
        const QSignalBlocker block(m_volume);
        m_volume->setText(QFileInfo(m_file->text()).fileName());
    }
    validate();
}

void TransferDialog::validate()
{
    if (isTransferring())
        return;
    QStringList problems;
    if (m_mode == Mode::Upload) {
        const QString file = m_file->text();
        if (!file.isEmpty()) {
            const QFileInfo fi(file);
            if (!fi.exists())
                problems << tr("The file “%1” does not exist.").arg(file);
            else if (!fi.isFile())
                problems << tr("“%1” is not a file.").arg(file);
            else if (!fi.isReadable())
                problems << tr("The file “%1” cannot be read.").arg(file);
        }
        QStringList existing;
        qint64 available = -1;
        if (m_storage) {
            if (const models::PoolContents *p = m_storage->pool(m_pool->currentData().toString())) {
                existing = p->volumeNames();
                available = qint64(p->info.available);
            }
            if (m_pool->count() == 0)
                problems << tr("The host has no active storage pool.");
        }
        if (!m_volume->text().isEmpty())
            problems << models::NameRules::volumeNameProblems(m_volume->text(), existing);
        const QFileInfo fi(file);
        if (available >= 0 && fi.isFile() && fi.size() > available)
            problems << tr("The file (%1) is larger than the pool's free space (%2).")
                            .arg(sizeText(quint64(fi.size())), sizeText(quint64(available)));
        startButton()->setEnabled(isReady() && problems.isEmpty() && !file.isEmpty() &&
                                  !m_volume->text().isEmpty());
    } else {
        models::DownloadRequest r;
        r.localFile = m_file->text();
        r.overwrite = true; // an existing file is asked about when Download is clicked
        if (const QString p = models::VolumeTransfer::checkDownloadLocally(r);
            !p.isEmpty() && !r.localFile.isEmpty())
            problems << p;
        startButton()->setEnabled(problems.isEmpty() && !r.localFile.isEmpty());
    }
    setFieldErrors(m_error, problems);
}

void TransferDialog::setBusy(bool busy)
{
    for (QWidget *w : {static_cast<QWidget *>(m_file), static_cast<QWidget *>(m_browse),
                       static_cast<QWidget *>(m_pool), static_cast<QWidget *>(m_volume),
                       static_cast<QWidget *>(m_format)}) {
        if (w)
            w->setEnabled(!busy);
    }
    startButton()->setEnabled(!busy);
    cancelButton()->setEnabled(true);
    cancelButton()->setText(tr("Cancel"));
}

void TransferDialog::startTransfer()
{
    if (isTransferring() || !startButton()->isEnabled())
        return;
    setFieldErrors(m_error, {});
    if (m_mode == Mode::Upload) {
        models::UploadRequest r;
        r.pool = m_pool->currentData().toString();
        r.volume = m_volume->text();
        r.localFile = m_file->text();
        r.format = m_format->currentData().toString();
        const QFileInfo fi(r.localFile);
        m_progress->setRange(0, qMax(1, kib(quint64(fi.size()))));
        m_progress->setValue(0);
        m_progress->show();
        m_progressText->setText(tr("Creating the volume %1…").arg(r.volume));
        setBusy(true);
        m_transfer->startUpload(r);
    } else {
        models::DownloadRequest r;
        r.pool = m_initialPool;
        r.volume = m_downloadVolume;
        r.localFile = m_file->text();
        if (QFileInfo::exists(r.localFile) && !m_overwriteConfirmed) {
            const bool replace =
                m_askOverwrite
                    ? m_askOverwrite(r.localFile)
                    : QMessageBox::question(this, tr("Replace the file?"),
                                            tr("“%1” already exists. Replace it with the "
                                               "volume %2?")
                                                .arg(r.localFile, r.volume),
                                            QMessageBox::Yes | QMessageBox::No,
                                            QMessageBox::No) == QMessageBox::Yes;
            if (!replace)
                return;
        }
        r.overwrite = QFileInfo::exists(r.localFile);
        m_progress->setRange(0, 0); // busy until the size is known
        m_progress->show();
        m_progressText->setText(tr("Starting the download…"));
        setBusy(true);
        m_transfer->startDownload(r);
    }
}

void TransferDialog::showProgress(const models::TransferProgress &p)
{
    m_progress->show();
    if (p.bytesTotal > 0) {
        m_progress->setRange(0, qMax(1, kib(p.bytesTotal)));
        m_progress->setValue(kib(p.bytesDone));
    }
    m_progressText->setText(p.text());
}

void TransferDialog::onFinished(const models::TransferResult &r)
{
    m_progress->setRange(0, 1);
    m_progress->setValue(1);
    const QString rate = r.seconds > 0
                             ? tr(" (%1/s)").arg(sizeText(quint64(double(r.bytes) / r.seconds)))
                             : QString();
    m_progressText->setText(m_mode == Mode::Upload
                                ? tr("Uploaded %1 to the volume %2 in pool %3 in %4 s%5.")
                                      .arg(sizeText(r.bytes), r.volume, r.pool,
                                           QLocale().toString(r.seconds, 'f', 1), rate)
                                : tr("Saved the volume %1 (%2) as %3 in %4 s%5.")
                                      .arg(r.volume, sizeText(r.bytes), r.localFile,
                                           QLocale().toString(r.seconds, 'f', 1), rate));
    startButton()->hide();
    cancelButton()->setText(tr("Close"));
    emit transferFinished(r);
    if (m_closeWhenStopped)
        QDialog::reject();
}

void TransferDialog::onFailed(TransferFailure kind, const QString &message)
{
    setBusy(false);
    m_progress->hide();
    if (kind == TransferFailure::Cancelled) {
        m_progressText->setText(m_mode == Mode::Upload
                                    ? tr("Cancelled. The new volume was removed.")
                                    : tr("Cancelled. The partial file was removed."));
    } else {
        m_progressText->clear();
        setFieldErrors(m_error, {message});
    }
    if (m_closeWhenStopped) {
        QDialog::reject();
        return;
    }
    validate();
    if (kind != TransferFailure::Cancelled)
        setFieldErrors(m_error, {message});
}

void TransferDialog::cancelTransfer(bool thenClose)
{
    m_closeWhenStopped = thenClose;
    m_progressText->setText(tr("Cancelling…"));
    cancelButton()->setEnabled(false);
    m_transfer->cancel();
}

void TransferDialog::reject()
{
    if (isTransferring()) {
        // The window goes once the transfer has cleaned up.
        cancelTransfer(true);
        return;
    }
    QDialog::reject();
}

} // namespace crossvirt::views

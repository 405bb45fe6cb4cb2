#include "views/tiles/VmTilesPage.h"

#include "models/connection/HostSession.h"
#include "models/thumbnails/ThumbnailService.h"
#include "models/thumbnails/VmTileModel.h"
#include "views/tiles/VmTileView.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace crossvirt::views {

using models::HostSession;
using models::ThumbnailService;

VmTilesPage::VmTilesPage(QWidget *parent) : QWidget(parent)
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 6, 6, 6);
    m_remoteBar = new QWidget(this);
    auto *bar = new QHBoxLayout(m_remoteBar);
    bar->setContentsMargins(0, 0, 0, 0);
    m_remoteNote = new QLabel(m_remoteBar);
    m_remoteNote->setWordWrap(true);
    m_enableRemote = new QPushButton(tr("Show Thumbnails"), m_remoteBar);
    m_enableRemote->setAccessibleDescription(
        tr("Takes a screenshot of each visible running virtual machine every few seconds, "
           "also on remote hosts."));
    bar->addWidget(m_remoteNote, 1);
    bar->addWidget(m_enableRemote);
    layout->addWidget(m_remoteBar);
    m_view = new VmTileView(this);
    layout->addWidget(m_view, 1);
    m_empty = new QLabel(tr("No virtual machines here."), this);
    m_empty->setAlignment(Qt::AlignCenter);
    layout->addWidget(m_empty, 1);
    m_empty->hide();
    m_remoteBar->hide();

    connect(m_enableRemote, &QPushButton::clicked, this, [this] {
        for (HostSession *s : m_view->tiles()->sessions())
            ThumbnailService::of(s)->setEnabled(true);
        updateRemoteNote();
    });
    connect(m_view, &VmTileView::openConsoleRequested, this, &VmTilesPage::openConsoleRequested);
    const auto countChanged = [this] {
        const bool empty = m_view->tiles()->rowCount() == 0;
        m_empty->setVisible(empty);
        m_view->setVisible(!empty);
    };
    connect(m_view->tiles(), &QAbstractItemModel::rowsInserted, this, countChanged);
    connect(m_view->tiles(), &QAbstractItemModel::rowsRemoved, this, countChanged);
    connect(m_view->tiles(), &QAbstractItemModel::modelReset, this, countChanged);
}

void VmTilesPage::setSessions(const QList<HostSession *> &sessions)
{
    m_view->setSessions(sessions);
    for (HostSession *s : sessions) {
        connect(ThumbnailService::of(s), &ThumbnailService::enabledChanged, this,
                &VmTilesPage::updateRemoteNote, Qt::UniqueConnection);
    }
    updateRemoteNote();
}

void VmTilesPage::updateRemoteNote()
{
    int off = 0;
    for (HostSession *s : m_view->tiles()->sessions()) {
        if (!ThumbnailService::of(s)->isEnabled())
            ++off;
    }
    m_remoteBar->setVisible(off > 0);
    m_remoteNote->setText(tr("Thumbnails are off for remote hosts: each one is a screenshot "
                             "sent over the network every few seconds."));
}

} // namespace crossvirt::views

#pragma once

// The list of templates the New VM wizard and the New VM Pool dialog show: a tree with a
// bold row per host and its templates under it (columns Template, Arch, Details).

#include "models/templates/VmTemplates.h"

#include <QCoreApplication>
#include <QList>
#include <QString>
#include <functional>
#include <optional>

class QTreeWidget;

namespace crossvirt::views {

struct TemplateTree
{
    Q_DECLARE_TR_FUNCTIONS(TemplateTree)

public:
    /// A template's identity in the tree (empty for none).
    static QString key(const models::TemplateInfo &t);
    /// Fills `tree` with `templates` grouped by host (rows named by hostName(uri)). A
    /// template withheld() gives a reason for comes after its host's offered ones, greyed
    /// out, its details "Not offered: REASON". The template whose key() is `keepKey` stays
    /// current. The tree's signals are blocked while it is filled.
    static void fill(QTreeWidget *tree, const QList<models::TemplateInfo> &templates,
                     const std::function<QString(const QString &uri)> &hostName,
                     const std::function<QString(const models::TemplateInfo &)> &withheld,
                     const QString &keepKey);
    /// The template of the current item; nullopt for a host row or a greyed-out template.
    static std::optional<models::TemplateInfo>
    current(const QTreeWidget *tree, const QList<models::TemplateInfo> &templates);
    /// Makes the offered template `name` of host `uri` current; false when there is none.
    static bool select(QTreeWidget *tree, const QString &uri, const QString &name);
};

} // namespace crossvirt::views

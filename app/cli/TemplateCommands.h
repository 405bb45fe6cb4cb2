#pragma once

#include "app/cli/CliCommands.h"

#include <QCommandLineOption>
#include <QList>
#include <optional>

class QCommandLineParser;

namespace crossvirt::cli {

/// `clone`, `template create|list|delete` and `vm-pool create|delete|list`.
QList<CliCommand> templateCliCommands();

/// The options `create` takes for a VM made from a template (--template, --host,
/// --cluster, --copy-disks); the create command adds them to its own parser.
QList<QCommandLineOption> createFromTemplateOptions();
/// `create --template T --name N [--host URI|--cluster C] [--copy-disks] [--pool P]
/// [--start] [--dry-run]`, with create's parser already parsed: plans the VM on the
/// chosen host (models/templates/VmTemplates.h) and deploys it; returns the exit code.
/// Options of a VM made from scratch (--arch, --memory, ...) are refused with --template
/// (the template decides them), and --host/--cluster/--copy-disks without it. nullopt:
/// not a template call, create goes on as before.
std::optional<int> runCreateFromTemplateIfAsked(const QCommandLineParser &parser,
                                                const CliContext &ctx);

/// `pool create --template ...` and `pool delete NAME` (a VM pool, as issue #14 spells
/// them) next to the storage pool subcommands: true when `arguments` (after "pool") are
/// a VM pool call, which runVmPoolCommand() then handles.
bool isVmPoolCall(const QStringList &arguments);
int runVmPoolCommand(const CliContext &ctx);

} // namespace crossvirt::cli

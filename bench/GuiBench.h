#pragma once

namespace crossvirt::bench {

/// `crossvirt-bench --gui …` and `--write-host-file`: true when argv asks for them.
bool wantsGuiBench(int argc, char **argv);
/// Runs them. The driver writes the host files and a private configuration, then starts
/// itself once per scenario (--gui-child) so each run is a fresh process, as a user's
/// start of Crossvirt is, and prints one table of what the children measured.
int runGuiBench(int argc, char **argv);

} // namespace crossvirt::bench

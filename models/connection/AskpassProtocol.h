#pragma once

// Shared by crossvirt-askpass (plain C++, no Qt) and AskpassServer: where the running
// Crossvirt listens for the passwords ssh asks for, and how they talk.
//
// ssh runs $SSH_ASKPASS with the prompt as its argument; libvirt passes SSH_ASKPASS and
// DISPLAY to ssh but no variable of ours, so the helper finds Crossvirt by its process
// tree: the helper's parent is ssh, ssh's parent is the Crossvirt process that started it
// (libvirt forks ssh in the calling process). That process listens on
// socketPath(its pid), in a folder only the user can enter.
//
// Protocol: the helper sends the prompt (UTF-8) and a NUL byte; Crossvirt answers
// "OK\n<answer>" or "CANCEL\n<reason>" and closes.

#include <string>
#include <sys/stat.h>
#include <unistd.h>

namespace crossvirt::askpass {

/// $XDG_RUNTIME_DIR's usual place (/run/user/<uid>) when it is the user's own 0700
/// folder (the variable itself does not reach the helper), else /tmp/crossvirt-<uid>,
/// which the server creates 0700 and both sides check.
inline std::string socketDirectory()
{
    const uid_t uid = ::getuid();
    const std::string run = "/run/user/" + std::to_string(uid);
    struct stat st
    {
    };
    if (::stat(run.c_str(), &st) == 0 && S_ISDIR(st.st_mode) && st.st_uid == uid &&
        (st.st_mode & 077) == 0)
        return run;
    return "/tmp/crossvirt-" + std::to_string(uid);
}

/// Whether `dir` is a folder owned by this user that nobody else may enter.
inline bool isPrivateDirectory(const std::string &dir)
{
    struct stat st
    {
    };
    return ::lstat(dir.c_str(), &st) == 0 && S_ISDIR(st.st_mode) && st.st_uid == ::getuid() &&
           (st.st_mode & 077) == 0;
}

inline std::string socketPath(long pid)
{
    return socketDirectory() + "/crossvirt-askpass-" + std::to_string(pid) + ".sock";
}

} // namespace crossvirt::askpass

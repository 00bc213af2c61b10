#include "gradcheck/util/pipe.hpp"

#include <cerrno>
#include <csignal>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <sstream>

#include <fcntl.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include "gradcheck/util/error.hpp"

namespace gradcheck {

bool on_path(const std::string& program)
{
    const char* path = std::getenv("PATH");
    std::istringstream dirs(path ? path : "");
    for (std::string dir; std::getline(dirs, dir, ':');) {
        std::error_code ec;
        if (!dir.empty() && std::filesystem::exists(std::filesystem::path(dir) / program, ec)) return true;
    }
    return false;
}

std::string pipe_to_file(const std::vector<std::string>& argv, const std::string& input, const std::string& path,
                         const std::string& who)
{
    const std::string& program = argv.front();
    const int file = ::open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
    if (file < 0) throw InputError(who + ": cannot write " + path + " (" + std::strerror(errno) + ")");
    int in[2];
    if (::pipe2(in, O_CLOEXEC) != 0) {
        ::close(file);
        return "could not start " + program;
    }
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_adddup2(&actions, in[0], 0);
    posix_spawn_file_actions_adddup2(&actions, file, 1);
    posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0); // its warnings are not ours to print
    std::vector<std::string> args = argv; // posix_spawnp takes non-const strings
    std::vector<char*> pointers;
    for (std::string& a : args) pointers.push_back(a.data());
    pointers.push_back(nullptr);
    pid_t pid = 0;
    const int spawned = posix_spawnp(&pid, program.c_str(), &actions, nullptr, pointers.data(), environ);
    posix_spawn_file_actions_destroy(&actions);
    ::close(in[0]);
    ::close(file);
    if (spawned != 0) {
        ::close(in[1]);
        return "could not start " + program;
    }
    // A program that exits early must not kill this one with SIGPIPE.
    struct sigaction ignore = {}, before = {};
    ignore.sa_handler = SIG_IGN;
    sigaction(SIGPIPE, &ignore, &before);
    bool written = true;
    for (std::size_t done = 0; done < input.size() && written;) {
        const ssize_t n = ::write(in[1], input.data() + done, input.size() - done);
        if (n < 0 && errno == EINTR) continue;
        written = n > 0;
        if (written) done += static_cast<std::size_t>(n);
    }
    ::close(in[1]);
    sigaction(SIGPIPE, &before, nullptr);
    int status = 0;
    while (::waitpid(pid, &status, 0) < 0 && errno == EINTR) {}
    if (!written || !WIFEXITED(status) || WEXITSTATUS(status) != 0) return program + " failed";
    return "";
}

} // namespace gradcheck

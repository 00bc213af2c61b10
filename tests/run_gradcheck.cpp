#include "run_gradcheck.hpp"

#include <boost/test/unit_test.hpp>

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <sstream>

#include <fcntl.h>
#include <poll.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

extern char** environ;

namespace testing {

std::string env(const char* name)
{
    const char* value = std::getenv(name);
    if (value == nullptr || *value == '\0')
        BOOST_FAIL(std::string(name) + " is not set: run this test through `meson test` (tests/meson.build sets it)");
    return value;
}


std::ostream& operator<<(std::ostream& os, const Result& r)
{
    return os << (r.exited ? "exit status " : "killed by signal ") << r.status;
}

Result run(const std::vector<std::string>& args)
{
    return run_program(env("GRADCHECK"), args);
}

Result run_with_terminal_stderr(const std::vector<std::string>& args)
{
    return run_program(env("GRADCHECK"), args, true);
}

Result run_program(const std::string& program, const std::vector<std::string>& args, bool terminal_stderr)
{
    std::vector<std::string> storage;
    storage.push_back(program);
    storage.insert(storage.end(), args.begin(), args.end());
    std::vector<char*> argv;
    for (std::string& s : storage) argv.push_back(s.data());
    argv.push_back(nullptr);

    int out_pipe[2], err_pipe[2];
    if (pipe(out_pipe) != 0 || pipe(err_pipe) != 0) BOOST_FAIL("pipe: " << std::strerror(errno));
    std::string terminal; // the pseudo-terminal's device, for stderr
    if (terminal_stderr) {
        // Its master side is read in place of the stderr pipe; the pipe's ends go unused.
        close(err_pipe[0]);
        err_pipe[0] = posix_openpt(O_RDWR | O_NOCTTY);
        if (err_pipe[0] < 0 || grantpt(err_pipe[0]) != 0 || unlockpt(err_pipe[0]) != 0 || ptsname(err_pipe[0]) == nullptr)
            BOOST_FAIL("no pseudo-terminal: " << std::strerror(errno));
        terminal = ptsname(err_pipe[0]);
    }

    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0);
    posix_spawn_file_actions_adddup2(&actions, out_pipe[1], 1);
    if (terminal_stderr) posix_spawn_file_actions_addopen(&actions, 2, terminal.c_str(), O_RDWR | O_NOCTTY, 0);
    else posix_spawn_file_actions_adddup2(&actions, err_pipe[1], 2);
    for (int fd : {out_pipe[0], out_pipe[1], err_pipe[0], err_pipe[1]}) posix_spawn_file_actions_addclose(&actions, fd);
    pid_t pid = 0;
    const int spawned = posix_spawn(&pid, argv[0], &actions, nullptr, argv.data(), environ);
    posix_spawn_file_actions_destroy(&actions);
    close(out_pipe[1]);
    close(err_pipe[1]);
    if (spawned != 0) {
        close(out_pipe[0]);
        close(err_pipe[0]);
        BOOST_FAIL("cannot start " << argv[0] << ": " << std::strerror(spawned));
    }

    // Read both pipes as data arrives, so that neither can fill up and block the child.
    Result r;
    pollfd fds[2] = {{out_pipe[0], POLLIN, 0}, {err_pipe[0], POLLIN, 0}};
    std::string* sinks[2] = {&r.out, &r.err};
    int open_pipes = 2;
    char buffer[65536];
    while (open_pipes > 0) {
        if (poll(fds, 2, -1) < 0) {
            if (errno == EINTR) continue;
            BOOST_FAIL("poll: " << std::strerror(errno));
        }
        for (int i = 0; i < 2; ++i) {
            if (fds[i].fd < 0 || fds[i].revents == 0) continue;
            const ssize_t n = read(fds[i].fd, buffer, sizeof buffer);
            if (n > 0) {
                sinks[i]->append(buffer, static_cast<std::size_t>(n));
            } else if (n == 0 || errno != EINTR) { // a terminal's master reads EIO once the child is gone
                close(fds[i].fd);
                fds[i].fd = -1;
                --open_pipes;
            }
        }
    }
    int wstatus = 0;
    while (waitpid(pid, &wstatus, 0) < 0)
        if (errno != EINTR) BOOST_FAIL("waitpid: " << std::strerror(errno));
    r.exited = WIFEXITED(wstatus);
    r.status = r.exited ? WEXITSTATUS(wstatus) : WTERMSIG(wstatus);
    return r;
}

std::vector<std::string> lines_of(const std::string& text)
{
    std::vector<std::string> lines;
    std::istringstream in(text);
    for (std::string line; std::getline(in, line);) lines.push_back(line);
    return lines;
}

} // namespace testing

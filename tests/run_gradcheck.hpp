// Runs the built gradcheck binary ($GRADCHECK) as a subprocess and collects
// stdout, stderr and the exit status. Shared by the cli and notes suites.
#pragma once

#include <ostream>
#include <string>
#include <vector>

namespace testing {

// The value of an environment variable set by tests/meson.build; fails the test if unset.
std::string env(const char* name);

struct Result {
    bool exited = false; // false: killed by a signal (a crash)
    int status = -1;     // exit status when exited, else the signal number
    std::string out, err;
};

std::ostream& operator<<(std::ostream& os, const Result& r);

// Runs gradcheck with `args`, stdin from /dev/null, and collects both output streams.
Result run(const std::vector<std::string>& args);

// The same, with stderr a pseudo-terminal (as when someone runs it in a terminal),
// whose output is collected in err; stdout stays a pipe.
Result run_with_terminal_stderr(const std::vector<std::string>& args);

// The same for any program.
Result run_program(const std::string& program, const std::vector<std::string>& args, bool terminal_stderr = false);

// The lines of a text, without their newlines.
std::vector<std::string> lines_of(const std::string& text);

} // namespace testing

// Running a helper program (gnuplot, Graphviz's dot) that turns text into a file.
#pragma once

#include <string>
#include <vector>

namespace gradcheck {

// Whether `program` is found in a directory of $PATH.
bool on_path(const std::string& program);

// Runs argv[0], found on $PATH, with `input` on its stdin and its stdout going to the
// file `path`, which this program opens: the file's name never reaches the program, so
// no name can be read as its commands. Its stderr is discarded. Returns "" on success,
// else what failed ("could not start dot", "dot failed"). Throws InputError
// ("WHO: cannot write PATH (reason)") if `path` cannot be opened for writing.
std::string pipe_to_file(const std::vector<std::string>& argv, const std::string& input, const std::string& path,
                         const std::string& who);

} // namespace gradcheck

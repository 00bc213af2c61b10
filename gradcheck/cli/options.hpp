// The command line of `gradcheck`, parsed into a Problem, settings and a list of precisions.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "gradcheck/input/own_gradients.hpp"
#include "gradcheck/input/problem.hpp"
#include "gradcheck/network/check_settings.hpp"
#include "gradcheck/report/model.hpp"
#include "gradcheck/scalar/precision.hpp"

namespace gradcheck {

enum class Format { text, json };

// `gradcheck` checks the gradients; `gradcheck trace` prints every array of one pass,
// `gradcheck graph` draws them on the forward graph.
enum class Command { check, trace, sweep, train, export_, graph };

inline constexpr const char* command_name(Command c)
{
    switch (c) {
    case Command::check: return "the check";
    case Command::trace: return "trace";
    case Command::sweep: return "sweep";
    case Command::train: return "train";
    case Command::export_: return "export";
    case Command::graph: return "graph";
    }
    return "?";
}

struct Options {
    Command command = Command::check;
    std::vector<Precision> precisions; // check: default double, then 50 digits; trace, graph: one, default double
    std::vector<Problem> problems; // check: xor, then generic, unless --problem or --data; the other commands: one
    CheckSettings settings;
    std::vector<Method> methods{Method::central}; // each precision is checked with each method
    bool ladder = false; // print one compact table (--precision all, or several methods)
    Format format = Format::text;
    View view = View::full; // --only-failures: the text report's tables show only the elements that FAIL
    std::string output = "sweep"; // sweep: writes output.csv and output.svg; export: the folder; graph: the file
    std::optional<OwnGradientsText> gradients; // --gradients: check these instead of the gallery's formulas
};

// What main() should do after parsing.
struct ParsedCommandLine {
    bool run = true;    // false: print `message` to stdout and exit 0 (--help, --version)
    std::string message;
    Options options;
};

// Throws InputError (one line, no trailing newline) for anything it cannot accept.
// Reads the --weights and --data files, so every input error surfaces here.
ParsedCommandLine parse_command_line(int argc, const char* const* argv);

} // namespace gradcheck

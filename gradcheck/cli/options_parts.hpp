// The parts of parse_command_line (cli/options.cpp), for the files of cli/ only.
// The functions that add options (add_*) live in options.cpp with CLI11; the
// readers (read_*) in the file of their group.
// Each group of options has a function that adds them to the command line, with
// their help, and functions that read what was given into Options; the readers
// throw InputError, and parse_command_line calls them in the order in which the
// errors are detected.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "gradcheck/cli/options.hpp"

namespace CLI {
class App;
}

namespace gradcheck::command_line {

// The text of each option as given (CLI11 writes into these), before it is
// checked; the defaults are those the help states.
struct ProblemText {
    std::string weights, data, problem, hidden, seed;
};

struct CheckText {
    std::string format = "text", gradients, directions;
    bool fast = false, only_failures = false;
};

struct TrainText {
    std::string epochs = "20000", every = "2000", learning_rate = "1";
};

struct OptionText {
    std::string precision = "double,50", step, formulas = "derived", method = "central";
    ProblemText problem;
    CheckText check;
    std::string sweep_prefix = "sweep";
    TrainText train;
    std::string export_folder = "problem";
    std::string graph_file;
};

// What the readers ask of the parsed command line. Only options.cpp sees CLI11 (a
// heavy header): the readers in the other files ask through this.
struct Given {
    const CLI::App& app;
    bool operator()(const char* flag) const;                    // given on the command line?
    bool on(const char* subcommand, const char* flag) const;    // given after that subcommand?
};

// A whole decimal number in [lo, hi], or InputError naming the flag.
std::uint64_t parse_unsigned(const std::string& flag, const std::string& text, std::uint64_t lo, std::uint64_t hi);

// Shared by several commands (options_shared.cpp): --precision, --step, --formulas, --method.
void add_precision_option(CLI::App& app, std::string& precision);
void add_step_option(CLI::App& app, std::string& step);
void add_formulas_option(CLI::App& app, std::string& formulas);
void add_method_option(CLI::App& app, std::string& method);
void read_precisions(const Given& given, const std::string& precision, Options& o);
std::string gallery_list(); // --formulas list
xornet::Derivation read_formulas(const std::string& formulas);
void read_methods(const Given& given, const OptionText& text, Options& o);
std::string read_step(const std::string& step, const std::vector<Method>& methods);

// The problem (options_problem.cpp): --weights, --data, --problem, --hidden, --seed.
void add_problem_options(CLI::App& app, ProblemText& text);
Problem read_problem(const Given& given, const ProblemText& text, bool fast);
std::vector<Problem> choose_problems(const Given& given, const ProblemText& text, const Problem& p, Command command, bool own);

// The check's own (options_check.cpp): --format, --gradients, --fast, --directions.
void add_check_options(CLI::App& app, CheckText& text);
void read_fast(const Given& given, const CheckText& text, Options& o);
Format read_format(const std::string& format);
View read_view(bool only_failures, const Options& o);
void refuse_numeric_options_with_gradients(const Given& given, Command command);
OwnGradientsText read_own_gradients(const std::string& file, const Problem& problem);

// The subcommands (options_subcommands.cpp), each with its own options; every one
// also takes those above (CLI11's fallthrough), and refuses those it has no use for.
void add_trace_command(CLI::App& app);
void add_sweep_command(CLI::App& app, std::string& prefix);
void add_train_command(CLI::App& app, TrainText& text);
void add_export_command(CLI::App& app, std::string& folder);
void add_graph_command(CLI::App& app, std::string& file);
Command chosen_command(const CLI::App& app);
bool is_one_pass(Command command); // trace and graph: one traced pass
void read_train(const Given& given, const TrainText& text, Options& o);
void read_export(const Given& given, const std::string& folder, Options& o);
void read_graph(const Given& given, const std::string& file, Options& o);
void read_one_pass(const Given& given, Options& o);
void read_sweep(const Given& given, const std::string& prefix, Options& o);

} // namespace gradcheck::command_line

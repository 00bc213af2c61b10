// The subcommands trace, sweep, train, export and graph: each adds its own options
// and refuses those of the check it has no use for.
#include <cstdlib>

#include "gradcheck/cli/options_parts.hpp"
#include "gradcheck/util/error.hpp"
#include "gradcheck/scalar/decimal.hpp"
#include "gradcheck/tasks/graph.hpp"

namespace gradcheck::command_line {

bool is_one_pass(Command command) { return command == Command::trace || command == Command::graph; }

void read_train(const Given& given, const TrainText& text, Options& o)
{
    TrainingSettings& t = o.settings.training;
    t.epochs = parse_unsigned("--epochs", text.epochs, 1, 1000000);
    t.every = parse_unsigned("--every", text.every, 1, t.epochs);
    require_decimal(text.learning_rate, "--learning-rate");
    const double r = std::strtod(text.learning_rate.c_str(), nullptr);
    if (!(r > 0.0 && r <= 100.0)) throw InputError("--learning-rate: " + text.learning_rate + " is not in (0, 100]");
    t.learning_rate = text.learning_rate;
    if (given("--format")) throw InputError("train: --format has no effect (train prints text)");
}

void read_export(const Given& given, const std::string& folder, Options& o)
{
    for (const char* flag : {"--precision", "--method", "--step", "--fast", "--directions", "--formulas", "--format", "--gradients"})
        if (given(flag)) throw InputError("export: " + std::string(flag) + " has no effect (export writes the problem)");
    if (folder.empty()) throw InputError("export: --output must not be empty");
    if (folder == "-") throw InputError("export: --output - names no folder (export writes several files: weights, data and templates)");
    o.output = folder;
}

void read_graph(const Given& given, const std::string& file, Options& o)
{
    if (!given.on("graph", "--output")) throw InputError("graph: --output FILE.svg or --output FILE.dot is required");
    graph_format(file); // refuses any other name before anything is computed
    o.output = file;
}

void read_one_pass(const Given& given, Options& o)
{
    const std::string name = command_name(o.command);
    if (o.precisions.size() != 1) throw InputError(name + ": --precision takes one precision, not a list");
    if (given("--step")) throw InputError(name + ": --step has no effect (" + name + " differentiates nothing numerically)");
    if (given("--format"))
        throw InputError(name + ": --format has no effect (" + (name == "trace" ? "trace prints text" : "graph writes DOT or SVG") + ")");
}

void read_sweep(const Given& given, const std::string& prefix, Options& o)
{
    for (Method m : o.methods)
        if (!is_difference(m)) throw InputError("sweep: --method must be " + method_names(true) + " (a step sweep needs a difference)");
    if (given("--step")) throw InputError("sweep: --step has no effect (the sweep tries every step)");
    if (given("--format")) throw InputError("sweep: --format has no effect (the sweep writes CSV and SVG)");
    if (prefix.empty()) throw InputError("sweep: --output must not be empty");
    o.output = prefix;
}

} // namespace gradcheck::command_line

// The subcommands trace, sweep, train, export and graph: each adds its own options
// and refuses those of the check it has no use for.
#include <cstdlib>

#include <CLI/CLI.hpp>

#include "cli/options_parts.hpp"
#include "input/error.hpp"
#include "scalar/decimal.hpp"
#include "tasks/graph.hpp"

namespace gradcheck::command_line {

void add_trace_command(CLI::App& app)
{
    CLI::App* trace = app.add_subcommand("trace", "Print every array of the forward and backward pass (X, W1, Z1, A1, ..., "
                                                  "dZ2, dW2, ..., dB1) with its shape, in one precision (default double); "
                                                  "takes the options of gradcheck (see gradcheck --help)");
    trace->fallthrough(); // the options of gradcheck also follow `trace`
}

void add_sweep_command(CLI::App& app, std::string& prefix)
{
    CLI::App* sweep = app.add_subcommand("sweep", "Error of the numeric gradient against the analytic one over steps from 1e-1 "
                                                  "down past the rounding floor, per precision: writes a CSV and an SVG plot; "
                                                  "also takes the options of gradcheck (see gradcheck --help)");
    sweep->add_option("--output", prefix, "Prefix of the files written: PREFIX.csv and PREFIX.svg; - writes the CSV alone to standard output. Default: sweep")
        ->type_name("PREFIX");
    sweep->fallthrough();
}

void add_train_command(CLI::App& app, TrainText& text)
{
    CLI::App* train = app.add_subcommand("train", "Train by gradient descent and re-check all four partials every few epochs, "
                                                  "into saturated late training; print the worst digits seen and the predictions; "
                                                  "also takes the options of gradcheck (see gradcheck --help)");
    train->add_option("--epochs", text.epochs, "Epochs of gradient descent, 1..1000000. Default: 20000")->type_name("E");
    train->add_option("--every", text.every, "Check every K epochs (and after the last), 1..E. Default: 2000")->type_name("K");
    train->add_option("--learning-rate", text.learning_rate, "Learning rate, > 0 and <= 100. Default: 1")->type_name("R");
    train->fallthrough();
}

void add_export_command(CLI::App& app, std::string& folder)
{
    CLI::App* exporter = app.add_subcommand("export", "Write the problem (weights and data, exactly) and a template of the "
                                                      "gradients to fill in, as JSON and CSV, into a folder: compute the "
                                                      "gradients with your own code, then check them with --gradients; "
                                                      "takes --problem, --seed, --hidden, --weights, --data");
    exporter->add_option("--output", folder, "The folder to write (created if missing; no file is overwritten). Default: problem")
        ->type_name("DIR");
    exporter->fallthrough();
}

void add_graph_command(CLI::App& app, std::string& file)
{
    CLI::App* graph = app.add_subcommand("graph", "Write the forward graph (X, W1, B1 -> Z1 -> A1 -> Z2 -> A2 -> L) with each "
                                                  "array's value and adjoint dL/d(array), as SVG drawn by Graphviz's dot or as "
                                                  "DOT text; takes the options of trace (see gradcheck --help)");
    graph->add_option("--output", file, "FILE.svg (drawn by Graphviz's dot), FILE.dot (the DOT text, no Graphviz "
                                        "needed) or - (the DOT text on standard output). Required")
        ->type_name("FILE");
    graph->fallthrough();
}

Command chosen_command(const CLI::App& app)
{
    for (Command c : {Command::trace, Command::sweep, Command::train, Command::export_, Command::graph})
        if (app.got_subcommand(command_name(c))) return c;
    return Command::check;
}

bool is_one_pass(Command command) { return command == Command::trace || command == Command::graph; }

void read_train(const CLI::App& app, const TrainText& text, Options& o)
{
    TrainingSettings& t = o.settings.training;
    t.epochs = parse_unsigned("--epochs", text.epochs, 1, 1000000);
    t.every = parse_unsigned("--every", text.every, 1, t.epochs);
    require_decimal(text.learning_rate, "--learning-rate");
    const double r = std::strtod(text.learning_rate.c_str(), nullptr);
    if (!(r > 0.0 && r <= 100.0)) throw InputError("--learning-rate: " + text.learning_rate + " is not in (0, 100]");
    t.learning_rate = text.learning_rate;
    if (app.count("--format")) throw InputError("train: --format has no effect (train prints text)");
}

void read_export(const CLI::App& app, const std::string& folder, Options& o)
{
    for (const char* flag : {"--precision", "--method", "--step", "--fast", "--directions", "--formulas", "--format", "--gradients"})
        if (app.count(flag)) throw InputError("export: " + std::string(flag) + " has no effect (export writes the problem)");
    if (folder.empty()) throw InputError("export: --output must not be empty");
    if (folder == "-") throw InputError("export: --output - names no folder (export writes several files: weights, data and templates)");
    o.output = folder;
}

void read_graph(const CLI::App& app, const std::string& file, Options& o)
{
    if (!app.get_subcommand("graph")->count("--output")) throw InputError("graph: --output FILE.svg or --output FILE.dot is required");
    graph_format(file); // refuses any other name before anything is computed
    o.output = file;
}

void read_one_pass(const CLI::App& app, Options& o)
{
    const std::string name = command_name(o.command);
    if (o.precisions.size() != 1) throw InputError(name + ": --precision takes one precision, not a list");
    if (app.count("--step")) throw InputError(name + ": --step has no effect (" + name + " differentiates nothing numerically)");
    if (app.count("--format"))
        throw InputError(name + ": --format has no effect (" + (name == "trace" ? "trace prints text" : "graph writes DOT or SVG") + ")");
}

void read_sweep(const CLI::App& app, const std::string& prefix, Options& o)
{
    for (Method m : o.methods)
        if (!is_difference(m)) throw InputError("sweep: --method must be " + method_names(true) + " (a step sweep needs a difference)");
    if (app.count("--step")) throw InputError("sweep: --step has no effect (the sweep tries every step)");
    if (app.count("--format")) throw InputError("sweep: --format has no effect (the sweep writes CSV and SVG)");
    if (prefix.empty()) throw InputError("sweep: --output must not be empty");
    o.output = prefix;
}

} // namespace gradcheck::command_line

#include "gradcheck/cli/options.hpp"

#include <CLI/CLI.hpp>

#include "gradcheck/cli/options_parts.hpp"
#include "gradcheck/util/error.hpp"
#include "version.hpp"

namespace gradcheck::command_line {

bool Given::operator()(const char* flag) const { return app.count(flag) > 0; }
bool Given::on(const char* subcommand, const char* flag) const { return app.get_subcommand(subcommand)->count(flag) > 0; }

void add_precision_option(CLI::App& app, std::string& precision)
{
    app.add_option("--precision", precision,
                   "Comma-separated list of: float, double, long-double, or a digit count 10..10000 (MPFR), "
                   "e.g. 50 or 100; all is float,double,long-double,50,100 as one table. Default: double,50")
        ->type_name("LIST");
}

void add_step_option(CLI::App& app, std::string& step)
{
    app.add_option("--step", step, "Absolute finite-difference step h > 0. Default: u^(1/3)*max(1,|theta|), u = machine epsilon")->type_name("h");
}

void add_formulas_option(CLI::App& app, std::string& formulas)
{
    app.add_option("--formulas", formulas, "derived (with the 1/m of the mean loss), seed (the seed's final formulas: no 1/m), "
                                           "a mistake from the gallery, or list to list them all. Default: derived")
        ->type_name("NAME");
}

void add_method_option(CLI::App& app, std::string& method)
{
    app.add_option("--method", method, "Comma-separated list of numeric methods: " + method_names(false, ", ") + ", or all. Default: central")
        ->type_name("METHOD");
}

void add_problem_options(CLI::App& app, ProblemText& text)
{
    app.add_option("--weights", text.weights, "JSON file {\"W1\": [[..],..], \"B1\": [..], \"W2\": [[..]], \"B2\": [..]}. "
                                              "Default: random weights from --seed, zero biases")
        ->type_name("FILE");
    app.add_option("--data", text.data, "JSON file {\"X\": [[x1,x2],..] (one row per example), \"Y\": [y,..]}. Default: XOR")
        ->type_name("FILE");
    app.add_option("--problem", text.problem, "Without --data: xor (the seed's data), generic (non-binary inputs, fractional "
                                              "labels, non-zero biases: data that hide no mistake of the gallery) or both. "
                                              "Default: both for the check without --weights, xor otherwise")
        ->type_name("NAME");
    app.add_option("--hidden", text.hidden, "Hidden units H for random weights, 1.." + std::to_string(max_hidden) + ". Default: 2")
        ->type_name("H");
    app.add_option("--seed", text.seed, "Seed of the random weights, 0..2^64-1. Default: " + std::to_string(default_seed))->type_name("S");
}

void add_check_options(CLI::App& app, CheckText& text)
{
    app.add_option("--format", text.format, "text or json. Default: text")->type_name("FORMAT");
    app.add_option("--gradients", text.gradients, "Check your own dW1, dB1, dW2, dB2 (and optionally Z1, A1, Z2, A2, dZ2, dA1, dZ1) "
                                                  "from this JSON file, or CSV if its name ends in .csv (see README), against the "
                                                  "exact gradient of the problem, in the precision the file names")
        ->type_name("FILE");
    app.add_flag("--fast", text.fast, "Check the directional derivative along K random unit directions first (a few loss "
                                      "evaluations each, not per parameter); only if one disagrees, check every element");
    app.add_option("--directions", text.directions, "K for --fast, 1..64. Default: 3")->type_name("K");
    app.add_flag("--only-failures", text.only_failures, "In the text report's tables, show only the elements that did not pass "
                                                        "(FAIL, or declined with the reason); every other line as without it");
}

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

} // namespace gradcheck::command_line

namespace gradcheck {

namespace {

using namespace command_line;

// Every option, in the order of the help.
void add_options(CLI::App& app, OptionText& text)
{
    add_precision_option(app, text.precision);
    add_problem_options(app, text.problem);
    add_step_option(app, text.step);
    add_formulas_option(app, text.formulas);
    add_method_option(app, text.method);
    add_check_options(app, text.check);
    app.set_version_flag("--version", std::string("gradcheck ") + version);
    add_trace_command(app);
    add_sweep_command(app, text.sweep_prefix);
    add_train_command(app, text.train);
    add_export_command(app, text.export_folder);
    add_graph_command(app, text.graph_file);
    app.require_subcommand(0, 1);
}

// What the parsed command line asks for, into parsed.options; each check in the
// order in which its error is detected.
void read_options(const CLI::App& app, const OptionText& text, ParsedCommandLine& parsed)
{
    const Given given{app};
    Options& o = parsed.options;
    o.command = chosen_command(app);
    if (o.command == Command::train) read_train(given, text.train, o);
    if (o.command == Command::export_) read_export(given, text.export_folder, o);
    if (o.command == Command::graph) read_graph(given, text.graph_file, o);
    read_precisions(given, text.precision, o);
    if (is_one_pass(o.command)) read_one_pass(given, o);

    if (text.formulas == "list") {
        parsed.run = false;
        parsed.message = gallery_list();
        return;
    }
    o.settings.formulas = read_formulas(text.formulas);
    read_methods(given, text, o);
    if (o.command == Command::sweep) read_sweep(given, text.sweep_prefix, o);
    read_fast(given, text.check, o);
    o.format = read_format(text.check.format);
    o.view = read_view(text.check.only_failures, o);
    if (given("--step")) o.settings.step = read_step(text.step, o.methods);

    const Problem p = read_problem(given, text.problem, o.settings.fast);
    o.settings.direction_seed = p.seed;
    const bool own = given("--gradients") > 0;
    if (own) refuse_numeric_options_with_gradients(given, o.command);
    o.problems = choose_problems(given, text.problem, p, o.command, own);
    if (own) o.gradients = read_own_gradients(text.check.gradients, o.problems.front());
}

} // namespace

ParsedCommandLine parse_command_line(int argc, const char* const* argv)
{
    CLI::App app{"Checks the hand-derived backpropagation of the seed's 2-2-1 XOR network (dL/dW1, dL/dB1, dL/dW2,\n"
                 "dL/dB2) against numeric gradients, in double and in high precision.\n"
                 "Exit status: 0 all partials agree, 1 a check failed, 2 bad usage or bad input, 4 not verified\n"
                 "(no element failed, some were declined: no trustworthy numeric value for them).\n"
                 "`gradcheck --gradients FILE` checks gradients you computed yourself, on the problem `gradcheck export` writes;\n"
                 "`gradcheck trace [OPTIONS]` prints the arrays of one forward and backward pass instead;\n"
                 "`gradcheck graph --output FILE.svg [OPTIONS]` draws them on the network's graph, each with its adjoint.",
                 "gradcheck"};
    OptionText text;
    add_options(app, text);

    ParsedCommandLine parsed;
    try {
        app.parse(argc, argv);
    } catch (const CLI::CallForHelp&) {
        parsed.run = false;
        parsed.message = app.help();
        return parsed;
    } catch (const CLI::CallForVersion&) {
        parsed.run = false;
        parsed.message = std::string("gradcheck ") + version + "\n";
        return parsed;
    } catch (const CLI::ParseError& e) {
        throw InputError(e.what());
    }
    read_options(app, text, parsed);
    return parsed;
}

} // namespace gradcheck

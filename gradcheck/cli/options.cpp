#include "cli/options.hpp"

#include <CLI/CLI.hpp>

#include "cli/options_parts.hpp"
#include "input/error.hpp"
#include "version.hpp"

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
    Options& o = parsed.options;
    o.command = chosen_command(app);
    if (o.command == Command::train) read_train(app, text.train, o);
    if (o.command == Command::export_) read_export(app, text.export_folder, o);
    if (o.command == Command::graph) read_graph(app, text.graph_file, o);
    read_precisions(app, text.precision, o);
    if (is_one_pass(o.command)) read_one_pass(app, o);

    if (text.formulas == "list") {
        parsed.run = false;
        parsed.message = gallery_list();
        return;
    }
    o.settings.formulas = read_formulas(text.formulas);
    read_methods(app, text, o);
    if (o.command == Command::sweep) read_sweep(app, text.sweep_prefix, o);
    read_fast(app, text.check, o);
    o.format = read_format(text.check.format);
    if (app.count("--step")) o.settings.step = read_step(text.step);

    const Problem p = read_problem(app, text.problem, o.settings.fast);
    o.settings.direction_seed = p.seed;
    const bool own = app.count("--gradients") > 0;
    if (own) refuse_numeric_options_with_gradients(app, o.command);
    o.problems = choose_problems(app, text.problem, p, o.command, own);
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

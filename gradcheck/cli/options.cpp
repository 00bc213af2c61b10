#include "cli/options.hpp"

#include <charconv>
#include <cstdint>
#include <limits>

#include <CLI/CLI.hpp>

#include "scalar/decimal.hpp"
#include "tasks/graph.hpp"
#include "input/error.hpp"
#include "version.hpp"

namespace gradcheck {

namespace {

// A whole decimal number in [lo, hi], or InputError naming the flag.
std::uint64_t parse_unsigned(const std::string& flag, const std::string& text, std::uint64_t lo, std::uint64_t hi)
{
    std::uint64_t value = 0;
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    const bool whole = !text.empty() && end == text.data() + text.size();
    if (ec == std::errc::result_out_of_range || (whole && ec == std::errc() && (value < lo || value > hi)))
        throw InputError(flag + ": " + text + " is out of range (" + std::to_string(lo) + " to " + std::to_string(hi) + ")");
    if (!whole || ec != std::errc())
        throw InputError(flag + ": \"" + text + "\" is not a whole number from " + std::to_string(lo) + " to " + std::to_string(hi));
    return value;
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
    std::string precision = "double,50", weights, data, hidden, seed, step, formulas = "derived", format = "text";
    app.add_option("--precision", precision,
                   "Comma-separated list of: float, double, long-double, 50, 100 (Boost cpp_bin_float), or a digit count "
                   "10..10000 (MPFR); all is float,double,long-double,50,100 as one table. Default: double,50")
        ->type_name("LIST");
    app.add_option("--weights", weights, "JSON file {\"W1\": [[..],..], \"B1\": [..], \"W2\": [[..]], \"B2\": [..]}. "
                                         "Default: random weights from --seed, zero biases")
        ->type_name("FILE");
    app.add_option("--data", data, "JSON file {\"X\": [[x1,x2],..] (one row per example), \"Y\": [y,..]}. Default: XOR")
        ->type_name("FILE");
    std::string problem_choice;
    app.add_option("--problem", problem_choice, "Without --data: xor (the seed's data), generic (non-binary inputs, fractional "
                                                "labels, non-zero biases: data that hide no mistake of the gallery) or both. "
                                                "Default: both for the check without --weights, xor otherwise")
        ->type_name("NAME");
    app.add_option("--hidden", hidden, "Hidden units H for random weights, 1.." + std::to_string(max_hidden) + ". Default: 2")->type_name("H");
    app.add_option("--seed", seed, "Seed of the random weights, 0..2^64-1. Default: " + std::to_string(default_seed))->type_name("S");
    app.add_option("--step", step, "Absolute finite-difference step h > 0. Default: u^(1/3)*max(1,|theta|), u = machine epsilon")->type_name("h");
    app.add_option("--formulas", formulas, "derived (with the 1/m of the mean loss), seed (the seed's final formulas: no 1/m), "
                                           "a mistake from the gallery, or list to list them all. Default: derived")
        ->type_name("NAME");
    std::string method = "central";
    app.add_option("--method", method, "Comma-separated list of numeric methods: " + method_names(false, ", ") + ", or all. Default: central")
        ->type_name("METHOD");
    app.add_option("--format", format, "text or json. Default: text")->type_name("FORMAT");
    std::string gradients;
    app.add_option("--gradients", gradients, "Check your own dW1, dB1, dW2, dB2 (and optionally Z1, A1, Z2, A2, dZ2, dA1, dZ1) "
                                             "from this JSON file, or CSV if its name ends in .csv (see README), against the "
                                             "exact gradient of the problem, in the precision the file names")
        ->type_name("FILE");
    bool fast = false;
    std::string directions;
    app.add_flag("--fast", fast, "Check the directional derivative along K random unit directions first (a few loss "
                                 "evaluations each, not per parameter); only if one disagrees, check every element");
    app.add_option("--directions", directions, "K for --fast, 1..64. Default: 3")->type_name("K");
    app.set_version_flag("--version", std::string("gradcheck ") + version);
    CLI::App* trace = app.add_subcommand("trace", "Print every array of the forward and backward pass (X, W1, Z1, A1, ..., "
                                                  "dZ2, dW2, ..., dB1) with its shape, in one precision (default double); "
                                                  "takes the options of gradcheck (see gradcheck --help)");
    trace->fallthrough(); // the options above also follow `trace`
    CLI::App* sweep = app.add_subcommand("sweep", "Error of the numeric gradient against the analytic one over steps from 1e-1 "
                                                  "down past the rounding floor, per precision: writes a CSV and an SVG plot; "
                                                  "also takes the options of gradcheck (see gradcheck --help)");
    std::string output = "sweep";
    sweep->add_option("--output", output, "Prefix of the files written: PREFIX.csv and PREFIX.svg; - writes the CSV alone to standard output. Default: sweep")
        ->type_name("PREFIX");
    sweep->fallthrough();
    CLI::App* train = app.add_subcommand("train", "Train by gradient descent and re-check all four partials every few epochs, "
                                                  "into saturated late training; print the worst digits seen and the predictions; "
                                                  "also takes the options of gradcheck (see gradcheck --help)");
    std::string epochs = "20000", every = "2000", rate = "1";
    train->add_option("--epochs", epochs, "Epochs of gradient descent, 1..1000000. Default: 20000")->type_name("E");
    train->add_option("--every", every, "Check every K epochs (and after the last), 1..E. Default: 2000")->type_name("K");
    train->add_option("--learning-rate", rate, "Learning rate, > 0 and <= 100. Default: 1")->type_name("R");
    train->fallthrough();
    CLI::App* exporter = app.add_subcommand("export", "Write the problem (weights and data, exactly) and a template of the "
                                                      "gradients to fill in, as JSON and CSV, into a folder: compute the "
                                                      "gradients with your own code, then check them with --gradients; "
                                                      "takes --problem, --seed, --hidden, --weights, --data");
    std::string folder = "problem";
    exporter->add_option("--output", folder, "The folder to write (created if missing; no file is overwritten). Default: problem")
        ->type_name("DIR");
    exporter->fallthrough();
    CLI::App* graph = app.add_subcommand("graph", "Write the forward graph (X, W1, B1 -> Z1 -> A1 -> Z2 -> A2 -> L) with each "
                                                  "array's value and adjoint dL/d(array), as SVG drawn by Graphviz's dot or as "
                                                  "DOT text; takes the options of trace (see gradcheck --help)");
    std::string graph_file;
    graph->add_option("--output", graph_file, "FILE.svg (drawn by Graphviz's dot), FILE.dot (the DOT text, no Graphviz "
                                              "needed) or - (the DOT text on standard output). Required")
        ->type_name("FILE");
    graph->fallthrough();
    app.require_subcommand(0, 1);

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

    Options& o = parsed.options;
    o.command = trace->parsed()   ? Command::trace
                : sweep->parsed() ? Command::sweep
                : train->parsed() ? Command::train
                : exporter->parsed() ? Command::export_
                : graph->parsed() ? Command::graph
                                  : Command::check;
    if (o.command == Command::train) {
        TrainingSettings& t = o.settings.training;
        t.epochs = parse_unsigned("--epochs", epochs, 1, 1000000);
        t.every = parse_unsigned("--every", every, 1, t.epochs);
        require_decimal(rate, "--learning-rate");
        const double r = std::strtod(rate.c_str(), nullptr);
        if (!(r > 0.0 && r <= 100.0)) throw InputError("--learning-rate: " + rate + " is not in (0, 100]");
        t.learning_rate = rate;
        if (app.count("--format")) throw InputError("train: --format has no effect (train prints text)");
    }
    o.output = o.command == Command::export_ ? folder : o.command == Command::graph ? graph_file : output;
    if (o.command == Command::export_) {
        for (const char* flag : {"--precision", "--method", "--step", "--fast", "--directions", "--formulas", "--format", "--gradients"})
            if (app.count(flag)) throw InputError("export: " + std::string(flag) + " has no effect (export writes the problem)");
        if (folder.empty()) throw InputError("export: --output must not be empty");
        if (folder == "-") throw InputError("export: --output - names no folder (export writes several files: weights, data and templates)");
    }
    if (o.command == Command::graph) {
        if (!graph->count("--output")) throw InputError("graph: --output FILE.svg or --output FILE.dot is required");
        graph_format(graph_file); // refuses any other name before anything is computed
    }
    const bool one_pass = o.command == Command::trace || o.command == Command::graph; // one traced pass
    o.precisions = parse_precision_list(one_pass && !app.count("--precision") ? "double" : precision);
    if (one_pass) {
        const std::string name = command_name(o.command);
        if (o.precisions.size() != 1) throw InputError(name + ": --precision takes one precision, not a list");
        if (app.count("--step")) throw InputError(name + ": --step has no effect (" + name + " differentiates nothing numerically)");
        if (app.count("--format"))
            throw InputError(name + ": --format has no effect (" + (name == "trace" ? "trace prints text" : "graph writes DOT or SVG") + ")");
    }

    if (formulas == "list") {
        parsed.run = false;
        for (const xornet::GalleryEntry& e : xornet::gallery)
            parsed.message += std::string(e.name) + std::string(24 - e.name.size(), ' ') + std::string(e.explanation) + "\n";
        return parsed;
    }
    bool known = false;
    for (const xornet::GalleryEntry& e : xornet::gallery)
        if (formulas == e.name) o.settings.formulas = e.derivation, known = true;
    if (!known) throw InputError("--formulas: \"" + formulas + "\" is not one of the gallery (see --formulas list)");

    o.methods.clear();
    for (std::size_t start = 0;;) {
        const std::size_t comma = method.find(',', start);
        const std::string name = method.substr(start, comma - start);
        bool known = name == "all";
        if (known) o.methods.assign(std::begin(all_methods), std::end(all_methods));
        for (Method m : all_methods)
            if (name == method_name(m)) o.methods.push_back(m), known = true;
        if (!known)
            throw InputError("--method: \"" + name + "\" is not " + method_names(false, ", ") + " or all");
        if (comma == std::string::npos) break;
        start = comma + 1;
    }
    o.settings.method = o.methods.front();
    o.ladder = precision == "all" || o.methods.size() > 1;
    if (one_pass && app.count("--method")) throw InputError(std::string(command_name(o.command)) + ": --method has no effect");
    if (o.command == Command::sweep) {
        for (Method m : o.methods)
            if (!is_difference(m)) throw InputError("sweep: --method must be " + method_names(true) + " (a step sweep needs a difference)");
        if (app.count("--step")) throw InputError("sweep: --step has no effect (the sweep tries every step)");
        if (app.count("--format")) throw InputError("sweep: --format has no effect (the sweep writes CSV and SVG)");
        if (output.empty()) throw InputError("sweep: --output must not be empty");
    }

    if (fast) {
        if (o.command != Command::check) throw InputError("--fast: only the check itself has a fast mode");
        for (Method m : o.methods)
            if (!is_difference(m)) throw InputError("--fast: --method must be " + method_names(true) + " (a directional difference)");
        o.settings.fast = true;
        if (app.count("--directions")) o.settings.directions = static_cast<int>(parse_unsigned("--directions", directions, 1, 64));
    } else if (app.count("--directions"))
        throw InputError("--directions: has no effect without --fast");

    if (format == "text") o.format = Format::text;
    else if (format == "json") o.format = Format::json;
    else throw InputError("--format: \"" + format + "\" is not text or json");

    if (app.count("--step")) {
        // Any magnitude: a 1000-digit check's best step (about 1e-333) lies below double's range.
        // Each precision then refuses a step it cannot hold (check/check.hpp).
        require_result_decimal(step, "--step");
        if (compare_decimals(step, "0") <= 0)
            throw InputError("--step: " + step + " is not positive");
        o.settings.step = step;
    }

    Problem p;
    if (app.count("--data")) {
        p.data = read_data_file(data);
        p.data_source = "data file " + data;
    }
    if (app.count("--seed")) p.seed = parse_unsigned("--seed", seed, 0, std::numeric_limits<std::uint64_t>::max());
    if (app.count("--hidden")) p.hidden = parse_unsigned("--hidden", hidden, 1, max_hidden);
    if (app.count("--weights")) {
        if (app.count("--seed") && !fast)
            throw InputError("--seed: has no effect with --weights (the weights come from the file)");
        p.weights = read_weights_file(weights);
        const std::size_t H = p.weights->W1.rows(), N = p.weights->W1.cols();
        if (app.count("--hidden") && p.hidden != H)
            throw InputError("--hidden " + hidden + " does not match weights file '" + weights + "' (W1 has "
                             + std::to_string(H) + " rows)");
        if (N != p.data.X.rows())
            throw InputError("weights file '" + weights + "': W1 has " + std::to_string(N) + " columns but the data have "
                             + std::to_string(p.data.X.rows()) + " inputs per example (N)");
        p.hidden = H;
        p.weights_source = "weights file " + weights;
    } else {
        p.weights_source = seeded_weights_source(p.seed);
    }
    o.settings.direction_seed = p.seed;

    const bool own = app.count("--gradients") > 0;
    if (own) {
        if (o.command != Command::check) throw InputError("--gradients: only the check itself takes your gradients");
        for (const char* flag : {"--precision", "--method", "--step", "--fast", "--directions", "--formulas"})
            if (app.count(flag))
                throw InputError(std::string(flag) + ": has no effect with --gradients (the numbers are yours, checked against the exact "
                                 "gradient; say in the file's \"precision\" which arithmetic computed them)");
    }
    const bool one_problem = o.command != Command::check || own; // the check of the gallery's formulas alone runs a list
    if (app.count("--data")) {
        if (app.count("--problem")) throw InputError("--problem: has no effect with --data (the data file is the problem)");
        p.name = "data";
        o.problems = {p};
    } else {
        // The bare check runs both; given weights, or one problem only, XOR (the notice says what it hides).
        const std::string choice = app.count("--problem") ? problem_choice : one_problem || app.count("--weights") ? "xor" : "both";
        if (choice != "xor" && choice != "generic" && choice != "both")
            throw InputError("--problem: \"" + choice + "\" is not xor, generic or both");
        if (choice == "both" && one_problem)
            throw InputError("--problem: " + std::string(own ? "--gradients" : command_name(o.command)) + " takes one problem, xor or generic");
        if (choice != "generic") o.problems.push_back(p);
        if (choice != "xor") o.problems.push_back(generic_problem(p.inputs(), p.seed, p));
    }
    if (own) {
        const Problem& problem = o.problems.front();
        o.gradients = read_gradients_file(gradients);
        require_shapes(*o.gradients, problem.inputs(), problem.width(), problem.examples());
    }
    return parsed;
}

} // namespace gradcheck

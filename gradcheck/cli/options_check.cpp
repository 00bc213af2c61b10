// The options of the check alone: --format, --gradients, --fast, --directions.
#include <CLI/CLI.hpp>

#include "cli/options_parts.hpp"
#include "input/error.hpp"

namespace gradcheck::command_line {

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
}

void read_fast(const CLI::App& app, const CheckText& text, Options& o)
{
    if (!text.fast) {
        if (app.count("--directions")) throw InputError("--directions: has no effect without --fast");
        return;
    }
    if (o.command != Command::check) throw InputError("--fast: only the check itself has a fast mode");
    for (Method m : o.methods)
        if (!is_difference(m)) throw InputError("--fast: --method must be " + method_names(true) + " (a directional difference)");
    o.settings.fast = true;
    if (app.count("--directions")) o.settings.directions = static_cast<int>(parse_unsigned("--directions", text.directions, 1, 64));
}

Format read_format(const std::string& format)
{
    if (format == "text") return Format::text;
    if (format == "json") return Format::json;
    throw InputError("--format: \"" + format + "\" is not text or json");
}

void refuse_numeric_options_with_gradients(const CLI::App& app, Command command)
{
    if (command != Command::check) throw InputError("--gradients: only the check itself takes your gradients");
    for (const char* flag : {"--precision", "--method", "--step", "--fast", "--directions", "--formulas"})
        if (app.count(flag))
            throw InputError(std::string(flag) + ": has no effect with --gradients (the numbers are yours, checked against the exact "
                             "gradient; say in the file's \"precision\" which arithmetic computed them)");
}

OwnGradientsText read_own_gradients(const std::string& file, const Problem& problem)
{
    OwnGradientsText gradients = read_gradients_file(file);
    require_shapes(gradients, problem.inputs(), problem.width(), problem.examples());
    return gradients;
}

} // namespace gradcheck::command_line

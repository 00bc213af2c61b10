// The options of the check alone: --format, --only-failures, --gradients, --fast, --directions.
#include "gradcheck/cli/options_parts.hpp"
#include "gradcheck/util/error.hpp"

namespace gradcheck::command_line {

void read_fast(const Given& given, const CheckText& text, Options& o)
{
    if (!text.fast) {
        if (given("--directions")) throw InputError("--directions: has no effect without --fast");
        return;
    }
    if (o.command != Command::check) throw InputError("--fast: only the check itself has a fast mode");
    for (Method m : o.methods)
        if (!is_difference(m)) throw InputError("--fast: --method must be " + method_names(true) + " (a directional difference)");
    o.settings.fast = true;
    if (given("--directions")) o.settings.directions = static_cast<int>(parse_unsigned("--directions", text.directions, 1, 64));
}

Format read_format(const std::string& format)
{
    if (format == "text") return Format::text;
    if (format == "json") return Format::json;
    throw InputError("--format: \"" + format + "\" is not text or json");
}

View read_view(bool only_failures, const Options& o)
{
    if (!only_failures) return View::full;
    if (o.command != Command::check) throw InputError("--only-failures: only the check itself has a failures-only report");
    if (o.format == Format::json)
        throw InputError("--only-failures: has no effect with --format json (the JSON report holds every element)");
    return View::failures;
}

void refuse_numeric_options_with_gradients(const Given& given, Command command)
{
    if (command != Command::check) throw InputError("--gradients: only the check itself takes your gradients");
    for (const char* flag : {"--precision", "--method", "--step", "--fast", "--directions", "--formulas"})
        if (given(flag))
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

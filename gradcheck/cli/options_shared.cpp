// The options that several commands take: --precision, --step, --formulas, --method.
#include <charconv>
#include <iterator>

#include "gradcheck/cli/options_parts.hpp"
#include "gradcheck/util/comma_list.hpp"
#include "gradcheck/util/error.hpp"
#include "gradcheck/scalar/decimal.hpp"

namespace gradcheck::command_line {

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

void read_precisions(const Given& given, const std::string& precision, Options& o)
{
    o.precisions = parse_precision_list(is_one_pass(o.command) && !given("--precision") ? "double" : precision);
}

std::string gallery_list()
{
    std::string list;
    for (const xornet::GalleryEntry& e : xornet::gallery)
        list += std::string(e.name) + std::string(24 - e.name.size(), ' ') + std::string(e.explanation) + "\n";
    return list;
}

xornet::Derivation read_formulas(const std::string& formulas)
{
    for (const xornet::GalleryEntry& e : xornet::gallery)
        if (formulas == e.name) return e.derivation;
    throw InputError("--formulas: \"" + formulas + "\" is not one of the gallery (see --formulas list)");
}

namespace {

// Each name of the list in turn; all stands for every method.
std::vector<Method> parse_method_list(const std::string& list)
{
    std::vector<Method> methods;
    for (const std::string& name : split_comma_list(list)) {
        bool known = name == "all";
        if (known) methods.assign(std::begin(all_methods), std::end(all_methods));
        for (Method m : all_methods)
            if (name == method_name(m)) methods.push_back(m), known = true;
        if (!known)
            throw InputError("--method: \"" + name + "\" is not " + method_names(false, ", ") + " or all");
    }
    return methods;
}

} // namespace

void read_methods(const Given& given, const OptionText& text, Options& o)
{
    o.methods = parse_method_list(text.method);
    o.settings.method = o.methods.front();
    o.ladder = text.precision == "all" || o.methods.size() > 1;
    if (is_one_pass(o.command) && given("--method"))
        throw InputError(std::string(command_name(o.command)) + ": --method has no effect");
}

std::string read_step(const std::string& step, const std::vector<Method>& methods)
{
    for (Method m : methods)
        if (method_kind(m) == MethodKind::dual) throw InputError("--step: autodiff takes no step");
    // Any magnitude: a 1000-digit check's best step (about 1e-333) lies below double's range.
    // Each precision then refuses a step it cannot hold (given_step, network/check.hpp).
    require_result_decimal(step, "--step");
    if (compare_decimals(step, "0") <= 0)
        throw InputError("--step: " + step + " is not positive");
    return step;
}

} // namespace gradcheck::command_line

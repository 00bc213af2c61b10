#include "gradcheck/scalar/precision.hpp"
#include "gradcheck/cli/progress.hpp"

#include <charconv>
#include <limits>
#include <stdexcept>

#include "gradcheck/input/comma_list.hpp"
#include "gradcheck/input/error.hpp"

namespace gradcheck {

Precision parse_precision(const std::string& text)
{
    using Kind = Precision::Kind;
    if (text == "float") return {Kind::float_, 0, text, "float (24-bit binary, IEEE 754)"};
    if (text == "double") return {Kind::double_, 0, text, "double (53-bit binary, IEEE 754)"};
    if (text == "long-double")
        return {Kind::long_double, 0, text, "long double (" + std::to_string(std::numeric_limits<long double>::digits) + "-bit binary)"};
    unsigned digits = 0;
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), digits);
    const bool is_number = !text.empty() && ec == std::errc() && end == text.data() + text.size() && text[0] != '0';
    if (!is_number || digits < min_mpfr_digits || digits > max_mpfr_digits)
        throw InputError("--precision: \"" + text + "\" is not float, double, long-double, 50, 100 or a digit count from "
                         + std::to_string(min_mpfr_digits) + " to " + std::to_string(max_mpfr_digits));
    return {Kind::mpfr, digits, text, std::to_string(digits) + " digits (MPFR)"};
}

std::vector<Precision> parse_precision_list(const std::string& text)
{
    if (text == "all") return parse_precision_list(precision_ladder);
    std::vector<Precision> list;
    for (const std::string& name : split_comma_list(text)) list.push_back(parse_precision(name));
    return list;
}

namespace {

JobResult run(Job job, const Precision& precision, const Problem& problem, const CheckSettings& settings)
{
    const char* jobs[] = {"check", "trace", "sweep", "train"};
    const bool digits = precision.kind != Precision::Kind::float_ && precision.kind != Precision::Kind::double_
                        && precision.kind != Precision::Kind::long_double;
    progress::stage(std::string(jobs[static_cast<int>(job)]) + " in " + precision.name + (digits ? " digits" : "") + ", "
                    + std::string(method_name(settings.method)));
    try {
        switch (precision.kind) {
        case Precision::Kind::float_: return run_in_float(job, problem, settings);
        case Precision::Kind::double_: return run_in_double(job, problem, settings);
        case Precision::Kind::long_double: return run_in_long_double(job, problem, settings);
        case Precision::Kind::mpfr: return run_in_mpfr(precision.digits, job, problem, settings);
        }
    } catch (const InputError& e) {
        throw InputError(std::string(e.what()) + " (precision " + precision.name + ")");
    }
    throw std::logic_error("run: unknown precision");
}

} // namespace

CheckReport run_check(const Precision& precision, const Problem& problem, const CheckSettings& settings)
{
    CheckReport r = run(Job::check, precision, problem, settings).check;
    r.precision = precision.name;
    r.precision_label = precision.label;
    return r;
}

TrainReport run_train(const Precision& precision, const Problem& problem, const CheckSettings& settings)
{
    return run(Job::train, precision, problem, settings).train;
}

SweepReport run_sweep(const Precision& precision, const Problem& problem, const CheckSettings& settings)
{
    SweepReport r = run(Job::sweep, precision, problem, settings).sweep;
    for (SweepPoint& p : r.points) p.precision = precision.name;
    return r;
}

TraceReport run_trace(const Precision& precision, const Problem& problem, const CheckSettings& settings)
{
    TraceReport r = run(Job::trace, precision, problem, settings).trace;
    r.precision_label = precision.label;
    return r;
}

} // namespace gradcheck

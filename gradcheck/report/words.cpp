// The sentences of report/words.hpp, each made in one place from the result's numbers.
#include "gradcheck/report/words.hpp"

#include <array>

namespace gradcheck {

const VerdictWords& words(Verdict v)
{
    static const std::array<VerdictWords, 3> table{{
        {"PASS", "pass", "pass"},
        {"FAIL", "fail", "FAIL"},
        {"NOT VERIFIED", "not verified", "not verified"},
    }};
    return table[static_cast<std::size_t>(v)];
}

const char* result_word(const Entry& e) { return e.pass ? "ok" : e.declined ? "declined" : "FAIL"; }

namespace {

// What may help, in the words of the command or of the library.
std::string smaller_step(const Report& r) { return r.client == Client::function ? "a smaller options.step may" : "a smaller --step may"; }

std::string because_of(Reason reason, const Entry& e, const Report& r, const std::string& where)
{
    const bool network = r.client != Client::function;
    switch (reason) {
    case Reason::none: return "";
    case Reason::bound_not_finite:
        return std::string("its error bound is not finite ") + (network ? "at these weights" : "at this point");
    case Reason::beyond_series:
        return "at h = " + e.step + " the method's farthest point moves "
               + (network ? "a pre-activation by more than pi/2, beyond where its error series can be trusted (the sigmoid's poles lie at ±i·pi); "
                          : "f's arguments beyond where its error series can be trusted; ")
               + smaller_step(r);
    case Reason::series_fails:
        return "at h = " + e.step + ", D at h, 2h, 4h does not behave as the series predicts, so its error bound cannot be trusted; "
               + smaller_step(r);
    case Reason::no_step_fits:
        return "from h = " + e.step_from + " down to " + e.step
               + ", the error series could not be trusted at any step (see gradcheck/methods/step_range.hpp), so no bound can be";
    case Reason::overflow:
        return std::string(method_name(r.method)) + " overflows inside the "
               + (network ? "network at these weights (a sigmoid far into saturation); central differences do not"
                          : "function at this point; central differences may not");
    case Reason::escaped_bound:
        return "the difference " + e.abs_error + " exceeds this step's tolerance " + e.tolerance + ", but at the step rule's h = "
               + e.rule_step + " the difference is " + e.rule_abs_error + " ≤ tolerance " + e.rule_tolerance
               + ": this far from θ the error series escaped its bound (its terms can change sign), so this step cannot decide";
    case Reason::vacuous:
        return "at h = " + e.step + " the tolerance " + e.tolerance
               + " is at least the largest value of the whole gradient: nothing can be checked; a step nearer the rule's may";
    case Reason::noise_unknown:
        return "the noise of f along this line could not be estimated (at no spacing did its differences settle)";
    case Reason::analytic_noise_unknown: return "the noise of your value could not be estimated, so neither can its rounding";
    case Reason::unsettled: return "the measured rounding of f kept growing with the points evaluated: no ε_L settled";
    case Reason::step_vanishes: return "h = " + e.first_step + " is too small for " + where + ": θ ± h rounds back to " + e.theta;
    case Reason::not_finite: return "f is not finite at θ ± h for " + where + " (h = " + e.first_step + "); " + smaller_step(r);
    }
    return "";
}

} // namespace

std::string declined_because(const Entry& e, const Report& r, const std::string& where) { return because_of(e.reason, e, r, where); }

std::string fails_at_rule_step(const Entry& e, const Report& r, const std::string& where)
{
    if (!e.overturned) return "";
    const std::string there = "at the step rule's h = " + e.rule_step + " the difference is " + e.rule_abs_error;
    if (e.was_pass) return "agrees within this step's tolerance " + e.tolerance + ", but " + there + " > tolerance " + e.rule_tolerance;
    return "not checked at this step (" + because_of(e.was_reason, e, r, where) + "), but " + there + " > tolerance " + e.rule_tolerance;
}

std::string refusal(const Entry& e, const std::string& where, const std::string& name, bool direction)
{
    if (e.reason == Reason::step_vanishes)
        return "--step: h = " + e.first_step + " is too small for " + where + ": " + name + " ± h rounds back to " + e.theta;
    if (direction)
        return "--fast: the loss is not finite at θ ± h·v for direction " + where + " (h = " + e.step + "); choose a smaller step";
    return "--step: the loss is not finite at " + name + " ± h for " + where + " (h = " + e.first_step + "); choose a smaller step";
}

std::string fallback_sentence(core::Fallback f)
{
    switch (f) {
    case core::Fallback::none: return "";
    case core::Fallback::disagrees: return "a direction disagrees: the full check follows, element by element, to say where";
    case core::Fallback::coarse:
        return "a direction's tolerance exceeds a tenth of its value, too coarse to stand for the elements: "
               "the full check follows, element by element";
    case core::Fallback::coarse_points:
        return "the rounding of the points θ + t·v (large parameters) outweighs the loss's own, so a direction's "
               "tolerance is looser than an element's: the full check follows, element by element";
    case core::Fallback::close_call:
        return "a direction agrees with less than a factor 2 to spare, too close to stand for the elements: "
               "the full check follows, element by element";
    }
    return "";
}

std::string method_description(Method m, const char* function)
{
    std::string text(method_row(m).description);
    for (std::size_t at = text.find("{f}"); at != std::string::npos; at = text.find("{f}", at)) text.replace(at, 3, function);
    return text;
}

std::string numeric_line(const Report& r)
{
    const std::string method = method_description(r.method, r.client == Client::function ? "f" : "L");
    if (!r.fast || r.client == Client::function) return method;
    return "--fast: vᵀ∇L against d/dt L(θ + t·v) by " + method + " in t, along " + std::to_string(r.directions)
           + " random unit directions v (seed " + std::to_string(r.seed) + "); every element only if one disagrees";
}

namespace {

std::string network_step_rule(const Report& r)
{
    const MethodKind kind = method_kind(r.method);
    const std::string root = r.method == Method::central ? "1/3" : "1/" + std::to_string(method_order(r.method) + 1);
    const std::string scale = r.fast ? "·max(1, max_i |θ_i|)" : "·max(1, |θ|)"; // --fast: one step for all
    if (r.step_given) return "h = " + *r.step_given + " (given)";
    if (kind == MethodKind::dual) return "no step";
    if (kind == MethodKind::complex_step) return "h = u" + scale + " = " + r.rule_step + scale;
    return "h = u^(" + root + ")" + scale + " rounded to a power of 2 = " + r.rule_step + scale
           + ",\n         then moved by factors of 2 to where its error is expected least (column h)";
}

std::string function_step_rule(const Report& r)
{
    const MethodKind kind = method_kind(r.method);
    if (kind == MethodKind::dual) return "no step";
    if (r.step_given) return "h = " + *r.step_given + " as given (its verdict confirmed at the rule's step)";
    if (kind == MethodKind::complex_step) return "h = u·max(1, |θ|) rounded to a power of 2";
    return "h = u^(1/(p+1))·max(1, |θ|) rounded to a power of 2, p = " + std::to_string(method_order(r.method))
           + ", made smaller where the error series does not hold, else moved by factors of 2 to where the error is expected least"
             " (column h)";
}

} // namespace

std::string step_rule(const Report& r) { return r.client == Client::function ? function_step_rule(r) : network_step_rule(r); }

std::string function_what(const Report& r)
{
    const Report::Function& f = r.function;
    const std::string P = std::to_string(f.P), K = std::to_string(f.K);
    switch (f.check) {
    case FunctionCheck::gradient: return "gradient of f: R^" + P + " -> R, at x = theta";
    case FunctionCheck::jacobian: return "Jacobian of f: R^" + P + " -> R^" + K + ", at x = theta";
    case FunctionCheck::vjp:
        return "vector-Jacobian product J(x)^T u of f: R^" + P + " -> R^" + K + ", for " + std::to_string(f.vectors)
               + " random unit vectors u (seed " + std::to_string(f.vector_seed) + ")";
    case FunctionCheck::hessian:
        return "Hessian of f: R^" + P + " -> R, at x = theta: your g against differences of f, then your hess against differences of g";
    }
    return "";
}

namespace {

const char* const estimated_words = "estimated from the values themselves (ECnoise: noise level σ along each line, "
                                    "ε = 4σ + u·|value|; an estimate, not a bound: f cannot be evaluated in a higher precision";

} // namespace

std::string f_rounding_words(const Report& r)
{
    if (r.function.f_rounding.empty()) return std::string(estimated_words) + ")";
    return "measured: each value of f is computed again, at the same point, in " + r.function.f_rounding
           + "; ε_L = the largest difference seen";
}

std::string analytic_rounding_words(const Report& r)
{
    if (r.function.analytic_rounding.empty()) return std::string(estimated_words) + "; your function is double-only or a black_box)";
    return "measured: your values computed again in " + r.function.analytic_rounding + "; ε_a = the difference";
}

namespace {

std::string fast_fell_back(const Note& n)
{
    const std::string of = " along the directions of " + n.name;
    switch (n.fallback) {
    case core::Fallback::disagrees: return "fast: a direction of " + n.name + " disagreed or could not be checked, so every element was";
    case core::Fallback::coarse: return "fast: a tolerance" + of + " exceeds a tenth of its value, too coarse to stand for the elements, so every element was checked";
    case core::Fallback::coarse_points:
        return "fast: the rounding of the points θ + t·v" + of + " may outweigh f's own, so a direction's tolerance is looser than "
               "an element's and every element was checked";
    case core::Fallback::close_call: return "fast: a direction of " + n.name + " agreed with less than a factor 2 to spare, so every element was checked";
    case core::Fallback::none: break;
    }
    return "";
}

} // namespace

std::string note_sentence(const Note& n)
{
    switch (n.kind) {
    case Note::Kind::compared_absolutely:
        return n.name + ": both values lie within its tolerance " + n.value
               + " of 0, so it was compared absolutely: a mistake in it smaller than that cannot show here"
                 " (a higher precision lowers the tolerance)";
    case Note::Kind::coordinate_zero:
        return n.name + " = 0: a wrong term that carries " + n.name + " as a factor is 0 here and cannot show; check at a point with no coordinate 0 too";
    case Note::Kind::coordinate_one:
        return n.name + " = ±1: every power of " + n.name + " is ±1 here, so a wrong power of it cannot show; "
               "check at a point with no coordinate ±1 too";
    case Note::Kind::gradient_fails: return "your g fails against f: the Hessian below is checked against differences of g, so fix g first";
    case Note::Kind::not_symmetric:
        return "your hess is not symmetric: " + n.name + " = " + n.value + " but " + n.other + " = " + n.other_value
               + " (a smooth f has a symmetric Hessian)";
    case Note::Kind::fast_settled:
        return "fast: " + n.name + " checked along " + std::to_string(n.count) + " random unit directions v (seed " + std::to_string(n.seed)
               + ") and along its own analytic values only; every one agreed, so no element was checked on its own";
    case Note::Kind::fast_fell_back: return fast_fell_back(n);
    }
    return "";
}

} // namespace gradcheck

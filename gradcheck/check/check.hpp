// The gradient check, generic over the scalar type T: every analytic partial
// from the backward pass against its numeric estimate, element by element, with
// a pass rule taken from both values' own error bounds.
//
// Pass rule: |analytic − numeric| ≤ tolerance = ε_n + ε_a, where ε_n is the numeric
// derivative's error bound (methods/central_difference.hpp: truncation estimate plus the
// rounding bound, with ε_L from bounds/loss_rounding.hpp) and ε_a the rounding bound of the
// analytic formula's own evaluation (bounds/backward_rounding.hpp). In double
// (u ≈ 2.2e-16, h ≈ u^(1/3) ≈ 6e-6) ε_n is near u^(2/3) ≈ 1e-10 relative and ε_a
// near u, which it then hardly changes; ε_a matters for the exact methods (complex
// step, autodiff) and where saturated sigmoids make the gradient far smaller than
// the terms it is computed from.
//
// Heavy to instantiate for multiprecision types: only the run/*.cpp files include it.
#pragma once

#include <algorithm>
#include <cmath>
#include <optional>
#include <cstdio>
#include <stdexcept>
#include <string>

#include <boost/math/special_functions/fpclassify.hpp>

#include "gradients.hpp"
#include "bounds/backward_rounding.hpp"
#include "methods/central_difference.hpp"
#include "check/compare.hpp"
#include "check/directional.hpp"
#include "methods/forward_mode.hpp"
#include "input/instance.hpp"
#include "check/network_function.hpp"
#include "methods/estimate.hpp"
#include "scalar/decimal.hpp"
#include "check/diagnosis.hpp"
#include "init.hpp"
#include "input/error.hpp"
#include "loss.hpp"
#include "bounds/loss_rounding.hpp"
#include "network.hpp"
#include "input/problem.hpp"
#include "cli/progress.hpp"
#include "report/report.hpp"
#include "scalar/traits.hpp"
#include "methods/step_range.hpp"

namespace gradcheck {

inline const char* shape_names(xornet::Param p)
{
    switch (p) {
    case xornet::Param::W1: return "H×N";
    case xornet::Param::B1: return "H×1";
    case xornet::Param::W2: return "1×H";
    case xornet::Param::B2: return "1×1";
    }
    return "";
}

// At most this many reductions of the step by 4 (a factor of 4^16 ≈ 4e9).
inline constexpr int max_step_reductions = 16;

// Where D at h, 2h, 4h does not behave as the error model says, the step is too
// large for this θ: retry at h/4, h/16, … (at(h) evaluates the method at h) while
// θ ± h still moves; reduced tells whether it did. Once the step has proved too
// large, its balance of truncation against rounding is off too: go on while the
// error bound keeps shrinking.
template <class T, class At>
NumericDerivative<T> fit_step(NumericDerivative<T> numeric, bool& reduced, At&& at)
{
    reduced = false;
    for (int r = 0; r < max_step_reductions && numeric.step != T(0) && (!numeric.model_holds || reduced); ++r) {
        const NumericDerivative<T> smaller = at(T(numeric.step / T(4)));
        if (smaller.step == T(0)) break;
        if (numeric.model_holds && !(smaller.model_holds && smaller.error_bound < numeric.error_bound)) break;
        numeric = smaller;
        reduced = true;
    }
    return numeric;
}

// Notes on e that fit_step reduced the rule's step h (and why it was declined, if no
// smaller step fitted the model either).
template <class T>
void note_reduction(ElementCheck& e, const NumericDerivative<T>& numeric, const T& h)
{
    e.step_from = scientific(h, 3);
    if (!numeric.model_holds)
        e.declined_because = "from h = " + e.step_from + " down to " + e.step
                             + ", the error series could not be trusted at any step (see gradcheck/methods/step_range.hpp), so no bound can be";
}

// The step of --step in T. The flag takes any magnitude; a precision that holds it only
// as 0 or inf refuses it (the caller names the precision).
template <class T>
T given_step(const std::string& text)
{
    const T h = from_decimal<T>(text);
    if (h == T(0)) throw InputError("--step: " + text + " is 0 in this precision (below its smallest positive number)");
    if (!(boost::math::isfinite)(h)) throw InputError("--step: " + text + " overflows to inf in this precision");
    return h;
}

// A step given by hand is the step the user studies, and the report shows it; but
// its verdict is confirmed at the step rule's (fitted) step, whose error model the
// check trusts:
//  - a difference beyond the rule step's tolerance FAILs the element, whatever the
//    given step said (a coarse --step cannot pass a mistake the rule's step catches);
//  - a difference beyond the given step's tolerance that the rule's step does not
//    confirm declines the element: that far from θ, the terms of the error series
//    can change sign (the sigmoid's poles lie off the real axis), so an estimate
//    built from D at h, 2h, 4h can miss them; the bound failed, not the formula.
// Right formulas fail at neither step, so this adds no false FAIL and no false PASS.
// Returns true when the rule's comparison should stand for the element in the
// diagnosis: it failed, or it holds with the tighter tolerance.
// The rule's comparison, when it was made, is left in *compared.
template <class T>
bool confirm_at_rule_step(ElementCheck& e, const T& analytic, const T& analytic_error, const NumericDerivative<T>& given,
                          const NumericDerivative<T>& rule, std::optional<ElementCheck>* compared = nullptr)
{
    if (rule.step == T(0) || !(boost::math::isfinite)(rule.value)) return false;
    const ElementCheck at_rule = compare(analytic, rule, analytic_error);
    if (at_rule.declined) return false;
    if (compared != nullptr) *compared = at_rule;
    const std::string there = "at the step rule's h = " + at_rule.step + " the difference is " + at_rule.abs_error;
    if (!at_rule.pass) {
        if (e.pass) e.fails_at_rule_step = "agrees within this step's tolerance " + e.tolerance + ", but " + there + " > tolerance " + at_rule.tolerance;
        else if (e.declined) e.fails_at_rule_step = "not checked at this step (" + e.declined_because + "), but " + there + " > tolerance " + at_rule.tolerance;
        e.pass = e.declined = false;
        e.declined_because.clear();
        return true;
    }
    if (!e.pass && !e.declined) {
        e.declined = true;
        e.declined_because = "the difference " + e.abs_error + " exceeds this step's tolerance " + e.tolerance + ", but " + there
                             + " ≤ tolerance " + at_rule.tolerance + ": this far from θ the error series escaped its bound "
                               "(its terms can change sign), so this step cannot decide";
        return false;
    }
    return e.pass && rule.error_bound < given.error_bound;
}

// A close call of --fast: a direction that agrees with less than a factor 2 to spare.
// A mistake that fails the full check in a few elements by a small margin is only
// part of a direction's difference (clamped-log, verdict case 103245: three elements
// failed by 1.005 to 1.3 times their tolerance, every direction passed, the closest
// at 0.63 of its tolerance), so a close call runs the full check. The factor is not a
// tolerance (the full check's verdict is the one given); right formulas on the
// default problems use 2 to 5 % of a direction's tolerance, so --fast stays fast
// where the call is clear.
inline bool close_call(const ElementCheck& e)
{
    return e.pass && !e.near_zero && e.digits - e.digits_needed < std::log10(2.0);
}

// The fast check (check/directional.hpp): vᵀ∇L against d/dt L(θ + t·v) along K random unit
// directions and along each partial's analytic gradient, as one "partial" v·∇L of
// one element per direction. P is moved along v and restored.
template <class T, class Loss>
PartialCheck directional_check(xornet::Parameters<T>& P, const xornet::Gradients<T>& grads,
                               const xornet::Gradients<T>& analytic_error, const T& loss_error, Loss&& loss,
                               const CheckSettings& settings, const PreactivationReach<T>& reach)
{
    using std::abs;
    const T u = machine_epsilon<T>();
    const std::vector<T*> theta = flattened(P);
    const std::vector<T> g = flattened(grads), g_error = flattened(analytic_error);
    const std::size_t n = theta.size();
    std::vector<T> theta0(n);
    T scale(0); // max |θ_i|, for the step rule
    for (std::size_t i = 0; i < n; ++i) theta0[i] = *theta[i], scale = std::max(scale, T(abs(theta0[i])));
    const bool step_given = settings.step.has_value();

    PartialCheck partial;
    std::vector<std::vector<double>> directions = random_directions(n, settings.directions, settings.direction_seed);
    for (auto& along_partial : partial_directions(grads)) directions.push_back(std::move(along_partial));
    partial.name = "v·∇L";
    partial.rows = directions.size();
    partial.cols = 1;
    partial.shape = xornet::shape_string(partial.rows, 1);
    partial.shape_names = "directions×1";
    partial.pass = true;
    partial.worst_digits = working_digits<T>();
    const T rule_h = method_step(settings.method, scale);
    const T h = step_given ? given_step<T>(*settings.step) : rule_h;
    progress::Task progress("direction", directions.size());
    for (std::size_t d = 0; d < directions.size(); ++d) {
        progress.at(d);
        std::vector<T> v(n);
        T analytic(0), analytic_err(0), terms(0), moved_error(0);
        const T reach_h = std::max(h, rule_h);
        for (std::size_t i = 0; i < n; ++i) {
            v[i] = T(directions[d][i]);
            analytic += v[i] * g[i];
            analytic_err += abs(v[i]) * g_error[i];
            terms += abs(T(v[i] * g[i]));
            // θ_i + t·v_i for |t| up to 4h (the farthest point of the stencils) rounds by ≤ u/2 of itself
            moved_error += abs(g[i]) * u / T(2) * T(abs(theta0[i]) + T(4) * reach_h * abs(v[i]));
        }
        analytic_err += T(n) * u * terms;
        T t(0);
        const auto along = [&] {
            for (std::size_t i = 0; i < n; ++i) *theta[i] = theta0[i] + t * v[i];
            return loss();
        };
        const T eps = loss_error + moved_error;
        const T reach_per_step = reach.per_unit_along(P, v) * T(stencil_reach(settings.method));
        const auto at = [&](const T& step) { // the method at this step, in the range of its series (methods/step_range.hpp)
            NumericDerivative<T> d = numeric_derivative(settings.method, along, t, step, eps);
            d.in_range = d.step * reach_per_step <= series_range<T>();
            d.model_holds = d.model_holds && d.in_range;
            return d;
        };
        NumericDerivative<T> numeric = at(h);
        bool reduced = false;
        if (!step_given)
            numeric = fit_step(numeric, reduced, at);
        if (!(boost::math::isfinite)(numeric.value)) {
            for (std::size_t i = 0; i < n; ++i) *theta[i] = theta0[i];
            throw InputError("--fast: the loss is not finite at θ ± h·v for direction " + std::to_string(d) + " (h = "
                             + scientific(numeric.step, 3) + "); choose a smaller step");
        }
        ElementCheck e = compare(analytic, numeric, analytic_err);
        if (reduced) note_reduction(e, numeric, h);
        std::optional<ElementCheck> at_rule;
        if (step_given) {
            bool rule_reduced = false;
            confirm_at_rule_step(e, analytic, analytic_err, numeric, fit_step(at(rule_h), rule_reduced, at), &at_rule);
        }
        // At a given step, the call at the rule's step counts too (verdict case 202396:
        // clear at --step 1e-5, close at the rule's step, and the full check FAILs).
        e.close_call = close_call(e) || (at_rule && close_call(*at_rule));
        for (std::size_t i = 0; i < n; ++i) *theta[i] = theta0[i];
        e.row = d;
        partial.add(std::move(e));
    }
    return partial;
}

// A step given by hand can make the tolerance larger than every value of the
// gradient (in float, ε_L/h at h = 1e-5 is about 0.1): then an element compared
// absolutely passes whatever the formulas, and its pass would mean nothing. Such an
// element is declined (unless the rule's step failed it). At the step rule's own
// step the tolerance is the least the arithmetic allows; where gradients vanish
// there, a blind: line says so instead.
template <class T>
void decline_if_vacuous(ElementCheck& e, const T& tolerance, const T& largest_of_gradient)
{
    if (!(e.pass && e.near_zero && tolerance >= largest_of_gradient)) return;
    e.declined = true, e.pass = false;
    e.declined_because = "at h = " + e.step + " the tolerance " + e.tolerance
                         + " is at least the largest value of the whole gradient: nothing can be checked; a step nearer the rule's may";
}

// Checks the network with parameters P on examples X (N×m) and labels Y (1×m).
// P is perturbed one element at a time and restored.
template <class T>
CheckReport check_parameters(xornet::Parameters<T> P, const xornet::Matrix<T>& X, const xornet::Matrix<T>& Y,
                             const CheckSettings& settings)
{
    using std::abs;
    using xornet::Param;
    const xornet::Cache<T> cache = xornet::forward(P, X);
    const T loss_error = loss_rounding_bound(P, X, Y);
    const xornet::Gradients<T> analytic_error = backward_rounding_bound(P, X, Y);
    // The loss its author computes: the numeric gradient differentiates this one.
    const auto loss = [&] { return xornet::loss_for(settings.formulas, xornet::forward(P, X), Y); };

    CheckReport r;
    r.digits = working_digits<T>();
    r.epsilon = scientific(machine_epsilon<T>(), 3);
    r.formulas = std::string(xornet::gallery_entry(settings.formulas).name);
    r.formulas_explanation = std::string(xornet::gallery_entry(settings.formulas).explanation);
    r.N = P.inputs();
    r.H = P.hidden();
    r.m = Y.cols();
    r.loss = all_digits(loss());
    r.loss_label = settings.formulas == xornet::Derivation::clamped_log ? "clamped form, with log(A2 + 1e-12)" : "stable form, from Z2";
    const T seed_form = xornet::loss_seed_form(cache.A2, Y);
    r.loss_seed_form_finite = (boost::math::isfinite)(seed_form);
    r.loss_seed_form = r.loss_seed_form_finite ? all_digits(seed_form) : ((boost::math::isnan)(seed_form) ? "nan" : "inf");
    r.loss_error = scientific(loss_error, 3);
    r.method = std::string(method_name(settings.method));
    r.method_description = std::string(method_description(settings.method));
    if (settings.fast)
        r.method_description = "--fast: vᵀ∇L against d/dt L(θ + t·v) by " + r.method_description + " in t, along "
                               + std::to_string(settings.directions) + " random unit directions v (seed "
                               + std::to_string(settings.direction_seed) + "); every element only if one disagrees";
    const std::string root = settings.method == Method::central ? "1/3" : "1/" + std::to_string(method_order(settings.method) + 1);
    const std::string scale = settings.fast ? "·max(1, max_i |θ_i|)" : "·max(1, |θ|)"; // --fast: one step for all
    r.step_rule = settings.step                             ? "h = " + *settings.step + " (given)"
                  : settings.method == Method::autodiff     ? "no step"
                  : settings.method == Method::complex_step ? "h = u" + scale + " = " + scientific(method_step(settings.method, T(0)), 3) + scale
                                                            : "h = u^(" + root + ")" + scale + " rounded to a power of 2 = "
                                                                  + scientific(method_step(settings.method, T(0)), 3) + scale;
    if (settings.method == Method::autodiff && !has_autodiff<T>)
        throw InputError("--method autodiff: Boost 1.74's autodiff does not compile with MPFR numbers; use --precision 50 or 100, or --method complex-step");
    if (settings.method == Method::autodiff && settings.step) throw InputError("--step: autodiff takes no step");
    const T L = loss();
    const T learning_rate = from_decimal<T>(settings.training.learning_rate);
    xornet::Gradients<T> grads;
    try {
        grads = xornet::gradients_for(settings.formulas, P, X, Y, cache, learning_rate);
    } catch (const std::invalid_argument& e) { // a derivation whose shapes do not fit fails before any number
        r.backward_error = e.what();
        r.diagnosis = shape_error_story;
        r.pass = false;
        return r;
    }
    r.pass = true;

    if (settings.fast) {
        r.partials.push_back(directional_check(P, grads, analytic_error, loss_error, loss, settings, PreactivationReach<T>(X, cache.A1)));
        r.pass = r.partials.back().pass;
        // A direction whose tolerance exceeds a tenth of its value cannot stand for the elements.
        bool coarse = false;
        for (const ElementCheck& e : r.partials.back().elements) coarse = coarse || e.near_zero || e.digits_needed < 1;
        bool close = false; // a close call (close_call above)
        for (const ElementCheck& e : r.partials.back().elements) close = close || e.close_call;
        if (r.pass && !coarse && !close) return r;
        r.localised = true; // the full check follows, to say where (or to check at all)
        r.localised_because = !r.pass ? "a direction disagrees: the full check follows, element by element, to say where"
                              : coarse ? "a direction's tolerance exceeds a tenth of its value, too coarse to stand for the elements: "
                                         "the full check follows, element by element"
                                       : "a direction agrees with less than a factor 2 to spare, too close to stand for the elements: "
                                         "the full check follows, element by element";
        r.pass = true;
    }

    const bool step_given = settings.step.has_value();
    const T step_asked = step_given ? given_step<T>(*settings.step) : T(0);
    T largest_of_gradient(0);
    for (Param p : xornet::all_params)
        for (std::size_t k = 0; k < xornet::gradient(grads, p).size(); ++k)
            largest_of_gradient = std::max(largest_of_gradient, T(abs(xornet::gradient(grads, p).flat(k))));
    const PreactivationReach<T> reach(X, cache.A1);
    std::vector<Judged<T>> judged; // for the diagnosis, should a partial fail
    std::size_t elements = 0, done = 0;
    for (Param p : xornet::all_params) elements += xornet::param(P, p).size();
    progress::Task progress("element", elements);
    for (Param p : xornet::all_params) {
        xornet::Matrix<T>& theta = xornet::param(P, p);
        const xornet::Matrix<T>& analytic = xornet::gradient(grads, p);
        Judged<T> values{"d" + std::string(xornet::param_name(p)), analytic, theta, theta, std::vector<bool>(theta.size()), {}};
        PartialCheck partial;
        partial.name = "dL/d" + std::string(xornet::param_name(p));
        partial.rows = theta.rows();
        partial.cols = theta.cols();
        partial.shape = xornet::shape_string(theta.rows(), theta.cols());
        partial.shape_names = shape_names(p);
        partial.pass = true;
        partial.worst_digits = working_digits<T>();
        for (std::size_t k = 0; k < theta.size(); ++k) {
            progress.at(done++);
            const T h = step_given ? step_asked : method_step(settings.method, theta.flat(k));
            const T analytic_rounding = xornet::gradient(analytic_error, p).flat(k);
            NetworkCoordinate<T> f{settings.formulas, P, X, Y, p, k, L, loss_error, analytic_rounding};
            const auto at = [&](const T& step) { return estimate(settings.method, f, theta.flat(k), step, loss_error); };
            const T reach_per_step = reach.per_unit(P, p, k) * T(stencil_reach(settings.method));
            const auto in_range = [&](NumericDerivative<T> d) { // methods/step_range.hpp: a priori
                d.in_range = settings.method == Method::autodiff || d.step * reach_per_step <= series_range<T>();
                d.model_holds = d.model_holds && d.in_range;
                return d;
            };
            const auto at_in_range = [&](const T& step) { return in_range(at(step)); };
            NumericDerivative<T> numeric = at_in_range(h);
            // A step the user gave is the step they asked to study: never reduced.
            bool reduced = false;
            if (!step_given && settings.method != Method::autodiff) numeric = fit_step(numeric, reduced, at_in_range);
            const auto where = [&] { // for the errors only
                return partial.name + "[" + std::to_string(k / theta.cols()) + "," + std::to_string(k % theta.cols()) + "]";
            };
            if (numeric.step == T(0))
                throw InputError("--step: h = " + scientific(h, 3) + " is too small for " + where() + ": "
                                 + std::string(xornet::param_name(p)) + " ± h rounds back to " + scientific(theta.flat(k), 6));
            const bool forward_mode = settings.method == Method::complex_step || settings.method == Method::autodiff;
            if (!forward_mode && !(boost::math::isfinite)(numeric.value))
                throw InputError("--step: the loss is not finite at " + std::string(xornet::param_name(p)) + " ± h for "
                                 + where() + " (h = " + scientific(h, 3) + "); choose a smaller step");
            ElementCheck e = compare(analytic.flat(k), numeric, analytic_rounding);
            if (reduced) note_reduction(e, numeric, h);
            if (!(boost::math::isfinite)(numeric.value)) { // forward mode: an overflow inside the complex/dual network
                e.declined = true, e.pass = false, e.numeric_finite = false;
                e.numeric_shown = "not finite";
                e.declined_because = std::string(method_name(settings.method))
                                     + " overflows inside the network at these weights (a sigmoid far into saturation); "
                                       "central differences do not";
            }
            NumericDerivative<T> judged_by = numeric;
            if (step_given && settings.method != Method::autodiff) {
                bool rule_reduced = false;
                const NumericDerivative<T> rule = fit_step(at_in_range(method_step(settings.method, theta.flat(k))), rule_reduced, at_in_range);
                if (confirm_at_rule_step(e, analytic.flat(k), analytic_rounding, numeric, rule)) judged_by = rule;
                decline_if_vacuous(e, T(numeric.error_bound + analytic_rounding), largest_of_gradient);
            }
            values.reference.flat(k) = judged_by.value;
            values.tolerance.flat(k) = T(judged_by.error_bound + analytic_rounding);
            values.skip[k] = e.declined;
            values.pass = values.pass && (e.pass || e.declined);
            e.row = k / theta.cols();
            e.col = k % theta.cols();
            partial.add(std::move(e));
        }
        r.pass = r.pass && partial.pass;
        r.partials.push_back(std::move(partial));
        judged.push_back(std::move(values));
    }
    const std::vector<Candidate<T>> candidates = gallery_candidates(P, X, Y, cache, learning_rate);
    r.hidden = hidden_mistakes(judged, candidates);
    if (!r.pass) {
        const Diagnosis d = diagnose(judged, candidates, Y.cols());
        const std::size_t first = r.partials.size() - judged.size(); // after v·∇L with --fast
        for (std::size_t i = 0; i < judged.size(); ++i) r.partials[first + i].diagnosis = d.per_array[i];
        r.diagnosis = d.overall;
    }
    return r;
}

template <class T>
CheckReport check_gradients(const Problem& problem, const CheckSettings& settings)
{
    const Instance<T> net = instance_for<T>(problem);
    return check_parameters(net.P, net.X, net.Y, settings);
}

} // namespace gradcheck

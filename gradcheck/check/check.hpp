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
#include "gradcheck/bounds/backward_rounding.hpp"
#include "gradcheck/methods/central_difference.hpp"
#include "gradcheck/check/compare.hpp"
#include "gradcheck/check/element.hpp"
#include "gradcheck/check/fast.hpp"
#include "gradcheck/check/steps.hpp"
#include "gradcheck/methods/forward_mode.hpp"
#include "gradcheck/input/instance.hpp"
#include "gradcheck/check/network_function.hpp"
#include "gradcheck/methods/estimate.hpp"
#include "gradcheck/scalar/decimal.hpp"
#include "gradcheck/check/diagnosis.hpp"
#include "init.hpp"
#include "gradcheck/input/error.hpp"
#include "loss.hpp"
#include "gradcheck/bounds/loss_rounding.hpp"
#include "network.hpp"
#include "gradcheck/input/problem.hpp"
#include "gradcheck/cli/progress.hpp"
#include "gradcheck/report/report.hpp"
#include "gradcheck/scalar/traits.hpp"
#include "gradcheck/check/preactivation_reach.hpp"
#include "gradcheck/methods/step_range.hpp"

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


// How the step rule's h moves per element (walk_to_least_error, check/steps.hpp).
inline const char* const walked_step_rule =
    ",\n         then moved by factors of 2 to where its error is expected least (column h)";

// The report's header: the problem, the loss and its bound, the method and its step
// rule. Refuses a step the method takes none of (autodiff).
template <class T>
void describe_check(CheckReport& r, const CheckSettings& settings, const xornet::Parameters<T>& P, const xornet::Matrix<T>& Y,
                    const xornet::Cache<T>& cache, const T& L, const T& loss_error)
{
    r.digits = working_digits<T>();
    r.epsilon = scientific(machine_epsilon<T>(), 3);
    r.formulas = std::string(xornet::gallery_entry(settings.formulas).name);
    r.formulas_explanation = std::string(xornet::gallery_entry(settings.formulas).explanation);
    r.N = P.inputs();
    r.H = P.hidden();
    r.m = Y.cols();
    r.loss = all_digits(L);
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
    const MethodKind kind = method_kind(settings.method);
    const std::string root = settings.method == Method::central ? "1/3" : "1/" + std::to_string(method_order(settings.method) + 1);
    const std::string scale = settings.fast ? "·max(1, max_i |θ_i|)" : "·max(1, |θ|)"; // --fast: one step for all
    r.step_rule = settings.step                           ? "h = " + *settings.step + " (given)"
                  : kind == MethodKind::dual              ? "no step"
                  : kind == MethodKind::complex_step      ? "h = u" + scale + " = " + scientific(method_step(settings.method, T(0)), 3) + scale
                                                          : "h = u^(" + root + ")" + scale + " rounded to a power of 2 = "
                                                                + scientific(method_step(settings.method, T(0)), 3) + scale
                                                                + walked_step_rule;
    if (kind == MethodKind::dual && settings.step) throw InputError("--step: autodiff takes no step");
}

// --fast first: the directions' verdict stands if every direction agrees clearly;
// otherwise the full check follows (r.localised says why). Returns whether it stands.
template <class T, class Loss>
bool fast_check_settles(CheckReport& r, xornet::Parameters<T>& P, const xornet::Matrix<T>& X, const xornet::Cache<T>& cache,
                        const xornet::Gradients<T>& grads, const xornet::Gradients<T>& analytic_error, const T& loss_error,
                        const T& typical_rounding, Loss& loss, const CheckSettings& settings)
{
    r.partials.push_back(directional_check(P, grads, analytic_error, loss_error, loss, settings, PreactivationReach<T>(X, cache.A1),
                                           typical_rounding));
    r.pass = r.partials.back().pass;
    // A direction whose tolerance exceeds a tenth of its value cannot stand for the elements.
    bool coarse = false;
    for (const ElementCheck& e : r.partials.back().elements) coarse = coarse || e.near_zero || e.digits_needed < 1;
    bool close = false; // a close call (close_call, check/fast.hpp)
    for (const ElementCheck& e : r.partials.back().elements) close = close || e.close_call;
    bool points = false; // the points' rounding outweighs the loss's (check/fast.hpp)
    for (const ElementCheck& e : r.partials.back().elements) points = points || e.coarse_points;
    if (r.pass && !coarse && !close && !points) return true;
    r.localised = true; // the full check follows, to say where (or to check at all)
    r.localised_because = !r.pass ? "a direction disagrees: the full check follows, element by element, to say where"
                          : coarse ? "a direction's tolerance exceeds a tenth of its value, too coarse to stand for the elements: "
                                     "the full check follows, element by element"
                          : points ? "the rounding of the points θ + t·v (large parameters) outweighs the loss's own, so a direction's "
                                     "tolerance is looser than an element's: the full check follows, element by element"
                                   : "a direction agrees with less than a factor 2 to spare, too close to stand for the elements: "
                                     "the full check follows, element by element";
    r.pass = true;
    return false;
}

// What every element of the network shares.
template <class T>
struct ElementContext {
    const CheckSettings& settings;
    xornet::Parameters<T>& P; // moved one element at a time and restored
    const xornet::Matrix<T>& X;
    const xornet::Matrix<T>& Y;
    T L, loss_error;
    ElementRule<T> rule; // the method, its step, and what a vacuous tolerance is
    PreactivationReach<T> reach;
    std::vector<T>* forward_gradient; // autodiff: every partial from one pass (check/network_function.hpp)
};

// Every element of partial dL/dp; values receives what the diagnosis reads.
template <class T>
PartialCheck check_partial(const ElementContext<T>& c, xornet::Param p, const xornet::Gradients<T>& grads,
                           const xornet::Gradients<T>& analytic_error, progress::Task& progress, std::size_t& done,
                           Judged<T>& values)
{
    const xornet::Matrix<T>& theta = xornet::param(c.P, p);
    const xornet::Matrix<T>& analytic = xornet::gradient(grads, p);
    values = {"d" + std::string(xornet::param_name(p)), analytic, theta, theta, std::vector<bool>(theta.size()), {}};
    PartialCheck partial;
    partial.name = "dL/d" + std::string(xornet::param_name(p));
    partial.rows = theta.rows();
    partial.cols = theta.cols();
    partial.shape = xornet::shape_string(theta.rows(), theta.cols());
    partial.shape_names = shape_names(p);
    partial.pass = true;
    partial.worst_digits = working_digits<T>();
    partial.elements.reserve(theta.size());
    for (std::size_t k = 0; k < theta.size(); ++k) {
        progress.at(done++);
        const T analytic_rounding = xornet::gradient(analytic_error, p).flat(k);
        NumericDerivative<T> judged_by;
        // The network as a function of this one parameter, and how far a step of 1 moves its pre-activations.
        NetworkCoordinate<T> f{c.settings.formulas, c.P, c.X, c.Y, p, k, c.L, c.loss_error, analytic_rounding, *c.forward_gradient, done - 1};
        const T reach_per_step = c.reach.per_unit(c.P, p, k) * T(stencil_reach(c.settings.method));
        const std::string where = partial.name + "[" + std::to_string(k / theta.cols()) + "," + std::to_string(k % theta.cols()) + "]";
        ElementCheck e = check_element(c.rule, f, xornet::param(c.P, p).flat(k), analytic.flat(k), analytic_rounding,
                                       reach_per_step, where, std::string(xornet::param_name(p)), judged_by);
        e.row = k / theta.cols(), e.col = k % theta.cols();
        values.reference.flat(k) = judged_by.value;
        values.tolerance.flat(k) = T(judged_by.error_bound + analytic_rounding);
        values.skip[k] = e.declined;
        values.pass = values.pass && (e.pass || e.declined);
        partial.add(std::move(e));
    }
    return partial;
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
    const T L = loss();

    CheckReport r;
    describe_check(r, settings, P, Y, cache, L, loss_error);
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
    // One rounding of L, the step rule's own model: what an evaluation typically carries,
    // to choose steps by (check/steps.hpp), for the elements and --fast's directions alike.
    const T typical_rounding = T(machine_epsilon<T>() * abs(L));
    if (settings.fast && fast_check_settles(r, P, X, cache, grads, analytic_error, loss_error, typical_rounding, loss, settings)) return r;

    ElementRule<T> rule;
    rule.method = settings.method, rule.loss_error = loss_error;
    rule.typical_rounding = typical_rounding;
    rule.overflow_because = "overflows inside the network at these weights (a sigmoid far into saturation); central differences do not";
    if (settings.step) rule.step_given = true, rule.step_asked = given_step<T>(*settings.step);
    for (Param p : xornet::all_params)
        for (std::size_t k = 0; k < xornet::gradient(grads, p).size(); ++k)
            rule.largest_of_gradient = std::max(rule.largest_of_gradient, T(abs(xornet::gradient(grads, p).flat(k))));
    std::vector<T> forward_gradient; // filled by the first autodiff element
    const ElementContext<T> c{settings, P, X, Y, L, loss_error, rule, PreactivationReach<T>(X, cache.A1), &forward_gradient};
    std::vector<Judged<T>> judged(xornet::all_params.size()); // for the diagnosis, should a partial fail
    std::size_t elements = 0, done = 0;
    for (Param p : xornet::all_params) elements += xornet::param(P, p).size();
    progress::Task progress("element", elements);
    for (std::size_t i = 0; i < xornet::all_params.size(); ++i) {
        r.partials.push_back(check_partial(c, xornet::all_params[i], grads, analytic_error, progress, done, judged[i]));
        r.pass = r.pass && r.partials.back().pass;
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

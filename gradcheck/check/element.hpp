// One element of a gradient against its numeric estimate, for any function: the
// core of the check. It knows nothing of the network. The caller gives
//   f          a function of one coordinate θ in the form estimate() takes
//              (methods/estimate.hpp): f.value() reads θ, which theta refers to;
//   analytic   the analytic derivative being checked, and analytic_rounding (ε_a)
//              the bound on its own rounding;
//   ε_L        (in ElementRule) the bound on the rounding of one f.value();
//   reach_per_step  how far a step of 1 in θ moves the function's arguments
//              toward the edge of its error series (methods/step_range.hpp); 0 for
//              a function with no such edge.
// The XOR network is its first client (check/check.hpp, check/network_function.hpp).
#pragma once

#include <algorithm>
#include <cmath>
#include <string>
#include <utility>
#include <vector>

#include <boost/math/special_functions/fpclassify.hpp>

#include "gradcheck/check/compare.hpp"
#include "gradcheck/check/steps.hpp"
#include "gradcheck/input/error.hpp"
#include "gradcheck/methods/estimate.hpp"
#include "gradcheck/methods/step_range.hpp"
#include "gradcheck/report/report.hpp"
#include "gradcheck/scalar/traits.hpp"

namespace gradcheck {

// How every element is estimated: the method, its step (the rule's, or --step), the
// rounding of the function, and the largest value of the whole gradient (a given
// step's tolerance that exceeds it checks nothing: decline_if_vacuous).
template <class T>
struct ElementRule {
    Method method = Method::central;
    T loss_error{0};
    // The rounding one evaluation typically carries, to choose the step by (ε_L bounds the
    // worst case); 0: ε_L itself.
    T typical_rounding{0};
    bool step_given = false;
    T step_asked{0};
    T largest_of_gradient{0};
    // Why a forward-mode value can be infinite where differences are not (the network
    // says where: a sigmoid far into saturation).
    std::string overflow_because = "overflows inside the function at this point; central differences may not";
};

// f with every value it has computed remembered, by θ (RememberedValues, check/steps.hpp).
template <class T, class Function>
struct Remembered {
    Function& f;
    const T& theta;
    RememberedValues<T> values;
    T value() { return values.at(theta, [&] { return f.value(); }); }
    NumericDerivative<T> complex_step(const T& h) { return f.complex_step(h); }
    NumericDerivative<T> dual() { return f.dual(); }
};

// theta is the coordinate f reads: moved by the differences and restored. where names
// the element for the errors ("dL/dW1[0,1]"), name the parameter ("W1"). judged_by
// receives the estimate the verdict rests on (the rule's step confirms a given one).
template <class T, class Function>
ElementCheck check_element(const ElementRule<T>& rule, Function& f, T& theta, const T& analytic, const T& analytic_rounding,
                           const T& reach_per_step, const std::string& where, const std::string& name,
                           NumericDerivative<T>& judged_by)
{
    const bool has_step = method_kind(rule.method) != MethodKind::dual;
    const T h = rule.step_given ? rule.step_asked : method_step(rule.method, theta);
    Remembered<T, Function> remembered{f, theta, {}};
    const auto at = [&](const T& step) { // the method at this step, in the range of its series (methods/step_range.hpp)
        NumericDerivative<T> d = estimate(rule.method, remembered, theta, step, rule.loss_error);
        d.in_range = !has_step || d.step * reach_per_step <= series_range<T>();
        d.model_holds = d.model_holds && d.in_range;
        return d;
    };
    const auto expected = [&](const NumericDerivative<T>& d) {
        return expected_error(d, method_order(rule.method), rule.typical_rounding, rule.loss_error);
    };
    // The rule's step, reduced where the series does not hold there, else (for the
    // difference methods) walked to the least expected error (check/steps.hpp).
    const auto chosen = [&](const T& start, bool& reduced) {
        return is_difference(rule.method) ? step_by_rule(start, reduced, at, expected) : fit_step(at(start), reduced, at);
    };
    // A step the user gave is the step they asked to study: never moved.
    bool reduced = false;
    NumericDerivative<T> numeric = rule.step_given || !has_step ? at(h) : chosen(h, reduced);
    if (numeric.step == T(0))
        throw InputError("--step: h = " + scientific(h, 3) + " is too small for " + where + ": " + name + " ± h rounds back to "
                         + scientific(theta, 6));
    if (is_difference(rule.method) && !(boost::math::isfinite)(numeric.value))
        throw InputError("--step: the loss is not finite at " + name + " ± h for " + where + " (h = " + scientific(h, 3)
                         + "); choose a smaller step");
    ElementCheck e = compare(analytic, numeric, analytic_rounding);
    if (!has_step) e.step.clear(); // autodiff: no step to show
    if (reduced) note_reduction(e, numeric, h);
    if (!(boost::math::isfinite)(numeric.value)) { // forward mode: an overflow inside the complex/dual function
        e.declined = true, e.pass = false, e.numeric_finite = false;
        e.numeric_shown = "not finite";
        e.declined_because = std::string(method_name(rule.method)) + " " + rule.overflow_because;
    }
    judged_by = numeric;
    if (rule.step_given && has_step) {
        bool rule_reduced = false;
        const NumericDerivative<T> at_rule = chosen(method_step(rule.method, theta), rule_reduced);
        if (confirm_at_rule_step(e, analytic, analytic_rounding, numeric, at_rule)) judged_by = at_rule;
        decline_if_vacuous(e, T(numeric.error_bound + analytic_rounding), rule.largest_of_gradient);
    }
    return e;
}

} // namespace gradcheck

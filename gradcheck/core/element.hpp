// One line's derivative against its analytic value: the estimate at the rule's step
// (reduced where the error series does not hold, else walked to the least expected
// error: core/steps.hpp) or at a given step, and the comparison (core/compare.hpp).
// Where the line measures f's rounding as it goes, the check is run again with ε_L
// raised to the largest rounding seen, until ε_L covers every value the verdict used.
#pragma once

#include <optional>

#include <boost/math/special_functions/fpclassify.hpp>

#include "gradcheck/core/compare.hpp"
#include "gradcheck/core/line.hpp"
#include "gradcheck/core/steps.hpp"
#include "gradcheck/methods/estimate.hpp"
#include "gradcheck/methods/step_range.hpp"

namespace gradcheck::core {

// How every value is estimated, from the settings and the analytic gradient: the
// method's row and what follows from it, resolved once.
template <class T>
struct Rule {
    MethodRow method = method_row(Method::central);
    bool has_step = true;          // all but autodiff
    bool differences = true;       // a stencil or Richardson: differences of f's values
    T root{0};                     // the step rule's root (methods/differences.hpp)
    std::optional<T> step;         // given by hand
    bool confirm_given = true;     // a given step's verdict confirmed at the rule's step
    bool vacuous_check = true;     // elements: a given step whose tolerance checks nothing is declined
    T typical_rounding{0};         // what one evaluation typically carries, to choose steps by; 0: ε_L
    T largest_of_gradient{0};      // a given step's tolerance at least this large checks nothing
};

// At most this many reruns with a raised ε_L.
inline constexpr int max_reruns = 4;

// The line with every value it has computed remembered, by the variable's value.
template <class T, class L>
struct Remembered {
    L& line;
    const T& theta;
    RememberedValues<T> values;
    T value()
        requires requires(L l) { l.value(); }
    {
        return values.at(theta, [&] { return T(line.value()); });
    }
    NumericDerivative<T> complex_step(const T& h) { return line.complex_step(h); }
    NumericDerivative<T> dual() { return line.dual(); }
};

// An element without a numeric value: why, and where the step started.
template <class T>
Element<T> without_value(const T& analytic, Reason reason, const T& first_step = T(0), const T& step = T(0))
{
    Element<T> e;
    e.analytic = analytic;
    e.has_numeric = e.numeric_finite = false;
    e.declined = true;
    e.reason = reason;
    e.first_step = first_step, e.step = step;
    return e;
}

// The estimate at the rule's step rule_h (or the given one) with ε_L + points(step),
// the rounding of f plus that of the points reached (directions), and its comparison.
template <class T, class L, class Points>
Element<T> estimate_and_compare(const Rule<T>& rule, L& line, const T& rule_h, const T& loss_error, const T& analytic,
                                const T& analytic_rounding, Points&& points)
{
    const bool has_step = rule.has_step;
    T& theta = line.theta();
    const T h = rule.step ? *rule.step : rule_h;
    Remembered<T, L> remembered{line, theta, {}};
    const auto eps = [&](const T& step) { return T(loss_error + points(step)); };
    const auto at = [&](const T& step) { // the method at this step, in the range of its series
        NumericDerivative<T> d = estimate(rule.method, remembered, theta, step, eps(step));
        d.in_range = !has_step || d.step * T(line.reach_per_step()) <= series_range<T>();
        d.model_holds = d.model_holds && d.in_range;
        return d;
    };
    const auto expected = [&](const NumericDerivative<T>& d) {
        return expected_error(d, rule.method.order, rule.typical_rounding, eps(d.step));
    };
    const auto chosen = [&](const T& start, bool& reduced) {
        return rule.differences ? step_by_rule(start, reduced, at, expected) : fit_step(at(start), reduced, at);
    };
    bool reduced = false; // a step the user gave is the step they asked to study: never moved
    const NumericDerivative<T> numeric = rule.step || !has_step ? at(h) : chosen(h, reduced);
    if (numeric.step == T(0)) {
        Element<T> none = without_value(analytic, Reason::step_vanishes, h);
        none.theta = theta;
        return none;
    }
    if (rule.differences && !(boost::math::isfinite)(numeric.value))
        return without_value(analytic, Reason::not_finite, h, numeric.step);
    Element<T> e = compare(analytic, numeric, analytic_rounding);
    e.first_step = h, e.has_step = has_step, e.loss_rounding = loss_error;
    if (!has_step) e.reference_step = T(0);
    if (reduced) note_reduction(e, numeric, h);
    if (!(boost::math::isfinite)(numeric.value)) { // forward mode: an overflow inside the complex or dual function
        e.declined = true, e.pass = false, e.numeric_finite = false;
        e.reason = Reason::overflow;
    }
    if (rule.step && has_step && rule.confirm_given) {
        bool rule_reduced = false;
        const NumericDerivative<T> at_rule = chosen(rule_h, rule_reduced);
        if (confirm_at_rule_step(e, analytic, analytic_rounding, numeric, at_rule))
            e.reference = at_rule.value, e.reference_tolerance = T(at_rule.error_bound + analytic_rounding), e.reference_step = at_rule.step;
        if (rule.vacuous_check) decline_if_vacuous(e, T(numeric.error_bound + analytic_rounding), rule.largest_of_gradient);
    }
    return e;
}

// The line's derivative against `analytic`, whose rounding is analytic_rounding.
template <class T, class L, class Points>
Element<T> check_line(const Rule<T>& rule, L& line, const T& rule_h, const T& analytic, const Bound<T>& analytic_rounding,
                      Points&& points)
{
    const Bound<T> start = line.loss_rounding();
    if (!start.known) return without_value(analytic, Reason::noise_unknown);
    T loss_error = start.value;
    for (int run = 0;; ++run) {
        line.reset();
        Element<T> e = estimate_and_compare(rule, line, rule_h, loss_error, analytic, analytic_rounding.value, points);
        if (!has_no_value(e.reason) && line.measures() && !(line.seen() <= loss_error)) {
            if (run == max_reruns) return without_value(analytic, Reason::unsettled);
            loss_error = line.seen();
            continue;
        }
        if (!analytic_rounding.known && !e.declined) e.declined = true, e.pass = false, e.reason = Reason::analytic_noise_unknown;
        return e;
    }
}

} // namespace gradcheck::core

// The step of one value: the rule's step reduced where the error series does not hold
// (fit_step), else walked to the least expected error (walk_to_least_error); a step
// given by hand confirmed at the rule's step (confirm_at_rule_step) and declined where
// its tolerance checks nothing (decline_if_vacuous).
#pragma once

#include <algorithm>
#include <utility>
#include <vector>

#include <boost/math/special_functions/fpclassify.hpp>

#include "gradcheck/core/compare.hpp"
#include "gradcheck/methods/central_difference.hpp"

namespace gradcheck::core {

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

// At the rule's step truncation balances rounding only when L‴ is about as large as
// L (methods/central_difference.hpp); where it is not, the step lies on one arm of
// the V that `gradcheck sweep` draws. From a step whose series holds, walk by factors
// of 2 toward the bottom of the V: up while the expected error shrinks, else down
// while it shrinks, at most max_step_walk times. expected(d) is what the caller
// expects D(h) to be off by (the leading truncation term plus typical rounding); the
// step is chosen by it, not by the bound, which overstates both parts on purpose.
// Whatever step is chosen, its bound comes from its own D(h), D(2h), D(4h), as
// honest as the rule step's.
inline constexpr int max_step_walk = 12;

// What D(h) is expected to be off by, to choose a step by: its leading truncation term
// and its rounding bound (of order p) scaled from the bound on one evaluation's
// rounding down to the rounding one evaluation typically carries.
template <class T>
T expected_error(const NumericDerivative<T>& d, int order, const T& typical_rounding, const T& rounding_bound)
{
    const T scale = typical_rounding > T(0) && typical_rounding < rounding_bound ? T(typical_rounding / rounding_bound) : T(1);
    return T(d.leading + d.rounding / T(rounding_blur(order)) * scale);
}

template <class T, class At, class Expected>
NumericDerivative<T> walk_to_least_error(NumericDerivative<T> numeric, At&& at, Expected&& expected)
{
    if (!numeric.model_holds || numeric.step == T(0)) return numeric;
    for (const double factor : {2.0, 0.5}) {
        bool moved = false;
        for (int k = 0; k < max_step_walk; ++k) {
            const NumericDerivative<T> next = at(T(numeric.step * T(factor)));
            if (next.step == T(0) || !next.model_holds || !(expected(next) < expected(numeric))) break;
            numeric = next;
            moved = true;
        }
        if (moved) break;
    }
    return numeric;
}

// The step by the rule: the rule's step (start), reduced where the series does not
// hold there (fit_step; reduced says so), else walked to the least expected error.
template <class T, class At, class Expected>
NumericDerivative<T> step_by_rule(const T& start, bool& reduced, At&& at, Expected&& expected)
{
    const NumericDerivative<T> d = fit_step(at(start), reduced, at);
    return reduced ? d : walk_to_least_error(d, at, expected);
}

// The values of a function of one variable, each computed once, by the variable's
// value: the differences at h, 2h, 4h and at the steps the walk tries share their points.
template <class T>
struct RememberedValues {
    std::vector<std::pair<T, T>> seen; // (x, f(x))
    template <class Compute>
    T at(const T& x, Compute&& compute)
    {
        for (const auto& [point, value] : seen)
            if (point == x) return value;
        seen.emplace_back(x, compute());
        return seen.back().second;
    }
};

// The rule's step h was reduced to reach e's estimate (and, if no smaller step fitted
// the model either, e is declined for that).
template <class T>
void note_reduction(Element<T>& e, const NumericDerivative<T>& numeric, const T& h)
{
    e.step_from = h;
    if (!numeric.model_holds) e.reason = Reason::no_step_fits;
}

// A step given by hand is the step the user studies, and the report shows it; but
// its verdict is confirmed at the step rule's (fitted) step, whose error model the
// check trusts:
//  - a difference beyond the rule step's tolerance FAILs the element, whatever the
//    given step said (a coarse step cannot pass a mistake the rule's step catches);
//  - a difference beyond the given step's tolerance that the rule's step does not
//    confirm declines the element: that far from θ, the terms of the error series
//    can change sign (the sigmoid's poles lie off the real axis), so an estimate
//    built from D at h, 2h, 4h can miss them; the bound failed, not the formula.
// Right formulas fail at neither step, so this adds no false FAIL and no false PASS.
// Returns true when the rule's comparison should stand for the element in the
// diagnosis: it failed, or it holds with the tighter tolerance.
template <class T>
bool confirm_at_rule_step(Element<T>& e, const T& analytic, const T& analytic_error, const NumericDerivative<T>& given,
                          const NumericDerivative<T>& rule)
{
    if (rule.step == T(0) || !(boost::math::isfinite)(rule.value)) return false;
    const Element<T> at_rule = compare(analytic, rule, analytic_error);
    if (at_rule.declined) return false;
    e.at_rule = AtRule<T>{at_rule.step,      at_rule.abs_error, at_rule.tolerance, at_rule.pass, at_rule.near_zero,
                          at_rule.digits,    at_rule.digits_needed};
    if (!at_rule.pass) {
        if (e.pass || e.declined) e.overturned = true, e.was_pass = e.pass, e.was_reason = e.reason;
        e.pass = e.declined = false;
        e.reason = Reason::none;
        return true;
    }
    if (!e.pass && !e.declined) {
        e.declined = true;
        e.reason = Reason::escaped_bound;
        return false;
    }
    return e.pass && rule.error_bound < given.error_bound;
}

// A step given by hand can make the tolerance larger than every value of the
// gradient (in float, ε_L/h at h = 1e-5 is about 0.1): then an element compared
// absolutely passes whatever the formulas, and its pass would mean nothing. Such an
// element is declined (unless the rule's step failed it). At the step rule's own
// step the tolerance is the least the arithmetic allows; where gradients vanish
// there, a blind: line says so instead.
template <class T>
void decline_if_vacuous(Element<T>& e, const T& tolerance, const T& largest_of_gradient)
{
    if (!(e.pass && e.near_zero && tolerance >= largest_of_gradient)) return;
    e.declined = true, e.pass = false;
    e.reason = Reason::vacuous;
}

} // namespace gradcheck::core

// The step of one element: the rule's step reduced where the error series does not
// hold (fit_step), a step given by hand confirmed at the rule's step, and the notes
// the report makes of both. Used by the element loop (check/check.hpp) and --fast
// (check/fast.hpp).
#pragma once

#include <algorithm>
#include <cmath>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include <boost/math/special_functions/fpclassify.hpp>

#include "gradcheck/check/compare.hpp"
#include "gradcheck/input/error.hpp"
#include "gradcheck/methods/central_difference.hpp"
#include "gradcheck/report/report.hpp"
#include "gradcheck/scalar/decimal.hpp"
#include "gradcheck/scalar/traits.hpp"

namespace gradcheck {
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
// honest as the rule step's. at(h) evaluates the method at h (with the losses already
// computed remembered, a step up costs 2 new loss evaluations for central differences).
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

// The step of an element by the rule: the rule's step (start), reduced where the series
// does not hold there (fit_step; reduced says so), else walked to the least expected error.
template <class T, class At, class Expected>
NumericDerivative<T> step_by_rule(const T& start, bool& reduced, At&& at, Expected&& expected)
{
    const NumericDerivative<T> d = fit_step(at(start), reduced, at);
    return reduced ? d : walk_to_least_error(d, at, expected);
}

// The values of a function of one coordinate, each computed once, by the coordinate's
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

} // namespace gradcheck

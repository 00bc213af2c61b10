// What the engine returns: numbers, never words. One compared value (an element of
// a gradient, or a derivative along a direction) with the estimate it was compared
// with, the parts of its tolerance, its step, its verdict, and a reason code when it
// has no verdict of its own. report/ turns all of this into sentences.
#pragma once

#include <cstddef>
#include <limits>
#include <optional>
#include <vector>

namespace gradcheck {

// Why an element was declined (no trustworthy numeric value: neither pass nor FAIL),
// or why it has no numeric value at all.
enum class Reason {
    none,
    bound_not_finite,       // its error bound is not finite at this point
    beyond_series,          // the step moves f's arguments beyond the range of its error series
    series_fails,           // D at h, 2h, 4h does not follow the error series at this step
    no_step_fits,           // reduced from the rule's step, the series held at no step
    overflow,               // a forward-mode value is not finite where differences are
    escaped_bound,          // a given step's difference exceeds its tolerance, the rule's step's does not
    vacuous,                // a given step's tolerance reaches the largest value of the gradient
    noise_unknown,          // the rounding of f could not be estimated
    analytic_noise_unknown, // the rounding of the analytic value could not be estimated
    unsettled,              // the measured rounding of f kept growing with the points evaluated
    // No numeric value: the command refuses these as bad input, the library declines them.
    step_vanishes,          // θ ± h rounds back to θ
    not_finite,             // f is not finite at the points of the difference
};

// Reasons without a numeric value.
inline constexpr bool has_no_value(Reason r) { return r == Reason::step_vanishes || r == Reason::not_finite; }

namespace core {

// The comparison at the step rule's own step, made when a step was given (core/steps.hpp).
template <class T>
struct AtRule {
    T step{0}, abs_error{0}, tolerance{0};
    bool pass = false, near_zero = false;
    double digits = 0, digits_needed = 0;
};

template <class T>
struct Element {
    std::size_t index = 0; // the parameter's flat index, or the direction's
    T analytic{0}, numeric{0};
    T abs_error{0}, rel_error{0};
    T tolerance{0};                   // ε_n + ε_a, rounded up: pass iff abs_error ≤ tolerance
    T truncation{0}, rounding{0};     // ε_n: the numeric value's error bound
    T analytic_rounding{0};           // ε_a
    T step{0};                        // h of the numeric value
    T step_from{0};                   // the rule's (or given) step it was reduced from; 0: not reduced
    T first_step{0};                  // the step the estimate started from (for has_no_value reasons)
    T theta{0};                       // step_vanishes: the value θ ± h rounds back to
    T loss_rounding{0};               // ε_L the estimate used (without the rounding of the points)
    bool has_step = true;             // false: autodiff or an exact reference
    bool has_numeric = true;          // false: no estimate at all (has_no_value, or declined before one)
    bool numeric_finite = true;
    double digits = 0, digits_needed = 0; // −log10 of the relative error, and of the tolerance's
    double ratio = std::numeric_limits<double>::quiet_NaN(); // analytic/numeric; NaN: none
    bool near_zero = false;           // both values within the tolerance of 0: compared absolutely
    bool pass = false, declined = false;
    Reason reason = Reason::none;
    // A given step: the comparison at the rule's step, and whether it overturned this
    // step's verdict (a pass, or a decline for was_reason, turned into a FAIL).
    std::optional<AtRule<T>> at_rule;
    bool overturned = false, was_pass = false;
    Reason was_reason = Reason::none;
    // What the verdict rests on (the rule's comparison when it stands for a given step).
    T reference{0}, reference_tolerance{0}, reference_step{0};
    // Directions only: agreed with less than a factor 2 to spare; the points' rounding
    // may outweigh f's own (core/directions.hpp).
    bool close_call = false, coarse_points = false;
};

// Why the full check followed the directions, or why it could not.
enum class Fallback {
    none,           // every direction agreed clearly: the directions settle it
    disagrees,      // a direction disagrees (or was declined)
    coarse,         // a direction's tolerance exceeds a tenth of its value
    coarse_points,  // the rounding of the points θ + t·v outweighs f's own
    close_call,     // a direction agreed with less than a factor 2 to spare
};

template <class T>
struct Result {
    std::vector<Element<T>> directions; // fast: random directions, then one along each block
    Fallback fallback = Fallback::none;
    std::vector<Element<T>> elements;   // every element, unless the directions settled it
    bool refused = false;               // an estimate had no value, and the settings stop there
};

} // namespace core

} // namespace gradcheck

// One element's comparison: a value against its reference, each with an error
// bound, into the report's text (report/report.hpp). The pass rule and the safe relative
// error are explained in check/check.hpp.
#pragma once

#include <algorithm>
#include <charconv>
#include <cmath>
#include <string>

#include <boost/math/special_functions/fpclassify.hpp>

#include "gradcheck/methods/central_difference.hpp"
#include "gradcheck/report/report.hpp"
#include "gradcheck/scalar/traits.hpp"

namespace gradcheck {

// Compares one analytic value, computed with a rounding error up to analytic_error,
// with its numeric estimate.
template <class T>
ElementCheck compare(const T& analytic, const NumericDerivative<T>& numeric, const T& analytic_error)
{
    using std::abs;
    const int shown = 3; // significant digits of error quantities
    ElementCheck e;
    const T diff = abs(T(analytic - numeric.value));
    // Rounded up: the bound's own sums (and a measured bound's conversion to T) round by
    // at most about u relative, which would lose a tie at the last bit (the library's
    // contract, 50-digit autodiff: |a − n| = 4.01e-51 against a tolerance of 4.01e-51).
    const T tolerance = T(T(numeric.error_bound + analytic_error) * T(T(1) + T(2) * machine_epsilon<T>()));
    // The safe denominator: when both gradients are below the error bound, relative
    // error means nothing, and the comparison is against the bound itself.
    const T size = std::max(abs(analytic), abs(numeric.value));
    const T denominator = std::max(size, tolerance);
    e.near_zero = size <= tolerance;
    e.analytic = all_digits(analytic);
    e.numeric = all_digits(numeric.value);
    const int shown_digits = std::min(round_trip_digits<T>(), max_shown_digits);
    const bool every_digit_shown = shown_digits == round_trip_digits<T>(); // double, float: the same text again
    e.analytic_shown = every_digit_shown ? e.analytic : scientific(analytic, shown_digits);
    e.numeric_shown = every_digit_shown ? e.numeric : scientific(numeric.value, shown_digits);
    e.abs_error = scientific(diff, shown);
    e.tolerance = scientific(tolerance, shown);
    e.truncation = scientific(numeric.truncation, shown);
    e.rounding = scientific(numeric.rounding, shown);
    e.analytic_rounding = scientific(analytic_error, shown);
    e.step = scientific(numeric.step, shown);
    e.declined = !numeric.model_holds || !(boost::math::isfinite)(tolerance); // never print a NaN bound as one
    e.pass = diff <= tolerance && !e.declined;
    if (!(boost::math::isfinite)(tolerance)) e.declined_because = "its error bound is not finite at these weights";
    else if (!numeric.in_range)
        e.declined_because = "at h = " + e.step + " the method's farthest point moves a pre-activation by more than pi/2, beyond "
                             "where its error series can be trusted (the sigmoid's poles lie at ±i·pi); a smaller --step may";
    else if (e.declined)
        e.declined_because = "at h = " + e.step + ", D at h, 2h, 4h does not behave as the series predicts, "
                             "so its error bound cannot be trusted; a smaller --step may";
    if (denominator > T(0)) {
        const T rel = diff / denominator;
        e.rel_error = scientific(rel, shown);
        e.digits = diff > T(0) ? std::min<double>(working_digits<T>(), -log10_of(rel)) : working_digits<T>();
        e.digits_needed = tolerance > T(0) ? std::max(0.0, -log10_of(T(tolerance / denominator))) : working_digits<T>();
    } else { // both exactly zero and no error possible
        e.rel_error = scientific(T(0), shown);
        e.digits = e.digits_needed = working_digits<T>();
    }
    if (numeric.value != T(0)) {
        const double ratio = static_cast<double>(T(analytic / numeric.value));
        if (std::isfinite(ratio)) {
            char buffer[32]; // printf's %.6g, without printf
            e.ratio.assign(buffer, std::to_chars(buffer, buffer + sizeof buffer, ratio, std::chars_format::general, 6).ptr);
        }
    }
    return e;
}

} // namespace gradcheck

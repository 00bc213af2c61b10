// The pass rule, for one value: |analytic − numeric| ≤ tolerance = ε_n + ε_a, where
// ε_n is the numeric estimate's error bound (its truncation estimate plus its
// rounding bound, methods/central_difference.hpp) and ε_a the bound on the analytic
// value's own rounding. Where both values lie within the tolerance of 0, a relative
// error means nothing: they are compared absolutely, against the tolerance itself.
#pragma once

#include <algorithm>
#include <cmath>

#include <boost/math/special_functions/fpclassify.hpp>

#include "gradcheck/core/numbers.hpp"
#include "gradcheck/methods/central_difference.hpp"
#include "gradcheck/scalar/traits.hpp"

namespace gradcheck::core {

template <class T>
Element<T> compare(const T& analytic, const NumericDerivative<T>& numeric, const T& analytic_error)
{
    using std::abs;
    Element<T> e;
    e.analytic = analytic, e.numeric = numeric.value;
    e.abs_error = abs(T(analytic - numeric.value));
    // Rounded up: the bound's own sums (and a measured bound's conversion to T) round by
    // about u relative, which would lose a tie at the last bit.
    e.tolerance = T(T(numeric.error_bound + analytic_error) * T(T(1) + T(2) * machine_epsilon<T>()));
    e.truncation = numeric.truncation, e.rounding = numeric.rounding, e.analytic_rounding = analytic_error;
    e.step = numeric.step;
    e.reference = numeric.value, e.reference_tolerance = T(numeric.error_bound + analytic_error), e.reference_step = numeric.step;
    const T size = std::max(abs(analytic), abs(numeric.value));
    const T denominator = std::max(size, e.tolerance);
    e.near_zero = size <= e.tolerance;
    const bool bound_finite = (boost::math::isfinite)(e.tolerance); // a NaN bound is never a tolerance
    e.declined = !numeric.model_holds || !bound_finite;
    e.pass = e.abs_error <= e.tolerance && !e.declined;
    e.reason = !bound_finite ? Reason::bound_not_finite : !numeric.in_range ? Reason::beyond_series
               : e.declined  ? Reason::series_fails : Reason::none;
    if (denominator > T(0)) {
        e.rel_error = e.abs_error / denominator;
        e.digits = e.abs_error > T(0) ? std::min<double>(working_digits<T>(), -log10_of(e.rel_error)) : working_digits<T>();
        e.digits_needed = e.tolerance > T(0) ? std::max(0.0, -log10_of(T(e.tolerance / denominator))) : working_digits<T>();
    } else { // both exactly zero and no error possible
        e.digits = e.digits_needed = working_digits<T>();
    }
    if (numeric.value != T(0)) {
        const double ratio = static_cast<double>(T(analytic / numeric.value));
        if (std::isfinite(ratio)) e.ratio = ratio;
    }
    return e;
}

} // namespace gradcheck::core

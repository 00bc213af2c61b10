// An element's numbers (core/numbers.hpp) as the reports keep them (report/model.hpp):
// the values with every digit and as shown, the error quantities with three
// significant digits, the reason codes as they are.
#pragma once

#include <algorithm>
#include <charconv>
#include <cmath>

#include "gradcheck/core/numbers.hpp"
#include "gradcheck/report/model.hpp"
#include "gradcheck/scalar/traits.hpp"

namespace gradcheck {

template <class T>
Entry record(const core::Element<T>& e)
{
    const int shown = 3; // significant digits of error quantities
    const int shown_digits = std::min(round_trip_digits<T>(), max_shown_digits);
    const bool every_digit_shown = shown_digits == round_trip_digits<T>(); // double, float: the same text again
    Entry r;
    r.analytic = all_digits(e.analytic);
    r.analytic_shown = every_digit_shown ? r.analytic : scientific(e.analytic, shown_digits);
    r.pass = e.pass, r.declined = e.declined, r.reason = e.reason;
    r.has_numeric = e.has_numeric, r.numeric_finite = e.numeric_finite;
    if (e.first_step != T(0)) r.first_step = scientific(e.first_step, shown);
    if (!e.has_numeric) {
        r.numeric_shown = "-";
        if (e.step != T(0)) r.step = scientific(e.step, shown);
        if (e.reason == Reason::step_vanishes) r.theta = scientific(e.theta, 6);
        return r;
    }
    r.numeric = all_digits(e.numeric);
    r.numeric_shown = !e.numeric_finite ? "not finite" : every_digit_shown ? r.numeric : scientific(e.numeric, shown_digits);
    r.abs_error = scientific(e.abs_error, shown);
    r.rel_error = scientific(e.rel_error, shown);
    r.tolerance = scientific(e.tolerance, shown);
    r.truncation = scientific(e.truncation, shown);
    r.rounding = scientific(e.rounding, shown);
    r.analytic_rounding = scientific(e.analytic_rounding, shown);
    if (e.has_step) r.step = scientific(e.step, shown);
    if (e.step_from != T(0)) r.step_from = scientific(e.step_from, shown);
    r.digits = e.digits, r.digits_needed = e.digits_needed;
    if (!std::isnan(e.ratio)) {
        char buffer[32]; // printf's %.6g, without printf
        r.ratio.assign(buffer, std::to_chars(buffer, buffer + sizeof buffer, e.ratio, std::chars_format::general, 6).ptr);
    }
    r.near_zero = e.near_zero;
    r.overturned = e.overturned, r.was_pass = e.was_pass, r.was_reason = e.was_reason;
    if (e.at_rule) {
        r.rule_step = scientific(e.at_rule->step, shown);
        r.rule_abs_error = scientific(e.at_rule->abs_error, shown);
        r.rule_tolerance = scientific(e.at_rule->tolerance, shown);
    }
    return r;
}

} // namespace gradcheck

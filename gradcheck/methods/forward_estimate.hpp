// The estimates of the two methods with no subtraction in them, from the values a
// function computes in complex or dual numbers (the network's: network/forward_mode.hpp;
// yours: function/subject.hpp), each with its bound:
//
//   complex step   D(h) = Im f(θ + i·h)/h = f′(θ) − (h²/6)·f‴(θ) + (h⁴/120)·f⁽⁵⁾(θ) − …,
//                  the even-power series of central differences: its truncation is
//                  estimated, and its series checked, from h, 2h and 4h exactly as
//                  there (methods/central_difference.hpp);
//   autodiff       the derivative part of a dual number: no step, no truncation.
//
// ρ bounds the rounding of each D (how, is the caller's: a derived bound, or measured).
#pragma once

#include "gradcheck/methods/central_difference.hpp"

namespace gradcheck {

// D(h), D(2h), D(4h) from at(step), and ρ from rho(D(h)) once they are computed.
template <class T, class At, class Rho>
NumericDerivative<T> complex_step_estimate(const T& h, At&& at, Rho&& rho)
{
    const T D1 = at(h), D2 = at(T(2 * h)), D4 = at(T(4 * h));
    const T r = rho(D1);
    NumericDerivative<T> d;
    d.value = D1;
    d.step = h;
    d.truncation = truncation_bound(D1, D2, D4, 2);
    // ρ in D(h) itself, plus what it blurs in the estimate: 2ρ/3 in |D(2h) − D(h)|/3,
    // 4ρ/9 in 2|R(2h) − R(h)|/15.
    d.rounding = T(r * T(19) / T(9));
    d.error_bound = d.truncation + d.rounding;
    // All three carry ρ (not ρ/2, ρ/4 as a difference quotient's would): 2ρ covers that.
    d.model_holds = error_model_holds(D1, D2, D4, 2, T(2 * r));
    return d;
}

// A forward-mode derivative D whose rounding is at most ρ. Its step is 1, not 0: there
// is no step to vanish.
template <class T>
NumericDerivative<T> dual_estimate(const T& D, const T& rho)
{
    NumericDerivative<T> d;
    d.value = D;
    d.step = T(1);
    d.truncation = T(0);
    d.rounding = d.error_bound = rho;
    return d;
}

} // namespace gradcheck

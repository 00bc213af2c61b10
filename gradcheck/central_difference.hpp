// The numeric derivative: central differences with an error estimate.
//
//   D(h) = (L(θ + h) − L(θ − h)) / 2h = dL/dθ + (h²/6)·L'''(θ) + O(h⁴)
//
// Two errors compete. Truncation, (h²/6)·L''', shrinks with h; rounding does not:
// if each computed L carries an error up to ε_L, D(h) carries up to 2ε_L/2h = ε_L/h.
// Their sum is smallest near h ≈ (3ε_L/|L'''|)^(1/3); with ε_L ≈ u·|L| and L''' ≈ L
// in size that is h ≈ u^(1/3), scaled by |θ| so the step stays above θ's own
// rounding for large parameters: the default step is u^(1/3)·max(1, |θ|),
// rounded to the nearest power of two so that θ ± h are exact in binary in all but
// rare cases (and the quotient below uses the points actually reached anyway).
//
// The error estimate is an output, not a guess. Since D(2h) − D(h) = 3·(h²/6)·L''' + O(h⁴),
// truncation ≈ |D(2h) − D(h)|/3 (Richardson's estimate). That estimate is itself
// blurred by rounding of up to (ε_L/h + ε_L/2h)/3 = ε_L/2h, so
//
//   |D(h) − dL/dθ| ≤ |D(2h) − D(h)|/3 + ε_L/2h + ε_L/h   (to first order).
#pragma once

#include <cmath>
#include <stdexcept>

#include "scalar_traits.hpp"

namespace gradcheck {

template <class T>
struct NumericDerivative {
    T value;       // D(h)
    T error_bound; // bound on |D(h) − dL/dθ|: truncation estimate + rounding bound
    T truncation;  // |D(2h) − D(h)|/3
    T rounding;    // 1.5·ε_L/h
    T step;        // h actually used
};

// The default step for a parameter of value theta: u^(1/3)·max(1, |θ|), rounded
// to the nearest power of two.
template <class T>
T default_step(const T& theta)
{
    using std::abs;
    using std::cbrt;
    using std::ldexp;
    using std::log2;
    const T target = T(cbrt(machine_epsilon<T>())) * (abs(theta) > T(1) ? T(abs(theta)) : T(1));
    const int exponent = static_cast<int>(std::lround(static_cast<double>(T(log2(target)))));
    return T(ldexp(T(1), exponent));
}

// Differentiates loss() with respect to the variable theta refers to, which loss()
// reads; theta is restored afterwards. loss_error is ε_L, a bound on the rounding
// error of one evaluation of loss(). Returns step 0 if h is too small for theta
// to move (θ + h == θ in T).
template <class T, class Loss>
NumericDerivative<T> central_difference(Loss&& loss, T& theta, const T& h, const T& loss_error)
{
    const T theta0 = theta;
    // The difference quotient uses the points actually reached: θ ± h rounded to T.
    // (θ + h) − θ is exact (Sterbenz), so no step error slips in unaccounted.
    const auto D = [&](const T& step, bool& moved) {
        theta = T(theta0 + step);
        const T h_plus = T(theta - theta0);
        const T L_plus = loss();
        theta = T(theta0 - step);
        const T h_minus = T(theta0 - theta);
        const T L_minus = loss();
        theta = theta0;
        moved = h_plus > T(0) && h_minus > T(0);
        return moved ? T((L_plus - L_minus) / T(h_plus + h_minus)) : T(0);
    };
    bool moved_h = false, moved_2h = false;
    const T D1 = D(h, moved_h);
    const T D2 = D(T(2 * h), moved_2h);
    if (!moved_h || !moved_2h) return {T(0), T(0), T(0), T(0), T(0)};

    using std::abs;
    NumericDerivative<T> d;
    d.value = D1;
    d.truncation = T(abs(T(D2 - D1))) / T(3);
    d.rounding = T(3) * loss_error / T(2 * h);
    d.error_bound = d.truncation + d.rounding;
    d.step = h;
    return d;
}

} // namespace gradcheck

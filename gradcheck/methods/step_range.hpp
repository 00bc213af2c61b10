// Where a step is too large for any error estimate: the range of the series.
//
// Every numeric method here rests on a series in h: central differences and their
// stencils on L(θ + s) = L(θ) + s·L′ + s²/2·L″ + …, the complex step on the same series
// at s = i·h. The loss is a composition of sigmoids and softplus of the pre-activations
// Z1 = W1·X + B1 and Z2 = W2·A1 + B2, and both functions have their singularities at
// z = ±iπ (1 + e^(−z) = 0, log(1 + e^z) branches there): the series of L in s converges
// only while no pre-activation moves by as much as π. Near that radius its terms shrink
// slowly, and D at h, 2h, 4h can agree with one another and all be wrong (a unit
// saturated at z = −30 whose input is 100: with h = 0.1 every D is near 0 while the
// derivative is not), which no estimate made from them can notice. So, a priori:
// a step is in range when its farthest point moves every pre-activation by at most
// π/2, where each term of the series is at most half the one before.
//
// How far a pre-activation moves, to first order and bounded above, when θ moves by s:
//   W1_jk:  Z1_j by |s|·|X_k|,   Z2 by |W2_j|/4 times that (the sigmoid's slope ≤ 1/4)
//   B1_j:   Z1_j by |s|,         Z2 by |W2_j|/4·|s|
//   W2_j:   Z2 by |s|·A1_j
//   B2:     Z2 by |s|
// and, along a direction v (--fast), the sum of these over the parameters, weighted by |v_i|
// (network/reach.hpp). A function with no such edge passes a reach of 0.
#pragma once

#include <cmath>
#include <numbers>

namespace gradcheck {

// The largest move of a pre-activation a series may be asked to cover: π/2.
template <class T>
T series_range()
{
    return T(std::numbers::pi / 2);
}

} // namespace gradcheck

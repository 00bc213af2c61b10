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
// and, along a direction v (--fast), the sum of these over the parameters, weighted by |v_i|.
#pragma once

#include <cmath>
#include <numbers>
#include <vector>

#include "gradcheck/methods/table.hpp"
#include "network.hpp"

namespace gradcheck {

// The largest move of a pre-activation a series may be asked to cover: π/2.
template <class T>
T series_range()
{
    return T(std::numbers::pi / 2);
}

// How much each parameter moves the pre-activations per unit of its own change
// (the table above), for one network and data: "sensitivity" of Z1 and Z2 to θ.
template <class T>
struct PreactivationReach {
    std::vector<T> max_abs_x; // per input k: max over the examples of |X_k|
    std::vector<T> max_a1;    // per hidden unit j: max over the examples of A1_j

    PreactivationReach(const xornet::Matrix<T>& X, const xornet::Matrix<T>& A1)
        : max_abs_x(X.rows(), T(0)), max_a1(A1.rows(), T(0))
    {
        using std::abs;
        for (std::size_t k = 0; k < X.rows(); ++k)
            for (std::size_t i = 0; i < X.cols(); ++i) max_abs_x[k] = std::max(max_abs_x[k], T(abs(X(k, i))));
        for (std::size_t j = 0; j < A1.rows(); ++j)
            for (std::size_t i = 0; i < A1.cols(); ++i) max_a1[j] = std::max(max_a1[j], A1(j, i));
    }

    // The largest move of any pre-activation per unit change of element k of parameter p.
    T per_unit(const xornet::Parameters<T>& P, xornet::Param p, std::size_t k) const
    {
        using std::abs;
        const T quarter_w2 = [&] {
            if (p != xornet::Param::W1 && p != xornet::Param::B1) return T(0);
            const std::size_t j = p == xornet::Param::W1 ? k / P.W1.cols() : k;
            return T(abs(P.W2(0, j)) / T(4));
        }();
        switch (p) {
        case xornet::Param::W1: {
            const T z1 = max_abs_x[k % P.W1.cols()];
            return std::max(z1, T(quarter_w2 * z1));
        }
        case xornet::Param::B1: return std::max(T(1), quarter_w2);
        case xornet::Param::W2: return max_a1[k];
        case xornet::Param::B2: return T(1);
        }
        return T(1);
    }

    // Along a direction v over all parameters (W1, B1, W2, B2 flattened): the largest
    // move of any pre-activation per unit of t, summing each parameter's share.
    T per_unit_along(const xornet::Parameters<T>& P, const std::vector<T>& v) const
    {
        using std::abs;
        const std::size_t H = P.hidden(), N = P.inputs();
        T z2 = abs(v[H * N + H + H]); // B2
        T z1_max(0);
        for (std::size_t j = 0; j < H; ++j) {
            T z1 = abs(v[H * N + j]); // B1_j
            for (std::size_t k = 0; k < N; ++k) z1 += abs(v[j * N + k]) * max_abs_x[k];
            z1_max = std::max(z1_max, z1);
            z2 += abs(P.W2(0, j)) / T(4) * z1 + abs(v[H * N + H + j]) * max_a1[j];
        }
        return std::max(z1_max, z2);
    }
};

} // namespace gradcheck

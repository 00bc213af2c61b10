// How far the XOR network's pre-activations move when a parameter moves: the reach
// of a step, in the units that methods/step_range.hpp bounds (its table explains
// the factors).
#pragma once

#include <algorithm>
#include <cmath>
#include <vector>

#include "network.hpp"

namespace gradcheck {

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

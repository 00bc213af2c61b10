// How wrong can the computed analytic gradient be? A first-order running error
// bound for the derived backward pass (lib/backward.hpp), element by element.
//
// A correct formula evaluated in floating point is exact only to rounding, and that
// rounding is relative to the size of the terms, not of the result. The first line
// of the backward pass shows why it matters: dZ2 = (A2 − Y)/m. When a sigmoid
// saturates, A2 = 1 − 1e-218 is stored as 1, and for Y = 1 the computed dZ2 is 0
// while the true one is −1e-218/m: every digit lost, with an absolute error of only
// u/m. Comparing that 0 with a correct numeric value by relative error would
// condemn a correct formula; the pass rule counts this bound in its tolerance, and
// an element smaller than it is compared absolutely.
//
// Same conventions as bounds/loss_rounding.hpp (+, −, ×, / round by ≤ u/2, exp by ≤ u;
// δ in an input of g is |g'|·δ in its output), with two additions that saturation
// makes necessary. A product x·y of two computed values keeps its second-order term
// e_x·e_y: where both are pure rounding (a computed 0 for a true 1e-218), it is the
// whole error. And a result may underflow: each operation may lose up to η, the
// smallest normal number of T, absolutely. Per example i, with e1, a1, e2 the
// forward errors of Z1, A1, Z2 from there:
//
//   A2    = sigmoid(Z2)          a2   ≤ A2(1 − A2)·e2 + 3u·A2 + η
//   dZ2   = (A2 − Y)/m           d2   ≤ (a2 + 2u·|A2 − Y|)/m + η
//   dA1_j = W2_j·dZ2             da_j ≤ |W2_j|·d2 + u·|dA1_j| + η
//   s_j   = A1_j(1 − A1_j)       es_j ≤ |1 − 2A1_j|·a1_j + a1_j² + 2u·s_j + η
//   dZ1_j = dA1_j·s_j            dz_j ≤ |dA1_j|·es_j + s_j·da_j + da_j·es_j + u·|dZ1_j| + η
//
// and a sum over the m examples, Σ_i x_i·y_i, adds its inputs' errors times the other
// factor (and times each other) plus m·u·Σ_i |x_i·y_i| + 2m·η for its own roundings:
//
//   dW2_j  = Σ_i dZ2_i·A1_ji      dB2  = Σ_i dZ2_i
//   dW1_jk = Σ_i dZ1_ji·X_ki      dB1_j = Σ_i dZ1_ji
//
// X and Y are the data themselves, exact in T. When the computation being bounded
// read its inputs rounded (InputErrors, bounds/loss_rounding.hpp), their errors enter where
// they are first read: δY in dZ2, δW2 in dA1 (and Z2), δX in dW1 (and Z1).
#pragma once

#include <cmath>
#include <limits>
#include <vector>

#include "gradients.hpp"
#include "gradcheck/bounds/loss_rounding.hpp"
#include "network.hpp"
#include "gradcheck/scalar/traits.hpp"

namespace gradcheck {

// Bounds on the absolute rounding error of every array of one forward and backward
// pass, element by element, computed in arithmetic a (on inputs off by `inputs`).
template <class T>
struct RoundingBounds {
    xornet::Matrix<T> Z1, A1;       // H×m
    xornet::Matrix<T> Z2, A2, dZ2;  // 1×m
    xornet::Matrix<T> dA1, dZ1;     // H×m
    xornet::Gradients<T> gradients; // dW1 H×N, dB1 H×1, dW2 1×H, dB2 1×1
};

template <class T>
RoundingBounds<T> rounding_bounds(const xornet::Parameters<T>& P, const xornet::Matrix<T>& X, const xornet::Matrix<T>& Y,
                                  const Arithmetic<T>& arithmetic, const InputErrors<T>* inputs, const xornet::Cache<T>& c)
{
    using std::abs;
    const T u = arithmetic.u, eta = arithmetic.eta;
    const std::size_t N = P.inputs(), H = P.hidden(), m = Y.cols();
    const T M(m);

    RoundingBounds<T> r{xornet::Matrix<T>(H, m), xornet::Matrix<T>(H, m), xornet::Matrix<T>(1, m), xornet::Matrix<T>(1, m),
                        xornet::Matrix<T>(1, m), xornet::Matrix<T>(H, m), xornet::Matrix<T>(H, m),
                        {xornet::Matrix<T>(H, N), xornet::Matrix<T>(H, 1), xornet::Matrix<T>(1, H), xornet::Matrix<T>(1, 1)}};
    xornet::Gradients<T>& bound = r.gradients;
    xornet::Gradients<T> size = bound; // Σ_i |terms|, for the rounding of each sum
    for (std::size_t i = 0; i < m; ++i) {
        const ForwardErrors<T> f = forward_errors(P, X, c, i, arithmetic, inputs); // of Z1, A1 (H of them) and Z2
        const T A2 = c.A2(0, i);
        const T a2 = A2 * (T(1) - A2) * f.e2 + T(3) * u * A2 + eta;
        const T dZ2 = T(A2 - Y(0, i)) / M;
        const T dY = inputs ? inputs->Y(0, i) : T(0);
        const T d2 = (a2 + dY + T(2) * u * abs(T(A2 - Y(0, i)))) / M + eta;
        r.Z2(0, i) = f.e2, r.A2(0, i) = a2, r.dZ2(0, i) = d2;

        bound.dB2(0, 0) += d2;
        size.dB2(0, 0) += abs(dZ2);
        for (std::size_t j = 0; j < H; ++j) {
            const T A1 = c.A1(j, i), a1 = f.a1[j];
            bound.dW2(0, j) += d2 * A1 + abs(dZ2) * a1 + d2 * a1;
            size.dW2(0, j) += abs(T(dZ2 * A1));

            const T dA1 = P.W2(0, j) * dZ2;
            T da = abs(P.W2(0, j)) * d2 + u * abs(dA1) + eta;
            if (inputs) da += inputs->W2(0, j) * T(abs(dZ2) + d2);
            const T s = A1 * (T(1) - A1);
            const T es = abs(T(T(1) - T(2) * A1)) * a1 + a1 * a1 + T(2) * u * s + eta;
            const T dZ1 = dA1 * s;
            const T dz = abs(dA1) * es + s * da + da * es + u * abs(dZ1) + eta;
            r.Z1(j, i) = f.e1[j], r.A1(j, i) = a1, r.dA1(j, i) = da, r.dZ1(j, i) = dz;

            bound.dB1(j, 0) += dz;
            size.dB1(j, 0) += abs(dZ1);
            for (std::size_t k = 0; k < N; ++k) {
                bound.dW1(j, k) += dz * abs(X(k, i));
                if (inputs) bound.dW1(j, k) += T(abs(dZ1) + dz) * inputs->X(k, i);
                size.dW1(j, k) += abs(T(dZ1 * X(k, i)));
            }
        }
    }
    const auto add_sum_rounding = [&](xornet::Matrix<T>& b, const xornet::Matrix<T>& s) {
        for (std::size_t k = 0; k < b.size(); ++k) b.flat(k) += M * u * s.flat(k) + T(2) * M * eta;
    };
    add_sum_rounding(bound.dW1, size.dW1);
    add_sum_rounding(bound.dB1, size.dB1);
    add_sum_rounding(bound.dW2, size.dW2);
    add_sum_rounding(bound.dB2, size.dB2);
    return r;
}

template <class T>
RoundingBounds<T> rounding_bounds(const xornet::Parameters<T>& P, const xornet::Matrix<T>& X, const xornet::Matrix<T>& Y,
                                  const Arithmetic<T>& arithmetic, const InputErrors<T>* inputs = nullptr)
{
    return rounding_bounds(P, X, Y, arithmetic, inputs, xornet::forward(P, X));
}

// The bound on the four partials computed in T itself, from exact inputs (c: the
// forward pass at P).
template <class T>
xornet::Gradients<T> backward_rounding_bound(const xornet::Parameters<T>& P, const xornet::Matrix<T>& X,
                                             const xornet::Matrix<T>& Y, const xornet::Cache<T>& c)
{
    return rounding_bounds(P, X, Y, Arithmetic<T>{machine_epsilon<T>(), std::numeric_limits<T>::min()}, static_cast<const InputErrors<T>*>(nullptr), c).gradients;
}

template <class T>
xornet::Gradients<T> backward_rounding_bound(const xornet::Parameters<T>& P, const xornet::Matrix<T>& X,
                                             const xornet::Matrix<T>& Y)
{
    return backward_rounding_bound(P, X, Y, xornet::forward(P, X));
}

} // namespace gradcheck

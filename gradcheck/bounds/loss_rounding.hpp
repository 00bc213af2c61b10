// How wrong can the computed loss be? A first-order running error bound for
// loss_stable(forward(P, X).Z2, Y), the function the numeric gradient differences.
//
// Each elementary operation (+, −, ×, /) rounds its result by a relative amount
// ≤ u/2; exp and log1p are trusted to ≤ u. An error δ in an input of a function
// g becomes |g'|·δ in its output. Following one example through the network:
//
//   Z1_j = Σ_k W1_jk X_k + B1_j   error e1_j ≤ (N+1)·u·(Σ_k |W1_jk X_k| + |B1_j|)
//   A1_j = 1/(1 + e^(−Z1_j))      error a1_j ≤ A1_j(1 − A1_j)·e1_j + 3u·A1_j
//   Z2   = Σ_j W2_j A1_j + B2     error e2   ≤ (H+1)·u·(Σ_j |W2_j A1_j| + |B2|) + Σ_j |W2_j|·a1_j
//   ℓ    = Y·softplus(−Z2) + (1 − Y)·softplus(Z2)
//                                 error      ≤ |A2 − Y|·e2 + 6u·ℓ       (dℓ/dZ2 = A2 − Y)
//   L    = (1/m) Σ_i ℓ_i          error      ≤ mean of the above + (m+1)·u·L   (ℓ_i ≥ 0: no cancellation)
//
// The bound ignores second-order terms (u²) and is a worst case: rounding errors
// usually partly cancel, so the observed error is typically smaller.
#pragma once

#include <cmath>
#include <vector>

#include "network.hpp"
#include "gradcheck/scalar/traits.hpp"

namespace gradcheck {

// The arithmetic a computation ran in: u, its machine epsilon, and η, the smallest
// normal number, which an underflow may lose absolutely. By default T's own.
template <class T>
struct Arithmetic {
    T u = machine_epsilon<T>();
    T eta = T(0);
};

// How far each input of a computation may be from the exact problem, absolutely,
// element by element: the rounding of the weights and data when they were read into
// the precision it ran in (gradcheck --gradients: 0 where a number is exact there).
// An input error δ enters like a rounding error: through |∂/∂input| of the first
// operation that reads it, e.g. δW1_jk·|X_k| + |W1_jk|·δX_k in Z1_j.
template <class T>
struct InputErrors {
    xornet::Matrix<T> W1, B1, W2, B2; // as P
    xornet::Matrix<T> X, Y;           // N×m, 1×m
};

// The forward errors of example i, as above: e1_j of Z1_j and a1_j of A1_j (H of
// them) and e2 of Z2, in arithmetic a, with the inputs off by `inputs` if given.
template <class T>
struct ForwardErrors {
    std::vector<T> e1; // H
    std::vector<T> a1; // H
    T e2;
};

template <class T>
ForwardErrors<T> forward_errors(const xornet::Parameters<T>& P, const xornet::Matrix<T>& X, const xornet::Cache<T>& c,
                                std::size_t i, const Arithmetic<T>& a, const InputErrors<T>* inputs = nullptr)
{
    using std::abs;
    const T u = a.u;
    const std::size_t N = P.inputs(), H = P.hidden();
    ForwardErrors<T> f{std::vector<T>(H), std::vector<T>(H), T(H + 1) * u * abs(P.B2(0, 0))};
    if (inputs) f.e2 += inputs->B2(0, 0);
    for (std::size_t j = 0; j < H; ++j) {
        T scale1 = abs(P.B1(j, 0));
        for (std::size_t k = 0; k < N; ++k) scale1 += abs(T(P.W1(j, k) * X(k, i)));
        T e1 = T(N + 1) * u * scale1;
        if (inputs) {
            e1 += inputs->B1(j, 0);
            for (std::size_t k = 0; k < N; ++k) {
                const T dW = inputs->W1(j, k), dX = inputs->X(k, i);
                e1 += dW * abs(X(k, i)) + abs(P.W1(j, k)) * dX + dW * dX;
            }
        }
        const T A1 = c.A1(j, i);
        f.e1[j] = e1;
        f.a1[j] = A1 * (T(1) - A1) * e1 + T(3) * u * A1 + a.eta;
        f.e2 += T(H + 1) * u * abs(T(P.W2(0, j) * A1)) + abs(P.W2(0, j)) * f.a1[j];
        if (inputs) f.e2 += inputs->W2(0, j) * T(A1 + f.a1[j]);
    }
    return f;
}

// c: the forward pass at P, if the caller has it.
template <class T>
T loss_rounding_bound(const xornet::Parameters<T>& P, const xornet::Matrix<T>& X, const xornet::Matrix<T>& Y,
                      const xornet::Cache<T>& c)
{
    using std::abs;
    const T u = machine_epsilon<T>();
    const std::size_t m = Y.cols();

    T total(0), loss(0);
    for (std::size_t i = 0; i < m; ++i) {
        const T e2 = forward_errors(P, X, c, i, Arithmetic<T>{}).e2;
        const T y = Y(0, i), z = c.Z2(0, i);
        const T ell = y * xornet::softplus(T(-z)) + (T(1) - y) * xornet::softplus(z);
        total += abs(T(c.A2(0, i) - y)) * e2 + T(6) * u * ell;
        loss += ell;
    }
    return total / T(m) + T(m + 1) * u * loss / T(m);
}

template <class T>
T loss_rounding_bound(const xornet::Parameters<T>& P, const xornet::Matrix<T>& X, const xornet::Matrix<T>& Y)
{
    return loss_rounding_bound(P, X, Y, xornet::forward(P, X));
}

} // namespace gradcheck

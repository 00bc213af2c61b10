// Mean binary cross-entropy, the seed's function 5, in two forms.
//
//   L = −(1/m) Σ_i [ Y_i·log(A2_i) + (1 − Y_i)·log(1 − A2_i) ]
//
// It is the negative log-likelihood of the labels under a Bernoulli model whose
// probability of "1" is A2: not an "average difference" between A2 and Y.
#pragma once

#include <cmath>
#include <stdexcept>

#include "activation.hpp"
#include "matrix.hpp"

namespace xornet {

// The seed's form, from the predictions A2 (1×m) and labels Y (1×m).
// When a sigmoid saturates, A2 rounds to exactly 0 or 1 and a log becomes
// −inf: the result is then inf or NaN. loss_stable has no such failure.
template <class T>
T loss_seed_form(const Matrix<T>& A2, const Matrix<T>& Y)
{
    using std::log;
    require_same_shape(A2, Y, "loss_seed_form");
    T sum(0);
    for (std::size_t i = 0; i < Y.cols(); ++i)
        sum += Y(0, i) * log(A2(0, i)) + (T(1) - Y(0, i)) * log(T(1) - A2(0, i));
    return -sum / T(Y.cols());
}

// The same loss from the logits Z2 (1×m), never forming A2:
//   −log(sigmoid(z)) = softplus(−z),  −log(1 − sigmoid(z)) = softplus(z), so
//   L = (1/m) Σ_i [ Y_i·softplus(−Z2_i) + (1 − Y_i)·softplus(Z2_i) ].
// Both terms are ≥ 0, so the sum has no cancellation, and it stays finite for any finite Z2.
// sp is the softplus to use: the checker's complex-step and autodiff pass their own,
// which branches on the real part of a complex z (gradcheck/network/forward_mode.hpp).
template <class T, class Softplus>
T loss_stable(const Matrix<T>& Z2, const Matrix<T>& Y, Softplus&& sp)
{
    require_same_shape(Z2, Y, "loss_stable");
    T sum(0);
    for (std::size_t i = 0; i < Y.cols(); ++i)
        sum += Y(0, i) * sp(T(-Z2(0, i))) + (T(1) - Y(0, i)) * sp(Z2(0, i));
    return sum / T(static_cast<double>(Y.cols()));
}

template <class T>
T loss_stable(const Matrix<T>& Z2, const Matrix<T>& Y)
{
    return loss_stable(Z2, Y, [](const T& z) { return softplus(z); });
}

} // namespace xornet

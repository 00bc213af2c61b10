// The gallery's mistakes (gallery.hpp) as steps of the one backward pass: each
// replaces one step of backward.hpp, and steps_for() puts a derivation's steps
// together. gradients_for() and descend() (declared in gradients.hpp) run them.
#pragma once

#include "backward.hpp"
#include "gallery.hpp"
#include "gradients.hpp"
#include "train.hpp"

namespace xornet {

// The mistaken steps, each beside the step of backward.hpp it replaces.
namespace mistaken {

template <class T>
Matrix<T> dZ2_without_1_over_m(const Matrix<T>& A2, const Matrix<T>& Y) { return A2 - Y; }

template <class T>
Matrix<T> dZ2_sign_flipped(const Matrix<T>& A2, const Matrix<T>& Y) { return output_error(Y, A2); }

template <class T>
Matrix<T> dZ2_with_mse_chain(const Matrix<T>& A2, const Matrix<T>& Y)
{
    return hadamard(output_error(A2, Y), map(A2, [](const T& a) { return sigmoid_derivative_from_output(a); }));
}

template <class T>
Matrix<T> bias_from_first_example(const Matrix<T>& dZ) // column 0 only, still divided by m
{
    Matrix<T> b(dZ.rows(), 1);
    for (std::size_t j = 0; j < dZ.rows(); ++j) b(j, 0) = dZ(j, 0);
    return b;
}

template <class T>
Matrix<T> bias_mean(const Matrix<T>& dZ) { return (T(1) / T(static_cast<double>(dZ.cols()))) * bias_gradient(dZ); }

template <class T>
Matrix<T> dA1_without_transpose(const Matrix<T>& W2, const Matrix<T>& dZ2, const Matrix<T>&, const T&)
{
    return matmul(W2, dZ2); // (1×H)·(1×m): a shape error unless H = 1
}

template <class T>
Matrix<T> dA1_after_updating_W2(const Matrix<T>& W2, const Matrix<T>& dZ2, const Matrix<T>& dW2, const T& learning_rate)
{
    return matmul(transpose(W2 - learning_rate * dW2), dZ2);
}

template <class T>
Matrix<T> dZ1_without_sigmoid_derivative(const Matrix<T>& dA1, const Matrix<T>&, const Matrix<T>&) { return dA1; }

template <class T>
Matrix<T> dZ1_derivative_at_Z1(const Matrix<T>& dA1, const Matrix<T>& Z1, const Matrix<T>&)
{
    return hadamard(dA1, map(Z1, [](const T& z) { return sigmoid_derivative_from_output(z); }));
}

template <class T>
Matrix<T> dW1_with_X_squared(const Matrix<T>& dZ1, const Matrix<T>& X) { return weight_gradient(dZ1, hadamard(X, X)); }

// X (N×m) kept as one example per row (m×N, row-major) and reshaped to N×m
// instead of transposed.
template <class T>
Matrix<T> reshaped_not_transposed(const Matrix<T>& X)
{
    const Matrix<T> rows = transpose(X); // m×N
    Matrix<T> out(X.rows(), X.cols());
    for (std::size_t k = 0; k < X.size(); ++k) out.flat(k) = rows.flat(k);
    return out;
}

template <class T>
Matrix<T> dW1_with_X_reshaped(const Matrix<T>& dZ1, const Matrix<T>& X) { return weight_gradient(dZ1, reshaped_not_transposed(X)); }

} // namespace mistaken

// The steps of derivation d. learning_rate matters only to w2-updated-first.
template <class T>
BackwardSteps<T> steps_for(Derivation d, const T& learning_rate = T(1))
{
    BackwardSteps<T> s;
    s.learning_rate = learning_rate;
    switch (d) {
    case Derivation::derived:
    case Derivation::clamped_log: break; // the right gradient; clamped-log's mistake is in its loss
    case Derivation::seed: s.dZ2 = mistaken::dZ2_without_1_over_m<T>; break;
    case Derivation::flipped_sign: s.dZ2 = mistaken::dZ2_sign_flipped<T>; break;
    case Derivation::mse_chain: s.dZ2 = mistaken::dZ2_with_mse_chain<T>; break;
    case Derivation::first_example_bias: s.dB = mistaken::bias_from_first_example<T>; break;
    case Derivation::bias_mean: s.dB = mistaken::bias_mean<T>; break;
    case Derivation::no_transpose: s.dA1 = mistaken::dA1_without_transpose<T>; break;
    case Derivation::w2_updated_first: s.dA1 = mistaken::dA1_after_updating_W2<T>; break;
    case Derivation::no_sigmoid_derivative: s.dZ1 = mistaken::dZ1_without_sigmoid_derivative<T>; break;
    case Derivation::sigmoid_derivative_at_z: s.dZ1 = mistaken::dZ1_derivative_at_Z1<T>; break;
    case Derivation::x_squared: s.dW1 = mistaken::dW1_with_X_squared<T>; break;
    case Derivation::x_layout: s.dW1 = mistaken::dW1_with_X_reshaped<T>; break;
    }
    return s;
}

template <class T>
Gradients<T> gradients_for(Derivation d, const Parameters<T>& P, const Matrix<T>& X, const Matrix<T>& Y, const Cache<T>& c,
                           const T& learning_rate, BackwardCache<T>* intermediates)
{
    return backward(P, X, Y, c, steps_for(d, learning_rate), intermediates);
}

template <class T>
void descend(Derivation d, Parameters<T>& P, const Matrix<T>& X, const Matrix<T>& Y, const T& learning_rate)
{
    train(P, X, Y, TrainingSettings<T>{learning_rate, 1}, {}, steps_for(d, learning_rate));
}

// Explicit instantiation, for gradcheck/run/passes_*.cpp: gradients_for in T, and
// with it descend (which needs T's log1p and exp: Bounded<T> has no log1p).
#define XORNET_INSTANTIATE_GRADIENTS(T)                                                                          \
    template Gradients<T> gradients_for<T>(Derivation, const Parameters<T>&, const Matrix<T>&, const Matrix<T>&,   \
                                           const Cache<T>&, const T&, BackwardCache<T>*);
#define XORNET_INSTANTIATE_PASSES(T)                                                                             \
    XORNET_INSTANTIATE_GRADIENTS(T)                                                                              \
    template void descend<T>(Derivation, Parameters<T>&, const Matrix<T>&, const Matrix<T>&, const T&);

} // namespace xornet

// A gallery of derivations: the right one, the seed's, and plausible mistakes a
// student makes. Each mistake is one step of the backward pass done wrong (or, for
// clamped-log, a different loss): the analytic gradient its author would compute,
// which the checker compares with numeric gradients of that author's loss. Every
// mistake must fail the default check; tests/test_gradients.cpp shows each one does,
// and the diagnosis (gradcheck/check/diagnosis.hpp) must name it from its numbers alone.
#pragma once

#include <array>
#include <cmath>
#include <string_view>

#include "backward.hpp"
#include "loss.hpp"

namespace xornet {

enum class Derivation {
    derived,                 // correct
    seed,                    // dZ2 = A2 − Y: the seed's final formulas, no 1/m
    flipped_sign,            // dZ2 = (Y − A2)/m
    mse_chain,               // dZ2 = (A2 − Y) ⊙ A2 ⊙ (1 − A2)/m
    first_example_bias,      // dB = dZ[:, 0]
    bias_mean,               // dB = (1/m) Σ_i dZ_i
    no_transpose,            // dA1 = W2·dZ2
    w2_updated_first,        // dA1 = (W2 − rate·dW2)ᵀ·dZ2
    no_sigmoid_derivative,   // dZ1 = dA1
    sigmoid_derivative_at_z, // dZ1 = dA1 ⊙ Z1 ⊙ (1 − Z1)
    x_squared,               // dW1 = dZ1·(X ⊙ X)ᵀ
    x_layout,                // dW1 = dZ1·X̃ᵀ, X̃ = X's entries reshaped instead of transposed
    clamped_log,             // loss with log(A2 + 1e-12), gradient of the clean loss
};

struct GalleryEntry {
    std::string_view name; // as given to --formulas
    Derivation derivation;
    std::string_view step;    // the array it computes wrong: dZ2, dB (dB1 and dB2), dA1, dZ1, dW1, or L (the loss)
    std::string_view formula; // that step as its author writes it
    std::string_view explanation;
};

inline constexpr std::array<GalleryEntry, 13> gallery{{
    {"derived", Derivation::derived, "", "", "the chain rule with the 1/m of the mean loss"},
    {"seed", Derivation::seed, "dZ2", "dZ2 = A2 - Y",
     "the seed's final formulas, in the derived matrix form (its sums and transposes): the 1/m of the mean loss dropped, so every partial is m times too large"},
    {"flipped-sign", Derivation::flipped_sign, "dZ2", "dZ2 = (Y - A2)/m", "the sign of the output error flipped"},
    {"mse-chain", Derivation::mse_chain, "dZ2", "dZ2 = (A2 - Y) ⊙ A2 ⊙ (1 - A2)/m",
     "an extra factor A2 ⊙ (1 - A2) at the output: the chain of a squared-error loss, where for cross-entropy it cancels"},
    {"first-example-bias", Derivation::first_example_bias, "dB", "dB = dZ[:, 0]",
     "dL/dB1, dL/dB2 from the first example alone instead of the sum over all examples"},
    {"bias-mean", Derivation::bias_mean, "dB", "dB = (1/m)·Σ_i dZ_i",
     "the bias gradients averaged over the examples on top of the 1/m already in dZ: m times too small"},
    {"no-transpose", Derivation::no_transpose, "dA1", "dA1 = W2·dZ2",
     "dL/dA1 = W2·dZ2 without the transpose: a shape error for H > 1 (right by accident for H = 1)"},
    {"w2-updated-first", Derivation::w2_updated_first, "dA1", "dA1 = (W2 - rate·dW2)ᵀ·dZ2",
     "W2 updated before dL/dW1 is computed, so dA1 uses the new W2 (a check takes the step a learning rate of 1 would)"},
    {"no-sigmoid-derivative", Derivation::no_sigmoid_derivative, "dZ1", "dZ1 = dA1",
     "the hidden sigmoid's derivative A1 ⊙ (1 - A1) left out"},
    {"sigmoid-derivative-at-z", Derivation::sigmoid_derivative_at_z, "dZ1", "dZ1 = dA1 ⊙ Z1 ⊙ (1 - Z1)",
     "the sigmoid's derivative taken at Z1 instead of at A1 = sigmoid(Z1)"},
    {"x-squared", Derivation::x_squared, "dW1", "dW1 = dZ1·(X ⊙ X)ᵀ",
     "X ⊙ X in place of X: the same numbers when every input is 0 or 1 (x² = x)"},
    {"x-layout", Derivation::x_layout, "dW1", "dW1 = dZ1·X̃ᵀ, X̃ = reshape(X one example per row, N×m)",
     "X kept one example per row and reshaped to N×m instead of transposed: its entries land in the wrong places"},
    {"clamped-log", Derivation::clamped_log, "L", "L = -(1/m) Σ [Y log(A2 + 1e-12) + (1 - Y) log(1 - A2 + 1e-12)]",
     "the loss takes log(A2 + 1e-12) and log(1 - A2 + 1e-12), the gradient is the clean (A2 - Y)/m: off by about 1e-12"},
}};

inline const GalleryEntry& gallery_entry(Derivation d)
{
    for (const GalleryEntry& e : gallery)
        if (e.derivation == d) return e;
    return gallery[0];
}

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

// The "safe log" many codes use: it never sees log(0), and it is a different function.
//   L = −(1/m) Σ [Y·log(A2 + 1e-12) + (1 − Y)·log(1 − A2 + 1e-12)]
template <class T>
T loss_clamped_log(const Matrix<T>& A2, const Matrix<T>& Y)
{
    using std::log;
    const T eps(1e-12);
    T sum(0);
    for (std::size_t i = 0; i < Y.cols(); ++i)
        sum += Y(0, i) * log(T(A2(0, i) + eps)) + (T(1) - Y(0, i)) * log(T(T(1) - A2(0, i) + eps));
    return -sum / T(static_cast<double>(Y.cols()));
}

// The loss the derivation's author computes. All but clamped_log use the mean
// binary cross-entropy (stable form).
template <class T>
T loss_for(Derivation d, const Cache<T>& c, const Matrix<T>& Y)
{
    return d == Derivation::clamped_log ? loss_clamped_log(c.A2, Y) : loss_stable(c.Z2, Y);
}

// The analytic gradient the derivation's author computes.
template <class T>
Gradients<T> gradients_for(Derivation d, const Parameters<T>& P, const Matrix<T>& X, const Matrix<T>& Y, const Cache<T>& c,
                           const T& learning_rate = T(1), BackwardCache<T>* intermediates = nullptr)
{
    return backward(P, X, Y, c, steps_for(d, learning_rate), intermediates);
}

} // namespace xornet

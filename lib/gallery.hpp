// A gallery of derivations: the right one, the seed's, and plausible mistakes a
// student makes: their names and formulas here, their steps in mistakes.hpp. Each
// mistake is one step of the backward pass done wrong (or, for clamped-log, a
// different loss): the analytic gradient its author would compute,
// which the checker compares with numeric gradients of that author's loss. Every
// mistake must fail the default check; tests/test_gradients.cpp shows each one does,
// and the diagnosis (gradcheck/network/diagnosis.hpp) must name it from its numbers alone.
#pragma once

#include <array>
#include <cmath>
#include <string_view>

#include "network.hpp"
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

// Whether derivation d's products fit the network's shapes: no-transpose's dA1 = W2·dZ2
// is (1×H)·(1×m), a shape error unless H = 1, so there it makes no numbers at all.
template <class T>
bool shapes_fit(Derivation d, const Parameters<T>& P)
{
    return d != Derivation::no_transpose || P.hidden() == 1;
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

// A derivation whose mistake is in its loss (step "L": clamped-log) computes the derived
// gradient: it makes no numbers of its own for the diagnosis to match.
inline bool mistake_in_loss(const GalleryEntry& e) { return e.step == "L"; }

// The loss the derivation's author computes, and how a report names it. All but
// clamped-log use the mean binary cross-entropy in its stable form, with softplus sp
// (the checker's complex step and autodiff pass their own).
template <class T, class Softplus>
T loss_for(Derivation d, const Cache<T>& c, const Matrix<T>& Y, Softplus&& sp)
{
    return d == Derivation::clamped_log ? loss_clamped_log(c.A2, Y) : loss_stable(c.Z2, Y, sp);
}

template <class T>
T loss_for(Derivation d, const Cache<T>& c, const Matrix<T>& Y)
{
    return loss_for(d, c, Y, [](const T& z) { return softplus(z); });
}

inline const char* loss_label(Derivation d)
{
    return d == Derivation::clamped_log ? "clamped form, with log(A2 + 1e-12)" : "stable form, from Z2";
}

} // namespace xornet

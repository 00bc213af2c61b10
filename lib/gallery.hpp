// A gallery of derivations: the right one, the seed's as written, and plausible
// mistakes a student makes. Each is what its author would compute: an analytic
// gradient (and, for one of them, a loss) that the checker then compares with
// numeric gradients of that author's loss. Every mistake must fail the check;
// tests/test_gradients.cpp shows each one does.
#pragma once

#include <array>
#include <cmath>
#include <string_view>

#include "backward.hpp"
#include "loss.hpp"

namespace xornet {

enum class Derivation {
    derived,               // correct
    seed,                  // the seed's final formulas: no 1/m
    no_sigmoid_derivative, // dZ1 = W2ᵀ·dZ2, the factor A1 ⊙ (1 − A1) forgotten
    no_transpose,          // dA1 = W2·dZ2, the transpose forgotten
    flipped_sign,          // dZ2 = (Y − A2)/m
    first_example_bias,    // dB1, dB2 from the first example only
    clamped_log,           // loss with log(A2 + 1e-12), gradient of the clean loss
};

struct GalleryEntry {
    std::string_view name; // as given to --formulas
    Derivation derivation;
    std::string_view explanation;
};

inline constexpr std::array<GalleryEntry, 7> gallery{{
    {"derived", Derivation::derived, "the chain rule with the 1/m of the mean loss"},
    {"seed", Derivation::seed, "the seed's final formulas as written: the 1/m is dropped"},
    {"no-sigmoid-derivative", Derivation::no_sigmoid_derivative,
     "dL/dZ1 = W2ᵀ·dZ2: the hidden sigmoid's derivative A1 ⊙ (1 - A1) left out"},
    {"no-transpose", Derivation::no_transpose,
     "dL/dA1 = W2·dZ2 without the transpose: a shape error for H > 1 (right by accident for H = 1)"},
    {"flipped-sign", Derivation::flipped_sign, "dL/dZ2 = (Y - A2)/m: the sign of the output error flipped"},
    {"first-example-bias", Derivation::first_example_bias,
     "dL/dB1, dL/dB2 from the first example alone instead of the sum over all examples"},
    {"clamped-log", Derivation::clamped_log,
     "the loss takes log(A2 + 1e-12) and log(1 - A2 + 1e-12), the gradient is the clean (A2 - Y)/m: off by about 1e-12"},
}};

inline const GalleryEntry& gallery_entry(Derivation d)
{
    for (const GalleryEntry& e : gallery)
        if (e.derivation == d) return e;
    return gallery[0];
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
    return -sum / T(Y.cols());
}

// The loss the derivation's author computes. All but clamped_log use the mean
// binary cross-entropy (stable form).
template <class T>
T loss_for(Derivation d, const Cache<T>& c, const Matrix<T>& Y)
{
    return d == Derivation::clamped_log ? loss_clamped_log(c.A2, Y) : loss_stable(c.Z2, Y);
}

// The analytic gradient the derivation's author computes: backward.hpp for the
// derived and seed formulas; otherwise the same steps with the one mistake made.
template <class T>
Gradients<T> gradients_for(Derivation d, const Parameters<T>& P, const Matrix<T>& X, const Matrix<T>& Y, const Cache<T>& c)
{
    switch (d) {
    case Derivation::derived:
    case Derivation::clamped_log: return backward(P, X, Y, c, Formulas::derived);
    case Derivation::seed: return backward(P, X, Y, c, Formulas::seed);
    default: break;
    }
    const T m(Y.cols());
    Gradients<T> g;
    Matrix<T> dZ2 = (T(1) / m) * (c.A2 - Y);                        // 1×m
    if (d == Derivation::flipped_sign) dZ2 = (T(1) / m) * (Y - c.A2); // mistake
    g.dW2 = matmul(dZ2, transpose(c.A1));
    g.dB2 = sum_over_columns(dZ2);
    const Matrix<T> dA1 = d == Derivation::no_transpose ? matmul(P.W2, dZ2)              // mistake: (1×H)·(1×m)
                                                        : matmul(transpose(P.W2), dZ2); // H×m
    const Matrix<T> dZ1 = d == Derivation::no_sigmoid_derivative
                              ? dA1 // mistake
                              : hadamard(dA1, map(c.A1, [](const T& a) { return sigmoid_derivative_from_output(a); }));
    g.dW1 = matmul(dZ1, transpose(X));
    g.dB1 = sum_over_columns(dZ1);
    if (d == Derivation::first_example_bias) { // mistake: column 0 only, still divided by m
        for (std::size_t j = 0; j < dZ1.rows(); ++j) g.dB1(j, 0) = dZ1(j, 0);
        g.dB2(0, 0) = dZ2(0, 0);
    }
    return g;
}

} // namespace xornet

// The backward pass: the four partials dL/dW1, dL/dB1, dL/dW2, dL/dB2 of the
// mean loss, vectorised over the m examples. Each line differentiates the
// forward line quoted beside it (network.hpp), read from the bottom up.
#pragma once

#include <stdexcept>

#include "network.hpp"

namespace xornet {

template <class T>
struct Gradients {
    Matrix<T> dW1; // H×N
    Matrix<T> dB1; // H×1
    Matrix<T> dW2; // 1×H
    Matrix<T> dB2; // 1×1
};

template <class T>
const Matrix<T>& gradient(const Gradients<T>& g, Param p)
{
    switch (p) {
    case Param::W1: return g.dW1;
    case Param::B1: return g.dB1;
    case Param::W2: return g.dW2;
    case Param::B2: return g.dB2;
    }
    throw std::logic_error("gradient: unknown Param");
}

// Which formulas the backward pass uses.
//  derived: the chain rule carried through correctly, with the 1/m of the mean loss.
//  seed:    the seed's final formulas exactly as written, e.g. dL/dW2 = (A2 − Y)·A1:
//           its last simplification drops the 1/m, so every partial comes out m
//           times too large (and exactly right when m = 1).
enum class Formulas { derived, seed };

// The intermediate gradients, for code that wants to show them (gradcheck trace).
template <class T>
struct BackwardCache {
    Matrix<T> dZ2; // 1×m
    Matrix<T> dA1; // H×m
    Matrix<T> dZ1; // H×m
};

template <class T>
Gradients<T> backward(const Parameters<T>& P, const Matrix<T>& X, const Matrix<T>& Y, const Cache<T>& c,
                      Formulas formulas = Formulas::derived, BackwardCache<T>* intermediates = nullptr)
{
    const T m(Y.cols());
    Gradients<T> g;

    // L = (1/m) Σ BCE(A2, Y), A2 = sigmoid(Z2):  dL/dZ2 = (A2 − Y)/m, because
    // dL/dA2 = (1/m)(A2 − Y)/(A2(1 − A2)) and dA2/dZ2 = A2(1 − A2) cancel.
    Matrix<T> dZ2 = c.A2 - Y; // 1×m
    if (formulas == Formulas::derived) dZ2 = (T(1) / m) * dZ2;

    // Z2 = W2·A1 + B2
    g.dW2 = matmul(dZ2, transpose(c.A1));  // 1×H = (1×m)·(m×H)
    g.dB2 = sum_over_columns(dZ2);         // 1×1: B2 was added to every example
    Matrix<T> dA1 = matmul(transpose(P.W2), dZ2); // H×m = (H×1)·(1×m)

    // A1 = sigmoid(Z1)
    Matrix<T> dZ1 = hadamard(dA1, map(c.A1, [](const T& a) { return sigmoid_derivative_from_output(a); })); // H×m

    // Z1 = W1·X + B1
    g.dW1 = matmul(dZ1, transpose(X)); // H×N = (H×m)·(m×N)
    g.dB1 = sum_over_columns(dZ1);     // H×1: B1 was added to every example
    if (intermediates) *intermediates = {dZ2, dA1, dZ1};
    return g;
}

} // namespace xornet

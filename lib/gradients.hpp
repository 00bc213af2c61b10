// What the backward pass returns, and the two calls through which the checker
// reaches it. gradients_for and descend are declared here and defined in
// mistakes.hpp; the checker instantiates them once per scalar type
// (gradcheck/run/passes_*.cpp), so that its own translation units never see the
// backward pass: changing backward.hpp recompiles those few files only.
#pragma once

#include <stdexcept>

#include "gallery.hpp"
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

// The intermediate gradients, for code that wants to show or check them.
template <class T>
struct BackwardCache {
    Matrix<T> dZ2; // 1×m
    Matrix<T> dA1; // H×m
    Matrix<T> dZ1; // H×m
};

// The analytic gradient the derivation's author computes: backward() with the
// derivation's steps (mistakes.hpp). learning_rate matters only to w2-updated-first;
// intermediates, if given, receives dZ2, dA1, dZ1.
template <class T>
Gradients<T> gradients_for(Derivation d, const Parameters<T>& P, const Matrix<T>& X, const Matrix<T>& Y, const Cache<T>& c,
                           const T& learning_rate = T(1), BackwardCache<T>* intermediates = nullptr);

// One step of gradient descent, θ ← θ − learning_rate·dL/dθ, as the derivation's author
// takes it: with the derivation's own backward pass.
template <class T>
void descend(Derivation d, Parameters<T>& P, const Matrix<T>& X, const Matrix<T>& Y, const T& learning_rate);

} // namespace xornet

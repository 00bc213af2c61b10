// The seed's 2-2-1 network, generalised to N inputs and H hidden units:
// parameters, the forward pass (seed functions 1–4) and the cache it keeps.
#pragma once

#include <array>
#include <cstddef>
#include <stdexcept>
#include <string_view>

#include "activation.hpp"
#include "matrix.hpp"

namespace xornet {

template <class T>
struct Parameters {
    Matrix<T> W1; // H×N   hidden weights
    Matrix<T> B1; // H×1   hidden biases, added to every example (column)
    Matrix<T> W2; // 1×H   output weights
    Matrix<T> B2; // 1×1   output bias

    std::size_t inputs() const { return W1.cols(); } // N
    std::size_t hidden() const { return W1.rows(); } // H
};

// The four parameter arrays in a fixed order, for code that visits all of them
// (the gradient checker, the training step).
enum class Param { W1, B1, W2, B2 };
inline constexpr std::array<Param, 4> all_params{Param::W1, Param::B1, Param::W2, Param::B2};

inline constexpr std::string_view param_name(Param p)
{
    switch (p) {
    case Param::W1: return "W1";
    case Param::B1: return "B1";
    case Param::W2: return "W2";
    case Param::B2: return "B2";
    }
    return "?";
}

template <class T>
Matrix<T>& param(Parameters<T>& P, Param p)
{
    switch (p) {
    case Param::W1: return P.W1;
    case Param::B1: return P.B1;
    case Param::W2: return P.W2;
    case Param::B2: return P.B2;
    }
    throw std::logic_error("param: unknown Param");
}

template <class T>
const Matrix<T>& param(const Parameters<T>& P, Param p)
{
    return param(const_cast<Parameters<T>&>(P), p);
}

// Everything the forward pass computes, kept because the backward pass needs it.
template <class T>
struct Cache {
    Matrix<T> Z1; // H×m
    Matrix<T> A1; // H×m
    Matrix<T> Z2; // 1×m
    Matrix<T> A2; // 1×m   the predictions
};

// Forward pass for the whole batch; X is N×m, one example per column. sigma is
// the sigmoid to use: the checker's complex step and autodiff pass their own,
// which avoids an overflow of complex and dual numbers (gradcheck/network/forward_mode.hpp).
template <class T, class Sigmoid>
Cache<T> forward(const Parameters<T>& P, const Matrix<T>& X, Sigmoid&& sigma)
{
    Cache<T> c;
    c.Z1 = add_to_each_column(matmul(P.W1, X), P.B1);    // 1. Z1 = W1·X + B1
    c.A1 = map(c.Z1, sigma);                             // 2. A1 = sigmoid(Z1)
    c.Z2 = add_to_each_column(matmul(P.W2, c.A1), P.B2); // 3. Z2 = W2·A1 + B2
    c.A2 = map(c.Z2, sigma);                             // 4. A2 = sigmoid(Z2)
    return c;
}

template <class T>
Cache<T> forward(const Parameters<T>& P, const Matrix<T>& X)
{
    return forward(P, X, [](const T& z) { return sigmoid(z); });
}

} // namespace xornet

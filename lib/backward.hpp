// The backward pass: the four partials dL/dW1, dL/dB1, dL/dW2, dL/dB2 of the
// mean loss, vectorised over the m examples. Each step differentiates the
// forward line quoted above it (network.hpp), read from the bottom up; backward()
// at the end chains the steps. A mistaken derivation replaces one step
// (gallery.hpp), so there is one backward pass, right or wrong.
#pragma once

#include "gradients.hpp"
#include "network.hpp"

namespace xornet {

// 5. L = −(1/m) Σ_i [Y_i·log(A2_i) + (1 − Y_i)·log(1 − A2_i)],  4. A2 = sigmoid(Z2):
//    dL/dA2 = (1/m)(A2 − Y)/(A2(1 − A2)) and dA2/dZ2 = A2(1 − A2) cancel, so
//    dZ2 = dL/dZ2 = (A2 − Y)/m                                                   1×m
template <class T>
Matrix<T> output_error(const Matrix<T>& A2, const Matrix<T>& Y)
{
    return (T(1) / T(static_cast<double>(Y.cols()))) * (A2 - Y);
}

// 3. Z2 = W2·A1 + B2:  dW2 = dZ2·A1ᵀ   (1×m)·(m×H) = 1×H
// 1. Z1 = W1·X + B1:   dW1 = dZ1·Xᵀ    (H×m)·(m×N) = H×N
// Example i adds dZ_i·input_iᵀ; the matrix product sums over the examples.
template <class T>
Matrix<T> weight_gradient(const Matrix<T>& dZ, const Matrix<T>& input)
{
    return matmul(dZ, transpose(input));
}

// The bias was added to every column (every example): its gradient sums dZ over
// the columns. dB2 = Σ_i dZ2_i (1×1), dB1 = Σ_i dZ1_i (H×1).
template <class T>
Matrix<T> bias_gradient(const Matrix<T>& dZ)
{
    return sum_over_columns(dZ);
}

// 3. Z2 = W2·A1 + B2:  dA1 = W2ᵀ·dZ2   (H×1)·(1×m) = H×m
// (dW2 and the learning rate are what a step may read here: see gallery.hpp.)
template <class T>
Matrix<T> hidden_error(const Matrix<T>& W2, const Matrix<T>& dZ2, const Matrix<T>& /*dW2*/, const T& /*learning_rate*/)
{
    return matmul(transpose(W2), dZ2);
}

// 2. A1 = sigmoid(Z1):  dZ1 = dA1 ⊙ A1 ⊙ (1 − A1)   H×m, element by element
template <class T>
Matrix<T> through_hidden_sigmoid(const Matrix<T>& dA1, const Matrix<T>& /*Z1*/, const Matrix<T>& A1)
{
    return hadamard(dA1, map(A1, [](const T& a) { return sigmoid_derivative_from_output(a); }));
}

// The steps backward() chains, one per line of the derivation. By default they
// are the ones above; a derivation with a mistake swaps one of them (gallery.hpp).
template <class T>
struct BackwardSteps {
    Matrix<T> (*dZ2)(const Matrix<T>& A2, const Matrix<T>& Y) = output_error<T>;
    Matrix<T> (*dW2)(const Matrix<T>& dZ2, const Matrix<T>& A1) = weight_gradient<T>;
    Matrix<T> (*dB)(const Matrix<T>& dZ) = bias_gradient<T>; // dB2 and dB1
    Matrix<T> (*dA1)(const Matrix<T>& W2, const Matrix<T>& dZ2, const Matrix<T>& dW2, const T& learning_rate) = hidden_error<T>;
    Matrix<T> (*dZ1)(const Matrix<T>& dA1, const Matrix<T>& Z1, const Matrix<T>& A1) = through_hidden_sigmoid<T>;
    Matrix<T> (*dW1)(const Matrix<T>& dZ1, const Matrix<T>& X) = weight_gradient<T>;
    T learning_rate = T(1); // of the training step this pass belongs to (read by no derived step)
};

template <class T>
Gradients<T> backward(const Parameters<T>& P, const Matrix<T>& X, const Matrix<T>& Y, const Cache<T>& c,
                      const BackwardSteps<T>& step = {}, BackwardCache<T>* intermediates = nullptr)
{
    Gradients<T> g;
    const Matrix<T> dZ2 = step.dZ2(c.A2, Y);                             // 1×m
    g.dW2 = step.dW2(dZ2, c.A1);                                          // 1×H
    g.dB2 = step.dB(dZ2);                                                 // 1×1
    const Matrix<T> dA1 = step.dA1(P.W2, dZ2, g.dW2, step.learning_rate); // H×m
    const Matrix<T> dZ1 = step.dZ1(dA1, c.Z1, c.A1);                      // H×m
    g.dW1 = step.dW1(dZ1, X);                                             // H×N
    g.dB1 = step.dB(dZ1);                                                 // H×1
    if (intermediates) *intermediates = {dZ2, dA1, dZ1};
    return g;
}

} // namespace xornet

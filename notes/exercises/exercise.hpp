// The C++ exercise: the backward pass of the XOR network, written by you.
// Everything your code may use is declared here; README.md next to this file
// explains the task, and the runner (runner.cpp) checks what you write.
#pragma once

#include <cstddef>

#include "matrix.hpp"  // xornet::Matrix and its operations
#include "network.hpp" // xornet::Parameters, xornet::Cache

namespace exercise {

using Matrix = xornet::Matrix<double>;
using Network = xornet::Parameters<double>; // P.W1 (H×N), P.B1 (H×1), P.W2 (1×H), P.B2 (1×1)
using Forward = xornet::Cache<double>;      // f.Z1, f.A1 (H×m), f.Z2, f.A2 (1×m): one column per example

// What you compute: each step of the backward pass, and the four partials.
struct Backward {
    Matrix dZ2; // 1×m   dL/dZ2
    Matrix dW2; // 1×H   dL/dW2
    Matrix dB2; // 1×1   dL/dB2
    Matrix dA1; // H×m   dL/dA1
    Matrix dZ1; // H×m   dL/dZ1
    Matrix dW1; // H×N   dL/dW1
    Matrix dB1; // H×1   dL/dB1
};

// Yours: backward.cpp. X is N×m and Y is 1×m, one example per column, as in the
// seed; L is the mean binary cross-entropy; the forward pass f is done for you.
Backward backward(const Network& P, const Matrix& X, const Matrix& Y, const Forward& f);

// A step not written yet: the verdict says TODO for it.
inline Matrix todo() { return Matrix(); }

// The operations, from lib/matrix.hpp. Every one checks shapes: a product whose
// shapes do not fit stops the pass with a message, as it should.
//   matmul(A, B)          the matrix product A·B: (r×k)·(k×c) = r×c
//   transpose(A)          Aᵀ
//   hadamard(A, B)        the element-wise product A ⊙ B (same shapes)
//   sum_over_columns(A)   r×m → r×1: the sum over the examples
//   A - B,  s * A         element-wise difference; a number times a matrix
//   s - A                 the number s minus each element (below)
//   column(A, j)          column j of A, r×1: example j alone (below)
//   reshape(A, r, c)      the elements of A, row by row, as an r×c matrix (below)
using xornet::hadamard;
using xornet::matmul;
using xornet::sum_over_columns;
using xornet::transpose;

inline Matrix operator-(double s, const Matrix& A)
{
    Matrix out(A.rows(), A.cols());
    for (std::size_t k = 0; k < A.size(); ++k) out.flat(k) = s - A.flat(k);
    return out;
}

inline Matrix column(const Matrix& A, std::size_t j)
{
    Matrix out(A.rows(), 1);
    for (std::size_t i = 0; i < A.rows(); ++i) out(i, 0) = A(i, j);
    return out;
}

inline Matrix reshape(const Matrix& A, std::size_t rows, std::size_t cols)
{
    Matrix out(rows, cols);
    for (std::size_t k = 0; k < out.size() && k < A.size(); ++k) out.flat(k) = A.flat(k);
    return out;
}

} // namespace exercise

// A small dense matrix, generic over the scalar type T, with exactly the
// operations the derivation uses. Shapes are checked on every operation:
// a shape mistake in a hand derivation (a missing transpose) must be a loud
// error here, not a silent broadcast.
#pragma once

#include <cstddef>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

#include "elements.hpp"

namespace xornet {

template <class T>
class Matrix {
public:
    Matrix() = default;
    Matrix(std::size_t rows, std::size_t cols, const T& fill = T{})
        : rows_(rows), cols_(cols), data_(rows * cols, fill) {}

    std::size_t rows() const { return rows_; }
    std::size_t cols() const { return cols_; }
    std::size_t size() const { return data_.size(); }

    T& operator()(std::size_t i, std::size_t j) { return data_[i * cols_ + j]; }
    const T& operator()(std::size_t i, std::size_t j) const { return data_[i * cols_ + j]; }

    // Row-major flat access: element k is (k / cols, k % cols).
    T& flat(std::size_t k) { return data_[k]; }
    const T& flat(std::size_t k) const { return data_[k]; }

private:
    std::size_t rows_ = 0;
    std::size_t cols_ = 0;
    Elements<T> data_; // row-major (elements.hpp)
};

inline std::string shape_string(std::size_t rows, std::size_t cols)
{
    return std::to_string(rows) + "×" + std::to_string(cols);
}

template <class A, class B>
void require_same_shape(const Matrix<A>& a, const Matrix<B>& b, const char* what)
{
    if (a.rows() != b.rows() || a.cols() != b.cols())
        throw std::invalid_argument(std::string(what) + ": shapes " + shape_string(a.rows(), a.cols())
                                    + " and " + shape_string(b.rows(), b.cols()) + " differ");
}

// Matrix product A·B: (r×k)·(k×c) → r×c.
template <class T>
Matrix<T> matmul(const Matrix<T>& A, const Matrix<T>& B)
{
    if (A.cols() != B.rows())
        throw std::invalid_argument("matmul: inner dimensions differ (" + shape_string(A.rows(), A.cols())
                                    + " · " + shape_string(B.rows(), B.cols()) + ")");
    Matrix<T> C(A.rows(), B.cols());
    for (std::size_t i = 0; i < A.rows(); ++i)
        for (std::size_t j = 0; j < B.cols(); ++j) {
            T sum(0);
            for (std::size_t k = 0; k < A.cols(); ++k) sum += A(i, k) * B(k, j);
            C(i, j) = sum;
        }
    return C;
}

template <class T>
Matrix<T> transpose(const Matrix<T>& A)
{
    Matrix<T> At(A.cols(), A.rows());
    for (std::size_t i = 0; i < A.rows(); ++i)
        for (std::size_t j = 0; j < A.cols(); ++j) At(j, i) = A(i, j);
    return At;
}

// Z + B with B a column (r×1) added to every column of Z (r×m): the seed's "+ B1".
template <class T>
Matrix<T> add_to_each_column(Matrix<T> Z, const Matrix<T>& B)
{
    if (B.cols() != 1 || B.rows() != Z.rows())
        throw std::invalid_argument("add_to_each_column: bias " + shape_string(B.rows(), B.cols())
                                    + " does not fit " + shape_string(Z.rows(), Z.cols()));
    for (std::size_t i = 0; i < Z.rows(); ++i)
        for (std::size_t j = 0; j < Z.cols(); ++j) Z(i, j) += B(i, 0);
    return Z;
}

// Σ over columns (over the m examples): r×m → r×1. The adjoint of add_to_each_column.
template <class T>
Matrix<T> sum_over_columns(const Matrix<T>& A)
{
    Matrix<T> s(A.rows(), 1);
    for (std::size_t i = 0; i < A.rows(); ++i)
        for (std::size_t j = 0; j < A.cols(); ++j) s(i, 0) += A(i, j);
    return s;
}

// Element-wise f(A).
template <class T, class F>
Matrix<T> map(const Matrix<T>& A, F f)
{
    Matrix<T> out(A.rows(), A.cols());
    for (std::size_t k = 0; k < A.size(); ++k) out.flat(k) = f(A.flat(k));
    return out;
}

// Element-wise (Hadamard) product A ⊙ B.
template <class T>
Matrix<T> hadamard(const Matrix<T>& A, const Matrix<T>& B)
{
    require_same_shape(A, B, "hadamard");
    Matrix<T> out(A.rows(), A.cols());
    for (std::size_t k = 0; k < A.size(); ++k) out.flat(k) = A.flat(k) * B.flat(k);
    return out;
}

template <class T>
Matrix<T> operator-(const Matrix<T>& A, const Matrix<T>& B)
{
    require_same_shape(A, B, "subtract");
    Matrix<T> out(A.rows(), A.cols());
    for (std::size_t k = 0; k < A.size(); ++k) out.flat(k) = A.flat(k) - B.flat(k);
    return out;
}

template <class T>
Matrix<T> operator*(const T& s, Matrix<T> A)
{
    for (std::size_t k = 0; k < A.size(); ++k) A.flat(k) *= s;
    return A;
}

// Convert every element to another scalar type (exactly, when U holds T's values).
template <class U, class T>
Matrix<U> convert(const Matrix<T>& A)
{
    Matrix<U> out(A.rows(), A.cols());
    for (std::size_t k = 0; k < A.size(); ++k) out.flat(k) = U(A.flat(k));
    return out;
}

} // namespace xornet

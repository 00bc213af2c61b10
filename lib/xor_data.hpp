// The XOR truth table in the seed's layout: one example per column.
#pragma once

#include "matrix.hpp"

namespace xornet {

template <class T>
struct Dataset {
    Matrix<T> X; // N×m
    Matrix<T> Y; // 1×m
};

template <class T>
Dataset<T> xor_dataset()
{
    Dataset<T> d{Matrix<T>(2, 4), Matrix<T>(1, 4)};
    const int inputs[4][2] = {{0, 0}, {0, 1}, {1, 0}, {1, 1}};
    for (int i = 0; i < 4; ++i) {
        d.X(0, i) = T(inputs[i][0]);
        d.X(1, i) = T(inputs[i][1]);
        d.Y(0, i) = T(inputs[i][0] ^ inputs[i][1]);
    }
    return d;
}

} // namespace xornet

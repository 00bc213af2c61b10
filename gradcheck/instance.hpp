// The network a job works on, in scalar type T, from the problem's text: every
// number is read from its decimal text at T's own precision (decimal.hpp), so a
// 50-digit weight survives at 50 digits.
#pragma once

#include "decimal.hpp"
#include "init.hpp"
#include "network.hpp"
#include "problem.hpp"

namespace gradcheck {

template <class T>
xornet::Matrix<T> from_text(const TextMatrix& M)
{
    xornet::Matrix<T> out(M.rows(), M.cols());
    for (std::size_t k = 0; k < M.size(); ++k) out.flat(k) = from_decimal<T>(M.flat(k));
    return out;
}

template <class T>
xornet::Parameters<T> parameters_for(const Problem& problem)
{
    if (problem.weights) {
        const WeightsText& w = *problem.weights;
        return {from_text<T>(w.W1), from_text<T>(w.B1), from_text<T>(w.W2), from_text<T>(w.B2)};
    }
    return xornet::init_parameters<T>(problem.data.X.rows(), problem.hidden, problem.seed);
}

// The network a job works on, in scalar type T.
template <class T>
struct Instance {
    xornet::Matrix<T> X;          // N×m
    xornet::Matrix<T> Y;          // 1×m
    xornet::Parameters<T> P;
};

template <class T>
Instance<T> instance_for(const Problem& problem)
{
    return {from_text<T>(problem.data.X), from_text<T>(problem.data.Y), parameters_for<T>(problem)};
}

} // namespace gradcheck

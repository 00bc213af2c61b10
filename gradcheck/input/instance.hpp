// The network a job works on, in scalar type T, from the problem's text: every
// number is read from its decimal text at T's own precision (scalar/decimal.hpp), so a
// 50-digit weight survives at 50 digits.
#pragma once

#include <iomanip>
#include <limits>
#include <sstream>
#include <string>

#include <boost/math/special_functions/fpclassify.hpp>

#include "gradcheck/scalar/decimal.hpp"
#include "gradcheck/util/error.hpp"
#include "init.hpp"
#include "network.hpp"
#include "gradcheck/input/problem.hpp"

namespace gradcheck {

// `name` says where a number beyond T's range came from ("W1", "X"); such a number
// is refused, never carried on as inf (float's range ends at 3.4e38).
template <class T>
xornet::Matrix<T> from_text(const TextMatrix& M, const std::string& name)
{
    xornet::Matrix<T> out(M.rows(), M.cols());
    for (std::size_t k = 0; k < M.size(); ++k) {
        out.flat(k) = from_decimal<T>(M.flat(k));
        if (!(boost::math::isfinite)(out.flat(k))) {
            std::ostringstream largest;
            largest << std::setprecision(2) << std::numeric_limits<T>::max();
            throw InputError(name + " holds " + M.flat(k) + ", which overflows to inf (the largest number is "
                             + largest.str() + ")");
        }
    }
    return out;
}

template <class T>
xornet::Parameters<T> parameters_for(const Problem& problem)
{
    if (problem.weights) {
        const WeightsText& w = *problem.weights;
        return {from_text<T>(w.W1, "W1"), from_text<T>(w.B1, "B1"), from_text<T>(w.W2, "W2"), from_text<T>(w.B2, "B2")};
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
    return {from_text<T>(problem.data.X, "X"), from_text<T>(problem.data.Y, "Y"), parameters_for<T>(problem)};
}

} // namespace gradcheck

// estimate(): a method's numeric derivative with its error bound, the only switch
// over the kinds of method (methods/table.hpp). It works on any function of one
// variable θ, given as an object f with
//   f.value()            f at the current θ (theta refers to it; f reads it), in T
//   f.complex_step(h)    Im f(θ + i·h)/h with its bound (methods/forward_estimate.hpp)
//   f.dual()             the derivative part of f in dual numbers, with its bound
// and ε_L, the bound on the rounding of one f.value(), supplied by the caller. A
// function known only by a given derivative (an exact reference) has no value():
// the difference methods are then a programming error, never compiled.
#pragma once

#include <stdexcept>
#include <string>

#include "gradcheck/methods/differences.hpp"
#include "gradcheck/methods/table.hpp"

namespace gradcheck {

template <class T, class Function>
NumericDerivative<T> estimate(const MethodRow& row, Function& f, T& theta, const T& h, const T& loss_error)
{
    switch (row.kind) {
    case MethodKind::stencil:
    case MethodKind::extrapolation:
        if constexpr (requires { f.value(); }) {
            const auto loss = [&] { return f.value(); };
            return row.kind == MethodKind::stencil ? stencil_derivative(row, loss, theta, h, loss_error)
                                                   : richardson_derivative(row, loss, theta, h, loss_error);
        }
        break;
    case MethodKind::complex_step: return f.complex_step(h);
    case MethodKind::dual: return f.dual();
    }
    throw std::logic_error("estimate: " + std::string(row.name) + " needs values of the function");
}

} // namespace gradcheck

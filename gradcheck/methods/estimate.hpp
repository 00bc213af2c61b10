// estimate(): a method's numeric derivative with its error bound, the only switch
// over the kinds of method (methods/table.hpp). It works on any function of one
// coordinate θ, given as an object f with
//   f.value()            the loss at the current θ (theta refers to it; f reads it), in T
//   f.complex_step(h)    Im L(θ + i·h)/h with its bound (methods/forward_mode.hpp)
//   f.dual()             the derivative part of L in dual numbers, with its bound
// and ε_L, the bound on the rounding of one f.value(), supplied by the caller.
// A function that is known only in real numbers gives the difference methods alone:
// DifferencesOnly below refuses the others.
#pragma once

#include <stdexcept>
#include <string>

#include "gradcheck/methods/differences.hpp"
#include "gradcheck/methods/table.hpp"

namespace gradcheck {

template <class T, class Function>
NumericDerivative<T> estimate(Method method, Function& f, T& theta, const T& h, const T& loss_error)
{
    const MethodRow& row = method_row(method);
    const auto loss = [&] { return f.value(); };
    switch (row.kind) {
    case MethodKind::stencil: return stencil_derivative(row, loss, theta, h, loss_error);
    case MethodKind::extrapolation: return richardson_derivative(row, loss, theta, h, loss_error);
    case MethodKind::complex_step: return f.complex_step(h);
    case MethodKind::dual: return f.dual();
    }
    throw std::logic_error("estimate: unknown method");
}

// A function of θ known only through its real values: the difference methods only.
// Asked for the complex step or autodiff, a programming error, never another
// method's numbers.
template <class T, class Loss>
struct DifferencesOnly {
    Loss& loss;
    Method method;
    T value() { return loss(); }
    NumericDerivative<T> complex_step(const T&) const { return refuse(); }
    NumericDerivative<T> dual() const { return refuse(); }
    NumericDerivative<T> refuse() const
    {
        throw std::logic_error("numeric_derivative: " + std::string(method_name(method)) + " is not a difference method");
    }
};

// A difference method on loss(), a function of the variable theta refers to.
template <class T, class Loss>
NumericDerivative<T> numeric_derivative(Method method, Loss&& loss, T& theta, const T& h, const T& loss_error)
{
    DifferencesOnly<T, std::remove_reference_t<Loss>> f{loss, method};
    return estimate(method, f, theta, h, loss_error);
}

} // namespace gradcheck

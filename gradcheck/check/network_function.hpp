// The XOR network's loss as a function of one parameter θ = P.p[k], in the form
// estimate() takes (methods/estimate.hpp): its real value for the differences, and
// the network lifted to complex or dual numbers for the complex step and autodiff.
#pragma once

#include <cstddef>
#include <vector>

#include "gallery.hpp"
#include "gradcheck/methods/forward_mode.hpp"
#include "network.hpp"

namespace gradcheck {

template <class T>
struct NetworkCoordinate {
    xornet::Derivation derivation; // whose loss: clamped-log computes its own
    xornet::Parameters<T>& P;      // θ is P.p[k]; the differences move it, the others read it
    const xornet::Matrix<T>& X;    // N×m
    const xornet::Matrix<T>& Y;    // 1×m
    xornet::Param p;
    std::size_t k;
    T L;                 // the loss at θ
    T loss_error;        // ε_L
    T analytic_rounding; // ε_a of this element: part of a forward-mode derivative's bound
    // Autodiff: every partial from one pass, computed at the first element that asks
    // and kept here (forward_mode_gradient), and this element's place in it.
    std::vector<T>& forward_gradient;
    std::size_t index;

    T value() const { return xornet::loss_for(derivation, xornet::forward(P, X), Y); }

    NumericDerivative<T> complex_step(const T& h) const
    {
        return gradcheck::complex_step(derivation, P, X, Y, p, k, h, L, loss_error, analytic_rounding);
    }

    NumericDerivative<T> dual() const
    {
        if (forward_gradient.empty()) forward_gradient = forward_mode_gradient(derivation, P, X, Y);
        NumericDerivative<T> d = forward_mode_derivative(forward_gradient[index], L, loss_error, analytic_rounding);
        d.step = T(1); // "moved": autodiff has no step to vanish
        return d;
    }
};

} // namespace gradcheck

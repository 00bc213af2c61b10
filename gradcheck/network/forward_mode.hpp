// Two derivatives with no subtraction in them, so no cancellation:
//
//   complex step   dL/dθ = Im L(θ + i·h) / h + O(h²): the network runs on complex
//                  numbers; h can be tiny (here u·max(1, |θ|)), so the O(h²) term
//                  is of order u² and only rounding remains.
//   autodiff       forward-mode automatic differentiation: the network runs on
//                  dual numbers (methods/dual.hpp) carrying dL/dθ.
//
// Both are independent of the hand-derived backward pass: they differentiate the
// forward pass and the loss: the stable form from Z2 (or the clamped one for
// clamped-log), as central differences do. Its softplus branches on the sign of z,
// which for a complex z means its real part, and it takes log(1 + w) for log1p(w):
// that loses the value of a tiny w, which neither method reads, but keeps its
// derivative part (Im of a complex, the derivative part of a dual) to full relative
// accuracy. (The seed's form log(A2) would do without a branch, but it is not
// finite, or loses every digit, once a sigmoid saturates.) Their sigmoid is the
// seed's 1/(1 + e^(−z)) except where e^(−z) overflows (forward_mode_sigmoid).
//
// Error bound ρ of each value (the estimates from them: methods/forward_estimate.hpp).
// The derivative part of every intermediate carries relative rounding like the value
// part: (ε_L/|L|)·(|D| + |L|), the loss's own relative rounding applied
// to the derivative and to terms up to the size of L. The derivative's own terms,
// each example's (A2 − Y)·∂Z2/∂θ, can be far larger than L (large inputs or weights),
// and they are the terms the backward pass sums: so ε_a, the running error bound of
// the backward pass for this element (bounds/backward_rounding.hpp), is added as well.
#pragma once

#include <boost/math/special_functions/fpclassify.hpp>

#include <cmath>
#include <complex>
#include <type_traits>
#include <vector>

#include "gradcheck/methods/dual.hpp"
#include "gradcheck/methods/forward_estimate.hpp"
#include "gallery.hpp"
#include "network.hpp"
#include "gradcheck/scalar/traits.hpp"

namespace gradcheck {

template <class U, class T>
xornet::Parameters<U> lift(const xornet::Parameters<T>& P)
{
    return {xornet::convert<U>(P.W1), xornet::convert<U>(P.B1), xornet::convert<U>(P.W2), xornet::convert<U>(P.B2)};
}

// The real part of a complex U, the value part of a dual one.
template <class T, class U>
T value_part(const U& z)
{
    using std::real;
    if constexpr (std::is_same_v<U, typename complex_of<T>::type>) return T(real(z));
    else return z.value;
}

// e^z in U. For MPC, from z = p + i·q's parts, e^p·(cos q + i·sin q): MPC's correctly
// rounded exp works at a precision that grows with the exponent of q, and a dead
// hidden unit gives q of order h·e^(−1e6) (0.37 s per call at 30 digits, a check
// of minutes); MPFR's parts take a microsecond and are each correctly rounded.
template <class T, class U>
U forward_mode_exp(const U& z)
{
    using std::exp;
    if constexpr (complex_by_parts<U>) {
        const T r = exp(T(real(z))), q = T(imag(z));
        return U(T(r * cos(q)), T(r * sin(q)));
    } else {
        return exp(z);
    }
}

// softplus(z) = log(1 + e^z) in U, a complex or dual number over the real type T.
template <class T, class U>
U forward_mode_softplus(const U& z)
{
    using std::log;
    return value_part<T>(z) > T(0) ? U(z + log(U(U(1) + forward_mode_exp<T>(U(-z))))) : U(log(U(U(1) + forward_mode_exp<T>(z))));
}

// sigmoid(z) in U: the seed's 1/(1 + e^(−z)), as xornet::sigmoid, unless e^(−z)
// overflows. A real 1/(1 + inf) is the right limit 0, but the derivative part of a
// dual or complex e^(−z) is then inf too, and inf/inf² is NaN; e^z/(1 + e^z) is the
// same function there and underflows to 0 in both parts instead.
template <class T, class U>
U forward_mode_sigmoid(const U& z)
{
    const U e = forward_mode_exp<T>(U(-z));
    if constexpr (complex_by_parts<U>) {
        // 1/(1 + w) from w = p + i·q's parts, (1 + p − i·q)/((1 + p)² + q²): MPC's
        // correctly rounded division takes time that grows with the exponent of w
        // (0.6 ms at z = 1e4, 20 ms at 1e5, 0.25 s at 1e6 for 30 digits); the parts
        // take microseconds, and MPFR's exponent range keeps them finite.
        const T p = T(real(e)) + T(1), q = T(imag(e)), d = T(p * p + q * q);
        return U(T(p / d), T(-q / d));
    }
    if ((boost::math::isfinite)(value_part<T>(e))) return U(U(1) / U(U(1) + e));
    const U ez = forward_mode_exp<T>(z);
    return U(ez / U(U(1) + ez));
}

// The forward pass in U with that sigmoid.
template <class T, class U>
xornet::Cache<U> forward_mode_forward(const xornet::Parameters<U>& P, const xornet::Matrix<U>& X)
{
    return xornet::forward(P, X, [](const U& z) { return forward_mode_sigmoid<T>(z); });
}

// The loss its author computes (xornet::loss_for), in U.
template <class T, class U>
U forward_mode_loss(xornet::Derivation d, const xornet::Cache<U>& c, const xornet::Matrix<U>& Y)
{
    return xornet::loss_for(d, c, Y, [](const U& z) { return forward_mode_softplus<T>(z); });
}

// The rounding bound of a derivative D computed in forward mode (see above).
template <class T>
T forward_mode_rounding(const T& D, const T& L, const T& loss_error, const T& analytic_error)
{
    using std::abs;
    // L = 0 only when the loss underflowed (every prediction saturated and right); the
    // derivative parts then underflow alike, and ε_a covers that.
    return T((L != T(0) ? T(loss_error / abs(L) * T(abs(D) + abs(L))) : T(0)) + analytic_error);
}

template <class T>
NumericDerivative<T> complex_step(xornet::Derivation derivation, const xornet::Parameters<T>& P, const xornet::Matrix<T>& X,
                                  const xornet::Matrix<T>& Y, xornet::Param p, std::size_t k, const T& h, const T& L,
                                  const T& loss_error, const T& analytic_error)
{
    using C = typename complex_of<T>::type;
    const xornet::Parameters<C> lifted = lift<C>(P);
    const xornet::Matrix<C> Xc = xornet::convert<C>(X), Yc = xornet::convert<C>(Y);
    const auto D = [&](const T& step) {
        xornet::Parameters<C> Pc = lifted;
        xornet::param(Pc, p).flat(k) = C(xornet::param(P, p).flat(k), step); // θ + i·step
        using std::imag;
        return T(T(imag(forward_mode_loss<T>(derivation, forward_mode_forward<T>(Pc, Xc), Yc))) / step);
    };
    return complex_step_estimate(h, D, [&](const T& D1) { return forward_mode_rounding(D1, L, loss_error, analytic_error); });
}

// Every partial dL/dθ_i at once, in one pass on dual numbers whose derivative parts
// are tangents (methods/dual.hpp): parameter i, counted through W1, B1, W2, B2 in
// their flat order, seeded with the i-th unit tangent. Component i is what
// autodiff() below computes for that parameter alone.
template <class T>
std::vector<T> forward_mode_gradient(xornet::Derivation derivation, const xornet::Parameters<T>& P, const xornet::Matrix<T>& X,
                                     const xornet::Matrix<T>& Y)
{
    using D = Dual<T, Tangent<T>>;
    xornet::Parameters<D> Pd = lift<D>(P);
    std::size_t count = 0;
    for (xornet::Param p : xornet::all_params) count += xornet::param(P, p).size();
    std::size_t i = 0;
    for (xornet::Param p : xornet::all_params)
        for (std::size_t k = 0; k < xornet::param(P, p).size(); ++k, ++i)
            xornet::param(Pd, p).flat(k) = D(xornet::param(P, p).flat(k), Tangent<T>::unit(i, count)); // θ_i + e_i·ε
    const D Ld = forward_mode_loss<T>(derivation, forward_mode_forward<T>(Pd, xornet::convert<D>(X)), xornet::convert<D>(Y));
    return Ld.derivative.d.empty() ? std::vector<T>(count, T(0)) : Ld.derivative.d;
}

// A forward-mode derivative with its bound (forward_mode_rounding).
template <class T>
NumericDerivative<T> forward_mode_derivative(const T& D, const T& L, const T& loss_error, const T& analytic_error)
{
    return dual_estimate(D, forward_mode_rounding(D, L, loss_error, analytic_error));
}

template <class T>
NumericDerivative<T> autodiff(xornet::Derivation derivation, const xornet::Parameters<T>& P, const xornet::Matrix<T>& X,
                              const xornet::Matrix<T>& Y, xornet::Param p, std::size_t k, const T& L, const T& loss_error,
                              const T& analytic_error)
{
    using D = Dual<T>;
    xornet::Parameters<D> Pd = lift<D>(P);
    xornet::param(Pd, p).flat(k) = D(xornet::param(P, p).flat(k), T(1)); // θ + 1·ε, the one variable
    const D Ld = forward_mode_loss<T>(derivation, forward_mode_forward<T>(Pd, xornet::convert<D>(X)), xornet::convert<D>(Y));
    return forward_mode_derivative(Ld.derivative, L, loss_error, analytic_error);
}

} // namespace gradcheck

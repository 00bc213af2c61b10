// Two derivatives with no subtraction in them, so no cancellation:
//
//   complex step   dL/dθ = Im L(θ + i·h) / h + O(h²): the network runs on complex
//                  numbers; h can be tiny (here u·max(1, |θ|)), so the O(h²) term
//                  is of order u² and only rounding remains.
//   autodiff       forward-mode automatic differentiation (Boost.Math autodiff,
//                  make_fvar): the network runs on dual numbers carrying dL/dθ.
//
// Both are independent of the hand-derived backward pass: they differentiate the
// forward pass and the loss. They need a loss written without comparisons, so they
// use the seed's form log(A2), log(1 − A2) (or the clamped one for clamped-log),
// which is the same function as the stable form.
//
// Error bound. The derivative part of every intermediate carries relative rounding
// like the value part, so it is bounded by (ε_L/|L|)·(|D| + |L|): the loss's own
// relative rounding, applied to the derivative and to terms up to the size of L
// (for this network, each example's term of dL/dθ is (A2 − Y)·∂Z2/∂θ, no larger
// than the loss terms' own scale unless weights are large). Truncation, h²·(|L| + |D|)
// for the complex step and 0 for autodiff, is negligible beside it.
#pragma once

// Boost 1.74: autodiff.hpp must come before finite_difference.hpp (not used here).
#include <boost/math/differentiation/autodiff.hpp>
#include <boost/multiprecision/cpp_bin_float.hpp>
#include <boost/multiprecision/cpp_complex.hpp>
#include <boost/multiprecision/mpc.hpp>

#include <cmath>
#include <complex>
#include <type_traits>

#include "central_difference.hpp"
#include "gallery.hpp"
#include "network.hpp"
#include "scalar_traits.hpp"

namespace gradcheck {

template <class T>
struct complex_of;
template <>
struct complex_of<float> { using type = std::complex<float>; };
template <>
struct complex_of<double> { using type = std::complex<double>; };
template <>
struct complex_of<long double> { using type = std::complex<long double>; };
template <>
struct complex_of<boost::multiprecision::cpp_bin_float_50> { using type = boost::multiprecision::cpp_complex_50; };
template <>
struct complex_of<boost::multiprecision::cpp_bin_float_100> { using type = boost::multiprecision::cpp_complex_100; };
template <>
struct complex_of<mpfr_float> { using type = boost::multiprecision::mpc_complex; };

// Boost 1.74's autodiff does not compile with mpfr_float (its catch-all conversion
// operator is ambiguous with mpfr's constructors); every other type works.
template <class T>
inline constexpr bool has_autodiff = !std::is_same_v<T, mpfr_float>;

template <class U, class T>
xornet::Parameters<U> lift(const xornet::Parameters<T>& P)
{
    return {xornet::convert<U>(P.W1), xornet::convert<U>(P.B1), xornet::convert<U>(P.W2), xornet::convert<U>(P.B2)};
}

template <class U>
U loss_without_comparisons(xornet::Derivation d, const xornet::Cache<U>& c, const xornet::Matrix<U>& Y)
{
    return d == xornet::Derivation::clamped_log ? xornet::loss_clamped_log(c.A2, Y) : xornet::loss_seed_form(c.A2, Y);
}

template <class T>
NumericDerivative<T> forward_mode_bound(const T& D, const T& L, const T& loss_error, const T& h)
{
    using std::abs;
    NumericDerivative<T> d;
    d.value = D;
    d.step = h;
    d.truncation = T(h * h) * T(abs(L) + abs(D));
    d.rounding = loss_error / abs(L) * T(abs(D) + abs(L));
    d.error_bound = d.truncation + d.rounding;
    return d;
}

template <class T>
NumericDerivative<T> complex_step(xornet::Derivation derivation, const xornet::Parameters<T>& P, const xornet::Matrix<T>& X,
                                  const xornet::Matrix<T>& Y, xornet::Param p, std::size_t k, const T& h, const T& L,
                                  const T& loss_error)
{
    using C = typename complex_of<T>::type;
    xornet::Parameters<C> Pc = lift<C>(P);
    xornet::param(Pc, p).flat(k) = C(xornet::param(P, p).flat(k), h); // θ + i·h
    const C Lc = loss_without_comparisons(derivation, xornet::forward(Pc, xornet::convert<C>(X)), xornet::convert<C>(Y));
    using std::imag;
    return forward_mode_bound(T(T(imag(Lc)) / h), L, loss_error, h);
}

template <class T>
NumericDerivative<T> autodiff(xornet::Derivation derivation, const xornet::Parameters<T>& P, const xornet::Matrix<T>& X,
                              const xornet::Matrix<T>& Y, xornet::Param p, std::size_t k, const T& L, const T& loss_error)
{
    namespace ad = boost::math::differentiation;
    using D = ad::autodiff_fvar<T, 1>;
    xornet::Parameters<D> Pd = lift<D>(P);
    xornet::param(Pd, p).flat(k) = ad::make_fvar<T, 1>(xornet::param(P, p).flat(k)); // the one variable
    const D Ld = loss_without_comparisons(derivation, xornet::forward(Pd, xornet::convert<D>(X)), xornet::convert<D>(Y));
    return forward_mode_bound(T(Ld.derivative(1)), L, loss_error, T(0));
}

} // namespace gradcheck

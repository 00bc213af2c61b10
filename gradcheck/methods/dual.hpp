// Dual numbers: forward-mode automatic differentiation in a page.
//
// A dual number a + a′ε carries a value a and a derivative part a′, with ε² = 0.
// Seed the variable θ as θ + 1·ε and every other input as c + 0·ε. Each operation
// below maps its operands' pairs to the pair of its result by the chain rule, so
// the loss comes out as L(θ) + L′(θ)·ε: its derivative part is dL/dθ, with no step
// and no truncation, only rounding. The rule of each operation is written beside it.
//
// Only what the network's forward pass and loss need (methods/forward_mode.hpp):
// +, −, ×, ÷, exp and log. There are no comparisons: the forward-mode sigmoid and
// softplus branch on the value part, explicitly.
//
// Rounding: the derivative part of each operation is computed from its rule in T,
// a few roundings of terms of the size the rule names (|a·b′| + |a′·b| for a
// product), as Boost.Math's autodiff computes it; that is what the bound of a
// forward-mode derivative assumes (forward_mode_rounding).
#pragma once

#include <cmath>

namespace gradcheck {

template <class T>
struct Dual {
    T value{};      // a
    T derivative{}; // a′ = da/dθ

    Dual() = default;
    explicit Dual(const T& c) : value(c), derivative(0) {} // a constant: c + 0·ε
    Dual(const T& a, const T& da) : value(a), derivative(da) {}

    Dual& operator+=(const Dual& y) { return *this = *this + y; }
    Dual& operator-=(const Dual& y) { return *this = *this - y; }
    Dual& operator*=(const Dual& y) { return *this = *this * y; }
    Dual& operator/=(const Dual& y) { return *this = *this / y; }
};

// −(a + a′ε) = −a − a′ε
template <class T>
Dual<T> operator-(const Dual<T>& x)
{
    return {T(-x.value), T(-x.derivative)};
}

// d(u + v) = du + dv
template <class T>
Dual<T> operator+(const Dual<T>& u, const Dual<T>& v)
{
    return {T(u.value + v.value), T(u.derivative + v.derivative)};
}

// d(u − v) = du − dv
template <class T>
Dual<T> operator-(const Dual<T>& u, const Dual<T>& v)
{
    return {T(u.value - v.value), T(u.derivative - v.derivative)};
}

// d(uv) = u dv + v du
template <class T>
Dual<T> operator*(const Dual<T>& u, const Dual<T>& v)
{
    return {T(u.value * v.value), T(u.value * v.derivative + u.derivative * v.value)};
}

// d(u/v) = (du − (u/v) dv)/v: the quotient q = u/v, already computed, in place of
// u/v² (which would overflow or underflow first).
template <class T>
Dual<T> operator/(const Dual<T>& u, const Dual<T>& v)
{
    const T q = u.value / v.value;
    return {q, T(T(u.derivative - q * v.derivative) / v.value)};
}

// d(e^u) = e^u du
template <class T>
Dual<T> exp(const Dual<T>& u)
{
    using std::exp;
    const T e = exp(u.value);
    return {e, T(e * u.derivative)};
}

// d(log u) = du/u
template <class T>
Dual<T> log(const Dual<T>& u)
{
    using std::log;
    return {T(log(u.value)), T(u.derivative / u.value)};
}

} // namespace gradcheck

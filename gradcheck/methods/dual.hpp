// Dual numbers: forward-mode automatic differentiation in a page.
//
// A dual number a + a′ε carries a value a and a derivative part a′, with ε² = 0.
// Seed the variable θ as θ + 1·ε and every other input as c + 0·ε. Each operation
// below maps its operands' pairs to the pair of its result by the chain rule, so
// the loss comes out as L(θ) + L′(θ)·ε: its derivative part is dL/dθ, with no step
// and no truncation, only rounding. The rule of each operation is written beside it.
//
// Only what the network's forward pass and loss need (network/forward_mode.hpp):
// +, −, ×, ÷, exp and log. There are no comparisons: the forward-mode sigmoid and
// softplus branch on the value part, explicitly.
//
// Rounding: the derivative part of each operation is computed from its rule in T,
// a few roundings of terms of the size the rule names (|a·b′| + |a′·b| for a
// product), as Boost.Math's autodiff computes it; that is what the bound of a
// forward-mode derivative assumes (forward_mode_rounding).
//
// The derivative part may also be a whole tangent, one component per variable
// (Dual<T, Tangent<T>>): seed variable i with the i-th unit tangent and one pass
// gives every partial at once, the value parts (each exp and log) computed once
// instead of once per variable. Each component follows the same rules as a
// one-variable pass.
#pragma once

#include <cmath>
#include <cstddef>
#include <vector>

namespace gradcheck {

// A tangent (da/dθ_1, …, da/dθ_P) with what the rules below do to it; empty for a
// constant, whose components are all 0 (no P zeros stored or multiplied).
template <class T>
struct Tangent {
    std::vector<T> d;

    static Tangent unit(std::size_t i, std::size_t P)
    {
        Tangent e{std::vector<T>(P, T(0))};
        e.d[i] = T(1);
        return e;
    }
    template <class Op>
    Tangent map(Op op) const
    {
        Tangent out{std::vector<T>(d.size())};
        for (std::size_t i = 0; i < d.size(); ++i) out.d[i] = op(d[i]);
        return out;
    }
};

template <class T>
Tangent<T> operator-(const Tangent<T>& a)
{
    return a.map([](const T& x) { return T(-x); });
}
template <class T>
Tangent<T> operator+(const Tangent<T>& a, const Tangent<T>& b)
{
    if (a.d.empty()) return b;
    if (b.d.empty()) return a;
    Tangent<T> out{std::vector<T>(a.d.size())};
    for (std::size_t i = 0; i < a.d.size(); ++i) out.d[i] = a.d[i] + b.d[i];
    return out;
}
template <class T>
Tangent<T> operator-(const Tangent<T>& a, const Tangent<T>& b)
{
    return a + -b;
}
template <class T>
Tangent<T> operator*(const T& s, const Tangent<T>& a)
{
    return a.map([&](const T& x) { return T(s * x); });
}
template <class T>
Tangent<T> operator*(const Tangent<T>& a, const T& s)
{
    return a.map([&](const T& x) { return T(x * s); });
}
template <class T>
Tangent<T> operator/(const Tangent<T>& a, const T& s)
{
    return a.map([&](const T& x) { return T(x / s); });
}

template <class T, class Dx = T>
struct Dual {
    T value{};       // a
    Dx derivative{}; // a′ = da/dθ (or the tangent of a)

    Dual() = default;
    explicit Dual(const T& c) : value(c), derivative{} {} // a constant: c + 0·ε
    Dual(const T& a, const Dx& da) : value(a), derivative(da) {}

    Dual& operator+=(const Dual& y) { return *this = *this + y; }
    Dual& operator-=(const Dual& y) { return *this = *this - y; }
    Dual& operator*=(const Dual& y) { return *this = *this * y; }
    Dual& operator/=(const Dual& y) { return *this = *this / y; }
};

// −(a + a′ε) = −a − a′ε
template <class T, class Dx>
Dual<T, Dx> operator-(const Dual<T, Dx>& x)
{
    return {T(-x.value), Dx(-x.derivative)};
}

// d(u + v) = du + dv
template <class T, class Dx>
Dual<T, Dx> operator+(const Dual<T, Dx>& u, const Dual<T, Dx>& v)
{
    return {T(u.value + v.value), Dx(u.derivative + v.derivative)};
}

// d(u − v) = du − dv
template <class T, class Dx>
Dual<T, Dx> operator-(const Dual<T, Dx>& u, const Dual<T, Dx>& v)
{
    return {T(u.value - v.value), Dx(u.derivative - v.derivative)};
}

// d(uv) = u dv + v du
template <class T, class Dx>
Dual<T, Dx> operator*(const Dual<T, Dx>& u, const Dual<T, Dx>& v)
{
    return {T(u.value * v.value), Dx(u.value * v.derivative + u.derivative * v.value)};
}

// d(u/v) = (du − (u/v) dv)/v: the quotient q = u/v, already computed, in place of
// u/v² (which would overflow or underflow first).
template <class T, class Dx>
Dual<T, Dx> operator/(const Dual<T, Dx>& u, const Dual<T, Dx>& v)
{
    const T q = u.value / v.value;
    return {q, Dx(Dx(u.derivative - q * v.derivative) / v.value)};
}

// d(e^u) = e^u du
template <class T, class Dx>
Dual<T, Dx> exp(const Dual<T, Dx>& u)
{
    using std::exp;
    const T e = exp(u.value);
    return {e, Dx(e * u.derivative)};
}

// d(log u) = du/u
template <class T, class Dx>
Dual<T, Dx> log(const Dual<T, Dx>& u)
{
    using std::log;
    return {T(log(u.value)), Dx(u.derivative / u.value)};
}

} // namespace gradcheck

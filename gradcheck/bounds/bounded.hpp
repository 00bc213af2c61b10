// A number carried with a bound on its absolute rounding error. Running a formula
// in Bounded<T> is a first-order running error analysis of that formula, done by
// the arithmetic itself, as bounds/backward_rounding.hpp does by hand for the derived one:
// each operation passes on its inputs' errors through its own derivative (a product
// keeps the second-order term e_x·e_y) and adds u·|result| for its own rounding,
// u the machine epsilon of the arithmetic being modelled, at most as in
// bounds/backward_rounding.hpp (u per operation, a sum of n terms up to n·u of their size),
// plus η, its smallest normal number, which an underflow may lose (an exp that
// overflows to inf turns a sigmoid's 1e-435 into 0: within η).
// The diagnosis uses it to tell how far the values of a mistaken formula, computed
// in your arithmetic, may lie from its exact values (gradcheck/network/yours.cpp).
#pragma once

#include <algorithm>
#include <cmath>
#include <limits>

namespace gradcheck {

template <class T>
struct Bounded {
    T value = T(0);
    T error = T(0); // |computed − exact| ≤ error
    T u = T(0);     // machine epsilon of the arithmetic that computes it; 0 for exact constants
    T eta = T(0);   // its smallest normal number

    Bounded() = default;
    Bounded(int v) : value(v) {} // exact constants, as the formulas write them: T(1), T(0)
    Bounded(double v) : value(v) {}
    Bounded(const T& v, const T& e, const T& eps, const T& smallest) : value(v), error(e), u(eps), eta(smallest) {}

    Bounded& operator+=(const Bounded& b) { return *this = *this + b; }
    Bounded& operator-=(const Bounded& b) { return *this = *this - b; }
    Bounded& operator*=(const Bounded& b) { return *this = *this * b; }

    friend Bounded rounded(const T& v, const T& e, const Bounded& a, const Bounded& b)
    {
        using std::abs;
        const T eps = std::max(a.u, b.u), smallest = std::max(a.eta, b.eta);
        return {v, T(e + eps * abs(v) + smallest), eps, smallest};
    }
    friend Bounded operator+(const Bounded& a, const Bounded& b) { return rounded(T(a.value + b.value), T(a.error + b.error), a, b); }
    friend Bounded operator-(const Bounded& a, const Bounded& b) { return rounded(T(a.value - b.value), T(a.error + b.error), a, b); }
    friend Bounded operator-(const Bounded& a) { return {T(-a.value), a.error, a.u, a.eta}; }
    friend Bounded operator*(const Bounded& a, const Bounded& b)
    {
        using std::abs;
        return rounded(T(a.value * b.value), T(abs(a.value) * b.error + abs(b.value) * a.error + a.error * b.error), a, b);
    }
    friend Bounded operator/(const Bounded& a, const Bounded& b)
    {
        using std::abs;
        const T q = a.value / b.value;
        const T room = T(abs(b.value) - b.error); // the divisor may be no nearer to 0 than this
        const T e = room > T(0) ? T((a.error + abs(q) * b.error) / room) : std::numeric_limits<T>::infinity();
        return rounded(q, e, a, b);
    }
    // exp is trusted to u, like the elementary operations; an input off by e moves it by exp(x)(e^e − 1).
    friend Bounded exp(const Bounded& a)
    {
        using std::exp;
        using std::expm1;
        const T v = exp(a.value);
        return {v, T(v * T(expm1(a.error)) + a.u * v + a.eta), a.u, a.eta};
    }
    friend Bounded abs(const Bounded& a)
    {
        using std::abs;
        return {T(abs(a.value)), a.error, a.u, a.eta};
    }
    friend bool operator<(const Bounded& a, const Bounded& b) { return a.value < b.value; }
    friend bool operator>(const Bounded& a, const Bounded& b) { return a.value > b.value; }
};

} // namespace gradcheck

// Your function as the engine evaluates it: one scalar output s (f itself, a component
// f_i, or uᵀf) along a line through x (a coordinate x[k], or x₀ + t·v), with the
// rounding of what it computes in T measured in the reference precision H.
//
// Measured rounding. When s can also be evaluated in H (a generic f), every value s
// computes in T is computed in H as well, at the same point, and the difference is the
// rounding of that value in T: not a worst-case bound but the error itself, up to H's
// own rounding (rounding_of). Along a direction, s_H is evaluated at the exact
// x₀ + t·v, so the rounding of the point itself (x₀ + t·v in T) is measured too. The
// complex step and autodiff have their derivative part measured the same way.
//
// A Row holds s type-erased, so that the check itself (function/check_table.hpp) is compiled
// once per T, not once per function: what depends on your function is only s in T, in
// H and, for forward_mode(f), in their complex and dual numbers (erase()).
#pragma once

// Boost 1.74: autodiff.hpp must come before finite_difference.hpp (not used here).
#include <boost/math/differentiation/autodiff.hpp>

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <functional>
#include <type_traits>
#include <vector>

#include "gradcheck/function/reference_precision.hpp"

namespace gradcheck {

// The rounding of v, a value computed in T, measured in H: |v − exact|, plus the
// reference's own rounding. The same operations in H round as they do in T, scaled
// by u_H/u_T, and at least once: 2·(u_H/u_T)·|v − exact| + 2·u_H·|exact|. Rounded up
// into T, so that a tie at T's last bit (a and n one unit apart, each measured) is
// not lost to the conversion.
template <class T, class H>
T rounding_of(const T& v, const H& exact)
{
    using std::abs;
    const H seen = abs(H(H(v) - exact));
    const H reference = H(H(2) * H(machine_epsilon<H>()) / H(machine_epsilon<T>()) * seen) + H(2) * machine_epsilon<H>() * abs(exact);
    return T(T(seen + reference) * T(T(1) + machine_epsilon<T>()));
}

// Where s is evaluated: coordinate k of x (x[k] is the variable), or x₀ + t·v.
template <class T>
struct Path {
    std::vector<T>* x = nullptr;
    std::size_t k = 0;
    const std::vector<T>* v = nullptr; // a direction: x is x₀ then
    T t{0};
    std::vector<T> moved{};            // x₀ + t·v in T

    T& theta() { return v ? t : (*x)[k]; }
    const std::vector<T>& point()
    {
        if (!v) return *x;
        moved.resize(x->size());
        for (std::size_t i = 0; i < x->size(); ++i) moved[i] = T((*x)[i] + T(t * (*v)[i]));
        return moved;
    }
};

// The path's point in H, exactly (x₀ + t·v computed in H).
template <class H, class T>
std::vector<H> exact_point(const Path<T>& p)
{
    if (!p.v) return lift<H>(*p.x);
    std::vector<H> out;
    for (std::size_t i = 0; i < p.x->size(); ++i) out.push_back(H(H((*p.x)[i]) + H(H(p.t) * H((*p.v)[i]))));
    return out;
}

// x + i·h along the path: x[k] + i·h, or x₀ + i·h·v; C is a complex type over R.
template <class C, class R, class T>
std::vector<C> complex_point(const Path<T>& p, const R& h)
{
    std::vector<C> z;
    for (std::size_t i = 0; i < p.x->size(); ++i)
        z.push_back(p.v ? C(R((*p.x)[i]), R(h * R((*p.v)[i]))) : C(R((*p.x)[i]), i == p.k ? h : R(0)));
    return z;
}

// x with the path's variable a dual number: x[k], or t in x₀ + t·v at t = 0.
template <class R, class T>
std::vector<boost::math::differentiation::autodiff_fvar<R, 1>> dual_point(const Path<T>& p)
{
    using D = boost::math::differentiation::autodiff_fvar<R, 1>;
    const D t0 = boost::math::differentiation::make_fvar<R, 1>(R(0));
    std::vector<D> d;
    for (std::size_t i = 0; i < p.x->size(); ++i)
        d.push_back(p.v ? D(R((*p.x)[i]) + R((*p.v)[i]) * t0) : i == p.k ? boost::math::differentiation::make_fvar<R, 1>(R((*p.x)[i])) : D(R((*p.x)[i])));
    return d;
}

// One scalar function s, type-erased. rounding, complex_step and dual are empty when s
// cannot be evaluated in H (its rounding is then estimated: function/rounding.hpp) or
// is not forward_mode.
template <class T>
struct Row {
    std::function<T(const std::vector<T>&)> value;                       // s in T
    std::function<T(const Path<T>&, const T& value)> rounding;           // the rounding of a value of s at the path's point
    std::function<T(const std::vector<T>&, const T& value)> own_rounding; // the same at a point of T: s's own, without the point's
    std::function<T(const Path<T>&, const T& h, T& rho)> complex_step;   // Im s(x + i·h)/h, and its measured rounding
    std::function<T(const Path<T>&, T& rho)> dual;                       // the derivative along the path, and its measured rounding
};

// s, a callable on vectors of T (and of H and of their complex and dual numbers where
// Forward), as a Row.
template <class T, class H, bool Forward, class S>
Row<T> erase(const S& s)
{
    Row<T> row;
    row.value = [s](const std::vector<T>& x) { return T(s(x)); };
    if constexpr (!std::is_void_v<H>) {
        row.rounding = [s](const Path<T>& p, const T& v) { return rounding_of(v, H(s(exact_point<H>(p)))); };
        row.own_rounding = [s](const std::vector<T>& x, const T& v) { return rounding_of(v, H(s(lift<H>(x)))); };
        if constexpr (Forward) {
            row.complex_step = [s](const Path<T>& p, const T& h, T& rho) {
                using C = typename complex_of<T>::type;
                using CH = typename complex_of<H>::type;
                using std::imag;
                const T d = T(T(imag(C(s(complex_point<C, T>(p, h))))) / h);
                const H exact = H(H(imag(CH(s(complex_point<CH, H>(p, H(h)))))) / H(h));
                rho = rounding_of(d, exact);
                return d;
            };
            row.dual = [s](const Path<T>& p, T& rho) {
                const T d = T(s(dual_point<T>(p)).derivative(1));
                rho = rounding_of(d, H(s(dual_point<H>(p)).derivative(1)));
                return d;
            };
        }
    }
    return row;
}

} // namespace gradcheck

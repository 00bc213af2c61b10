// Your function as a function of one variable θ, in the form estimate() takes
// (methods/estimate.hpp), with the rounding of every value it computes measured.
//
// θ is either one coordinate x[k] (CoordinatePath) or t along a direction v,
// x = x₀ + t·v (DirectionPath: --fast, and the VJP's directions). s is one scalar
// output of your function (f itself, a component f_i, or uᵀf).
//
// Measured rounding. When s can also be evaluated in the reference precision H
// (function/precision.hpp: a generic f), every value s computes in T is computed in
// H as well, at the same point, and |s_T − s_H| + u_H·|s_H| is the rounding of that
// value in T: not a worst-case bound but the error itself, up to H's own rounding.
// The check is run with ε_L = the largest error seen, and run again if a point it
// evaluated then rounds worse, so that ε_L covers every value the verdict used.
// Along a direction, s_H is evaluated at the exact x₀ + t·v, so the rounding of the
// point itself (x₀ + t·v in T) is measured too. The complex step and autodiff have
// their derivative part measured the same way: computed in T and in H.
#pragma once

// Boost 1.74: autodiff.hpp must come before finite_difference.hpp (not used here).
#include <boost/math/differentiation/autodiff.hpp>

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <stdexcept>
#include <string>
#include <type_traits>
#include <vector>

#include "gradcheck/function/precision.hpp"
#include "gradcheck/methods/central_difference.hpp"
#include "gradcheck/methods/table.hpp"

namespace gradcheck {

// The rounding of v, a value computed in T, measured in H: |v − exact|, plus the
// reference's own rounding. The same operations in H round as they do in T, scaled
// by u_H/u_T, and at least once: 2·(u_H/u_T)·|v − exact| + 2·u_H·|exact|. Rounded up
// into T, so that a tie at T's last bit (a and n one unit apart, each measured) is
// not lost to the conversion (library contract, 50-digit autodiff, 6 cases in 400).
template <class T, class H>
T rounding_of(const T& v, const H& exact)
{
    using std::abs;
    const H seen = abs(H(H(v) - exact));
    const H reference = H(H(2) * H(machine_epsilon<H>()) / H(machine_epsilon<T>()) * seen) + H(2) * machine_epsilon<H>() * abs(exact);
    return T(T(seen + reference) * T(T(1) + machine_epsilon<T>()));
}

// θ = x[k].
template <class T>
struct CoordinatePath {
    std::vector<T>& x;
    std::size_t k;

    T& theta() { return x[k]; }
    const std::vector<T>& point() { return x; }
    template <class H>
    std::vector<H> exact() const { return lift<H>(x); }
    template <class C, class R>
    std::vector<C> complex(const R& h) const // x with x[k] + i·h
    {
        std::vector<C> z = lift<C, R>(x);
        z[k] = C(R(x[k]), h);
        return z;
    }
    template <class R>
    std::vector<boost::math::differentiation::autodiff_fvar<R, 1>> dual() const // x[k] the variable
    {
        using D = boost::math::differentiation::autodiff_fvar<R, 1>;
        std::vector<D> d = lift<D, R>(x);
        d[k] = boost::math::differentiation::make_fvar<R, 1>(R(x[k]));
        return d;
    }
};

// θ = t, x = x₀ + t·v.
template <class T>
struct DirectionPath {
    const std::vector<T>& x0;
    const std::vector<T>& v;
    T t{0};
    std::vector<T> x{};

    T& theta() { return t; }
    const std::vector<T>& point()
    {
        x.resize(x0.size());
        for (std::size_t i = 0; i < x0.size(); ++i) x[i] = T(x0[i] + T(t * v[i]));
        return x;
    }
    template <class H>
    std::vector<H> exact() const
    {
        std::vector<H> out;
        for (std::size_t i = 0; i < x0.size(); ++i) out.push_back(H(H(x0[i]) + H(H(t) * H(v[i]))));
        return out;
    }
    template <class C, class R>
    std::vector<C> complex(const R& h) const // x₀ + i·h·v
    {
        std::vector<C> z;
        for (std::size_t i = 0; i < x0.size(); ++i) z.push_back(C(R(x0[i]), R(h * R(v[i]))));
        return z;
    }
    template <class R>
    std::vector<boost::math::differentiation::autodiff_fvar<R, 1>> dual() const // x₀ + t·v, t the variable at 0
    {
        using D = boost::math::differentiation::autodiff_fvar<R, 1>;
        const D t0 = boost::math::differentiation::make_fvar<R, 1>(R(0));
        std::vector<D> d;
        for (std::size_t i = 0; i < x0.size(); ++i) d.push_back(D(R(x0[i]) + R(v[i]) * t0));
        return d;
    }
};

// s along path, for estimate(). H void: nothing is measured (the caller estimates ε_L
// from the values instead, function/noise.hpp). Forward: s accepts complex and dual vectors.
template <class T, class H, bool Forward, class S, class Path>
struct MeasuredFunction {
    const S& s;
    Path& path;
    Method method;
    T seen{0}; // the largest rounding measured since the caller reset it

    static constexpr bool measured = !std::is_void_v<H>;

    T value()
    {
        const T v = T(s(path.point()));
        if constexpr (measured) seen = std::max(seen, rounding_of(v, H(s(path.template exact<H>()))));
        return v;
    }

    NumericDerivative<T> complex_step(const T& h)
    {
        if constexpr (Forward && measured) {
            using C = typename complex_of<T>::type;
            using CH = typename complex_of<H>::type;
            using std::imag;
            T rho(0); // the measured rounding of D(h), D(2h), D(4h), the largest
            const auto D = [&](const T& step) {
                const T d = T(T(imag(C(s(path.template complex<C, T>(step))))) / step);
                const H exact = H(H(imag(CH(s(path.template complex<CH, H>(H(step)))))) / H(step));
                rho = std::max(rho, rounding_of(d, exact));
                return d;
            };
            const T D1 = D(h), D2 = D(T(2 * h)), D4 = D(T(4 * h));
            NumericDerivative<T> d;
            d.value = D1;
            d.step = h;
            d.truncation = truncation_bound(D1, D2, D4, 2);
            d.rounding = T(rho * T(19) / T(9)); // ρ, and what it blurs in the estimate (methods/forward_mode.hpp)
            d.error_bound = d.truncation + d.rounding;
            d.model_holds = error_model_holds(D1, D2, D4, 2, T(2 * rho));
            return d;
        } else {
            return refuse();
        }
    }

    NumericDerivative<T> dual()
    {
        if constexpr (Forward && measured) {
            const T d_T = T(s(path.template dual<T>()).derivative(1));
            const H d_H = H(s(path.template dual<H>()).derivative(1));
            NumericDerivative<T> d;
            d.value = d_T;
            d.step = T(1); // "moved": autodiff has no step to vanish
            d.truncation = T(0);
            d.rounding = d.error_bound = rounding_of(d_T, d_H);
            return d;
        } else {
            return refuse();
        }
    }

    NumericDerivative<T> refuse() const
    {
        throw std::invalid_argument(std::string("gradcheck: ") + std::string(method_name(method))
                                    + (measured ? " needs f wrapped as gradcheck::forward_mode(f), accepting vectors of complex and dual numbers"
                                                : " needs a generic f (evaluated in a higher precision too), wrapped as gradcheck::forward_mode(f)"));
    }
};

} // namespace gradcheck

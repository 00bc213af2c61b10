// The checks of your own function: check_gradient, check_jacobian, check_vjp,
// check_hessian (README "Check your own C++ function"; notes/library.md).
//
// T is the precision of the check (double unless given), H the reference precision
// in which the rounding of what T computed is measured (higher_precision_t<T>).
// Every function may be generic (a generic lambda or a template, called with
// std::vector<T> and std::vector<H>) or accept std::vector<T> only; the report says
// which rounding was measured and which estimated.
#pragma once

#include <cstddef>
#include <stdexcept>
#include <string>
#include <type_traits>
#include <vector>

#include <boost/math/special_functions/fpclassify.hpp>

#include "gradcheck/function/rows.hpp"

namespace gradcheck {

namespace detail {

// f(x)[i]: one output of a vector function.
template <class F>
struct Output {
    const F& f;
    std::size_t i;
    template <class V>
    auto operator()(const V& x) const { return f(x)[i]; }
};

// uᵀf(x) = Σ_i u_i·f_i(x), with u converted to the type f computes in.
template <class F, class T>
struct Projection {
    const F& f;
    const std::vector<T>& u;
    template <class V>
    auto operator()(const V& x) const
    {
        const auto y = f(x);
        using E = std::decay_t<decltype(y[0])>;
        E sum(0);
        for (std::size_t i = 0; i < u.size(); ++i) sum += E(u[i]) * y[i];
        return sum;
    }
};

// The values of a function as one flat vector of T: a vector, or a matrix as rows.
template <class T, class V>
std::vector<T> flat(const V& values)
{
    std::vector<T> out;
    if constexpr (requires { values[0][0]; }) {
        for (const auto& row : values)
            for (const auto& v : row) out.push_back(T(v));
    } else {
        for (const auto& v : values) out.push_back(T(v));
    }
    return out;
}

inline void require_size(std::size_t got, std::size_t expected, const std::string& what)
{
    if (got != expected)
        throw std::invalid_argument("gradcheck: " + what + " has " + std::to_string(got) + " values, expected " + std::to_string(expected));
}

template <class X>
void require_point(const std::vector<X>& theta)
{
    if (theta.empty()) throw std::invalid_argument("gradcheck: theta is empty: there is no derivative to check");
    for (std::size_t i = 0; i < theta.size(); ++i)
        if (!(boost::math::isfinite)(theta[i]))
            throw std::invalid_argument("gradcheck: theta[" + std::to_string(i) + "] is not a finite number");
}

// f's values at θ: a function that is not finite there has no derivative to check.
template <class T, class V>
void require_finite(const V& values, const std::string& what)
{
    const std::vector<T> y = flat<T>(values);
    for (std::size_t i = 0; i < y.size(); ++i)
        if (!(boost::math::isfinite)(y[i]))
            throw std::invalid_argument("gradcheck: " + what + (y.size() > 1 ? "[" + std::to_string(i) + "]" : "") + " = "
                                        + scientific(y[i], 3) + " at theta: not finite, so there is no derivative to check");
}

template <class T, class F>
void require_callable()
{
    static_assert(std::is_invocable_v<const F&, const std::vector<T>&>,
                  "gradcheck: the function must accept a const std::vector<T>& for the T of the check");
}

} // namespace detail

// ∇f at theta: g(x) (P values) against differences of f: ℝᴾ → ℝ.
template <class T = double, class H = higher_precision_t<T>, class F, class G, class X>
result<T> check_gradient(const F& f, const G& g, const std::vector<X>& theta, const options& o = {})
{
    detail::require_callable<T, F>();
    using HF = reference_for<F, H>;
    using HG = reference_for<G, H>;
    detail::require_point(theta);
    const std::vector<T> x = lift<T>(theta);
    detail::require_finite<T>(std::vector<T>{T(f(x))}, "f(x)");
    const std::vector<T> a = detail::flat<T>(g(x));
    detail::require_size(a.size(), x.size(), "g(x)");
    const auto values = [&g](const auto& y) { return g(y); };
    result<T> r;
    describe<T, HF, HG>(r.report, "gradient of f: R^" + std::to_string(x.size()) + " -> R, at x = theta", o);
    const auto rows = [&f](std::size_t) { return std::cref(f); };
    check_rows<T, HF, is_forward_mode<F>>(r, rows, 1, x, a, analytic_rounding<T, HG>(values, x, a, o.seed), o, "df/dx", "P×1",
                                          "your g(x)");
    point_notes(r, x);
    decide(r);
    return r;
}

// The Jacobian of f: ℝᴾ → ℝᴷ at theta: jac(x) (K rows of P) against differences of each f_i.
template <class T = double, class H = higher_precision_t<T>, class F, class J, class X>
result<T> check_jacobian(const F& f, const J& jac, const std::vector<X>& theta, const options& o = {})
{
    detail::require_callable<T, F>();
    using HF = reference_for<F, H>;
    using HJ = reference_for<J, H>;
    detail::require_point(theta);
    const std::vector<T> x = lift<T>(theta);
    const std::size_t K = f(x).size();
    detail::require_finite<T>(f(x), "f(x)");
    const std::vector<T> A = detail::flat<T>(jac(x));
    detail::require_size(A.size(), K * x.size(), "jac(x) (K×P = " + std::to_string(K) + "×" + std::to_string(x.size()) + ")");
    const auto values = [&jac](const auto& y) { return detail::flat<std::decay_t<decltype(y[0])>>(jac(y)); };
    result<T> r;
    describe<T, HF, HJ>(r.report, "Jacobian of f: R^" + std::to_string(x.size()) + " -> R^" + std::to_string(K) + ", at x = theta", o);
    const auto rows = [&f](std::size_t i) { return detail::Output<F>{f, i}; };
    check_rows<T, HF, is_forward_mode<F>>(r, rows, K, x, A, analytic_rounding<T, HJ>(values, x, A, o.seed), o, "J", "K×P",
                                          "J[i,j] = df_i/dx_j, your jac(x)");
    point_notes(r, x);
    decide(r);
    return r;
}

// A vector–Jacobian product, as a layer's backward computes it: vjp(x, u) = J(x)ᵀu
// (P values) for options::vjp_vectors seeded random upstream vectors u (K values), each
// against differences of uᵀf.
template <class T = double, class H = higher_precision_t<T>, class F, class V, class X>
result<T> check_vjp(const F& f, const V& vjp, const std::vector<X>& theta, const options& o = {})
{
    detail::require_callable<T, F>();
    using HF = reference_for<F, H>;
    using HV = reference_for<V, H, std::vector<H>>;
    detail::require_point(theta);
    const std::vector<T> x = lift<T>(theta);
    const std::size_t K = f(x).size(), P = x.size();
    detail::require_finite<T>(f(x), "f(x)");
    std::vector<std::vector<T>> us;
    for (const std::vector<double>& u : random_directions(K, o.vjp_vectors, o.seed + 1)) us.push_back(lift<T>(u));
    std::vector<T> A;
    std::vector<Bound<T>> ea;
    for (const std::vector<T>& u : us) {
        const std::vector<T> a = detail::flat<T>(vjp(x, u));
        detail::require_size(a.size(), P, "vjp(x, u)");
        const auto values = [&](const auto& y) {
            using E = std::decay_t<decltype(y[0])>;
            return detail::flat<E>(vjp(y, lift<E>(u)));
        };
        const std::vector<Bound<T>> e = analytic_rounding<T, HV>(values, x, a, o.seed);
        A.insert(A.end(), a.begin(), a.end());
        ea.insert(ea.end(), e.begin(), e.end());
    }
    result<T> r;
    describe<T, HF, HV>(r.report, "vector-Jacobian product J(x)^T u of f: R^" + std::to_string(P) + " -> R^" + std::to_string(K)
                                      + ", for " + std::to_string(us.size()) + " random unit vectors u (seed " + std::to_string(o.seed + 1) + ")", o);
    const auto rows = [&f, &us](std::size_t i) { return detail::Projection<F, T>{f, us[i]}; };
    check_rows<T, HF, is_forward_mode<F>>(r, rows, us.size(), x, A, ea, o, "J^T u", "vectors×P",
                                          "row i: your vjp(x, u_i) against differences of u_i^T f");
    point_notes(r, x);
    decide(r);
    return r;
}

// The Hessian of f: ℝᴾ → ℝ: first g against differences of f (as check_gradient), then
// hess(x) (P×P) against differences of g, row i from g_i.
template <class T = double, class H = higher_precision_t<T>, class F, class G, class Hs, class X>
result<T> check_hessian(const F& f, const G& g, const Hs& hess, const std::vector<X>& theta, const options& o = {})
{
    detail::require_callable<T, F>();
    detail::require_callable<T, G>();
    using HF = reference_for<F, H>;
    using HG = reference_for<G, H>;
    using HH = reference_for<Hs, H>;
    detail::require_point(theta);
    const std::vector<T> x = lift<T>(theta);
    const std::size_t P = x.size();
    detail::require_finite<T>(std::vector<T>{T(f(x))}, "f(x)");
    const std::vector<T> a = detail::flat<T>(g(x));
    detail::require_size(a.size(), P, "g(x)");
    const std::vector<T> A = detail::flat<T>(hess(x));
    detail::require_size(A.size(), P * P, "hess(x) (P×P = " + std::to_string(P) + "×" + std::to_string(P) + ")");
    result<T> r;
    describe<T, HF, HH>(r.report, "Hessian of f: R^" + std::to_string(P) + " -> R, at x = theta: your g against differences of f, "
                                  "then your hess against differences of g", o);
    const auto gradient_values = [&g](const auto& y) { return g(y); };
    const auto f_rows = [&f](std::size_t) { return std::cref(f); };
    check_rows<T, HF, is_forward_mode<F>>(r, f_rows, 1, x, a, analytic_rounding<T, HG>(gradient_values, x, a, o.seed), o, "df/dx", "P×1",
                                          "your g(x)");
    if (r.failed() > 0) r.report.notes.push_back("your g fails against f: the Hessian below is checked against differences of g, so fix g first");
    const auto hessian_values = [&hess](const auto& y) { return detail::flat<std::decay_t<decltype(y[0])>>(hess(y)); };
    const std::vector<Bound<T>> ea = analytic_rounding<T, HH>(hessian_values, x, A, o.seed);
    for (std::size_t i = 0; i < P; ++i)
        for (std::size_t j = i + 1; j < P; ++j) {
            using std::abs;
            if (abs(T(A[i * P + j] - A[j * P + i])) > T(ea[i * P + j].value + ea[j * P + i].value))
                r.report.notes.push_back("your hess is not symmetric: [" + std::to_string(i) + "," + std::to_string(j) + "] = "
                                         + scientific(A[i * P + j], 6) + " but [" + std::to_string(j) + "," + std::to_string(i)
                                         + "] = " + scientific(A[j * P + i], 6) + " (a smooth f has a symmetric Hessian)");
        }
    const auto g_rows = [&g](std::size_t i) { return detail::Output<G>{g, i}; };
    check_rows<T, HG, is_forward_mode<G>>(r, g_rows, P, x, A, ea, o, "d2f/dx2", "P×P", "H[i,j] = d(df/dx_i)/dx_j, your hess(x)");
    point_notes(r, x);
    decide(r);
    return r;
}

} // namespace gradcheck

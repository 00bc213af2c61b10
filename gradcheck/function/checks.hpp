// The checks of your own function: check_gradient, check_jacobian, check_vjp,
// check_hessian (README "Check your own C++ function"; notes/10-library.md).
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

#include "gradcheck/function/check_table.hpp"

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

// The options a check can take, and a method f can be differentiated by: the complex
// step and autodiff run f on complex and dual numbers, in T and in the reference precision.
inline void require_options(const options& o, bool forward, bool measured)
{
    if (o.step != 0 && (!(o.step > 0) || !std::isfinite(o.step)))
        throw std::invalid_argument("gradcheck: options.step must be a finite h > 0, or 0 for the step rule");
    if (is_difference(o.method) || (forward && measured)) return;
    throw std::invalid_argument(std::string("gradcheck: ") + std::string(method_name(o.method))
                                + (measured ? " needs f wrapped as gradcheck::forward_mode(f), accepting vectors of complex and dual numbers"
                                            : " needs a generic f (evaluated in a higher precision too), wrapped as gradcheck::forward_mode(f)"));
}

// The table of the K scalar functions rows(i) against A, into r.
template <class T, class H, bool Forward, class Rows>
void check_rows(result<T>& r, const Rows& rows, std::size_t K, const std::vector<T>& x, std::vector<T> A,
                std::vector<core::Bound<T>> ea, const options& o, const char* name, const char* shape_names, const char* meaning)
{
    require_options(o, Forward, !std::is_void_v<H>);
    TableSpec<T> spec;
    for (std::size_t i = 0; i < K; ++i) spec.rows.push_back(erase<T, H, Forward>(rows(i)));
    spec.x = x, spec.A = std::move(A), spec.ea = std::move(ea);
    spec.measured = !std::is_void_v<H>;
    spec.name = name, spec.shape_names = shape_names, spec.meaning = meaning;
    check_table(r, spec, o);
}

// The report's first lines: what is checked, in which precision, by which method, and
// how the rounding of f and of your values is found.
template <class T, class HF, class HA>
void describe(Report& report, FunctionCheck check, std::size_t P, std::size_t K, const options& o)
{
    report.client = Client::function;
    report.precision_label = precision_label<T>();
    report.digits = working_digits<T>();
    report.epsilon = scientific(machine_epsilon<T>(), 3);
    report.method = o.method, report.fast = o.fast, report.directions = o.directions, report.seed = o.seed;
    if (o.step != 0) report.step_given = scientific(o.step, 3);
    report.function.check = check, report.function.P = P, report.function.K = K;
    if constexpr (!std::is_void_v<HF>) report.function.f_rounding = precision_label<HF>();
    if constexpr (!std::is_void_v<HA>) report.function.analytic_rounding = precision_label<HA>();
}

// What this point cannot reveal: an element whose values, not both 0, lie within its
// tolerance of 0 (compared absolutely), where a mistake smaller than the tolerance
// cannot show; and a coordinate equal to 0 or ±1. Then the verdict over every element:
// PASS, FAIL, or NOT VERIFIED (none failed, some declined).
template <class T>
void conclude(result<T>& r, const std::vector<T>& x)
{
    using std::abs;
    using Kind = Note::Kind;
    std::vector<Note>& notes = r.report.function.notes;
    for (const element<T>& e : r.elements)
        if (e.pass && abs(e.analytic) <= e.bound && abs(e.numeric) <= e.bound && (e.analytic != T(0) || e.numeric != T(0)))
            notes.emplace_back(Kind::compared_absolutely, e.name, scientific(e.bound, 3));
    for (std::size_t k = 0; k < x.size(); ++k) {
        if (x[k] == T(0)) notes.emplace_back(Kind::coordinate_zero, "x[" + std::to_string(k) + "]");
        else if (abs(x[k]) == T(1)) notes.emplace_back(Kind::coordinate_one, "x[" + std::to_string(k) + "]");
    }
    r.report.pass = r.failed() == 0 && r.declined() == 0 && !r.elements.empty();
    r.pass = r.report.pass;
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
    detail::describe<T, HF, HG>(r.report, FunctionCheck::gradient, x.size(), 1, o);
    const auto rows = [&f](std::size_t) { return std::cref(f); };
    detail::check_rows<T, HF, is_forward_mode<F>>(r, rows, 1, x, a, analytic_rounding<T, HG>(values, x, a, o.seed), o, "df/dx", "P×1",
                                                  "your g(x)");
    detail::conclude(r, x);
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
    detail::describe<T, HF, HJ>(r.report, FunctionCheck::jacobian, x.size(), K, o);
    const auto rows = [&f](std::size_t i) { return detail::Output<F>{f, i}; };
    detail::check_rows<T, HF, is_forward_mode<F>>(r, rows, K, x, A, analytic_rounding<T, HJ>(values, x, A, o.seed), o, "J", "K×P",
                                                  "J[i,j] = df_i/dx_j, your jac(x)");
    detail::conclude(r, x);
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
    for (const std::vector<double>& u : core::random_directions(K, o.vjp_vectors, o.seed + 1)) us.push_back(lift<T>(u));
    std::vector<T> A;
    std::vector<core::Bound<T>> ea;
    for (const std::vector<T>& u : us) {
        const std::vector<T> a = detail::flat<T>(vjp(x, u));
        detail::require_size(a.size(), P, "vjp(x, u)");
        const auto values = [&](const auto& y) {
            using E = std::decay_t<decltype(y[0])>;
            return detail::flat<E>(vjp(y, lift<E>(u)));
        };
        const std::vector<core::Bound<T>> e = analytic_rounding<T, HV>(values, x, a, o.seed);
        A.insert(A.end(), a.begin(), a.end());
        ea.insert(ea.end(), e.begin(), e.end());
    }
    result<T> r;
    detail::describe<T, HF, HV>(r.report, FunctionCheck::vjp, P, K, o);
    r.report.function.vectors = us.size(), r.report.function.vector_seed = o.seed + 1;
    const auto rows = [&f, &us](std::size_t i) { return detail::Projection<F, T>{f, us[i]}; };
    detail::check_rows<T, HF, is_forward_mode<F>>(r, rows, us.size(), x, A, ea, o, "J^T u", "vectors×P",
                                                  "row i: your vjp(x, u_i) against differences of u_i^T f");
    detail::conclude(r, x);
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
    detail::describe<T, HF, HH>(r.report, FunctionCheck::hessian, P, 1, o);
    const auto gradient_values = [&g](const auto& y) { return g(y); };
    const auto f_rows = [&f](std::size_t) { return std::cref(f); };
    detail::check_rows<T, HF, is_forward_mode<F>>(r, f_rows, 1, x, a, analytic_rounding<T, HG>(gradient_values, x, a, o.seed), o, "df/dx",
                                                  "P×1", "your g(x)");
    if (r.failed() > 0) r.report.function.notes.emplace_back(Note::Kind::gradient_fails);
    const auto hessian_values = [&hess](const auto& y) { return detail::flat<std::decay_t<decltype(y[0])>>(hess(y)); };
    const std::vector<core::Bound<T>> ea = analytic_rounding<T, HH>(hessian_values, x, A, o.seed);
    for (std::size_t i = 0; i < P; ++i)
        for (std::size_t j = i + 1; j < P; ++j) {
            using std::abs;
            if (abs(T(A[i * P + j] - A[j * P + i])) > T(ea[i * P + j].value + ea[j * P + i].value))
                r.report.function.notes.emplace_back(Note::Kind::not_symmetric, "[" + std::to_string(i) + "," + std::to_string(j) + "]",
                                                     scientific(A[i * P + j], 6), "[" + std::to_string(j) + "," + std::to_string(i) + "]",
                                                     scientific(A[j * P + i], 6));
        }
    const auto g_rows = [&g](std::size_t i) { return detail::Output<G>{g, i}; };
    detail::check_rows<T, HG, is_forward_mode<G>>(r, g_rows, P, x, A, ea, o, "d2f/dx2", "P×P", "H[i,j] = d(df/dx_i)/dx_j, your hess(x)");
    detail::conclude(r, x);
    return r;
}

} // namespace gradcheck

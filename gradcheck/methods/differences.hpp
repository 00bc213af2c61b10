// The numeric differentiation methods, each generic over the scalar type T and
// each returning its value with an error bound (truncation estimate + rounding bound).
//
//   central     (f(θ+h) − f(θ−h))/2h                         truncation O(h²)  (methods/central_difference.hpp)
//   central4    [8(f₁ − f₋₁) − (f₂ − f₋₂)]/12h                truncation O(h⁴)
//   central6    [45(f₁ − f₋₁) − 9(f₂ − f₋₂) + (f₃ − f₋₃)]/60h  truncation O(h⁶)
//   richardson  central differences at h, h/2, h/4, h/8, extrapolated to h → 0
//               (a Richardson tableau): truncation O(h⁸), estimated from the
//               extrapolations at h, 2h and 4h
// where fₖ = f(θ + k·h).
//
// For a stencil of order p, truncation is c·h^p and rounding grows like ε_L/h;
// the sum is smallest near h ≈ u^(1/(p+1)), so the default step is
// u^(1/(p+1))·max(1, |θ|) rounded to a power of two (p = 2: the u^(1/3) rule).
#pragma once

#include <cmath>
#include <stdexcept>
#include <string>
#include <string_view>

#include "gradcheck/methods/central_difference.hpp"
#include "gradcheck/methods/table.hpp"

namespace gradcheck {

inline constexpr int richardson_levels = 3; // extrapolation steps: order 2 + 2·3 = 8

// The root of the step rule: u^(1/(p+1)); for the complex step, which subtracts
// nothing, u; autodiff takes no step (0).
template <class T>
T step_root(const MethodRow& row)
{
    using std::pow;
    if (row.kind == MethodKind::dual) return T(0);
    return row.kind == MethodKind::complex_step ? machine_epsilon<T>() : T(pow(machine_epsilon<T>(), T(1) / T(row.order + 1)));
}

// The step rule: root·max(1, |θ|), rounded to the nearest power of two (0 for autodiff).
template <class T>
T method_step(Method m, const T& theta)
{
    const T root = step_root<T>(method_row(m));
    return root == T(0) ? T(0) : power_of_two_step(root, theta);
}
namespace detail {

// Σ_k c_k (f(θ+kh) − f(θ−kh)) / h for the antisymmetric stencil c = numerators/denominator.
template <class T, class Loss>
T stencil(Loss& loss, T& theta, const T& theta0, const T& h, const int* numerators, int points, int denominator)
{
    T sum(0);
    for (int k = 1; k <= points; ++k) {
        theta = T(theta0 + T(k) * h);
        const T plus = loss();
        theta = T(theta0 - T(k) * h);
        const T minus = loss();
        sum += T(numerators[k - 1]) * T(plus - minus);
    }
    theta = theta0;
    return sum / T(T(denominator) * h);
}

// Each evaluation point θ + kh may itself be rounded, by up to u·|θ + kh|; that moves
// f by |f'|·u·|θ + kh|, which counts like extra rounding of the loss: ε_L plus that
// for the farthest point, reach steps from θ.
template <class T>
T with_point_error(const T& loss_error, const T& theta0, const T& h, const T& derivative, int reach)
{
    using std::abs;
    return T(loss_error + machine_epsilon<T>() * T(abs(theta0) + T(reach) * h) * abs(derivative));
}

} // namespace detail

// A difference method at step h, on loss() as a function of the variable theta refers
// to (loss() reads it; theta is restored). loss_error is ε_L (bounds/loss_rounding.hpp).
// Returns step 0 if h is too small for theta to move. Called by estimate()
// (methods/estimate.hpp), the one switch over the kinds of method.

// Richardson's tableau (MethodKind::extrapolation).
template <class T, class Loss>
NumericDerivative<T> richardson_derivative(const MethodRow& row, Loss& loss, T& theta, const T& h, const T& loss_error)
{
    using std::abs;
    const T theta0 = theta;
    if (T(theta0 + h) == theta0) return {T(0), T(0), T(0), T(0), T(0), true};

    NumericDerivative<T> d;
    d.step = h;
    // The extrapolated value R(s), a tableau of central differences at s, s/2, s/4,
    // s/8, is a formula of order 8 in s. Its truncation is estimated, and its series
    // checked, from R(h), R(2h), R(4h), as for the stencils (the six central
    // differences at 4h … h/8 are shared). From R(h)'s tableau alone (its last
    // correction), the estimate can be off by a factor of several where two orders
    // nearly cancel in that correction (where a step moves the function's arguments
    // almost as far as its series reaches).
    const int K = richardson_levels;
    T C[K + 3], Rc[K + 3]; // central differences at 4h/2^j, j = 0 … K + 2, and their rounding bounds
    for (int j = 0; j <= K + 2; ++j) {
        const T hj = T(T(4 * h) / T(1 << j));
        const int one[1] = {1};
        C[j] = detail::stencil(loss, theta, theta0, hj, one, 1, 2);
    }
    const T eps = detail::with_point_error(loss_error, theta0, h, C[2], 4);
    for (int j = 0; j <= K + 2; ++j) Rc[j] = eps / T(T(4 * h) / T(1 << j)); // ε/s for each central difference
    // The tableau on C[first] … C[first + K]: A[i][j], i extrapolation steps applied
    // to the central differences at s/2^j; R its rounding bounds.
    T A[K + 1][K + 1], R[K + 1][K + 1];
    bool tableau_holds = true;
    const auto extrapolate = [&](int first) {
        for (int j = 0; j <= K; ++j) A[0][j] = C[first + j], R[0][j] = Rc[first + j];
        for (int i = 1; i <= K; ++i) {
            const T four_i(1 << (2 * i));
            for (int j = 0; j + i <= K; ++j) {
                A[i][j] = (four_i * A[i - 1][j + 1] - A[i - 1][j]) / T(four_i - T(1));
                R[i][j] = (four_i * R[i - 1][j + 1] + R[i - 1][j]) / T(four_i - T(1));
            }
        }
        // The extrapolation assumes that at each level the leading term of what is
        // left leads, at every step it uses: every three neighbours of a column must
        // follow their series, as central differences must (methods/central_difference.hpp).
        for (int i = 0; i + 2 <= K; ++i)
            for (int j = 0; j + i + 2 <= K; ++j)
                tableau_holds = tableau_holds && error_model_holds(A[i][j + 2], A[i][j + 1], A[i][j], 2 + 2 * i, R[i][j + 2]);
        return A[K][0];
    };
    const T R4 = extrapolate(0), R2 = extrapolate(1), R1 = extrapolate(2);
    const T rho = R[K][0]; // the rounding bound of R(h), from its tableau (the last one built)
    const int p = row.order;
    d.value = R1;
    d.truncation = truncation_bound(R1, R2, R4, p);
    d.leading = leading_term(R2, R4, p);
    d.rounding = rho * T(rounding_blur(p));
    d.error_bound = d.truncation + d.rounding;
    d.model_holds = tableau_holds && error_model_holds(R1, R2, R4, p, rho);
    return d;
}

// An antisymmetric stencil of the method table (MethodKind::stencil).
template <class T, class Loss>
NumericDerivative<T> stencil_derivative(const MethodRow& row, Loss& loss, T& theta, const T& h, const T& loss_error)
{
    // The plain central difference uses the points actually reached (central_difference.hpp).
    if (row.points == 1) return central_difference(loss, theta, h, loss_error);
    using std::abs;
    const T theta0 = theta;
    if (T(theta0 + h) == theta0) return {T(0), T(0), T(0), T(0), T(0), true};

    NumericDerivative<T> d;
    d.step = h;

    const int* c = row.numerators.data(); // the stencil, from its row of the method table
    const int points = row.points, denominator = row.denominator;
    const int p = row.order;
    const T D1 = detail::stencil(loss, theta, theta0, h, c, points, denominator);
    const T D2 = detail::stencil(loss, theta, theta0, T(2 * h), c, points, denominator);
    const T D4 = detail::stencil(loss, theta, theta0, T(4 * h), c, points, denominator);
    int weight = 0; // Σ_k 2|c_k|
    for (int k = 0; k < points; ++k) weight += 2 * std::abs(c[k]);
    const T rounding = detail::with_point_error(loss_error, theta0, h, D1, 4 * points) * T(weight) / T(T(denominator) * h); // ρ, of D(h)
    d.value = D1;
    d.truncation = truncation_bound(D1, D2, D4, p); // methods/central_difference.hpp
    d.leading = leading_term(D2, D4, p);
    d.rounding = rounding * T(rounding_blur(p));
    d.error_bound = d.truncation + d.rounding;
    d.model_holds = error_model_holds(D1, D2, D4, p, rounding);
    return d;
}

} // namespace gradcheck

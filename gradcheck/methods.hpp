// The numeric differentiation methods, each generic over the scalar type T and
// each returning its value with an error bound (truncation estimate + rounding bound).
//
//   central     (f(θ+h) − f(θ−h))/2h                         truncation O(h²)  (central_difference.hpp)
//   central4    [8(f₁ − f₋₁) − (f₂ − f₋₂)]/12h                truncation O(h⁴)
//   central6    [45(f₁ − f₋₁) − 9(f₂ − f₋₂) + (f₃ − f₋₃)]/60h  truncation O(h⁶)
//   richardson  central differences at h, h/2, h/4, h/8, extrapolated to h → 0
//               (a Richardson tableau): truncation O(h⁸)
// where fₖ = f(θ + k·h).
//
// For a stencil of order p, truncation is c·h^p and rounding grows like ε_L/h;
// the sum is smallest near h ≈ u^(1/(p+1)), so the default step is
// u^(1/(p+1))·max(1, |θ|) rounded to a power of two (p = 2: the u^(1/3) rule).
#pragma once

#include <cmath>
#include <string_view>

#include "central_difference.hpp"
#include "method_names.hpp"

namespace gradcheck {

inline constexpr int richardson_levels = 3; // extrapolation steps: order 2 + 2·3 = 8

// u^(1/(p+1))·max(1, |θ|), rounded to the nearest power of two; for the complex
// step, which subtracts nothing, u·max(1, |θ|); autodiff takes no step (0).
template <class T>
T method_step(Method m, const T& theta)
{
    using std::pow;
    if (m == Method::autodiff) return T(0);
    const T root = m == Method::complex_step ? machine_epsilon<T>()
                                             : T(pow(machine_epsilon<T>(), T(1) / T(method_order(m) + 1)));
    return power_of_two_step(root, theta);
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

} // namespace detail

// Evaluates `method` at step h. loss_error is ε_L (loss_rounding.hpp).
template <class T, class Loss>
NumericDerivative<T> numeric_derivative(Method method, Loss&& loss, T& theta, const T& h, const T& loss_error)
{
    if (method == Method::central) return central_difference(loss, theta, h, loss_error);

    using std::abs;
    const T theta0 = theta;
    if (T(theta0 + h) == theta0) return {T(0), T(0), T(0), T(0), T(0), true};
    // Each evaluation point θ + kh may itself be rounded, by up to u·|θ + kh|; that moves
    // f by |f'|·u·|θ + kh|, which counts like extra rounding of the loss.
    const auto with_point_error = [&](const T& derivative, int reach) {
        return T(loss_error + machine_epsilon<T>() * T(abs(theta0) + T(reach) * h) * abs(derivative));
    };

    NumericDerivative<T> d;
    d.step = h;
    if (method == Method::richardson) {
        // A[i][j]: i extrapolation steps applied to central differences at h/2^j.
        const int K = richardson_levels;
        T A[K + 1][K + 1], R[K + 1][K + 1]; // values and their rounding bounds
        for (int j = 0; j <= K; ++j) {
            const T hj = T(h / T(1 << j));
            const int one[1] = {1};
            A[0][j] = detail::stencil(loss, theta, theta0, hj, one, 1, 2);
            R[0][j] = T(0); // filled below, once ε is known
        }
        const T eps = with_point_error(A[0][0], 1);
        for (int j = 0; j <= K; ++j) R[0][j] = eps / T(h / T(1 << j)); // ε/h_j for each central difference
        for (int i = 1; i <= K; ++i) {
            const T four_i(1 << (2 * i));
            for (int j = 0; j + i <= K; ++j) {
                A[i][j] = (four_i * A[i - 1][j + 1] - A[i - 1][j]) / T(four_i - T(1));
                R[i][j] = (four_i * R[i - 1][j + 1] + R[i - 1][j]) / T(four_i - T(1));
            }
        }
        d.value = A[K][0];
        // The last extrapolation's change estimates what is left, to the order that
        // matters; counted twice, it leaves a margin of one whole such term for the
        // terms beyond (as central_difference.hpp does). It is blurred by the rounding
        // of both tableau entries it compares.
        const T last = abs(T(A[K][0] - A[K - 1][1]));
        d.truncation = T(2) * last;
        d.rounding = T(2) * R[K][0] + R[K - 1][1];
        d.error_bound = d.truncation + d.rounding;
        // The tableau's corrections must shrink as the extrapolation proceeds; if the
        // last one is larger than the one before (beyond rounding), h is too large.
        // And the extrapolation assumes that at each level the leading term of what is
        // left leads, at every step it uses: every three neighbours of a column (the
        // central differences at h/8…h, then the first extrapolation at h/4…h) must
        // follow their series, as central differences must (central_difference.hpp).
        const T before = abs(T(A[K - 1][0] - A[K - 2][1]));
        d.model_holds = last <= before + d.rounding + T(2) * R[K - 1][0] + R[K - 2][1];
        for (int i = 0; i + 2 <= K; ++i)
            for (int j = 0; j + i + 2 <= K; ++j)
                d.model_holds = d.model_holds && error_model_holds(A[i][j + 2], A[i][j + 1], A[i][j], 2 + 2 * i, R[i][j + 2]);
        return d;
    }

    static const int c4[2] = {8, -1}, c6[3] = {45, -9, 1};
    const int* c = method == Method::central4 ? c4 : c6;
    const int points = method == Method::central4 ? 2 : 3, denominator = method == Method::central4 ? 12 : 60;
    const int p = method_order(method);
    const T D1 = detail::stencil(loss, theta, theta0, h, c, points, denominator);
    const T D2 = detail::stencil(loss, theta, theta0, T(2 * h), c, points, denominator);
    const T D4 = detail::stencil(loss, theta, theta0, T(4 * h), c, points, denominator);
    int weight = 0; // Σ_k 2|c_k|
    for (int k = 0; k < points; ++k) weight += 2 * std::abs(c[k]);
    const T rounding = with_point_error(D1, 4 * points) * T(weight) / T(T(denominator) * h); // ρ, of D(h)
    d.value = D1;
    d.truncation = truncation_bound(D1, D2, D4, p); // central_difference.hpp
    d.rounding = rounding * T(rounding_blur(p));
    d.error_bound = d.truncation + d.rounding;
    d.model_holds = error_model_holds(D1, D2, D4, p, rounding);
    return d;
}

} // namespace gradcheck

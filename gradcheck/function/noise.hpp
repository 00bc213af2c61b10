// The rounding of a function that can be evaluated in its own type only (a
// double-only f, or black_box(f)): estimated from its values near θ, as Moré and
// Wild's ECnoise does (SIAM J. Sci. Comput. 33(3), 2011).
//
// Sample v at 9 equally spaced points t_j = (j − 4)·s along a line through θ. A smooth
// function's k-th differences Δᵏv shrink like sᵏ; noise ε_j that varies from point to
// point does not: if the ε_j are independent with standard deviation σ, each Δᵏε has
// variance C(2k, k)·σ², so
//     σ_k = sqrt(γ_k · mean((Δᵏv)²)),   γ_k = (k!)² / (2k)!,
// estimates σ once the noise dominates the k-th differences. It does at the first
// order k whose σ_k, σ_{k+1}, σ_{k+2} agree within a factor 4 and whose differences
// change sign (noise alternates; a smooth remainder does not). If half the first
// differences are 0, s is too small to see the noise; if the values spread by more
// than 10 %, s is too large: another spacing is tried, s·100^(±1), s·100^(±2).
// Values all equal (a function constant along the line, as a constant component of
// a gradient is) vary by nothing: σ = 0.
//
// From σ to a bound on one evaluation's rounding, ε_L = 4σ + u·|v|:
//   4σ  the rounding of a central difference is (ε₊ − ε₋)/2h, of standard deviation
//       σ/(√2·h), and its bound (methods/central_difference.hpp) is 1.8·ε_L/h, 10.2
//       of those standard deviations; with σ estimated from 9 points possibly a factor
//       2 low, 5.1 remain, exceeded with probability 3e-7 for Gaussian noise;
//   u·|v| the rounding that is the same at every nearby point (of a constant, or of
//       the last operation of a value that hardly moves): invisible to differences,
//       at least half an ulp, and one ulp allows a library function's last-place error.
// This is an estimate, not a bound as the measured rounding is (function/row.hpp);
// the report says which one a check used.
#pragma once

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <vector>

#include "gradcheck/scalar/traits.hpp"

namespace gradcheck {

enum class NoiseOutcome { found, spacing_too_small, spacing_too_large };

template <class T>
struct Noise {
    T sigma{0};
    NoiseOutcome outcome = NoiseOutcome::spacing_too_large;
};

inline constexpr int noise_points = 9;
inline constexpr double noise_sigmas = 4; // ε_L = 4σ + u·|v| (above)

// ECnoise on the 9 values v(t_j) of one function.
template <class T>
Noise<T> noise_of(std::vector<T> v)
{
    using std::abs;
    using std::sqrt;
    const auto [lo, hi] = std::minmax_element(v.begin(), v.end());
    const T spread = *hi - *lo, size = std::max(T(abs(*hi)), T(abs(*lo)));
    if (spread > T(size / 10)) return {T(0), NoiseOutcome::spacing_too_large};
    if (spread == T(0)) return {T(0), NoiseOutcome::found}; // constant along the line: nothing varies, u·|v| remains
    const int n = noise_points;
    std::vector<T> level(n, T(0));
    std::vector<bool> sign_change(n, false);
    T gamma(1);
    for (int k = 1; k < n; ++k) {
        for (int i = 0; i + k < n; ++i) v[i] = T(v[i + 1] - v[i]); // v[0 .. n−k−1] = Δᵏ
        if (k == 1 && 2 * std::count(v.begin(), v.begin() + (n - 1), T(0)) >= n) return {T(0), NoiseOutcome::spacing_too_small};
        gamma = T(gamma * T(k) / T(2 * (2 * k - 1))); // γ_k = γ_{k−1}·k/(2(2k − 1))
        T squares(0);
        for (int i = 0; i + k < n; ++i) squares += v[i] * v[i];
        level[k] = T(sqrt(T(gamma * squares / T(n - k))));
        const auto [dlo, dhi] = std::minmax_element(v.begin(), v.begin() + (n - k));
        sign_change[k] = *dlo < T(0) && *dhi > T(0);
    }
    for (int k = 1; k + 2 < n; ++k) {
        const T lo3 = std::min({level[k], level[k + 1], level[k + 2]}), hi3 = std::max({level[k], level[k + 1], level[k + 2]});
        if (sign_change[k] && hi3 <= T(4) * lo3) return {level[k], NoiseOutcome::found};
    }
    return {T(0), NoiseOutcome::spacing_too_large};
}

// The noise of each component of sample(t), a vector function of a real t near 0,
// estimated at the spacings s0·100^(0, −1, 1, −2, 2) in turn until each is found
// (found false: at none of them; the caller declines what depends on it).
template <class T>
struct ComponentNoise {
    std::vector<T> sigma;
    std::vector<bool> found;
};

template <class T, class Sample>
ComponentNoise<T> component_noise(Sample&& sample, std::size_t components, const T& s0)
{
    ComponentNoise<T> out{std::vector<T>(components, T(0)), std::vector<bool>(components, false)};
    for (int power : {0, -1, 1, -2, 2}) {
        if (std::all_of(out.found.begin(), out.found.end(), [](bool b) { return b; })) break;
        const T s = T(s0 * T(std::pow(100.0, power)));
        std::vector<std::vector<T>> values(components, std::vector<T>(noise_points));
        for (int j = 0; j < noise_points; ++j) {
            const std::vector<T> y = sample(T(T(j - noise_points / 2) * s));
            for (std::size_t c = 0; c < components; ++c) values[c][j] = y[c];
        }
        for (std::size_t c = 0; c < components; ++c) {
            if (out.found[c]) continue;
            const Noise<T> noise = noise_of(values[c]);
            if (noise.outcome == NoiseOutcome::found) out.sigma[c] = noise.sigma, out.found[c] = true;
        }
    }
    return out;
}

// ε = 4σ + u·|v|, the rounding bound estimated for a value v of noise σ (above).
template <class T>
T noise_bound(const T& sigma, const T& v)
{
    using std::abs;
    return T(T(noise_sigmas) * sigma + machine_epsilon<T>() * abs(v));
}

} // namespace gradcheck

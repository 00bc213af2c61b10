// The fast check, as PyTorch's gradcheck does it in fast mode: instead of one numeric
// derivative per parameter, one per direction. For a unit vector v over all P
// parameters,
//
//   analytic:  vᵀg = Σ_i v_i·g_i                 from the analytic gradient being checked
//   numeric:   d/dt f(θ + t·v) at t = 0          the method's estimate along the line
//
// so the cost is a few evaluations of f per direction, not per parameter. A wrong g_i
// shows in vᵀg unless v_i is tiny or several errors cancel along v; K random
// directions make that unlikely, and any disagreement is followed by the full,
// element-by-element check to localise it (core/engine.hpp).
//
// But a random direction sees a one-parameter error at only about 1/√P of its size,
// while its rounding floor is that of one element: it is less sensitive than the
// element-by-element check, whatever its tolerance. So the fast check also looks
// along each block's own analytic gradient g̃_b (zero elsewhere): a formula that
// scales, truncates or reorders a block changes vᵀg there by a good part of |g̃_b|,
// where the exact g_b·g̃_b/|g̃_b| and the analytic |g̃_b| must agree. And where a
// direction cannot stand for the elements (fallback_of), the full check runs too.
//
// Error bounds, as for one element: the numeric side's from the method
// (methods/central_difference.hpp), with f's rounding ε_L plus, unless the line's ε_L
// already holds it (measured or estimated at the points themselves), the rounding of
// θ + t·v itself, ≤ u·|θ_i + t·v_i|/2 per parameter, which moves f by |∂f/∂θ_i|
// times that (|g_i| stands in for |∂f/∂θ_i|: a second-order term); the analytic
// side's Σ_i |v_i|·ε_a,i plus P·u·Σ_i |v_i·g_i| for the sum.
//
// The directions are Gaussian vectors, normalised, from a seeded generator
// (std::mt19937_64 is specified bit for bit; Box–Muller instead of
// std::normal_distribution, whose algorithm differs between standard libraries).
#pragma once

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <numbers>
#include <random>
#include <vector>

#include <boost/math/special_functions/fpclassify.hpp>

#include "gradcheck/core/line.hpp"
#include "gradcheck/core/numbers.hpp"
#include "gradcheck/scalar/traits.hpp"

namespace gradcheck::core {

// K unit vectors of dimension n, the same for the same seed on every platform.
inline std::vector<std::vector<double>> random_directions(std::size_t n, int K, std::uint64_t seed)
{
    std::mt19937_64 bits(seed);
    const auto uniform = [&] { return (static_cast<double>(bits() >> 11) + 0.5) * 0x1p-53; }; // in (0, 1)
    std::vector<std::vector<double>> directions;
    for (int d = 0; d < K; ++d) {
        std::vector<double> v(n);
        double norm2 = 0;
        for (std::size_t i = 0; i < n; ++i) {
            v[i] = std::sqrt(-2 * std::log(uniform())) * std::cos(2 * std::numbers::pi * uniform());
            norm2 += v[i] * v[i];
        }
        for (double& x : v) x /= std::sqrt(norm2);
        directions.push_back(std::move(v));
    }
    return directions;
}

// For each block whose values of g are finite and not all 0, the unit vector along g
// there, zero in the other blocks.
template <class T>
std::vector<std::vector<double>> block_directions(const std::vector<T>& g, const std::vector<Block>& blocks)
{
    using std::abs;
    std::vector<std::vector<double>> directions;
    for (const Block& b : blocks) {
        std::vector<double> v(g.size(), 0.0);
        T largest(0); // values scaled by the largest first, so that double neither overflows nor underflows
        for (std::size_t k = b.start; k < b.start + b.size; ++k) largest = std::max<T>(largest, abs(g[k]));
        double norm2 = 0;
        if (largest > 0 && (boost::math::isfinite)(largest))
            for (std::size_t k = b.start; k < b.start + b.size; ++k) v[k] = static_cast<double>(g[k] / largest), norm2 += v[k] * v[k];
        if (!(norm2 > 0) || !std::isfinite(norm2)) continue;
        for (double& x : v) x /= std::sqrt(norm2);
        directions.push_back(std::move(v));
    }
    return directions;
}

// The analytic side along v: vᵀg with its rounding bound, and the rounding of the
// points θ + t·v themselves (for |t| up to 4·reach_h, the farthest point of the
// stencils; beyond it, growing by moved_per_step per unit of step).
template <class T>
struct Along {
    T analytic{0};
    Bound<T> rounding;
    T moved{0}, moved_per_step{0};
};

template <class T>
Along<T> analytic_along(const std::vector<T>& v, const std::vector<T>& g, const std::vector<Bound<T>>& g_rounding,
                        const std::vector<T>& theta0, const T& reach_h)
{
    using std::abs;
    const T u = machine_epsilon<T>();
    Along<T> a;
    T terms(0);
    for (std::size_t i = 0; i < v.size(); ++i) {
        a.analytic += v[i] * g[i];
        a.rounding.value += abs(v[i]) * g_rounding[i].value;
        a.rounding.known = a.rounding.known && g_rounding[i].known;
        terms += abs(T(v[i] * g[i]));
        a.moved += abs(g[i]) * u / T(2) * T(abs(theta0[i]) + T(4) * reach_h * abs(v[i]));
        a.moved_per_step += abs(g[i]) * u / T(2) * T(4) * abs(v[i]);
    }
    a.rounding.value += T(v.size()) * u * terms;
    return a;
}

// A close call: a direction that agrees with less than a factor 2 to spare. A mistake
// that fails the full check in a few elements by a small margin is only part of a
// direction's difference, so a close call runs the full check. The factor is not a
// tolerance (the full check's verdict is the one given); right formulas use a few
// per cent of a direction's tolerance, so the fast check stays fast where the call is clear.
inline bool close_call(bool pass, bool near_zero, double digits, double digits_needed)
{
    return pass && !near_zero && digits - digits_needed < std::log10(2.0);
}

// Whether the directions settle the check, and if not why the full check follows. A
// direction that agrees is not enough where its tolerance exceeds a tenth of its value,
// where the points' rounding may outweigh f's own (the direction's tolerance is then
// looser than an element's, whose own point is reached exactly), or on a close call.
template <class T>
Fallback fallback_of(const std::vector<Element<T>>& directions)
{
    const auto any = [&](auto&& p) { return std::any_of(directions.begin(), directions.end(), p); };
    if (any([](const Element<T>& e) { return !e.pass; })) return Fallback::disagrees;
    if (any([](const Element<T>& e) { return e.near_zero || e.digits_needed < 1; })) return Fallback::coarse;
    if (any([](const Element<T>& e) { return e.coarse_points; })) return Fallback::coarse_points;
    if (any([](const Element<T>& e) { return e.close_call; })) return Fallback::close_call;
    return Fallback::none;
}

} // namespace gradcheck::core

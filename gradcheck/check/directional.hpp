// The fast check (--fast), as PyTorch's gradcheck does it in fast mode: instead of
// one numeric derivative per parameter, one per direction. For a unit vector v over
// all P parameters (W1, B1, W2, B2 flattened in that order),
//
//   analytic:  vᵀ∇L = Σ_i v_i·g_i            from the backward pass being checked
//   numeric:   d/dt L(θ + t·v) at t = 0      one central difference in t
//
// so the cost is a few loss evaluations per direction, not per parameter. A wrong
// g_i shows in vᵀ∇L unless v_i is tiny or several errors cancel along v; K random
// directions make that unlikely, and any disagreement is followed by the full,
// element-by-element check to localise it (check/check.hpp).
//
// But a random direction sees a one-parameter error at only about 1/√P of its size,
// while its rounding floor is that of one element: it is less sensitive than the
// element-by-element check, whatever its tolerance. So the fast check also looks
// along each partial's own analytic gradient g̃_p (zero elsewhere): a formula that
// scales, truncates or reorders a partial changes vᵀ∇L there by a good part of
// |g̃_p|, where the exact g_p·g̃_p/|g̃_p| and the analytic |g̃_p| must agree. And a
// direction whose tolerance exceeds a tenth of its value cannot stand for the
// elements at all: then the full check runs too.
//
// Error bounds, as for one element: the numeric side's from the method
// (methods/central_difference.hpp), with the loss's rounding ε_L plus the rounding of
// θ + t·v itself, ≤ u·|θ_i + t·v_i|/2 per parameter, which moves L by |∂L/∂θ_i|
// times that (|g_i| stands in for |∂L/∂θ_i|: a second-order term); the analytic
// side's Σ_i |v_i|·ε_a,i plus P·u·Σ_i |v_i·g_i| for the sum.
//
// The directions are Gaussian vectors, normalised, from the seeded generator below
// (std::mt19937_64 is specified bit for bit; Box–Muller instead of
// std::normal_distribution, whose algorithm differs between standard libraries).
#pragma once

#include <cmath>
#include <cstdint>
#include <numbers>
#include <random>
#include <vector>

#include <boost/math/special_functions/fpclassify.hpp>

#include "gradcheck/check/random_directions.hpp"
#include "network.hpp"

namespace gradcheck {

// For each partial p of G whose values are finite and not all 0, the unit vector along
// G's values in p, zero in the other partials (the order of flattened()).
template <class T>
std::vector<std::vector<double>> partial_directions(const xornet::Gradients<T>& G)
{
    using std::abs;
    std::vector<std::vector<double>> directions;
    std::size_t n = 0, start = 0;
    for (xornet::Param p : xornet::all_params) n += xornet::gradient(G, p).size();
    for (xornet::Param p : xornet::all_params) {
        const xornet::Matrix<T>& g = xornet::gradient(G, p);
        std::vector<double> v(n, 0.0);
        T largest(0); // values scaled by the largest first, so that double neither overflows nor underflows
        for (std::size_t k = 0; k < g.size(); ++k) largest = std::max<T>(largest, abs(g.flat(k)));
        double norm2 = 0;
        if (largest > 0 && (boost::math::isfinite)(largest))
            for (std::size_t k = 0; k < g.size(); ++k) v[start + k] = static_cast<double>(g.flat(k) / largest), norm2 += v[start + k] * v[start + k];
        start += g.size();
        if (!(norm2 > 0) || !std::isfinite(norm2)) continue;
        for (double& x : v) x /= std::sqrt(norm2);
        directions.push_back(std::move(v));
    }
    return directions;
}

// Every parameter of P (or every element of a gradient), in the order W1, B1, W2, B2.
template <class T>
std::vector<T*> flattened(xornet::Parameters<T>& P)
{
    std::vector<T*> out;
    for (xornet::Param p : xornet::all_params)
        for (std::size_t k = 0; k < xornet::param(P, p).size(); ++k) out.push_back(&xornet::param(P, p).flat(k));
    return out;
}

template <class T>
std::vector<T> flattened(const xornet::Gradients<T>& G)
{
    std::vector<T> out;
    for (xornet::Param p : xornet::all_params)
        for (std::size_t k = 0; k < xornet::gradient(G, p).size(); ++k) out.push_back(xornet::gradient(G, p).flat(k));
    return out;
}

} // namespace gradcheck

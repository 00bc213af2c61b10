// Seeded random unit directions, the same on every platform: std::mt19937_64 is
// specified bit for bit, and Box–Muller stands in for std::normal_distribution, whose
// algorithm differs between standard libraries. --fast (check/directional.hpp) and
// the library's fast mode and upstream vectors (function/) draw from here.
#pragma once

#include <cmath>
#include <cstddef>
#include <cstdint>
#include <numbers>
#include <random>
#include <vector>

namespace gradcheck {

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

} // namespace gradcheck

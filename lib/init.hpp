// Initialisation as the seed says: weights random, biases zero.
#pragma once

#include <cstdint>
#include <random>

#include "network.hpp"

namespace xornet {

// A weight uniform in [−1, 1) on the grid k·2^−52: such a number is exactly
// representable in every scalar type with at least 53 bits of mantissa, so the
// double and the 50-digit checks look at exactly the same network.
// std::mt19937_64's output sequence is fixed by the C++ standard (unlike the
// standard distributions), so a seed gives the same weights on every platform.
inline double uniform_weight(std::mt19937_64& rng)
{
    const std::uint64_t k = rng() >> 11;         // 53 random bits: 0 ≤ k < 2^53
    return static_cast<double>(k) * 0x1p-52 - 1.0; // k·2^−52 − 1 ∈ [−1, 1), exact
}

template <class T>
Parameters<T> init_parameters(std::size_t N, std::size_t H, std::uint64_t seed)
{
    std::mt19937_64 rng(seed);
    Parameters<T> P{Matrix<T>(H, N), Matrix<T>(H, 1), Matrix<T>(1, H), Matrix<T>(1, 1)};
    for (std::size_t k = 0; k < P.W1.size(); ++k) P.W1.flat(k) = T(uniform_weight(rng));
    for (std::size_t k = 0; k < P.W2.size(); ++k) P.W2.flat(k) = T(uniform_weight(rng));
    return P; // B1, B2 stay zero
}

} // namespace xornet

// What to check, independent of the precision: the data, and where the weights
// come from.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "gradcheck/input/files.hpp"

namespace gradcheck {

inline constexpr std::uint64_t default_seed = 1;
inline constexpr std::size_t default_hidden = 2;
inline constexpr std::size_t generic_examples = 5; // m of the generic problem

// "random from seed S (uniform on [-1, 1)), biases zero"
std::string seeded_weights_source(std::uint64_t seed);

struct Problem {
    std::string name = "xor"; // xor, generic, or data (a --data file): how reports label it
    DataText data = xor_data_text();
    std::string data_source = "XOR truth table";
    std::optional<WeightsText> weights; // from a file, or written out for the generic problem; otherwise random from seed
    std::string weights_source = seeded_weights_source(default_seed);
    std::uint64_t seed = default_seed;
    std::size_t hidden = default_hidden; // H, when the weights are random
    std::string why; // why this problem is checked too (the generic problem), else ""

    std::size_t inputs() const { return data.X.rows(); }                      // N
    std::size_t width() const { return weights ? weights->W1.rows() : hidden; } // H
    std::size_t examples() const { return data.X.cols(); }                    // m
};

// The seed's random weights (lib/init.hpp) as exact decimal text.
WeightsText seeded_weights_text(std::size_t N, std::size_t H, std::uint64_t seed);

// The second problem of the default run: data on which no mistake of the gallery
// gives the right numbers. m = generic_examples examples of N inputs, each a
// multiple of 1/64 in [-2, 2) other than 0 and 1; labels multiples of 1/256 in
// (0, 1); the weights given, or else the seed's weights with non-zero biases, multiples
// of 1/4096 in [-0.5, 0.5). Every number is exact in binary down to float.
Problem generic_problem(std::size_t N, std::uint64_t seed, const Problem& weights_from);

} // namespace gradcheck

// What to check, independent of the precision: the data, where the weights
// come from, and the checker's settings.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "gallery.hpp"
#include "method_names.hpp"
#include "training.hpp"
#include "input_files.hpp"

namespace gradcheck {

inline constexpr std::uint64_t default_seed = 1;
inline constexpr std::size_t default_hidden = 2;

struct Problem {
    DataText data = xor_data_text();
    std::string data_source = "XOR truth table";
    std::optional<WeightsText> weights; // from a file; otherwise random from seed
    std::string weights_source;
    std::uint64_t seed = default_seed;
    std::size_t hidden = default_hidden; // H, when the weights are random
};

struct CheckSettings {
    xornet::Derivation formulas = xornet::Derivation::derived; // which analytic gradient (and loss) to check
    Method method = Method::central;
    std::optional<std::string> step; // absolute step h as decimal text; default: method_step(method, θ)
    bool fast = false;               // --fast: directional check first (directional.hpp)
    int directions = 3;              // K, its number of random directions
    std::uint64_t direction_seed = 0; // their seed (gradcheck: the --seed)
    TrainingSettings training;       // for gradcheck train
};

} // namespace gradcheck

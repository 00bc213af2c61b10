// What the command asks of the network's check: which formulas (and loss) to check,
// and the engine's settings as given, in text read at each precision; training's
// learning rate is one of them (w2-updated-first takes the step a learning rate makes).
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>

#include "gallery.hpp"
#include "gradcheck/methods/table.hpp"

namespace gradcheck {

struct TrainingSettings {
    std::string learning_rate = "1"; // decimal text, read in each precision
    std::size_t epochs = 20000;
    std::size_t every = 2000; // check every this many epochs (and at the end)
};

struct CheckSettings {
    xornet::Derivation formulas = xornet::Derivation::derived; // which analytic gradient (and loss) to check
    Method method = Method::central;
    std::optional<std::string> step; // absolute step h as decimal text; default: the rule's (methods/differences.hpp)
    bool fast = false;               // --fast: along directions first (core/directions.hpp)
    int directions = 3;              // K, its number of random directions
    std::uint64_t direction_seed = 0; // their seed (gradcheck: the --seed)
    TrainingSettings training;       // for gradcheck train
};

} // namespace gradcheck

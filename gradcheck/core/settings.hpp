// What the engine is asked, in the scalar type T of the check: the method, a step
// given by hand (or the rule's), the fast mode, and what to do with an estimate that
// has no value (the command refuses it as bad input; the library declines it).
#pragma once

#include <cstdint>
#include <optional>

#include "gradcheck/methods/table.hpp"

namespace gradcheck::core {

template <class T>
struct Settings {
    Method method = Method::central;
    std::optional<T> step;           // given by hand: never moved, its verdict confirmed at the rule's step
    bool fast = false;               // along random directions first; every element only if one does not settle it
    int directions = 3;              // how many random directions
    std::uint64_t seed = 0;          // of the random directions
    bool stop_without_value = false; // stop at the first estimate without a value (θ ± h does not move, f not finite)
    bool confirm_given = true;       // false: a given step's estimate alone (the sweep)
};

} // namespace gradcheck::core

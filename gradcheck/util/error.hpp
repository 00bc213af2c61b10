// The one exception type for bad input (files, flags, steps the precision
// cannot resolve). main() prints its message as one line and exits with status 2.
#pragma once

#include <stdexcept>

namespace gradcheck {

struct InputError : std::runtime_error {
    using std::runtime_error::runtime_error;
};

} // namespace gradcheck

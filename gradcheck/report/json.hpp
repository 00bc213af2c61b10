// Pieces of the JSON reports, shared by the check's (report/json.cpp) and the
// report of your own gradients (report/own.cpp).
#pragma once

#include "gradcheck/input/problem.hpp"
#include "gradcheck/report/json_table.hpp"

namespace gradcheck {

// The blind spots of a problem's data: reason, what it hides, the gallery's mistakes it hides.
Json blind_spots_json(const Problem& problem);

} // namespace gradcheck

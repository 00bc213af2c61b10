// One table of compared values (a PartialCheck) as JSON, for every JSON report.
#pragma once

#include <nlohmann/json.hpp>

#include "gradcheck/report/report.hpp"

namespace gradcheck {

using Json = nlohmann::ordered_json;

// One partial (or array), one list per column, each in row-major order: element
// [i, j] of an r×c array at index i·c + j. `top` and `bottom` name the values
// compared ("analytic", "numeric" or "yours", "reference"); a numeric method adds
// its step, the analytic rounding bound and why an element was declined.
Json partial_json(const PartialCheck& p, const char* top, const char* bottom, bool numeric_method);

} // namespace gradcheck

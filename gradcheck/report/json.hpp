// A check's result as one JSON document, for every kind of check: the command's run,
// your gradients, your function. One table writer serves all three; the schemas are in
// README.md ("The JSON report", "Your gradients: the files") and notes/10-library.md.
#pragma once

#include <string>

#include "gradcheck/report/text.hpp"

namespace gradcheck {

std::string check_json(const Run& run);
std::string gradients_json(const Report& r);
std::string function_json(const Report& r);

} // namespace gradcheck

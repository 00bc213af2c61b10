// The pieces the text reports (report/text*.cpp) share: columns padded to a width,
// lists in prose, and the lines that describe a problem. The printers themselves are
// declared in report/print.hpp.
#pragma once

#include <cstddef>
#include <ostream>
#include <string>
#include <vector>

#include "gradcheck/input/problem.hpp"
#include "gradcheck/report/report.hpp"
#include "gradcheck/report/table.hpp"

namespace gradcheck::text {

// The lines "why", "network", "weights" and the blind spots of a problem, with the
// sizes of one of its checks.
void print_problem(std::ostream& out, const Problem& problem, const CheckReport& first, bool generic_in_run);
bool has_generic(const std::vector<Problem>& problems);

} // namespace gradcheck::text

// The pieces the text reports (report/text*.cpp) share: columns padded to a width,
// lists in prose, and the lines that describe a problem. The printers themselves are
// declared in report/print.hpp.
#pragma once

#include <cstddef>
#include <ostream>
#include <string>
#include <vector>

#include "input/problem.hpp"
#include "report/report.hpp"

namespace gradcheck::text {

// s, then spaces up to `width` characters.
std::string pad(const std::string& s, std::size_t width);
// Spaces up to `width` bytes, then s.
std::string rpad(const std::string& s, std::size_t width);
// " 1.2e-02" and "-1.2e-02" align: positive values get a leading space.
std::string signed_value(const std::string& s);
// "a", "a and b", "a, b and c".
std::string and_list(const std::vector<std::string>& names);
// "[1,0]": where an element stands in its array.
std::string position(const ElementCheck& e);

// The lines "why", "network", "weights" and the blind spots of a problem, with the
// sizes of one of its checks.
void print_problem(std::ostream& out, const Problem& problem, const CheckReport& first, bool generic_in_run);
bool has_generic(const std::vector<Problem>& problems);

} // namespace gradcheck::text

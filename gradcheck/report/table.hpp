// One table of compared values as text: an array's elements, each value above its
// reference digit under digit, with the error columns and the verdict. The command's
// reports (report/text*.cpp) and the library's (function/report.cpp) print with it.
#pragma once

#include <cstddef>
#include <ostream>
#include <string>
#include <vector>

#include "gradcheck/report/report.hpp"

namespace gradcheck {

// One partial's table; the check's values are "analytic (a) above numeric (n)".
struct ColumnLabels {
    const char* values = "analytic (a) above numeric (n)";
    const char* top = "a";
    const char* bottom = "n";
};
// With its own diagnosis line when `diagnosis` (the report's one line says it all
// when one mistake explains every partial).
void print_partial(std::ostream& out, const PartialCheck& p, const ColumnLabels& labels, bool diagnosis);

// x with one decimal: digits of agreement.
std::string fixed1(double x);

namespace text {

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

} // namespace text

} // namespace gradcheck

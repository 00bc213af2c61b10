// A check's result as text, for every kind of check, in full or failures only: the
// tables (each value above its reference, digit under digit, with the error columns
// and the verdict), the counts and the verdict line are made here once; each kind of
// check adds its own header lines (report/text_network.cpp, text_gradients.cpp,
// text_function.cpp).
#pragma once

#include <cstddef>
#include <ostream>
#include <string>
#include <vector>

#include "gradcheck/report/model.hpp"

namespace gradcheck {

// The columns' names: "analytic (a) above numeric (n)", or your value above the reference.
struct ColumnLabels {
    const char* values = "analytic (a) above numeric (n)";
    const char* top = "a";
    const char* bottom = "n";
};

// One table of r; with its own diagnosis line when `diagnosis`. View::failures shows
// only the elements that did not pass (FAIL, or declined with the reason), and
// nothing of a table without one.
void print_table(std::ostream& out, const Table& t, const Report& r, const ColumnLabels& labels, bool diagnosis, View view);

// The elements of the tables that count in r's verdict.
struct ElementCounts {
    std::size_t total = 0, failed = 0, declined = 0, near_zero = 0;
};
ElementCounts count_elements(const Report& r);

// "dL/dW1[0,1]", or "df/dx[1]" in a vector.
std::string element_name(const Table& t, const Entry& e);

// x with one decimal: digits of agreement.
std::string fixed1(double x);

// Whether a report's one-line diagnosis names one mistake for everything.
inline bool one_explanation(const std::string& diagnosis) { return diagnosis.rfind("most likely: ", 0) == 0; }

// The command's check: every problem, precision and method of one run.
struct Run {
    std::vector<ProblemInfo> problems;
    std::vector<Report> reports; // reports[i].network.problem indexes problems
};
Verdict verdict(const Run& run);

void print_check(std::ostream& out, const Run& run, View view);
// One line per (problem, precision, method): worst digits per partial, and the digits its error bound guarantees.
void print_ladder(std::ostream& out, const Run& run);
// Your gradients against the exact ones (gradcheck --gradients).
void print_gradients(std::ostream& out, const Report& r, View view);
// Your function's derivatives (the library); View::failures: the failing rows and the verdict line.
void print_function(std::ostream& out, const Report& r, View view);

// The lines "why", "network", "weights" and the blind spots of a problem.
void print_problem(std::ostream& out, const ProblemInfo& problem, bool generic_in_run);
// Whether the run checks the generic problem, whose data no mistake of the gallery hides in.
bool has_generic(const Run& run);

// The "blind" lines of a problem: the kinds of mistake its data cannot reveal, and,
// unless the run checks the generic problem too, that a pass cannot rule them out.
void print_blind_spots(std::ostream& out, const ProblemInfo& problem, bool generic_in_run);

// The "blind:" lines of a result: the tables whose every element is within its
// tolerance of 0, and the gallery's mistakes that give the right values here (r.hidden)
// that the problem's blind spots do not already name.
void print_vanishing(std::ostream& out, const std::vector<Table>& tables);
void print_hidden(std::ostream& out, const Report& r);

namespace text {

// s, then spaces up to `width` characters.
std::string pad(const std::string& s, std::size_t width);
// Spaces up to `width` bytes, then s.
std::string rpad(const std::string& s, std::size_t width);
// "a", "a and b", "a, b and c".
std::string and_list(const std::vector<std::string>& names);
// "[1,0]": where an element stands in its array.
std::string position(const Entry& e);

} // namespace text

} // namespace gradcheck

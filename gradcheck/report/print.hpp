// Printing a set of check reports (one per precision) as text or as JSON.
#pragma once

#include <ostream>
#include <vector>

#include "gradcheck/scalar/precision.hpp"
#include "gradcheck/input/problem.hpp"
#include "gradcheck/report/report.hpp"
#include "gradcheck/report/table.hpp"
#include "gradcheck/tasks/trace.hpp"

namespace gradcheck {

// reports[i].problem indexes problems.
void print_text(std::ostream& out, const std::vector<Problem>& problems, const std::vector<CheckReport>& reports);
// One line per (problem, precision, method): worst digits per partial, and the digits its error bound guarantees.
void print_ladder(std::ostream& out, const std::vector<Problem>& problems, const std::vector<CheckReport>& reports);
void print_training(std::ostream& out, const Problem& problem, const std::vector<std::pair<Precision, TrainReport>>& runs);
void print_trace(std::ostream& out, const Problem& problem, const TraceReport& trace);
void print_json(std::ostream& out, const std::vector<Problem>& problems, const std::vector<CheckReport>& reports);

// The "blind" lines: the kinds of mistake the problem's data cannot reveal
// (blind_spots in input/problem.hpp), and, unless the run checks the generic problem
// too, that a pass cannot rule them out.
void print_blind_spots(std::ostream& out, const Problem& problem, bool generic_in_run);

// Whether a report's one-line diagnosis names one mistake for everything.
inline bool one_explanation(const std::string& diagnosis) { return diagnosis.rfind("most likely: ", 0) == 0; }

// For each partial whose every element is within rounding of 0, a line saying that
// no mistake confined to it can show at these weights.
void print_vanishing(std::ostream& out, const std::vector<PartialCheck>& partials);

// The gallery's mistakes that give the right numbers here, to within the tolerance,
// and that the problem's data blind spots do not already name: a pass cannot rule them out.
void print_hidden(std::ostream& out, const Problem& problem, const std::vector<std::string>& hidden);

// True when every report passes.
bool all_pass(const std::vector<CheckReport>& reports);

// PASS, FAIL or NOT VERIFIED over all the reports (report/report.hpp).
Verdict verdict(const std::vector<CheckReport>& reports);

} // namespace gradcheck

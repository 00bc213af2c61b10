// Printing a set of check reports (one per precision) as text or as JSON.
#pragma once

#include <ostream>
#include <vector>

#include "precision.hpp"
#include "problem.hpp"
#include "report.hpp"
#include "trace.hpp"

namespace gradcheck {

void print_text(std::ostream& out, const Problem& problem, const std::vector<CheckReport>& reports);
// One line per (precision, method): worst digits per partial, and the digits its error bound guarantees.
void print_ladder(std::ostream& out, const Problem& problem, const std::vector<CheckReport>& reports);
void print_training(std::ostream& out, const Problem& problem, const std::vector<std::pair<Precision, TrainReport>>& runs);
void print_trace(std::ostream& out, const Problem& problem, const TraceReport& trace);
void print_json(std::ostream& out, const Problem& problem, const std::vector<CheckReport>& reports);

// True when every report passes.
bool all_pass(const std::vector<CheckReport>& reports);

} // namespace gradcheck

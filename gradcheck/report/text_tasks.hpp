// The text of the command's other jobs (report/tasks.hpp): trace (every array of one
// forward and backward pass) and train (the checks made while training).
#pragma once

#include <ostream>
#include <utility>
#include <vector>

#include "gradcheck/report/model.hpp"
#include "gradcheck/report/tasks.hpp"
#include "gradcheck/scalar/precision.hpp"

namespace gradcheck {

void print_training(std::ostream& out, const ProblemInfo& problem, const std::vector<std::pair<Precision, TrainReport>>& runs);
void print_trace(std::ostream& out, const ProblemInfo& problem, const TraceReport& trace);

} // namespace gradcheck

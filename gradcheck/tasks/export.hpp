// gradcheck export: the exact problem (weights and data) and a template of the
// gradients to fill in, as JSON and as CSV, so that your own code computes on the
// very numbers the checker uses and hands its results back (--gradients).
#pragma once

#include <ostream>
#include <string>

#include "gradcheck/input/problem.hpp"

namespace gradcheck {

// Writes into folder `dir` (created if missing; no file in it is overwritten):
//   weights.json, data.json, gradients.json          the weights and data files' grammar
//   W1.csv, B1.csv, W2.csv, B2.csv, X.csv, Y.csv     one array each, rows × columns, no header
//   gradients.csv                                    array,row,col,value, values empty
//   README.txt                                       the shapes and the command that checks
// and prints what it wrote to `out`. Throws InputError when a file exists or cannot be written.
void export_problem(const Problem& problem, const std::string& dir, std::ostream& out);

} // namespace gradcheck

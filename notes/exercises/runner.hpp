// The exercise's verdict: your backward pass, run on the seed's XOR problem and on
// the generic problem, every array it returns checked against the exact one as
// gradcheck --gradients checks a file (gradcheck/check/own.cpp).
#pragma once

#include <ostream>
#include <string>

#include "exercise.hpp"

namespace exercise {

using BackwardFunction = Backward (*)(const Network&, const Matrix&, const Matrix&, const Forward&);

// Prints a line per array (ok, FAIL or TODO, with its digits), the diagnosis and,
// with `full`, every element. Returns 0 when every array is written and agrees on
// both problems, 1 otherwise. `source` names the file in the report.
int run(BackwardFunction backward, const std::string& source, std::ostream& out, bool full);

} // namespace exercise

// Your gradients (gradcheck --gradients) against the exact ones: each array you gave
// against the one the derived backward pass computes in high precision, with a
// tolerance that is the rounding your arithmetic allows on this problem.
#pragma once

#include "gradcheck/input/own_gradients.hpp"
#include "gradcheck/input/problem.hpp"
#include "gradcheck/report/model.hpp"

namespace gradcheck {

// Digits of the reference: 50, or twice your precision's and 10 more, whichever is larger.
int reference_digits(const OwnPrecision& precision);

// The check itself (network/yours.cpp), as a report of Client::gradients.
Report check_own_gradients(const Problem& problem, const OwnGradientsText& gradients);

} // namespace gradcheck

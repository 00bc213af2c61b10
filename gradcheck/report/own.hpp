// The check of your own gradients (gradcheck --gradients): each array you gave
// against the exact one, computed by the derived backward pass in high precision,
// with a tolerance that is the rounding your arithmetic allows on this problem.
#pragma once

#include <ostream>
#include <string>
#include <vector>

#include "gradcheck/input/own_gradients.hpp"
#include "gradcheck/input/problem.hpp"
#include "gradcheck/report/report.hpp"

namespace gradcheck {

struct OwnReport {
    std::string precision_label; // the arithmetic you computed in
    std::string epsilon;         // its machine epsilon u
    int reference_digits = 0;    // of the reference (MPFR)
    std::size_t N = 0, H = 0, m = 0;
    // The arrays you gave, in the order a pass computes them. In each element,
    // `analytic` is your value and `numeric` the reference.
    std::vector<PartialCheck> arrays;
    std::string diagnosis;        // one line, when an array disagrees
    std::vector<std::string> hidden; // the gallery's mistakes that give the right numbers here, within the tolerance
    std::size_t short_values = 0; // values whose last written digit, not the arithmetic, sets the tolerance
    std::size_t weak = 0;         // elements whose tolerance exceeds 1% of the values: under 2 digits needed
    bool pass = false;
};

// Digits of the reference: 50, or twice your precision's and 10 more, whichever is larger.
int reference_digits(const OwnPrecision& precision);

// The check itself; its arithmetic is in check/own.cpp.
OwnReport check_own_gradients(const Problem& problem, const OwnGradientsText& gradients);

void print_own_text(std::ostream& out, const Problem& problem, const OwnGradientsText& gradients, const OwnReport& report);
void print_own_json(std::ostream& out, const Problem& problem, const OwnGradientsText& gradients, const OwnReport& report);

} // namespace gradcheck

// What a problem's data can and cannot reveal of the network's derivation: the kinds
// of mistake they hide (blind spots), and the problem as a report describes it.
#pragma once

#include <vector>

#include "gradcheck/input/problem.hpp"
#include "gradcheck/report/model.hpp"

namespace gradcheck {

std::vector<BlindSpot> blind_spots(const Problem& problem);

// Its name, why it is checked, where its data and weights come from, N, H, m and its blind spots.
ProblemInfo problem_info(const Problem& problem);

} // namespace gradcheck

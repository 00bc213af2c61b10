// The step-size sweep: the numeric gradient's error against the analytic one as
// the step h shrinks, per precision. Truncation (∝ h^p) falls to the right,
// rounding (∝ ε_L/h) rises to the left: the classic V, with its bottom near
// h ≈ u^(1/(p+1)).
#pragma once

#include <string>
#include <vector>

namespace gradcheck {

struct SweepPoint {
    std::string precision;
    std::string method;
    double log10_h = 0;
    double log10_error = 0; // worst relative error over all elements, log10
    std::string h, error;   // the same, as text
    std::string chosen_least, chosen_most; // the steps the check itself chooses for this series' elements (the same on each point)
};

struct SweepReport {
    std::vector<SweepPoint> points;
};

inline constexpr int sweep_points_per_decade = 4;

} // namespace gradcheck

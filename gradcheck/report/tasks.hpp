// What the command's other jobs compute, free of the scalar type, for their renderers
// (report/text_tasks.cpp, report/sweep_files.cpp, tasks/graph.cpp):
//   trace   every array of one forward and backward pass, with its shape;
//   train   gradient descent, all four partials re-checked every few epochs, into late
//           training where the sigmoids saturate;
//   sweep   the numeric gradient's error against the analytic one as the step h
//           shrinks: truncation (∝ h^p) falls to the right, rounding (∝ ε_L/h) rises to
//           the left, the classic V with its bottom near h ≈ u^(1/(p+1)).
#pragma once

#include <cstddef>
#include <string>
#include <vector>

namespace gradcheck {

struct TracedMatrix {
    std::string name;        // "Z1"
    std::string shape_names; // "H×m"
    std::string meaning;     // "Z1 = W1·X + B1"
    std::size_t rows = 0, cols = 0;
    std::vector<std::string> values; // row-major
};

struct TraceReport {
    std::string precision_label;
    std::string formulas;
    std::vector<TracedMatrix> forward;  // X, Y, W1, B1, Z1, A1, W2, B2, Z2, A2
    std::vector<TracedMatrix> backward; // dZ2, dW2, dB2, dA1, dZ1, dW1, dB1
    TracedMatrix dA2; // dL/dA2: no step of the backward pass (it goes straight to dZ2); gradcheck graph shows it
    std::string loss, loss_seed_form;
};

inline constexpr int trace_digits = 10; // significant digits printed by trace

struct TrainingCheck {
    std::size_t epoch = 0;
    std::string loss;
    std::string max_output_error; // max |A2 − Y|: how close to saturation the outputs are
    // Of the elements compared relatively (not near 0, not declined), the one with
    // the least to spare (digits − needed; a failing one if any fails): its digits
    // and the digits it needed. has_digits: there is such an element.
    bool has_digits = false;
    double digits = 0;
    double digits_needed = 0;
    bool pass = false;
    bool failed = false; // an element failed; neither pass nor failed: some were declined
};

struct TrainReport {
    std::vector<TrainingCheck> checks;
    std::vector<std::string> inputs, predictions, labels; // per example, at the end
    std::string final_loss;
    std::string backward_error; // the derivation's shapes do not fit: no step could be taken
    std::string diagnosis;      // and what that says
    bool pass = false;     // every check passed
    bool failed = false;   // some check failed (the rest may only have declined elements)
    bool learned = false;  // every prediction rounds to its label
    std::size_t diverged_at = 0; // the epoch after which a parameter was inf or NaN (0: never): training stopped there
    bool has_digits = false; // some check had an element compared relatively
    double worst_digits = 0; // the fewest digits of any such element over all checks
};

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

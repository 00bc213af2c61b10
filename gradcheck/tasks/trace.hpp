// gradcheck trace: every array of the forward and backward pass, with its
// shape, computed in one precision. The notes quote it for their worked example.
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

} // namespace gradcheck

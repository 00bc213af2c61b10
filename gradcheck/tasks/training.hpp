// gradcheck train: trains the network by gradient descent and re-checks all four
// partials every few epochs, into late training where the sigmoids saturate.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

namespace gradcheck {

struct TrainingSettings {
    std::string learning_rate = "1"; // decimal text, read in each precision
    std::size_t epochs = 20000;
    std::size_t every = 2000; // check every this many epochs (and at the end)
};

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
    bool pass = false;     // every check passed
    bool failed = false;   // some check failed (the rest may only have declined elements)
    bool learned = false;  // every prediction rounds to its label
    std::size_t diverged_at = 0; // the epoch after which a parameter was inf or NaN (0: never): training stopped there
    bool has_digits = false; // some check had an element compared relatively
    double worst_digits = 0; // the fewest digits of any such element over all checks
};

} // namespace gradcheck

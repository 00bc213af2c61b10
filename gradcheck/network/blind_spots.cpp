#include "gradcheck/network/blind_spots.hpp"

#include <cstdlib>

#include "matrix.hpp"

namespace gradcheck {

std::vector<BlindSpot> blind_spots(const Problem& problem)
{
    const auto all_binary = [](const TextMatrix& M) {
        for (std::size_t k = 0; k < M.size(); ++k) {
            const double v = std::strtod(M.flat(k).c_str(), nullptr);
            if (v != 0.0 && v != 1.0) return false;
        }
        return true;
    };
    const std::size_t H = problem.width(), m = problem.examples();
    std::vector<BlindSpot> spots;
    if (all_binary(problem.data.X))
        spots.push_back({"every input is 0 or 1, so x² = x", "X ⊙ X in place of X, or any f(X) with f(0) = 0 and f(1) = 1",
                         {"x-squared"}});
    if (all_binary(problem.data.Y))
        spots.push_back({"every label is 0 or 1, so Y ⊙ Y = Y and Y ⊙ (1 - Y) = 0",
                         "a label term squared, or one in Y ⊙ (1 - Y) added or dropped", {}});
    if (m == 1)
        spots.push_back({"one example (m = 1), so 1/m = 1 and a sum over the examples has one term",
                         "the 1/m of the mean dropped, the biases' sum taken from one example or averaged",
                         {"seed", "first-example-bias", "bias-mean"}});
    // X one example per row (m×N), its entries read as N×m: X itself when N = 1 or m = 1,
    // or when a square X is symmetric.
    const TextMatrix rows = xornet::transpose(problem.data.X);
    bool reshape_is_x = true;
    for (std::size_t k = 0; k < rows.size(); ++k)
        reshape_is_x = reshape_is_x && std::strtod(rows.flat(k).c_str(), nullptr) == std::strtod(problem.data.X.flat(k).c_str(), nullptr);
    if (reshape_is_x)
        spots.push_back({"X one example per row, its entries read in order as N×m, is X itself", "X reshaped instead of transposed",
                         {"x-layout"}});
    if (H == 1)
        spots.push_back({"one hidden unit (H = 1), so W2 is its own transpose", "a forgotten transpose of W2", {"no-transpose"}});
    return spots;
}

ProblemInfo problem_info(const Problem& problem)
{
    return {problem.name,   problem.why,     problem.data_source, problem.weights_source, problem.inputs(),
            problem.width(), problem.examples(), blind_spots(problem)};
}

} // namespace gradcheck

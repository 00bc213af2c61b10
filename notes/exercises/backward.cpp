// The exercise: write the backward pass of the XOR network (README.md next to
// this file). Replace each todo() with the step it names, one block at a time,
// and after each one run
//
//     meson compile -C build exercise && build/notes/exercises/exercise
//
// The verdict checks every step you have written against the exact values, on
// XOR and on a generic problem, and says which mistake a wrong step most likely
// is. Keep the "// ----" lines: the tests use them to find the blocks.
#include "exercise.hpp"

namespace exercise {

Backward backward([[maybe_unused]] const Network& P, [[maybe_unused]] const Matrix& X, [[maybe_unused]] const Matrix& Y,
                  [[maybe_unused]] const Forward& f)
{
    [[maybe_unused]] const double m = static_cast<double>(Y.cols()); // the number of examples
    Backward b;

    // ---- dZ2: dL/dZ2, 1×m, from L = -(1/m) Σ [Y log A2 + (1 - Y) log(1 - A2)] and A2 = sigmoid(Z2) ----
    b.dZ2 = todo();
    // ---- end ----

    // ---- dW2: dL/dW2, 1×H, from Z2 = W2·A1 + B2 ----
    b.dW2 = todo();
    // ---- end ----

    // ---- dB2: dL/dB2, 1×1, from Z2 = W2·A1 + B2 (B2 is added to every example) ----
    b.dB2 = todo();
    // ---- end ----

    // ---- dA1: dL/dA1, H×m, from Z2 = W2·A1 + B2 ----
    b.dA1 = todo();
    // ---- end ----

    // ---- dZ1: dL/dZ1, H×m, from A1 = sigmoid(Z1) ----
    b.dZ1 = todo();
    // ---- end ----

    // ---- dW1: dL/dW1, H×N, from Z1 = W1·X + B1 ----
    b.dW1 = todo();
    // ---- end ----

    // ---- dB1: dL/dB1, H×1, from Z1 = W1·X + B1 (B1 is added to every example) ----
    b.dB1 = todo();
    // ---- end ----

    return b;
}

} // namespace exercise

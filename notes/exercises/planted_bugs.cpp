// Find the two planted bugs. This backward pass of the XOR network looks
// complete, and it compiles, but two of its lines are wrong. Run
//
//     meson compile -C build planted-bugs && build/notes/exercises/planted-bugs
//
// read the verdict, find the two lines, fix them, and run it again until it
// passes. (The answer is in solutions/README.md; try without it first.)
#include "exercise.hpp"

namespace exercise {

Backward backward([[maybe_unused]] const Network& P, [[maybe_unused]] const Matrix& X, [[maybe_unused]] const Matrix& Y,
                  [[maybe_unused]] const Forward& f)
{
    [[maybe_unused]] const double m = static_cast<double>(Y.cols()); // the number of examples
    Backward b;

    // ---- dZ2: dL/dZ2, 1×m, from L = -(1/m) Σ [Y log A2 + (1 - Y) log(1 - A2)] and A2 = sigmoid(Z2) ----
    b.dZ2 = (1.0 / m) * (f.A2 - Y);
    // ---- end ----

    // ---- dW2: dL/dW2, 1×H, from Z2 = W2·A1 + B2 ----
    b.dW2 = matmul(b.dZ2, transpose(f.A1));
    // ---- end ----

    // ---- dB2: dL/dB2, 1×1, from Z2 = W2·A1 + B2 (B2 is added to every example) ----
    b.dB2 = (1.0 / m) * sum_over_columns(b.dZ2);
    // ---- end ----

    // ---- dA1: dL/dA1, H×m, from Z2 = W2·A1 + B2 ----
    b.dA1 = matmul(transpose(P.W2), b.dZ2);
    // ---- end ----

    // ---- dZ1: dL/dZ1, H×m, from A1 = sigmoid(Z1) ----
    b.dZ1 = hadamard(b.dA1, hadamard(f.A1, 1.0 - f.A1));
    // ---- end ----

    // ---- dW1: dL/dW1, H×N, from Z1 = W1·X + B1 ----
    b.dW1 = matmul(b.dZ1, transpose(f.A1));
    // ---- end ----

    // ---- dB1: dL/dB1, H×1, from Z1 = W1·X + B1 (B1 is added to every example) ----
    b.dB1 = sum_over_columns(b.dZ1);
    // ---- end ----

    return b;
}

} // namespace exercise

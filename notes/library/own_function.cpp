// The README's example as a program: the gradient of f(x) = sin(x0)·e^(x1) + x0·x1²
// at (0.3, -1.2), right and with a planted mistake, checked with <gradcheck/gradcheck.hpp>.
// notes/10-library.md quotes what it prints (the notes suite reruns it).
//
//   build/notes/library/own-function            right g, in double and at 50 digits
//   build/notes/library/own-function wrong      g with 2·x0·x1 written as x0·x1
//   build/notes/library/own-function black-box  a double-only f: its rounding estimated
#include <cstring>
#include <iostream>
#include <vector>

#include <gradcheck/gradcheck.hpp>

int main(int argc, char** argv)
{
    const auto f = [](const auto& x) {
        using std::exp;
        using std::sin;
        return sin(x[0]) * exp(x[1]) + x[0] * x[1] * x[1];
    };
    const auto g = [](const auto& x) {
        using std::cos;
        using std::exp;
        using std::sin;
        using V = std::decay_t<decltype(x)>;
        return V{cos(x[0]) * exp(x[1]) + x[1] * x[1], sin(x[0]) * exp(x[1]) + 2 * x[0] * x[1]};
    };
    const auto g_wrong = [](const auto& x) {
        using std::cos;
        using std::exp;
        using std::sin;
        using V = std::decay_t<decltype(x)>;
        return V{cos(x[0]) * exp(x[1]) + x[1] * x[1], sin(x[0]) * exp(x[1]) + x[0] * x[1]}; // should be 2 * x[0] * x[1]
    };
    const std::vector<double> theta{0.3, -1.2};
    const char* which = argc > 1 ? argv[1] : "right";
    if (std::strcmp(which, "right") == 0) {
        const auto r = gradcheck::check_gradient(f, g, theta);
        const auto r50 = gradcheck::check_gradient<boost::multiprecision::cpp_bin_float_50>(f, g, theta);
        std::cout << r << "\n" << r50;
        return r.pass && r50.pass ? 0 : 1;
    }
    if (std::strcmp(which, "wrong") == 0) {
        const auto r = gradcheck::check_gradient(f, g_wrong, theta);
        std::cout << r;
        return r.pass ? 0 : 1;
    }
    if (std::strcmp(which, "black-box") == 0) {
        const auto f_double = [](const std::vector<double>& x) { return std::sin(x[0]) * std::exp(x[1]) + x[0] * x[1] * x[1]; };
        const auto r = gradcheck::check_gradient(f_double, g, theta);
        std::cout << r;
        return r.pass ? 0 : 1;
    }
    std::cerr << "own-function: unknown case " << which << " (right, wrong or black-box)\n";
    return 2;
}

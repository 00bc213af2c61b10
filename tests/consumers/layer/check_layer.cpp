// The user's checks of their layer, as an ordinary program: each check prints its
// per-element table; the exit status is 0 when every check passes, 1 otherwise.
// Built from the same source with LAYER_PLANTED_BUG, it must fail (layer.hpp).
#include <cstdlib>
#include <iostream>
#include <string>
#include <vector>

#include <boost/multiprecision/cpp_bin_float.hpp>
#include <gradcheck/gradcheck.hpp>

#include "example.hpp"

namespace {

bool all_pass = true;

// A check's table, and the first element that fails, from the result's numbers.
template <class T>
void report(const std::string& what, const gradcheck::result<T>& r)
{
    std::cout << "=== " << what << ": " << (r.pass ? "pass" : "FAIL") << "\n" << r << "\n";
    for (const auto& e : r.elements)
        if (!e.pass && !e.declined) {
            std::cout << "first wrong element: " << e.name << " of " << what << ": yours " << e.analytic << ", numeric "
                      << e.numeric << "\n\n";
            break;
        }
    all_pass = all_pass && r.pass;
}

} // namespace

int main()
{
    using boost::multiprecision::cpp_bin_float_50;
    // The layer's backward pass dL/dx = Wᵀ((1 − y²) ⊙ u), for a few random upstream u.
    report("vector-Jacobian product of the layer",
           gradcheck::check_vjp(example::LayerOfInput{}, example::LayerBackward{}, example::x));
    // The loss alone: dL/dz = p − onehot, with generic lambdas.
    const auto loss = [](const auto& z) { return layer::cross_entropy(z, example::label); };
    const auto loss_gradient = [](const auto& z) { return layer::cross_entropy_gradient(z, example::label); };
    report("gradient of the cross-entropy", gradcheck::check_gradient(loss, loss_gradient, example::z));
    // The loss of the layer's output in its parameters W and b, in double and at 50 digits.
    const std::vector<double> theta = example::parameters();
    report("gradient in W and b, double",
           gradcheck::check_gradient(example::LossOfParameters{}, example::LossOfParametersGradient{}, theta));
    report("gradient in W and b, cpp_bin_float_50",
           gradcheck::check_gradient<cpp_bin_float_50>(example::LossOfParameters{}, example::LossOfParametersGradient{}, theta));
    std::cout << (all_pass ? "PASS" : "FAIL") << ": the layer's gradients\n";
    return all_pass ? EXIT_SUCCESS : EXIT_FAILURE;
}

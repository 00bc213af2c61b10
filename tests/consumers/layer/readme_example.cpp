#include <gradcheck/gradcheck.hpp>
#include <iostream>

int main()
{
    auto f = [](const auto& x) { using std::sin; using std::exp; return sin(x[0]) * exp(x[1]) + x[0] * x[1] * x[1]; };
    auto g = [](const auto& x) { using std::sin; using std::cos; using std::exp;
        using V = std::decay_t<decltype(x)>; return V{cos(x[0]) * exp(x[1]) + x[1] * x[1], sin(x[0]) * exp(x[1]) + 2 * x[0] * x[1]}; };
    auto r = gradcheck::check_gradient(f, g, std::vector<double>{0.3, -1.2});                                    // double
    auto r50 = gradcheck::check_gradient<boost::multiprecision::cpp_bin_float_50>(f, g, std::vector<double>{0.3, -1.2});
    std::cout << r << r50;          // the per-element tables
    return r.pass && r50.pass ? 0 : 1;
}

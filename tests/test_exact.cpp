// The 50-digit analytic gradient, as the JSON report prints it, against an
// independent computation: forward-mode automatic differentiation (Boost.Math
// autodiff) through the forward pass and the seed's form of the loss, at 100
// digits. No line of the backward pass is involved in the reference.
#include <boost/test/unit_test.hpp>

// Boost 1.74: autodiff.hpp must come before anything that includes finite_difference.hpp.
#include <boost/math/differentiation/autodiff.hpp>
#include <boost/multiprecision/cpp_bin_float.hpp>

#include <cmath>

#include "gradcheck/scalar/precision.hpp"
#include "xornet.hpp"

using namespace gradcheck;
using boost::multiprecision::cpp_bin_float_100;
namespace ad = boost::math::differentiation;

namespace {

using Dual = ad::autodiff_fvar<cpp_bin_float_100, 1>;

// dL/dθ for every element of every parameter: one forward-mode pass per element,
// with that element seeded as the variable.
xornet::Matrix<cpp_bin_float_100> autodiff_gradient(xornet::Param p, std::uint64_t seed, std::size_t H)
{
    const auto data = xornet::xor_dataset<Dual>();
    const auto base = xornet::init_parameters<cpp_bin_float_100>(2, H, seed);
    const auto& theta = xornet::param(base, p);
    xornet::Matrix<cpp_bin_float_100> grad(theta.rows(), theta.cols());
    for (std::size_t k = 0; k < theta.size(); ++k) {
        xornet::Parameters<Dual> P{xornet::convert<Dual>(base.W1), xornet::convert<Dual>(base.B1),
                                   xornet::convert<Dual>(base.W2), xornet::convert<Dual>(base.B2)};
        xornet::param(P, p).flat(k) = ad::make_fvar<cpp_bin_float_100, 1>(theta.flat(k));
        const Dual L = xornet::loss_seed_form(xornet::forward(P, data.X).A2, data.Y);
        grad.flat(k) = L.derivative(1);
    }
    return grad;
}

// −log10 of the relative difference.
double digits_of_agreement(const cpp_bin_float_100& x, const cpp_bin_float_100& reference)
{
    using std::abs;
    using std::log10;
    const cpp_bin_float_100 rel = abs(cpp_bin_float_100(x - reference)) / abs(reference);
    return rel == 0 ? 100.0 : static_cast<double>(cpp_bin_float_100(-log10(rel)));
}

} // namespace

// The analytic value carries only the rounding of ~30 operations at u ≈ 5e-51,
// so it should agree to about 48 digits; ≥ 45 is required everywhere.
// The numeric value carries the central-difference error, which its own error
// bound (the report's tolerance) must cover: that is required everywhere. Its size
// is ~u·L/h ≈ 2.5e-34 absolute, so small gradients (~2e-4) get ~30 digits; on the
// default check (seed 1, H = 2) at least 30 digits are required.
BOOST_AUTO_TEST_CASE(fifty_digit_report_against_100_digit_autodiff)
{
    for (std::uint64_t seed : {1u, 2u, 9u})
        for (std::size_t H : {2u, 3u}) {
            Problem problem;
            problem.seed = seed;
            problem.hidden = H;
            const bool is_default = seed == default_seed && H == default_hidden;
            const CheckReport r = run_check(parse_precision("50"), problem, {});
            BOOST_TEST_REQUIRE(r.partials.size() == 4u);
            double worst_analytic = 100, worst_numeric = 100;
            for (std::size_t i = 0; i < 4; ++i) {
                const auto exact = autodiff_gradient(xornet::all_params[i], seed, H);
                const PartialCheck& partial = r.partials[i];
                BOOST_TEST_REQUIRE(partial.elements.size() == exact.size());
                for (std::size_t k = 0; k < exact.size(); ++k) {
                    BOOST_TEST_CONTEXT("seed " << seed << ", H = " << H << ", " << partial.name << " element " << k)
                    {
                        const ElementCheck& e = partial.elements[k];
                        const cpp_bin_float_100 numeric(e.numeric);
                        const double a = digits_of_agreement(cpp_bin_float_100(e.analytic), exact.flat(k));
                        const double n = digits_of_agreement(numeric, exact.flat(k));
                        BOOST_TEST(a >= 45.0, "analytic agrees to " << a << " digits");
                        using std::abs;
                        BOOST_TEST(abs(cpp_bin_float_100(numeric - exact.flat(k))) <= cpp_bin_float_100(e.tolerance),
                                   "numeric error exceeds its bound " << e.tolerance);
                        if (is_default) BOOST_TEST(n >= 30.0, "numeric agrees to " << n << " digits");
                        worst_analytic = std::min(worst_analytic, a);
                        worst_numeric = std::min(worst_numeric, n);
                    }
                }
            }
            BOOST_TEST_MESSAGE("seed " << seed << ", H = " << H << ": analytic agrees to >= " << worst_analytic
                                       << " digits, numeric to >= " << worst_numeric << " digits with 100-digit autodiff");
        }
}

// Two independent references for the checker's forward mode and its report.
//
//   1. Our dual numbers (gradcheck/methods/dual.hpp), which the method `autodiff`
//      runs on, against Boost.Math's autodiff and against closed-form derivatives:
//      one function through every operation, then the network's gradient at 100
//      digits, Boost's forward mode against ours.
//   2. The 50-digit report (MPFR), its analytic gradient as the JSON report prints
//      it and its numeric one by central differences and by autodiff, against Boost's
//      autodiff through the forward pass and the seed's form of the loss, at 100
//      digits in cpp_bin_float_100. No line of the backward pass, and none of
//      our dual numbers, is involved in that reference.
#include <boost/test/unit_test.hpp>

// Boost 1.74: autodiff.hpp must come before anything that includes finite_difference.hpp.
#include <boost/math/differentiation/autodiff.hpp>
#include <boost/multiprecision/cpp_bin_float.hpp>

#include <cmath>

#include "gradcheck/scalar/bin_float.hpp" // the traits of cpp_bin_float, before the methods use them
#include "gradcheck/input/instance.hpp"
#include "gradcheck/methods/dual.hpp"
#include "gradcheck/network/forward_mode.hpp"
#include "gradcheck/run/run.hpp"
#include "xornet.hpp"

using namespace gradcheck;
using boost::multiprecision::cpp_bin_float_100;
namespace ad = boost::math::differentiation;

namespace {

using BoostDual = ad::autodiff_fvar<cpp_bin_float_100, 1>;
using OurDual = gradcheck::Dual<cpp_bin_float_100>;

// The seed (variable) θ + 1·ε in each kind of dual number, and its derivative part.
BoostDual variable(const cpp_bin_float_100& theta, BoostDual*) { return ad::make_fvar<cpp_bin_float_100, 1>(theta); }
OurDual variable(const cpp_bin_float_100& theta, OurDual*) { return OurDual(theta, cpp_bin_float_100(1)); }
cpp_bin_float_100 derivative_part(const BoostDual& x) { return x.derivative(1); }
cpp_bin_float_100 derivative_part(const OurDual& x) { return x.derivative; }

// dL/dθ for every element of every parameter: one forward-mode pass per element,
// with that element seeded as the variable, through the seed's sigmoid and loss.
template <class D>
xornet::Matrix<cpp_bin_float_100> forward_mode_gradient(xornet::Param p, std::uint64_t seed, std::size_t H)
{
    const auto data = xornet::xor_dataset<D>();
    const auto base = xornet::init_parameters<cpp_bin_float_100>(2, H, seed);
    const auto& theta = xornet::param(base, p);
    xornet::Matrix<cpp_bin_float_100> grad(theta.rows(), theta.cols());
    for (std::size_t k = 0; k < theta.size(); ++k) {
        xornet::Parameters<D> P{xornet::convert<D>(base.W1), xornet::convert<D>(base.B1), xornet::convert<D>(base.W2),
                                xornet::convert<D>(base.B2)};
        xornet::param(P, p).flat(k) = variable(theta.flat(k), static_cast<D*>(nullptr));
        const D L = xornet::loss_seed_form(xornet::forward(P, data.X).A2, data.Y);
        grad.flat(k) = derivative_part(L);
    }
    return grad;
}

xornet::Matrix<cpp_bin_float_100> autodiff_gradient(xornet::Param p, std::uint64_t seed, std::size_t H)
{
    return forward_mode_gradient<BoostDual>(p, seed, H);
}

// −log10 of the relative difference.
double digits_of_agreement(const cpp_bin_float_100& x, const cpp_bin_float_100& reference)
{
    using std::abs;
    using std::log10;
    const cpp_bin_float_100 rel = abs(cpp_bin_float_100(x - reference)) / abs(reference);
    return rel == 0 ? 100.0 : static_cast<double>(cpp_bin_float_100(-log10(rel)));
}

// f(x) = log(x·e^x − 1/x) / (x + 3): every operation of our dual numbers (+, −, ×,
// ÷, exp, log, unary −), with the derivative written out by hand:
//   g = x·e^x − 1/x,  g′ = (1 + x)·e^x + 1/x²,  f′ = (g′/g)/(x + 3) − log(g)/(x + 3)².
template <class D>
D f_through_every_operation(const D& x)
{
    using std::exp;
    using std::log;
    const D one(cpp_bin_float_100(1)), three(cpp_bin_float_100(3));
    return log(D(x * exp(x) - one / x)) / D(x + three) + -D(x - x);
}

cpp_bin_float_100 f_prime_by_hand(const cpp_bin_float_100& x)
{
    using std::exp;
    using std::log;
    const cpp_bin_float_100 g = x * exp(x) - 1 / x, dg = (1 + x) * exp(x) + 1 / (x * x);
    return cpp_bin_float_100(dg / g / (x + 3) - log(g) / ((x + 3) * (x + 3)));
}

} // namespace

// Each operation's rule (methods/dual.hpp) against the closed form and against
// Boost's autodiff, at 100 digits: all three agree to within a few roundings.
BOOST_AUTO_TEST_CASE(dual_numbers_against_closed_form_and_boost_autodiff)
{
    for (const char* text : {"1", "1.5", "2.25", "4"}) {
        const cpp_bin_float_100 x(text);
        const cpp_bin_float_100 ours = derivative_part(f_through_every_operation(variable(x, static_cast<OurDual*>(nullptr))));
        const cpp_bin_float_100 boost = derivative_part(f_through_every_operation(variable(x, static_cast<BoostDual*>(nullptr))));
        const cpp_bin_float_100 exact = f_prime_by_hand(x);
        BOOST_TEST_CONTEXT("x = " << text)
        {
            BOOST_TEST(digits_of_agreement(ours, exact) >= 97.0);
            BOOST_TEST(digits_of_agreement(ours, boost) >= 97.0);
            BOOST_TEST(digits_of_agreement(boost, exact) >= 97.0);
        }
    }
}

// The network's gradient, our dual numbers against Boost's, through the same forward
// pass and loss at 100 digits: the same chain rule in two implementations.
BOOST_AUTO_TEST_CASE(network_gradient_our_dual_numbers_against_boost_autodiff)
{
    for (std::uint64_t seed : {1u, 2u, 9u})
        for (std::size_t H : {2u, 3u})
            for (xornet::Param p : xornet::all_params) {
                const auto ours = forward_mode_gradient<OurDual>(p, seed, H);
                const auto boost = autodiff_gradient(p, seed, H);
                for (std::size_t k = 0; k < ours.size(); ++k)
                    BOOST_TEST_CONTEXT("seed " << seed << ", H = " << H << ", d" << xornet::param_name(p) << " element " << k)
                    {
                        BOOST_TEST(digits_of_agreement(ours.flat(k), boost.flat(k)) >= 95.0);
                    }
            }
}

// The check's autodiff takes every partial from one pass on tangents
// (gradcheck::forward_mode_gradient); each component must be, to the last bit, the
// one-variable pass of gradcheck::autodiff that it replaces.
template <class T>
void one_pass_is_every_single_pass(const gradcheck::Problem& problem)
{
    const Instance<T> net = instance_for<T>(problem);
    for (xornet::Derivation d : {xornet::Derivation::derived, xornet::Derivation::clamped_log}) {
        const std::vector<T> all = gradcheck::forward_mode_gradient(d, net.P, net.X, net.Y);
        std::size_t i = 0;
        for (xornet::Param p : xornet::all_params)
            for (std::size_t k = 0; k < xornet::param(net.P, p).size(); ++k, ++i)
                BOOST_TEST((all.at(i) == gradcheck::autodiff(d, net.P, net.X, net.Y, p, k, T(1), T(0), T(0)).value),
                           "d" << xornet::param_name(p) << " element " << k);
        BOOST_TEST(i == all.size());
    }
}

BOOST_AUTO_TEST_CASE(one_forward_pass_on_tangents_equals_one_pass_per_parameter)
{
    gradcheck::Problem xor_problem;
    xor_problem.hidden = 3;
    one_pass_is_every_single_pass<double>(xor_problem);
    one_pass_is_every_single_pass<cpp_bin_float_100>(xor_problem);
    one_pass_is_every_single_pass<double>(gradcheck::generic_problem(2, 7, xor_problem));
}

// Random weights from this seed, H hidden units, XOR.
Problem seeded(std::uint64_t seed, std::size_t H)
{
    Problem problem;
    problem.seed = seed;
    problem.hidden = H;
    return problem;
}

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
            const Problem problem = seeded(seed, H);
            const bool is_default = seed == default_seed && H == default_hidden;
            const Report r = run_check(parse_precision("50"), problem, {});
            BOOST_TEST_REQUIRE(r.tables.size() == 4u);
            double worst_analytic = 100, worst_numeric = 100;
            for (std::size_t i = 0; i < 4; ++i) {
                const auto exact = autodiff_gradient(xornet::all_params[i], seed, H);
                const Table& partial = r.tables[i];
                BOOST_TEST_REQUIRE(partial.elements.size() == exact.size());
                for (std::size_t k = 0; k < exact.size(); ++k) {
                    BOOST_TEST_CONTEXT("seed " << seed << ", H = " << H << ", " << partial.name << " element " << k)
                    {
                        const Entry& e = partial.elements[k];
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

// The method `autodiff` at 50 digits (our dual numbers in MPFR) against Boost's
// autodiff at 100: exact but for rounding, like the analytic value, so ≥ 45 digits
// everywhere, and within the report's tolerance.
BOOST_AUTO_TEST_CASE(fifty_digit_autodiff_method_against_100_digit_boost_autodiff)
{
    for (std::uint64_t seed : {1u, 2u, 9u})
        for (std::size_t H : {2u, 3u}) {
            const Problem problem = seeded(seed, H);
            CheckSettings settings;
            settings.method = Method::autodiff;
            const Report r = run_check(parse_precision("50"), problem, settings);
            BOOST_TEST(r.pass);
            BOOST_TEST_REQUIRE(r.tables.size() == 4u);
            for (std::size_t i = 0; i < 4; ++i) {
                const auto exact = autodiff_gradient(xornet::all_params[i], seed, H);
                const Table& partial = r.tables[i];
                BOOST_TEST_REQUIRE(partial.elements.size() == exact.size());
                for (std::size_t k = 0; k < exact.size(); ++k)
                    BOOST_TEST_CONTEXT("seed " << seed << ", H = " << H << ", " << partial.name << " element " << k)
                    {
                        const Entry& e = partial.elements[k];
                        const cpp_bin_float_100 numeric(e.numeric);
                        BOOST_TEST(digits_of_agreement(numeric, exact.flat(k)) >= 45.0);
                        using std::abs;
                        BOOST_TEST(abs(cpp_bin_float_100(numeric - exact.flat(k))) <= cpp_bin_float_100(e.tolerance));
                    }
            }
        }
}

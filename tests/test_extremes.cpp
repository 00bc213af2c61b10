// Suite `extremes`: weights of ±1e3 and ±1e6, where the sigmoids saturate, and
// parameters whose true gradient is exactly 0. The stable loss stays finite and
// right, the seed's form is reported as not finite, the gradients stay finite, and
// the checker passes correct formulas honestly: by absolute error where relative
// error means nothing, with a smaller step where the step rule's is too large.
#include <boost/test/unit_test.hpp>

#include <cmath>
#include <limits>
#include <string>
#include <vector>

#include <boost/math/special_functions/fpclassify.hpp>
#include <boost/multiprecision/mpfr.hpp>

#include "backward.hpp"
#include "gradcheck/bounds/backward_rounding.hpp"
#include "gradcheck/scalar/decimal.hpp"
#include "init.hpp"
#include "gradcheck/input/instance.hpp"
#include "gradcheck/input/files.hpp"
#include "loss.hpp"
#include "gradcheck/bounds/loss_rounding.hpp"
#include "gradcheck/report/words.hpp"
#include "gradcheck/run/run.hpp"
#include "xor_data.hpp"

using namespace gradcheck;
using Reference = boost::multiprecision::mpfr_float; // at reference_digits
using boost::multiprecision::mpfr_float_50; // 50 digits, its arithmetic compiled in MPFR

namespace {

struct Case {
    const char* name;
    const char* weights; // a weights file's text
};

// All four classify XOR; the first two with a margin of 500 and 5e5 in every
// sigmoid, so the loss is about 1e-218 and 1e-217148 (0 in double). The last two
// are wrong with full confidence (loss ≈ 250 and 2.5e5), and in them Z1 = W1·x
// cancels to 0 for x = (1,1): there L changes over a unit of W1, while the step
// rule, u^(1/3)·|θ|, steps by 6e-3 and 6 in double.
const Case cases[] = {
    {"right, ±1e3", R"({"W1": [[1e3, -1e3], [-1e3, 1e3]], "B1": [-500, -500], "W2": [[1e3, 1e3]], "B2": [-500]})"},
    {"right, ±1e6", R"({"W1": [[1e6, -1e6], [-1e6, 1e6]], "B1": [-5e5, -5e5], "W2": [[1e6, 1e6]], "B2": [-5e5]})"},
    {"wrong, ±1e3", R"({"W1": [[1e3, -1e3], [-1e3, 1e3]], "B1": [0, 0], "W2": [[-1e3, 1e3]], "B2": [0]})"},
    {"wrong, ±1e6", R"({"W1": [[1e6, -1e6], [-1e6, 1e6]], "B1": [0, 0], "W2": [[-1e6, 1e6]], "B2": [0]})"},
};


Problem problem_of(const Case& c)
{
    Problem p;
    p.weights = parse_weights(c.weights, c.name);
    p.weights_source = c.name;
    return p;
}

// 1 − 1e-218 must not round to 1 in the reference, or it would share the very
// rounding it is to judge: 300 digits resolve the ±1e3 cases. (At ±1e6 it would
// take 217000 digits; there the reference shares the 50-digit absorption, and only
// what double loses to underflow is judged.)
constexpr unsigned reference_digits = 300;

// In T: the stable loss is finite and within its rounding bound of the reference
// value; the gradients are finite and each within its rounding bound
// (bounds/backward_rounding.hpp) of the reference gradient.
template <class T>
void loss_and_gradients_within_their_bounds(const Case& c)
{
    using std::abs;
    Reference::default_precision(reference_digits);
    const Instance<T> d = instance_for<T>(problem_of(c));
    const auto& P = d.P;
    const auto cache = xornet::forward(P, d.X);
    const Instance<Reference> ref_d = instance_for<Reference>(problem_of(c));
    const auto& ref_P = ref_d.P;
    const auto ref_cache = xornet::forward(ref_P, ref_d.X);

    const T L = xornet::loss_stable(cache.Z2, d.Y);
    BOOST_TEST((boost::math::isfinite)(L));
    const T L_ref = T(xornet::loss_stable(ref_cache.Z2, ref_d.Y));
    BOOST_TEST(T(abs(T(L - L_ref))) <= loss_rounding_bound(P, d.X, d.Y), "L = " << L << ", reference: " << L_ref);

    const auto g = xornet::backward(P, d.X, d.Y, cache);
    const auto g_ref = xornet::backward(ref_P, ref_d.X, ref_d.Y, ref_cache);
    const auto bound = backward_rounding_bound(P, d.X, d.Y);
    for (xornet::Param p : xornet::all_params)
        for (std::size_t k = 0; k < xornet::gradient(g, p).size(); ++k) {
            const T a = xornet::gradient(g, p).flat(k);
            const Reference error = abs(Reference(a) - xornet::gradient(g_ref, p).flat(k));
            BOOST_TEST((boost::math::isfinite)(a));
            BOOST_TEST(error <= Reference(xornet::gradient(bound, p).flat(k)),
                       "d" << xornet::param_name(p) << " element " << k << ": a = " << a << ", error " << error
                           << " > bound " << xornet::gradient(bound, p).flat(k));
        }
}

} // namespace

BOOST_AUTO_TEST_SUITE(saturated_sigmoids)

BOOST_AUTO_TEST_CASE(stable_loss_and_gradients_are_finite_and_within_their_rounding_bounds)
{
    for (const Case& c : cases) {
        BOOST_TEST_CONTEXT(c.name << ", double") { loss_and_gradients_within_their_bounds<double>(c); }
        BOOST_TEST_CONTEXT(c.name << ", 50 digits") { loss_and_gradients_within_their_bounds<mpfr_float_50>(c); }
    }
}

// The same bounds at ordinary weights, where they must be tiny, or they would
// loosen the tolerance of an ordinary check. Every factor there is at most 1 in
// size (|A| ≤ 1, |W| ≤ 1, |A2 − Y|/m ≤ 1/4), so each bound is a count of roundings
// times u: about a dozen along the longest path, times m = 4 for the sums.
BOOST_AUTO_TEST_CASE(rounding_bounds_are_tiny_at_ordinary_weights)
{
    const auto d = xornet::xor_dataset<double>();
    const auto P = xornet::init_parameters<double>(2, 2, 1);
    const auto bound = backward_rounding_bound(P, d.X, d.Y);
    for (xornet::Param p : xornet::all_params)
        for (std::size_t k = 0; k < xornet::gradient(bound, p).size(); ++k)
            BOOST_TEST(xornet::gradient(bound, p).flat(k) < 64 * std::numeric_limits<double>::epsilon());
    const Case ordinary{"ordinary weights", R"({"W1": [[0.5, -0.25], [0.75, 0.125]], "B1": [0, 0], "W2": [[-0.5, 0.375]], "B2": [0]})"};
    loss_and_gradients_within_their_bounds<double>(ordinary);
}

// log(A2) and log(1 − A2) meet a prediction rounded to exactly 1 or 0: the
// report says the seed's form is not finite instead of printing it as a loss.
BOOST_AUTO_TEST_CASE(the_seed_form_is_reported_as_not_finite)
{
    for (const Case& c : cases)
        for (const char* precision : {"double", "50"}) {
            BOOST_TEST_CONTEXT(c.name << ", " << precision)
            {
                const Report r = run_check(parse_precision(precision), problem_of(c), {});
                BOOST_TEST(!r.network.loss_seed_form_finite);
                BOOST_TEST((r.network.loss_seed_form == "nan" || r.network.loss_seed_form == "inf"));
            }
        }
}

// Right with full confidence: the gradient is ≈ 1e-218 (or 0 in double), far
// below the rounding of A2 − Y, which computes 0 for it. Every element is then
// within its tolerance of 0 and is compared absolutely, and says so.
BOOST_AUTO_TEST_CASE(gradients_below_their_rounding_are_compared_absolutely)
{
    for (const Case& c : {cases[0], cases[1]})
        for (const char* precision : {"double", "50", "100"}) {
            BOOST_TEST_CONTEXT(c.name << ", " << precision)
            {
                const Report r = run_check(parse_precision(precision), problem_of(c), {});
                BOOST_TEST(r.pass);
                for (const auto& p : r.tables)
                    for (const auto& e : p.elements) BOOST_TEST(e.near_zero, p.name << "[" << e.row << "," << e.col << "]");
            }
        }
}

// Wrong with full confidence, and Z1 cancels for x = (1,1): the step rule's h is
// too large for W1, the differences at h, 2h, 4h show it, and the checker steps
// down until they behave. Correct formulas pass, with real digits.
BOOST_AUTO_TEST_CASE(a_step_too_large_for_the_loss_is_reduced)
{
    for (const Case& c : {cases[2], cases[3]})
        for (const char* precision : {"double", "50"}) {
            BOOST_TEST_CONTEXT(c.name << ", " << precision)
            {
                const Report r = run_check(parse_precision(precision), problem_of(c), {});
                BOOST_TEST(r.pass);
                double worst = 1e9;
                for (const auto& p : r.tables)
                    for (const auto& e : p.elements) {
                        BOOST_TEST(!e.declined);
                        if (!e.near_zero) worst = std::min(worst, e.digits);
                    }
                // Measured: 5.3 and 6.5 digits in double, 28.8 and 22.8 at 50; a step left too
                // large (0.5 instead of 2e-3 at ±1e6 in double gave 1.7) falls below these floors.
                BOOST_TEST(worst >= (std::string(precision) == "double" ? 5.0 : 20.0));
            }
        }
    // In double at ±1e6 the rule's h = 8 is far too large for every element of W1.
    const Report r = run_check(parse_precision("double"), problem_of(cases[3]), {});
    for (const auto& e : r.tables[0].elements) {
        BOOST_TEST(e.step_from == "8.00e+00");
        BOOST_TEST(e.step != e.step_from);
    }
}

// A step the user gives is not changed: where the differences at it do not
// behave, the element is declined (not checked, and so not a pass), never failed.
BOOST_AUTO_TEST_CASE(a_given_step_too_large_is_declined_not_failed)
{
    CheckSettings s;
    s.step = "8";
    const Report r = run_check(parse_precision("double"), problem_of(cases[3]), s);
    BOOST_TEST(!r.pass);
    std::size_t declined = 0;
    for (const auto& p : r.tables)
        for (const auto& e : p.elements) {
            BOOST_TEST((e.pass || e.declined), p.name << "[" << e.row << "," << e.col << "] failed");
            BOOST_TEST(e.step == "8.00e+00");
            declined += e.declined;
        }
    BOOST_TEST(declined >= 4u); // every element of W1
}

// The mistakes of the gallery still fail among saturated sigmoids.
BOOST_AUTO_TEST_CASE(mistakes_still_fail)
{
    for (const Case& c : {cases[2], cases[3]})
        for (auto mistake : {xornet::Derivation::seed, xornet::Derivation::flipped_sign, xornet::Derivation::no_sigmoid_derivative}) {
            CheckSettings s;
            s.formulas = mistake;
            BOOST_TEST(!run_check(parse_precision("50"), problem_of(c), s).pass, c.name << ", " << xornet::gallery_entry(mistake).name);
        }
}

// Every method, not only central differences: on weights that saturate a sigmoid
// (W2 = 40, and the four cases above), correct formulas pass or are declined with a
// reason, never fail. The complex step and autodiff once differentiated the seed's
// form log(A2), which lost every digit at W2 = 40 (0.0 digits in double, a false
// FAIL) and was NaN at ±1e3; now they differentiate the stable form as central does.
BOOST_AUTO_TEST_CASE(every_method_passes_or_declines_with_a_reason)
{
    const Case moderate{"W2 = 40", R"({"W1": [[-1, -0.5], [0.5, -1]], "B1": [0, 0], "W2": [[40, 40]], "B2": [0]})"};
    std::vector<Case> all(std::begin(cases), std::end(cases));
    all.push_back(moderate);
    for (const Case& c : all)
        for (Method m : all_methods)
            for (const char* precision : {"double", "50"}) {
                BOOST_TEST_CONTEXT(c.name << ", " << method_name(m) << ", " << precision)
                {
                    CheckSettings s;
                    s.method = m;
                    const Report r = run_check(parse_precision(precision), problem_of(c), s);
                    for (const auto& p : r.tables)
                        for (const auto& e : p.elements) {
                            BOOST_TEST((e.pass || e.declined), p.name << "[" << e.row << "," << e.col << "] failed");
                            BOOST_TEST(e.declined == !declined_because(e, r, "").empty());
                            if (!e.numeric_finite) BOOST_TEST(e.declined);
                        }
                }
            }
    // At W2 = 40 nothing saturates far enough to decline: the exact methods agree to
    // nearly every digit (measured 15.0 in double, 50.0 at 50 digits, needed 12.4 and 47.0).
    for (Method m : {Method::complex_step, Method::autodiff}) {
        CheckSettings s;
        s.method = m;
        const Report r = run_check(parse_precision("50"), problem_of(moderate), s);
        BOOST_TEST(r.pass, method_name(m));
        for (const auto& p : r.tables) BOOST_TEST(p.worst_digits >= 45.0, method_name(m) << " " << p.name);
    }
}

// The exact methods check every element at ±1e3 and ±1e6 too, in double as well:
// their sigmoid falls back to e^z/(1 + e^z) where e^(−z) overflows. With the seed's
// 1/(1 + e^(−z)) alone, autodiff's dual e^(−z) = inf made the derivative part
// inf/inf² = NaN, and every element was declined in double.
BOOST_AUTO_TEST_CASE(exact_methods_check_every_element_at_the_extremes)
{
    for (const Case& c : cases)
        for (Method m : {Method::complex_step, Method::autodiff})
            for (const char* precision : {"double", "50"}) {
                BOOST_TEST_CONTEXT(c.name << ", " << method_name(m) << ", " << precision)
                {
                    CheckSettings s;
                    s.method = m;
                    const Report r = run_check(parse_precision(precision), problem_of(c), s);
                    BOOST_TEST(r.pass);
                    for (const auto& p : r.tables)
                        for (const auto& e : p.elements) BOOST_TEST(!e.declined, p.name << "[" << e.row << "," << e.col << "]");
                }
            }
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(zero_gradients)

// W2[0] = 0 cuts hidden unit 0 off the output: the loss does not depend on row 0
// of W1 or on B1[0] at all, so their true gradients are exactly 0. The backward
// pass gives exactly 0 (dA1 = W2ᵀ·dZ2 has a 0 row), the numeric difference is
// exactly 0 (L(θ + h) = L(θ − h) bit for bit), and the check passes them absolutely.
BOOST_AUTO_TEST_CASE(a_dead_hidden_unit_has_exactly_zero_gradients_and_passes)
{
    const Case dead{"dead unit", R"({"W1": [[0.5, -0.25], [0.75, 0.125]], "B1": [0.5, 0], "W2": [[0, 0.375]], "B2": [0]})"};
    for (const char* precision : {"double", "50", "100"}) {
        BOOST_TEST_CONTEXT(precision)
        {
            const Report r = run_check(parse_precision(precision), problem_of(dead), {});
            BOOST_TEST(r.pass);
            for (const Entry* e : {&r.tables[0].elements[0], &r.tables[0].elements[1], &r.tables[1].elements[0]}) {
                BOOST_TEST(std::stod(e->analytic) == 0.0);
                BOOST_TEST(std::stod(e->numeric) == 0.0);
                BOOST_TEST(e->near_zero);
                BOOST_TEST(e->pass);
            }
            // Hidden unit 1 is alive: its row is checked by relative error as usual.
            BOOST_TEST(!r.tables[0].elements[2].near_zero);
        }
    }
}

BOOST_AUTO_TEST_SUITE_END()

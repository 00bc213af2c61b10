// Every analytic partial against its numeric gradient, in double, long double,
// 50 and 100 digits and MPFR; the checker must pass correct formulas and catch wrong ones.
#include <boost/test/unit_test.hpp>

#include <cmath>
#include <limits>
#include <string>

#include <boost/multiprecision/mpfr.hpp>

#include "gradcheck/bounds/backward_rounding.hpp"
#include "gradcheck/bounds/loss_rounding.hpp"
#include "gradcheck/core/compare.hpp"
#include "gradcheck/core/steps.hpp"
#include "gradcheck/util/error.hpp"
#include "gradcheck/network/blind_spots.hpp"
#include "gradcheck/methods/differences.hpp"
#include "gradcheck/run/run.hpp"
#include "init.hpp"
#include "mistakes.hpp"
#include "xor_data.hpp"

namespace tt = boost::test_tools;
using namespace gradcheck;
using boost::multiprecision::mpfr_float_50; // 50 digits, its arithmetic compiled in MPFR

namespace {

Problem random_problem(std::uint64_t seed, std::size_t H)
{
    Problem p;
    p.seed = seed;
    p.hidden = H;
    return p;
}

// N = 3 inputs, m = 5 examples, soft labels: not XOR, not square, not symmetric.
Problem other_data_problem(std::uint64_t seed)
{
    Problem p;
    p.seed = seed;
    p.hidden = 4;
    const char* X[3][5] = {{"0.5", "-1", "2", "0.25", "-0.75"}, {"1", "0.1", "-0.3", "0", "1.5"}, {"-2", "0.6", "0.7", "1", "0.05"}};
    const char* Y[5] = {"1", "0", "0.3", "0.9", "0.5"};
    p.data = {TextMatrix(3, 5), TextMatrix(1, 5)};
    for (int k = 0; k < 3; ++k)
        for (int i = 0; i < 5; ++i) p.data.X(k, i) = X[k][i];
    for (int i = 0; i < 5; ++i) p.data.Y(0, i) = Y[i];
    p.data_source = "test data";
    return p;
}

void require_complete_and_passing(const Report& r, std::size_t H, std::size_t N)
{
    BOOST_TEST(r.pass);
    BOOST_TEST_REQUIRE(r.tables.size() == 4u);
    const std::string names[4] = {"dL/dW1", "dL/dB1", "dL/dW2", "dL/dB2"};
    const std::size_t rows[4] = {H, H, 1, 1}, cols[4] = {N, 1, H, 1};
    for (int i = 0; i < 4; ++i) {
        const Table& p = r.tables[i];
        BOOST_TEST(p.name == names[i]);
        BOOST_TEST(p.rows == rows[i]);
        BOOST_TEST(p.cols == cols[i]);
        BOOST_TEST(p.elements.size() == rows[i] * cols[i]);
        for (const Entry& e : p.elements) {
            BOOST_TEST(e.pass, p.name << "[" << e.row << "," << e.col << "]: |a-n| = " << e.abs_error << " > " << e.tolerance);
            BOOST_TEST(e.digits >= e.digits_needed);
        }
    }
}

} // namespace

BOOST_AUTO_TEST_SUITE(derived_formulas_pass)

BOOST_AUTO_TEST_CASE(double_and_50_digits_over_seeds_and_widths)
{
    for (const char* precision : {"double", "50"})
        for (std::uint64_t seed : {1u, 2u, 3u, 7u, 42u})
            for (std::size_t H : {1u, 2u, 3u, 5u}) {
                BOOST_TEST_CONTEXT(precision << ", seed " << seed << ", H = " << H)
                {
                    const Report r = run_check(parse_precision(precision), random_problem(seed, H), {});
                    require_complete_and_passing(r, H, 2);
                    // The 50-digit check asks for far more than double could ever give.
                    if (std::string(precision) == "50")
                        for (const auto& p : r.tables)
                            for (const auto& e : p.elements) BOOST_TEST(e.digits_needed > 25.0);
                }
            }
}

BOOST_AUTO_TEST_CASE(long_double_100_digits_and_mpfr)
{
    for (const char* precision : {"long-double", "100", "30", "200"})
        for (std::uint64_t seed : {1u, 5u}) {
            BOOST_TEST_CONTEXT(precision << ", seed " << seed)
            {
                require_complete_and_passing(run_check(parse_precision(precision), random_problem(seed, 3), {}), 3, 2);
            }
        }
}

BOOST_AUTO_TEST_CASE(other_data_three_inputs_five_examples_soft_labels)
{
    for (const char* precision : {"double", "50"}) {
        BOOST_TEST_CONTEXT(precision)
        {
            const Report r = run_check(parse_precision(precision), other_data_problem(3), {});
            BOOST_TEST(r.problem.m == 5u);
            require_complete_and_passing(r, 4, 3);
        }
    }
}

// An input that is 0 in every example leaves its W1 column with a gradient of
// exactly 0: analytic and numeric are both 0, and that is no failure.
BOOST_AUTO_TEST_CASE(exactly_zero_gradient_is_no_false_failure)
{
    Problem p = random_problem(1, 2);
    p.data = {TextMatrix(2, 2), TextMatrix(1, 2)};
    p.data.X(0, 0) = "0", p.data.X(0, 1) = "0";   // input 1 always 0
    p.data.X(1, 0) = "1", p.data.X(1, 1) = "0.5";
    p.data.Y(0, 0) = "1", p.data.Y(0, 1) = "0";
    for (const char* precision : {"double", "50"}) {
        const Report r = run_check(parse_precision(precision), p, {});
        BOOST_TEST(r.pass);
        const Table& dW1 = r.tables[0];
        for (std::size_t j = 0; j < 2; ++j) {
            const Entry& e = dW1.elements[j * 2]; // column 0
            BOOST_TEST(e.near_zero);
            BOOST_TEST(e.pass);
            BOOST_TEST(e.abs_error == scientific(0.0, 3));
        }
    }
}

BOOST_AUTO_TEST_CASE(a_given_step_is_used)
{
    CheckSettings s;
    s.step = "1e-4";
    const Report r = run_check(parse_precision("double"), random_problem(1, 2), s);
    BOOST_TEST(r.pass);
    for (const auto& p : r.tables)
        for (const auto& e : p.elements) BOOST_TEST(e.step == "1.00e-04");
}

// Far from the best step the truncation estimate carries the load: the bound must
// still hold, for every stencil, whatever step is given (the next-order term is
// measured and counted twice; see methods/central_difference.hpp).
BOOST_AUTO_TEST_CASE(correct_formulas_pass_at_any_given_step)
{
    for (Method m : {Method::central, Method::central4, Method::central6})
        for (const char* step : {"1e-1", "3e-2", "1e-2", "1e-3", "1e-4", "1e-5", "1e-7", "1e-9"})
            for (const char* precision : {"double", "50"}) {
                BOOST_TEST_CONTEXT(method_name(m) << ", step " << step << ", " << precision)
                {
                    CheckSettings s;
                    s.method = m;
                    s.step = step;
                    BOOST_TEST(run_check(parse_precision(precision), random_problem(1, 2), s).pass);
                }
            }
}

// A step below the parameter's resolution cannot move it: an input error, not a result.
BOOST_AUTO_TEST_CASE(a_step_too_small_for_the_precision_is_refused)
{
    CheckSettings s;
    s.step = "1e-30";
    BOOST_CHECK_THROW(run_check(parse_precision("double"), random_problem(1, 2), s), InputError);
    // The same step is fine at 50 digits, where u ≈ 5e-51.
    BOOST_TEST(run_check(parse_precision("50"), random_problem(1, 2), s).pass);
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(wrong_formulas_fail)

// The seed's literal formulas are m = 4 times too large on XOR: every element
// fails in every precision, and the report shows the ratio.
BOOST_AUTO_TEST_CASE(seed_formulas_fail_with_ratio_m)
{
    CheckSettings s;
    s.formulas = xornet::Derivation::seed;
    for (const char* precision : {"double", "long-double", "50", "100", "40"}) {
        BOOST_TEST_CONTEXT(precision)
        {
            const Report r = run_check(parse_precision(precision), random_problem(1, 2), s);
            BOOST_TEST(!r.pass);
            for (const auto& p : r.tables) {
                BOOST_TEST(!p.pass);
                for (const auto& e : p.elements) {
                    BOOST_TEST(!e.pass);
                    BOOST_TEST(std::stod(e.ratio) == 4.0, tt::tolerance(1e-6));
                }
            }
        }
    }
}

bool hidden_by(const Problem& p, std::string_view name)
{
    for (const BlindSpot& b : blind_spots(p))
        for (const std::string& g : b.gallery)
            if (g == name) return true;
    return false;
}

// Every mistake of the gallery fails the default run, in double and at 50 digits,
// over seeds and widths: on the generic problem always, on XOR unless XOR's blind
// spots list it (x-squared: x² = x), and then it passes there, as the report says.
// clamped-log is the exception in double (below).
BOOST_AUTO_TEST_CASE(every_mistake_in_the_gallery_fails)
{
    for (const xornet::GalleryEntry& entry : xornet::gallery) {
        if (entry.derivation == xornet::Derivation::derived || entry.derivation == xornet::Derivation::clamped_log) continue;
        CheckSettings s;
        s.formulas = entry.derivation;
        for (const char* precision : {"double", "50"})
            for (std::uint64_t seed : {1u, 2u})
                for (std::size_t H : {2u, 3u}) {
                    const Problem xor_problem = random_problem(seed, H);
                    const Problem generic = generic_problem(2, seed, xor_problem);
                    BOOST_TEST_CONTEXT(entry.name << ", " << precision << ", seed " << seed << ", H = " << H)
                    {
                        BOOST_TEST(blind_spots(generic).empty());
                        const Report r = run_check(parse_precision(precision), generic, s);
                        BOOST_TEST(!r.pass);
                        BOOST_TEST(r.network.formulas == std::string(entry.name));
                        BOOST_TEST(run_check(parse_precision(precision), xor_problem, s).pass == hidden_by(xor_problem, entry.name));
                    }
                }
    }
}

// What the blind spots claim holds: each mistake they name gives the right numbers
// on data with that property (so it passes), and fails on the generic problem of
// the same shape, unless that shape hides it too (H = 1, N = 1).
BOOST_AUTO_TEST_CASE(blind_spots_hide_what_they_say)
{
    Problem one_example = random_problem(3, 2);
    one_example.data = {TextMatrix(2, 1), TextMatrix(1, 1)};
    one_example.data.X(0, 0) = "0.5", one_example.data.X(1, 0) = "-1.25", one_example.data.Y(0, 0) = "0.25";
    Problem one_input = random_problem(3, 2);
    one_input.data = {TextMatrix(1, 3), TextMatrix(1, 3)};
    for (int i = 0; i < 3; ++i) one_input.data.X(0, i) = std::to_string(i + 2), one_input.data.Y(0, i) = "0.5";
    one_input.hidden = 2;
    const std::vector<Problem> problems = {random_problem(1, 2), random_problem(1, 1), one_example, one_input};
    std::size_t hidden = 0, revealed = 0;
    for (const Problem& p : problems)
        for (const BlindSpot& b : blind_spots(p))
            for (const std::string& name : b.gallery)
                for (const xornet::GalleryEntry& entry : xornet::gallery)
                    if (entry.name == name) {
                        BOOST_TEST_CONTEXT(b.reason << ": " << name)
                        {
                            CheckSettings s;
                            s.formulas = entry.derivation;
                            BOOST_TEST(run_check(parse_precision("50"), p, s).pass);
                            ++hidden;
                            const Problem generic = generic_problem(p.inputs(), 1, p);
                            if (hidden_by(generic, name)) continue;
                            BOOST_TEST(!run_check(parse_precision("50"), generic, s).pass);
                            ++revealed;
                        }
                    }
    // x-squared (XOR); x-squared and no-transpose (XOR, H = 1); seed, first-example-bias, bias-mean and
    // x-layout (m = 1); x-layout (N = 1). All are revealed but no-transpose at H = 1 and x-layout at N = 1.
    BOOST_TEST(hidden == 8u);
    BOOST_TEST(revealed == 6u);
}

// The label blind spot names no gallery entry: a derivation that writes Y ⊙ Y for Y
// in dZ2 shows it gives the right numbers on 0/1 labels and not on others.
BOOST_AUTO_TEST_CASE(binary_labels_hide_a_squared_label)
{
    const auto d = xornet::xor_dataset<double>();
    const auto P = xornet::init_parameters<double>(2, 2, 1);
    const auto c = xornet::forward(P, d.X);
    xornet::BackwardSteps<double> squared;
    squared.dZ2 = [](const xornet::Matrix<double>& A2, const xornet::Matrix<double>& Y) { return xornet::output_error(A2, xornet::hadamard(Y, Y)); };
    const auto right = xornet::backward(P, d.X, d.Y, c), wrong = xornet::backward(P, d.X, d.Y, c, squared);
    BOOST_TEST(right.dW1.flat(0) == wrong.dW1.flat(0));
    auto soft = d.Y;
    soft(0, 2) = 0.75; // example 2, x = (1, 0): it reaches dW1[0,0]
    BOOST_TEST(xornet::backward(P, d.X, soft, c).dW1.flat(0) != xornet::backward(P, d.X, soft, c, squared).dW1.flat(0));
}

// Forgetting the transpose of W2 is a shape error for H > 1, and for H = 1
// (W2 is 1×1, its own transpose) it happens to be right: the check passes.
BOOST_AUTO_TEST_CASE(no_transpose_is_a_shape_error_and_right_by_accident_for_one_hidden_unit)
{
    CheckSettings s;
    s.formulas = xornet::Derivation::no_transpose;
    const Report wide = run_check(parse_precision("double"), random_problem(1, 3), s);
    BOOST_TEST(!wide.pass);
    BOOST_TEST(wide.tables.empty());
    BOOST_TEST(wide.network.backward_error.find("inner dimensions differ") != std::string::npos);
    BOOST_TEST(run_check(parse_precision("double"), random_problem(1, 1), s).pass);
}

// A flipped sign shows as a ratio analytic/numeric of exactly -1.
BOOST_AUTO_TEST_CASE(flipped_sign_has_ratio_minus_one)
{
    CheckSettings s;
    s.formulas = xornet::Derivation::flipped_sign;
    const Report r = run_check(parse_precision("double"), random_problem(1, 2), s);
    for (const auto& p : r.tables)
        for (const auto& e : p.elements) BOOST_TEST(std::stod(e.ratio) == -1.0, tt::tolerance(1e-6));
}

// The lesson of the suite: log(A2 + 1e-12) in the loss changes its gradient by
// about 1e-12 relative. Double's tolerance (~1e-8 relative) cannot see that; at
// 50 digits (~1e-30) every element fails, agreeing to only about 11 digits.
BOOST_AUTO_TEST_CASE(clamped_log_passes_in_double_and_fails_at_50_digits)
{
    CheckSettings s;
    s.formulas = xornet::Derivation::clamped_log;
    for (std::uint64_t seed : {1u, 2u, 3u}) {
        BOOST_TEST_CONTEXT("seed " << seed)
        {
            BOOST_TEST(run_check(parse_precision("double"), random_problem(seed, 2), s).pass);
            const Report wide = run_check(parse_precision("50"), random_problem(seed, 2), s);
            BOOST_TEST(!wide.pass);
            for (const auto& p : wide.tables)
                for (const auto& e : p.elements) {
                    BOOST_TEST(!e.pass);
                    BOOST_TEST(e.digits > 9.0);  // right to about 1e-11 …
                    BOOST_TEST(e.digits < 14.0); // … and no better
                }
        }
    }
}

// How small a mistake is caught? The tolerance is about 1.5·ε_L/h with
// ε_L ≈ c·u·L (c ≈ 10 roundings) and h ≈ u^(1/3)/2, i.e. about 30·u^(2/3)·L.
// So an error of Δ = 1000·u^(2/3)·L in any element must fail, in any precision:
// about 3e-8 in double, 2e-31 at 50 digits.
template <class T>
void small_errors_are_caught()
{
    using std::pow;
    const auto d = xornet::xor_dataset<T>();
    for (std::uint64_t seed : {1u, 2u, 3u}) {
        auto P = xornet::init_parameters<T>(2, 2, seed);
        const auto c = xornet::forward(P, d.X);
        const auto g = xornet::backward(P, d.X, d.Y, c);
        const T L = xornet::loss_stable(c.Z2, d.Y);
        const T eps_L = loss_rounding_bound(P, d.X, d.Y);
        const auto eps_a = backward_rounding_bound(P, d.X, d.Y);
        const T delta = T(1000) * T(pow(machine_epsilon<T>(), T(2) / T(3))) * L;
        const auto loss = [&] { return xornet::loss_stable(xornet::forward(P, d.X).Z2, d.Y); };
        for (xornet::Param p : xornet::all_params) {
            auto& theta = xornet::param(P, p);
            for (std::size_t k = 0; k < theta.size(); ++k) {
                const auto numeric = central_difference(loss, theta.flat(k), default_step(theta.flat(k)), eps_L);
                const T a = xornet::gradient(g, p).flat(k), ea = xornet::gradient(eps_a, p).flat(k);
                BOOST_TEST_CONTEXT("seed " << seed << ", d" << xornet::param_name(p) << " element " << k)
                {
                    BOOST_TEST(numeric.model_holds);
                    BOOST_TEST(core::compare(a, numeric, ea).pass);
                    BOOST_TEST(!core::compare(T(a + delta), numeric, ea).pass);
                    BOOST_TEST(!core::compare(T(a - delta), numeric, ea).pass);
                }
            }
        }
    }
}

BOOST_AUTO_TEST_CASE(an_error_of_1000_u_to_the_2_3_is_caught_in_double) { small_errors_are_caught<double>(); }
BOOST_AUTO_TEST_CASE(an_error_of_1000_u_to_the_2_3_is_caught_at_50_digits) { small_errors_are_caught<mpfr_float_50>(); }

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(numeric_derivative)

// Central differences on a function with a known derivative: the error bound
// holds, and it is not vacuous (within a factor 100 of the observed error is not
// required; within the bound is). f(x) = exp(x)·sin(x) at x = 0.7.
template <class T>
void bound_holds_on_a_known_function()
{
    using std::cos;
    using std::exp;
    using std::sin;
    T x(T(7) / T(10));
    const auto f = [&] { return T(exp(x) * sin(x)); };
    const T exact = T(exp(x) * T(sin(x) + cos(x)));
    const T eps_f = T(4) * machine_epsilon<T>() * f(); // exp, sin, product: ≤ 3 roundings + 1 ulp each
    const auto d = central_difference(f, x, default_step(x), eps_f);
    using std::abs;
    BOOST_TEST(abs(T(d.value - exact)) <= d.error_bound);
    BOOST_TEST(d.error_bound < T(1e3) * T(pow(machine_epsilon<T>(), T(2) / T(3)))); // the u^(2/3) law
    BOOST_TEST(x == T(T(7) / T(10))); // restored
}

BOOST_AUTO_TEST_CASE(double_precision) { bound_holds_on_a_known_function<double>(); }
BOOST_AUTO_TEST_CASE(fifty_digits) { bound_holds_on_a_known_function<mpfr_float_50>(); }

// The constants the derivation in methods/central_difference.hpp quotes: the rounding of
// D(h) and of both truncation estimates adds up to 1.8·ρ for central differences
// (1 + 1.5/3 + 2·(1.5 + 0.75)/15).
// Each number the derivation comments quote, from the code that uses it.
BOOST_AUTO_TEST_CASE(constants_quoted_by_the_derivation)
{
    namespace tt = boost::test_tools;
    // central_difference.hpp: the rounding blur of central differences is 1.8.
    BOOST_TEST(rounding_blur(2) == 1.8, tt::tolerance(1e-12));
    // central_difference.hpp: for D(h) = D* + d·h⁴ alone (h = 1, d = 1), Richardson's
    // estimate |D(2h) − D(h)|/3 sees the next term k = 5 times, the extrapolations'
    // |R(2h) − R(h)|/15 measure (k − 1)·d = 4 of it, counted twice: 5 + 2·4.
    BOOST_TEST(truncation_bound(1.0, 16.0, 256.0, 2) == 13.0, tt::tolerance(1e-12));
    // network/check.hpp: in double u^(1/3) ≈ 6e-6, and the step rule's power of two for |θ| ≤ 1 is 2^-17.
    BOOST_TEST(std::cbrt(std::numeric_limits<double>::epsilon()) == 6.06e-6, tt::tolerance(1e-3));
    BOOST_TEST(default_step(1.0) == 0x1p-17);
    BOOST_TEST(method_step(Method::central, 1.0) == default_step(1.0));
    // core/steps.hpp: at most 16 reductions of the step by 4, a factor of 4^16 ≈ 4e9.
    BOOST_TEST(std::pow(4.0, core::max_step_reductions) == 4.3e9, tt::tolerance(0.01));
    // methods/table.hpp: the stencils' coefficients give the derivative of x exactly
    // (Σ 2k·c_k = d), and the reach is the farthest point, 4 steps of the widest stencil.
    for (const MethodRow& row : method_table) {
        if (row.kind != MethodKind::stencil) continue;
        int first_moment = 0;
        for (int k = 1; k <= row.points; ++k) first_moment += 2 * k * row.numerators[static_cast<std::size_t>(k - 1)];
        BOOST_TEST(first_moment == row.denominator, row.name);
        BOOST_TEST(row.reach == 4 * row.points, row.name);
    }
}

// The complex step and autodiff evaluate no real differences: a step sweep, which
// studies differences at given steps, refuses them rather than answer with another
// method's numbers.
BOOST_AUTO_TEST_CASE(only_difference_methods_are_swept)
{
    for (Method m : all_methods) {
        BOOST_TEST_CONTEXT(method_name(m))
        {
            CheckSettings s;
            s.method = m;
            if (is_difference(m)) BOOST_CHECK_NO_THROW(run_sweep(parse_precision("double"), random_problem(1, 2), s));
            else BOOST_CHECK_THROW(run_sweep(parse_precision("double"), random_problem(1, 2), s), std::logic_error);
        }
    }
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(methods)

double worst_digits(const Report& r)
{
    double worst = 1e9;
    for (const auto& p : r.tables) worst = std::min(worst, p.worst_digits);
    return worst;
}

// Every method passes in every precision: its error bound covers its error.
BOOST_AUTO_TEST_CASE(every_method_passes_in_every_precision)
{
    for (Method m : all_methods)
        for (const char* precision : {"float", "double", "long-double", "50", "100", "30"})
            for (std::size_t H : {2u, 3u}) {
                BOOST_TEST_CONTEXT(method_name(m) << ", " << precision << ", H = " << H)
                {
                    CheckSettings s;
                    s.method = m;
                    const Report r = run_check(parse_precision(precision), random_problem(2, H), s);
                    require_complete_and_passing(r, H, 2);
                    BOOST_TEST((r.method == m));
                }
            }
}

// The digits each method reaches on the default check (seed 1, H = 2), worst
// element. The targets sit at the physical floor: an order-p method at step
// u^(1/(p+1)) has an error of about u^(p/(p+1))·L, which is 10.4 (central) and
// 13.4 (central6) digits of L in double, 33.5 (central) and 44.7 (richardson) at
// 50 digits; the smallest gradients here are about 1e-3·L, which costs up to 3 of
// those digits. Measured when written: 8.1, 11.0, 31.1 and 40.6.
BOOST_AUTO_TEST_CASE(digit_targets_on_the_default_check)
{
    struct Target {
        Method method;
        const char* precision;
        double digits;
    };
    // Complex step and autodiff have no truncation, only rounding. Their floor, like
    // that of the analytic gradient itself, is set by the worst element here,
    // dL/dW1[1,0] ≈ -6.7e-4: a sum over the examples of terms up to ~0.1, so any
    // double computation of it carries about u·0.1/6.7e-4 ≈ 3e-14 relative error
    // (measured against 100-digit autodiff: analytic 3.3e-15, complex step 1.9e-14).
    // Hence 13.5 digits in double, not the 14 one might hope for; at p digits, p − 1.5.
    for (const Target& t : {Target{Method::central, "double", 8.0}, Target{Method::central6, "double", 11.0},
                            Target{Method::complex_step, "double", 13.5}, Target{Method::autodiff, "double", 13.5},
                            Target{Method::central, "50", 30.0}, Target{Method::richardson, "50", 40.0},
                            Target{Method::complex_step, "50", 47.0}, Target{Method::autodiff, "50", 47.0},
                            Target{Method::complex_step, "100", 97.0}, Target{Method::autodiff, "100", 97.0},
                            Target{Method::complex_step, "1000", 990.0}}) {
        CheckSettings s;
        s.method = t.method;
        const Report r = run_check(parse_precision(t.precision), Problem{}, s);
        BOOST_TEST(r.pass);
        BOOST_TEST(worst_digits(r) >= t.digits, method_name(t.method) << " in " << t.precision << ": " << worst_digits(r));
    }
}

// Whatever the method, the gallery's mistakes fail (on the generic problem, which hides none).
BOOST_AUTO_TEST_CASE(mistakes_fail_with_every_method)
{
    for (Method m : all_methods)
        for (const xornet::GalleryEntry& entry : xornet::gallery) {
            if (entry.derivation == xornet::Derivation::derived) continue;
            CheckSettings s;
            s.method = m;
            s.formulas = entry.derivation;
            BOOST_TEST(!run_check(parse_precision("50"), generic_problem(2, 1, Problem{}), s).pass, method_name(m) << ", " << entry.name);
        }
}

BOOST_AUTO_TEST_SUITE_END()

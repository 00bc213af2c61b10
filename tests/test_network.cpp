// The network library: forward pass, the two loss forms, initialisation,
// the seed's formulas against the derived ones, and training on XOR.
#include <boost/test/unit_test.hpp>

#include <cmath>
#include <limits>
#include <tuple>

#include <boost/math/special_functions/fpclassify.hpp>
#include <boost/multiprecision/mpfr.hpp>

#include "xornet.hpp"

namespace tt = boost::test_tools;
using namespace xornet;
using boost::multiprecision::mpfr_float_50; // 50 digits, its arithmetic compiled in MPFR

using scalar_types = std::tuple<double, long double, mpfr_float_50>;

namespace {

template <class T>
Matrix<T> matrix(std::size_t rows, std::size_t cols, std::initializer_list<double> values)
{
    Matrix<T> M(rows, cols);
    std::size_t k = 0;
    for (double v : values) M.flat(k++) = T(v);
    return M;
}

// Non-symmetric, non-zero weights: zeros or symmetry can hide a wrong backward pass.
template <class T>
Parameters<T> hand_parameters()
{
    return {matrix<T>(2, 2, {1.0, -1.0, 0.5, 2.0}), matrix<T>(2, 1, {0.0, -1.0}), matrix<T>(1, 2, {2.0, -3.0}),
            matrix<T>(1, 1, {0.5})};
}

// Three examples as columns: (1,0), (0,1), (1,1); labels 1, 0, 1.
template <class T>
Dataset<T> hand_data()
{
    return {matrix<T>(2, 3, {1, 0, 1, 0, 1, 1}), matrix<T>(1, 3, {1, 0, 1})};
}

template <class T>
double eps()
{
    return static_cast<double>(std::numeric_limits<T>::epsilon());
}

} // namespace

BOOST_AUTO_TEST_SUITE(forward_pass)

// Expected values computed independently with Python's math module (double):
//   z1 = W1·x + b1, a1 = 1/(1+exp(-z1)), z2 = w2·a1 + b2, a2 = 1/(1+exp(-z2)).
// They carry double's rounding, so the tolerance is a few units of double's
// epsilon (≤ 10 roundings along the path, each ≤ u/2, conditioning ≤ 3 here).
BOOST_AUTO_TEST_CASE_TEMPLATE(matches_hand_computed_values, T, scalar_types)
{
    const auto P = hand_parameters<T>();
    const auto d = hand_data<T>();
    const Cache<T> c = forward(P, d.X);
    BOOST_TEST(c.Z1.rows() == 2u);
    BOOST_TEST(c.Z1.cols() == 3u);
    BOOST_TEST(c.A2.rows() == 1u);
    BOOST_TEST(c.A2.cols() == 3u);

    const double tol = 16 * eps<double>();
    const double Z1[2][3] = {{1.0, -1.0, 0.0}, {-0.5, 1.0, 1.5}};
    const double A1[2][3] = {{0.7310585786300049, 0.2689414213699951, 0.5}, {0.3775406687981454, 0.7310585786300049, 0.8175744761936437}};
    const double Z2[3] = {0.8294951508655737, -1.1552928931500246, -0.952723428580931};
    const double A2[3] = {0.6962481715484523, 0.23952364284829814, 0.2783374484514777};
    for (std::size_t i = 0; i < 3; ++i) {
        for (std::size_t j = 0; j < 2; ++j) {
            BOOST_TEST(static_cast<double>(c.Z1(j, i)) == Z1[j][i], tt::tolerance(tol));
            BOOST_TEST(static_cast<double>(c.A1(j, i)) == A1[j][i], tt::tolerance(tol));
        }
        BOOST_TEST(static_cast<double>(c.Z2(0, i)) == Z2[i], tt::tolerance(tol));
        BOOST_TEST(static_cast<double>(c.A2(0, i)) == A2[i], tt::tolerance(tol));
    }
    // L from the same Python session: -(1/3)·Σ(y·log a2 + (1-y)·log(1-a2)).
    BOOST_TEST(static_cast<double>(loss_seed_form(c.A2, d.Y)) == 0.6382601427544655, tt::tolerance(tol));
    BOOST_TEST(static_cast<double>(loss_stable(c.Z2, d.Y)) == 0.6382601427544655, tt::tolerance(tol));
}

// With all parameters zero every sigmoid sees 0 and returns exactly 1/2, and the
// loss is exactly log 2 per example: exact in every precision.
BOOST_AUTO_TEST_CASE_TEMPLATE(zero_parameters_give_one_half, T, scalar_types)
{
    const Parameters<T> P{Matrix<T>(2, 2), Matrix<T>(2, 1), Matrix<T>(1, 2), Matrix<T>(1, 1)};
    const auto d = xor_dataset<T>();
    const Cache<T> c = forward(P, d.X);
    for (std::size_t k = 0; k < c.A1.size(); ++k) BOOST_TEST(c.A1.flat(k) == T(0.5));
    for (std::size_t k = 0; k < c.A2.size(); ++k) BOOST_TEST(c.A2.flat(k) == T(0.5));
    using std::log;
    BOOST_TEST(loss_stable(c.Z2, d.Y) == T(log(T(2))), tt::tolerance(T(4 * std::numeric_limits<T>::epsilon())));
}

BOOST_AUTO_TEST_CASE(shape_mistakes_are_loud)
{
    const auto P = hand_parameters<double>();
    const auto d = hand_data<double>();
    BOOST_CHECK_THROW(matmul(P.W1, P.W2), std::invalid_argument);          // (2×2)·(1×2)
    BOOST_CHECK_THROW(add_to_each_column(d.X, P.B2), std::invalid_argument); // 1×1 bias on 2×3
    BOOST_CHECK_THROW(hadamard(P.W1, P.W2), std::invalid_argument);
    BOOST_CHECK_THROW(loss_stable(d.X, d.Y), std::invalid_argument);
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(loss_forms)

// Both forms evaluate the same function; they differ only by rounding. With
// weights in [-1, 1) the predictions stay in (0.1, 0.9), where log's condition
// number is below 10; each form takes about 10 roundings per example, so they
// must agree to within 2·10·10·u = 200u of each other (relative to L ≈ 0.7).
BOOST_AUTO_TEST_CASE_TEMPLATE(seed_form_and_stable_form_agree, T, scalar_types)
{
    const auto d = xor_dataset<T>();
    for (std::uint64_t seed : {1u, 2u, 3u, 7u, 42u})
        for (std::size_t H : {1u, 2u, 3u, 5u}) {
            BOOST_TEST_CONTEXT("seed " << seed << ", H = " << H)
            {
                const auto P = init_parameters<T>(2, H, seed);
                const Cache<T> c = forward(P, d.X);
                const T seed_form = loss_seed_form(c.A2, d.Y);
                const T stable = loss_stable(c.Z2, d.Y);
                BOOST_TEST(seed_form == stable, tt::tolerance(T(200 * std::numeric_limits<T>::epsilon())));
                BOOST_TEST(stable > T(0));
            }
        }
}

// Saturated output: Z2 ≈ ±1000. In double A2 rounds to exactly 0 or 1 and the
// seed's form takes log(0); the stable form stays finite and equals its limit.
BOOST_AUTO_TEST_CASE(stable_form_survives_saturation)
{
    Parameters<double> P = hand_parameters<double>();
    P.W2 = matrix<double>(1, 2, {1000.0, 1000.0});
    P.B2 = matrix<double>(1, 1, {0.0});
    const auto d = hand_data<double>(); // labels 1, 0, 1
    const Cache<double> c = forward(P, d.X);
    BOOST_TEST(c.A2(0, 1) == 1.0); // example 2 (label 0) predicted as exactly 1
    const double stable = loss_stable(c.Z2, d.Y);
    BOOST_TEST(std::isfinite(stable));
    // Example 2 contributes softplus(Z2) = Z2 + log1p(e^-Z2) = Z2 to double precision;
    // the other two contribute softplus(-Z2) < e^-Z2 ≈ 0.
    BOOST_TEST(stable == c.Z2(0, 1) / 3.0, tt::tolerance(4 * eps<double>()));
    BOOST_TEST(!std::isfinite(loss_seed_form(c.A2, d.Y)));
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(initialisation)

BOOST_AUTO_TEST_CASE(seeded_weights_zero_biases_same_in_every_precision)
{
    const auto a = init_parameters<double>(2, 3, 5);
    const auto b = init_parameters<double>(2, 3, 5);
    const auto c = init_parameters<double>(2, 3, 6);
    const auto wide = init_parameters<mpfr_float_50>(2, 3, 5);
    bool any_differs = false;
    for (std::size_t k = 0; k < a.W1.size(); ++k) {
        BOOST_TEST(a.W1.flat(k) == b.W1.flat(k));
        BOOST_TEST(mpfr_float_50(a.W1.flat(k)) == wide.W1.flat(k)); // exact: k·2^-52 − 1
        BOOST_TEST(a.W1.flat(k) >= -1.0);
        BOOST_TEST(a.W1.flat(k) < 1.0);
        any_differs = any_differs || a.W1.flat(k) != c.W1.flat(k);
    }
    BOOST_TEST(any_differs);
    for (std::size_t k = 0; k < a.B1.size(); ++k) BOOST_TEST(a.B1.flat(k) == 0.0);
    BOOST_TEST(a.B2(0, 0) == 0.0);
    BOOST_TEST(a.W1.rows() == 3u);
    BOOST_TEST(a.W1.cols() == 2u);
    BOOST_TEST(a.W2.cols() == 3u);
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(seed_formulas)

// The seed's final formulas drop the 1/m: every partial is m times the derived
// one. For m a power of two, scaling by m commutes exactly with every rounding,
// so the factor is exact to the last bit; for m = 1 the two coincide.
BOOST_AUTO_TEST_CASE_TEMPLATE(are_off_by_exactly_m, T, scalar_types)
{
    for (std::size_t m : {1u, 2u, 4u, 8u})
        for (std::uint64_t seed : {1u, 2u, 3u}) {
            BOOST_TEST_CONTEXT("m = " << m << ", seed " << seed)
            {
                // m examples cycling through the XOR table from (1,1), so that no input
                // column is all zeros (which would make a dW1 column vanish).
                const auto xor_table = xor_dataset<T>();
                Matrix<T> X(2, m), Y(1, m);
                for (std::size_t i = 0; i < m; ++i) {
                    X(0, i) = xor_table.X(0, (i + 3) % 4);
                    X(1, i) = xor_table.X(1, (i + 3) % 4);
                    Y(0, i) = xor_table.Y(0, (i + 3) % 4);
                }
                const auto P = init_parameters<T>(2, 3, seed);
                const Cache<T> c = forward(P, X);
                const auto derived = backward(P, X, Y, c);
                const auto seed_form = backward(P, X, Y, c, steps_for<T>(Derivation::seed));
                for (Param p : all_params)
                    for (std::size_t k = 0; k < gradient(derived, p).size(); ++k) {
                        BOOST_TEST(gradient(seed_form, p).flat(k) == T(m) * gradient(derived, p).flat(k));
                        BOOST_TEST(gradient(derived, p).flat(k) != T(0));
                    }
            }
        }
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(training)

// The default of the gradcheck command (seed 1, H = 2) learns XOR.
BOOST_AUTO_TEST_CASE(learns_xor_from_the_default_seed)
{
    const auto d = xor_dataset<double>();
    auto P = init_parameters<double>(2, 2, 1);
    double first_loss = -1;
    const double last_loss = train(P, d.X, d.Y, TrainingSettings<double>{1.0, 5000},
                                   [&](std::size_t epoch, double loss) { if (epoch == 0) first_loss = loss; });
    BOOST_TEST(first_loss > 0.69 * 0.9); // starts near log 2, the loss of guessing 1/2
    BOOST_TEST(last_loss < 0.01);
    const Cache<double> c = forward(P, d.X);
    for (std::size_t i = 0; i < 4; ++i)
        BOOST_TEST(std::round(c.A2(0, i)) == d.Y(0, i), "example " << i << ": A2 = " << c.A2(0, i));
}

// One step of gradient descent with a small rate lowers the loss (the gradient
// points uphill) — fails if a sign in the backward pass is flipped.
BOOST_AUTO_TEST_CASE_TEMPLATE(one_small_step_lowers_the_loss, T, scalar_types)
{
    const auto d = xor_dataset<T>();
    for (std::uint64_t seed : {1u, 2u, 3u}) {
        auto P = init_parameters<T>(2, 2, seed);
        const T before = loss_stable(forward(P, d.X).Z2, d.Y);
        const T after = train(P, d.X, d.Y, TrainingSettings<T>{T(0.01), 1});
        BOOST_TEST(after < before, "seed " << seed);
    }
}

BOOST_AUTO_TEST_SUITE_END()

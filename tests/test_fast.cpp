// Suite `fast`: the directional check of --fast (gradcheck/check/directional.hpp). It must
// pass correct formulas, catch every mistake of the gallery that the full check
// catches, and then localise it with the full check. One random direction can miss
// an error orthogonal to it; several directions do not.
#include <boost/test/unit_test.hpp>

#include <cmath>
#include <string>
#include <vector>

#include "gradcheck/check/check.hpp"
#include "gradcheck/check/directional.hpp"
#include "mistakes.hpp"
#include "gradcheck/scalar/precision.hpp"
#include "xor_data.hpp"

using namespace gradcheck;

namespace {

CheckSettings fast_settings(xornet::Derivation formulas, int directions)
{
    CheckSettings s;
    s.formulas = formulas;
    s.fast = true;
    s.directions = directions;
    s.direction_seed = default_seed;
    return s;
}

} // namespace

BOOST_AUTO_TEST_SUITE(fast)

// Correct formulas pass on the directions alone, with no element-by-element check.
BOOST_AUTO_TEST_CASE(correct_formulas_pass_on_the_directions_alone)
{
    for (std::uint64_t seed : {1u, 2u, 3u, 4u, 5u})
        for (std::size_t hidden : {2u, 3u, 8u})
            for (const char* precision : {"double", "50"}) {
                BOOST_TEST_CONTEXT("seed " << seed << ", H = " << hidden << ", " << precision)
                {
                    Problem problem;
                    problem.seed = seed;
                    problem.hidden = hidden;
                    const CheckReport r = run_check(parse_precision(precision), problem, fast_settings(xornet::Derivation::derived, 3));
                    BOOST_TEST(r.pass);
                    BOOST_TEST(!r.localised);
                    BOOST_TEST_REQUIRE(r.partials.size() == 1u);
                    BOOST_TEST(r.partials[0].name == "v·∇L");
                    BOOST_TEST(r.partials[0].elements.size() == 3u + 4u); // 3 random, and one along each partial
                }
            }
}

// Every mistake of the gallery: the fast check fails exactly when the full check
// fails, and then carries the full check's verdict on every element.
BOOST_AUTO_TEST_CASE(catches_every_mistake_the_full_check_catches)
{
    for (const xornet::GalleryEntry& entry : xornet::gallery)
        for (const char* precision : {"double", "50"})
            for (int directions : {1, 3}) {
                BOOST_TEST_CONTEXT(entry.name << ", " << precision << ", K = " << directions)
                {
                    CheckSettings full;
                    full.formulas = entry.derivation;
                    const CheckReport f = run_check(parse_precision(precision), Problem{}, full);
                    const CheckReport q = run_check(parse_precision(precision), Problem{}, fast_settings(entry.derivation, directions));
                    BOOST_TEST(q.pass == f.pass);
                    if (f.pass || !f.backward_error.empty()) continue;
                    BOOST_TEST(q.localised);
                    BOOST_TEST_REQUIRE(q.partials.size() == f.partials.size() + 1);
                    for (std::size_t p = 0; p < f.partials.size(); ++p)
                        for (std::size_t k = 0; k < f.partials[p].elements.size(); ++k)
                            BOOST_TEST(q.partials[p + 1].elements[k].pass == f.partials[p].elements[k].pass,
                                       f.partials[p].name << " element " << k);
                }
            }
}

// An error in the gradient orthogonal to the first random direction and to each
// partial's own gradient is invisible along them: K = 1 passes it, K = 3 does not.
// (The error, 1e-7 in norm, is far above the tolerance of about 1e-10 along a random
// direction; along a partial's own direction it shows only to second order, ~1e-12.)
BOOST_AUTO_TEST_CASE(one_direction_can_miss_what_three_catch)
{
    const auto d = xornet::xor_dataset<double>();
    xornet::Parameters<double> P = xornet::init_parameters<double>(2, 2, default_seed);
    const auto loss = [&] { return xornet::loss_stable(xornet::forward(P, d.X).Z2, d.Y); };
    const auto grads = xornet::backward(P, d.X, d.Y, xornet::forward(P, d.X));
    const auto analytic_error = backward_rounding_bound(P, d.X, d.Y);
    const double loss_error = loss_rounding_bound(P, d.X, d.Y);

    // w: e_0 made orthogonal to the first random direction u and to the four directions
    // along the partials (Gram–Schmidt), then scaled to 1e-7.
    const std::size_t n = flattened(P).size();
    std::vector<std::vector<double>> seen{random_directions(n, 1, default_seed)[0]};
    for (auto& d : partial_directions(grads)) seen.push_back(d);
    const auto dot = [&](const std::vector<double>& a, const std::vector<double>& b) {
        double s = 0;
        for (std::size_t i = 0; i < n; ++i) s += a[i] * b[i];
        return s;
    };
    std::vector<std::vector<double>> basis;
    for (auto v : seen) {
        for (const auto& b : basis) {
            const double c = dot(v, b);
            for (std::size_t i = 0; i < n; ++i) v[i] -= c * b[i];
        }
        const double length = std::sqrt(dot(v, v));
        for (double& x : v) x /= length;
        basis.push_back(v);
    }
    std::vector<double> w(n, 0.0);
    w[0] = 1.0;
    for (const auto& b : basis) {
        const double c = dot(w, b);
        for (std::size_t i = 0; i < n; ++i) w[i] -= c * b[i];
    }
    const double norm = dot(w, w);
    auto wrong = grads;
    std::size_t i = 0;
    for (xornet::Matrix<double>* M : {&wrong.dW1, &wrong.dB1, &wrong.dW2, &wrong.dB2}) // the order of flattened()
        for (std::size_t k = 0; k < M->size(); ++k, ++i) M->flat(k) += 1e-7 * w[i] / std::sqrt(norm);

    for (int directions : {1, 3}) {
        CheckSettings s = fast_settings(xornet::Derivation::derived, directions);
        const PreactivationReach<double> reach(d.X, xornet::forward(P, d.X).A1);
        const PartialCheck right = directional_check(P, grads, analytic_error, loss_error, loss, s, reach);
        const PartialCheck caught = directional_check(P, wrong, analytic_error, loss_error, loss, s, reach);
        BOOST_TEST(right.pass, "K = " << directions);
        BOOST_TEST(caught.pass == (directions == 1), "K = " << directions);
    }
}

BOOST_AUTO_TEST_SUITE_END()

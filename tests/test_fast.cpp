// Suite `fast`: the directional check of --fast (gradcheck/core/directions.hpp). It must
// pass correct formulas, catch every mistake of the gallery that the full check
// catches, and then localise it with the full check. One random direction can miss
// an error orthogonal to it; several directions do not.
#include <boost/test/unit_test.hpp>

#include <cmath>
#include <string>
#include <vector>

#include "gradcheck/bounds/backward_rounding.hpp"
#include "gradcheck/bounds/loss_rounding.hpp"
#include "gradcheck/core/engine.hpp"
#include "gradcheck/network/loss_function.hpp"
#include "gradcheck/run/run.hpp"
#include "init.hpp"
#include "mistakes.hpp"
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
                    const Report r = run_check(parse_precision(precision), problem, fast_settings(xornet::Derivation::derived, 3));
                    BOOST_TEST(r.pass);
                    BOOST_TEST(!r.localised());
                    BOOST_TEST_REQUIRE(r.tables.size() == 1u);
                    BOOST_TEST(r.tables[0].name == "v·∇L");
                    BOOST_TEST(r.tables[0].elements.size() == 3u + 4u); // 3 random, and one along each partial
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
                    const Report f = run_check(parse_precision(precision), Problem{}, full);
                    const Report q = run_check(parse_precision(precision), Problem{}, fast_settings(entry.derivation, directions));
                    BOOST_TEST(q.pass == f.pass);
                    if (f.pass || !f.network.backward_error.empty()) continue;
                    BOOST_TEST(q.localised());
                    BOOST_TEST_REQUIRE(q.tables.size() == f.tables.size() + 1);
                    for (std::size_t p = 0; p < f.tables.size(); ++p)
                        for (std::size_t k = 0; k < f.tables[p].elements.size(); ++k)
                            BOOST_TEST(q.tables[p + 1].elements[k].pass == f.tables[p].elements[k].pass,
                                       f.tables[p].name << " element " << k);
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
    const auto cache = xornet::forward(P, d.X);
    const auto grads = xornet::backward(P, d.X, d.Y, cache);
    const auto analytic_error = backward_rounding_bound(P, d.X, d.Y);
    NetworkSubject<double> subject(xornet::Derivation::derived, Method::central, P, d.X, d.Y, cache,
                                   loss_rounding_bound(P, d.X, d.Y), analytic_error);
    core::Given<double> right;
    for (const xornet::Matrix<double>* M : {&grads.dW1, &grads.dB1, &grads.dW2, &grads.dB2}) // the subject's order
        for (std::size_t k = 0; k < M->size(); ++k) right.values.push_back(M->flat(k));
    for (const xornet::Matrix<double>* M : {&analytic_error.dW1, &analytic_error.dB1, &analytic_error.dW2, &analytic_error.dB2})
        for (std::size_t k = 0; k < M->size(); ++k) right.rounding.push_back({M->flat(k), true});

    // w: e_0 made orthogonal to the first random direction u and to the four directions
    // along the partials (Gram–Schmidt), then scaled to 1e-7.
    const std::size_t n = subject.size();
    std::vector<std::vector<double>> seen{core::random_directions(n, 1, default_seed)[0]};
    for (auto& v : core::block_directions(right.values, subject.blocks())) seen.push_back(v);
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
    core::Given<double> wrong = right;
    for (std::size_t i = 0; i < n; ++i) wrong.values[i] += 1e-7 * w[i] / std::sqrt(norm);

    const auto all_pass = [](const std::vector<core::Element<double>>& checked) {
        for (const auto& e : checked)
            if (!e.pass) return false;
        return true;
    };
    for (int directions : {1, 3}) {
        core::Settings<double> s;
        s.fast = true, s.directions = directions, s.seed = default_seed;
        BOOST_TEST(all_pass(core::check_directions(subject, s, right)), "K = " << directions);
        BOOST_TEST(all_pass(core::check_directions(subject, s, wrong)) == (directions == 1), "K = " << directions);
    }
}

BOOST_AUTO_TEST_SUITE_END()

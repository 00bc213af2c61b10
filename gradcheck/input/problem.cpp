#include "gradcheck/input/problem.hpp"

#include <cstdlib>
#include <random>

#include "gradcheck/scalar/decimal.hpp"
#include "init.hpp"

namespace gradcheck {

std::string seeded_weights_source(std::uint64_t seed)
{
    return "random from seed " + std::to_string(seed) + " (uniform on [-1, 1)), biases zero";
}

WeightsText seeded_weights_text(std::size_t N, std::size_t H, std::uint64_t seed)
{
    const xornet::Parameters<double> P = xornet::init_parameters<double>(N, H, seed); // exact: k·2^-52 − 1
    WeightsText w{TextMatrix(H, N), TextMatrix(H, 1), TextMatrix(1, H), TextMatrix(1, 1)};
    for (std::size_t k = 0; k < P.W1.size(); ++k) w.W1.flat(k) = exact_decimal(P.W1.flat(k));
    for (std::size_t k = 0; k < P.W2.size(); ++k) w.W2.flat(k) = exact_decimal(P.W2.flat(k));
    for (std::size_t k = 0; k < H; ++k) w.B1.flat(k) = "0";
    w.B2.flat(0) = "0";
    return w;
}

namespace {

// k/2^bits for a whole k drawn uniformly from [lo, hi), never one of `avoid`.
struct DyadicDraw {
    std::mt19937_64 rng;
    std::string operator()(int lo, int hi, int bits, std::initializer_list<int> avoid)
    {
        while (true) {
            const int k = lo + static_cast<int>(rng() % static_cast<std::uint64_t>(hi - lo));
            bool ok = true;
            for (int a : avoid) ok = ok && k != a;
            if (ok) return exact_decimal(std::ldexp(static_cast<double>(k), -bits));
        }
    }
};

} // namespace

Problem generic_problem(std::size_t N, std::uint64_t seed, const Problem& weights_from)
{
    DyadicDraw draw{std::mt19937_64(seed ^ 0x67656e6572696300u)}; // "generic": a stream of its own
    const std::size_t m = generic_examples;
    Problem p;
    p.name = "generic";
    p.seed = seed;
    p.hidden = weights_from.width();
    p.data = {TextMatrix(N, m), TextMatrix(1, m)};
    for (std::size_t i = 0; i < m; ++i)
        for (std::size_t k = 0; k < N; ++k) p.data.X(k, i) = draw(-128, 128, 6, {0, 64}); // in [-2, 2), not 0 or 1
    for (std::size_t i = 0; i < m; ++i) p.data.Y(0, i) = draw(1, 256, 8, {});         // in (0, 1)
    p.data_source = "generic data from seed " + std::to_string(seed) + ": inputs in [-2, 2), none 0 or 1; labels in (0, 1)";
    if (weights_from.weights) {
        p.weights = weights_from.weights;
        p.weights_source = weights_from.weights_source;
    } else {
        WeightsText w = seeded_weights_text(N, p.hidden, seed);
        for (std::size_t k = 0; k < p.hidden; ++k) w.B1.flat(k) = draw(-2048, 2048, 12, {0});
        w.B2.flat(0) = draw(-2048, 2048, 12, {0});
        p.weights = w;
        p.weights_source = "random from seed " + std::to_string(seed)
                           + " (uniform on [-1, 1)), biases random and non-zero (uniform on [-0.5, 0.5))";
    }
    p.why = "XOR's inputs and labels are all 0 or 1, which hides some mistakes (x² = x); on these data none of the gallery's hides";
    return p;
}

} // namespace gradcheck

// Benchmarks (Google Benchmark), run by `meson test -C build --benchmark`, never as
// timed unit tests. Names: what/precision/method/H=width.
//   check      one full check, all four partials, element by element
//   fast       the --fast directional check (3 directions)
//   fwd+bwd    one forward and backward pass over the m = 4 XOR examples
//   epoch      one epoch of gradient descent (forward, backward, update)
//   minimum    (peer weights only) 2P loss evaluations and one forward and backward pass
// Multiprecision full checks stop at H = 32: their cost grows as P² (P loss
// evaluations of O(P) each), and H = 512 at 50 digits would take minutes.
#include <benchmark/benchmark.h>

#include <cstdlib>
#include <string>
#include <vector>

#include <boost/multiprecision/mpfr.hpp>

#include "gradcheck/input/files.hpp"
#include "gradcheck/input/instance.hpp"
#include "gradcheck/methods/differences.hpp"
#include "gradcheck/run/run.hpp"
#include "train.hpp"

using namespace gradcheck;

// The type of --precision 50: MPFR's numbers at 50 digits (gradcheck/run/jobs_mpfr.cpp).
using boost::multiprecision::mpfr_float;

// Runs with mpfr_float at 50 digits while it lives (the checks set their own).
struct FiftyDigits {
    unsigned previous = mpfr_float::default_precision();
    FiftyDigits() { mpfr_float::default_precision(50); }
    ~FiftyDigits() { mpfr_float::default_precision(previous); }
    FiftyDigits(const FiftyDigits&) = delete;
    FiftyDigits& operator=(const FiftyDigits&) = delete;
};

namespace {

const std::vector<std::size_t> widths{2, 8, 32, 128, 512};

Problem problem_with(std::size_t H)
{
    Problem p;
    p.hidden = H;
    return p;
}

void register_check(const std::string& precision, Method method, std::size_t H, bool fast)
{
    const std::string name = std::string(fast ? "fast/" : "check/") + precision + "/" + std::string(method_name(method))
                             + "/H=" + std::to_string(H);
    benchmark::RegisterBenchmark(name.c_str(), [=](benchmark::State& state) {
        const Precision p = parse_precision(precision);
        const Problem problem = problem_with(H);
        CheckSettings s;
        s.method = method;
        s.fast = fast;
        for (auto _ : state) {
            const Report r = run_check(p, problem, s);
            if (!r.pass) state.SkipWithError("the check failed");
            benchmark::DoNotOptimize(r.pass);
        }
    })->Unit(benchmark::kMillisecond);
}

template <class T>
void register_pass(const std::string& precision, std::size_t H)
{
    benchmark::RegisterBenchmark(("fwd+bwd/" + precision + "/H=" + std::to_string(H)).c_str(), [=](benchmark::State& state) {
        const FiftyDigits fifty; // for mpfr_float
        const Instance<T> net = instance_for<T>(problem_with(H));
        for (auto _ : state) {
            const auto g = xornet::backward(net.P, net.X, net.Y, xornet::forward(net.P, net.X));
            benchmark::DoNotOptimize(g.dB2.flat(0));
        }
    })->Unit(benchmark::kMicrosecond);
    benchmark::RegisterBenchmark(("epoch/" + precision + "/H=" + std::to_string(H)).c_str(), [=](benchmark::State& state) {
        const FiftyDigits fifty;
        Instance<T> net = instance_for<T>(problem_with(H));
        xornet::TrainingSettings<T> one;
        one.epochs = 1;
        for (auto _ : state) benchmark::DoNotOptimize(xornet::train(net.P, net.X, net.Y, one));
    })->Unit(benchmark::kMicrosecond);
}

} // namespace

// The least work a central-difference check of the problem's weights can do, in T:
// the loss the check differentiates (the derived formulas' loss, through xornet::forward)
// at θ ± h for each of the P parameters, and one forward and backward pass for the
// analytic side. peers.py reports each check's time as a multiple of it.
template <class T>
void register_minimum(const std::string& precision, const Problem& problem)
{
    benchmark::RegisterBenchmark(("peer/minimum/" + precision).c_str(), [=](benchmark::State& state) {
        const FiftyDigits fifty; // for mpfr_float; double does not read it
        Instance<T> net = instance_for<T>(problem);
        const xornet::Derivation formulas = CheckSettings{}.formulas;
        const auto loss = [&] { return xornet::loss_for(formulas, xornet::forward(net.P, net.X), net.Y); };
        for (auto _ : state) {
            T slopes(0);
            for (xornet::Param p : xornet::all_params)
                for (std::size_t k = 0; k < xornet::param(net.P, p).size(); ++k) {
                    T& theta = xornet::param(net.P, p).flat(k);
                    const T theta0 = theta, h = method_step(Method::central, theta0);
                    theta = T(theta0 + h);
                    const T plus = loss();
                    theta = T(theta0 - h);
                    const T minus = loss();
                    theta = theta0;
                    slopes += T(plus - minus) / T(2 * h);
                }
            const auto g = xornet::backward(net.P, net.X, net.Y, xornet::forward(net.P, net.X));
            benchmark::DoNotOptimize(slopes);
            benchmark::DoNotOptimize(g.dB2.flat(0));
        }
    })->Unit(benchmark::kMicrosecond);
}

// For tests/bench/peers.py: with GRADCHECK_BENCH_WEIGHTS=FILE, only benchmarks of
// those weights (the peers' identical network): the checks, named
// peer/check|fast/precision/method, and each precision's minimum work, peer/minimum/precision.
void register_peer(const std::string& weights)
{
    Problem problem;
    problem.weights = read_weights_file(weights);
    problem.hidden = problem.weights->W1.rows();
    register_minimum<double>("double", problem);
    register_minimum<mpfr_float>("50", problem);
    for (const char* precision : {"double", "50"})
        for (int variant = 0; variant < 4; ++variant) { // full central, --fast, full complex step, full autodiff
            const bool fast = variant == 1;
            const Method method = variant == 2 ? Method::complex_step : variant == 3 ? Method::autodiff : Method::central;
            const std::string name = std::string("peer/") + (fast ? "fast/" : "check/") + precision + "/" + std::string(method_name(method));
            benchmark::RegisterBenchmark(name.c_str(), [=](benchmark::State& state) {
                CheckSettings s;
                s.fast = fast;
                s.method = method;
                const Precision p = parse_precision(precision);
                for (auto _ : state) benchmark::DoNotOptimize(run_check(p, problem, s).pass);
            })->Unit(benchmark::kMicrosecond);
        }
}

int main(int argc, char** argv)
{
    if (const char* weights = std::getenv("GRADCHECK_BENCH_WEIGHTS")) {
        register_peer(weights);
        benchmark::Initialize(&argc, argv);
        benchmark::RunSpecifiedBenchmarks();
        benchmark::Shutdown();
        return 0;
    }
    for (std::size_t H : widths) {
        for (Method m : all_methods) register_check("double", m, H, false);
        register_check("double", Method::central, H, true);
        register_pass<double>("double", H);
        register_pass<mpfr_float>("50", H);
        if (H <= 128) register_check("50", Method::central, H, true);
        if (H > 32) continue;
        for (const char* precision : {"50", "100"})
            for (Method m : all_methods) register_check(precision, m, H, false);
    }
    for (Method m : all_methods) register_check("1000", m, 2, false);
    benchmark::Initialize(&argc, argv);
    if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 2;
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    return 0;
}

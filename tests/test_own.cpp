// Suite `own`: gradcheck export, and gradcheck --gradients on gradients that an
// independent program computed from the exported files: tests/own/numpy_backward.py,
// NumPy in float64, float32, long double and float16, with the right formulas and
// with each mistake of the gallery, written as JSON and as CSV.
#include <boost/test/unit_test.hpp>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include <unistd.h>

#include <nlohmann/json.hpp>

#include "gradcheck/bounds/backward_rounding.hpp"
#include "mistakes.hpp"
#include "init.hpp"
#include "gradcheck/input/problem.hpp"
#include "gradcheck/network/blind_spots.hpp"
#include "xor_data.hpp"
#include "run_gradcheck.hpp"

namespace fs = std::filesystem;
using testing::Result;
using testing::run;

namespace {

bool contains(const std::string& text, const std::string& what) { return text.find(what) != std::string::npos; }

std::string read(const fs::path& file)
{
    std::ifstream in(file);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

// A fresh folder with the exported xor and generic problems, shared by the cases.
struct Exported {
    fs::path dir = fs::temp_directory_path() / ("gradcheck-own-" + std::to_string(getpid()));
    Exported()
    {
        fs::remove_all(dir);
        for (const char* problem : {"xor", "generic"}) {
            const Result r = run({"export", "--problem", problem, "--output", (dir / problem).string()});
            BOOST_TEST_REQUIRE(r.status == 0, r << ": " << r.err);
        }
    }
    ~Exported() { fs::remove_all(dir); }
    fs::path problem(const std::string& name) const { return dir / name; }
};

const Exported& exported()
{
    static const Exported e;
    return e;
}

// Writes the cases (OUT:DTYPE:MISTAKE[:flags], numpy_backward.py) for a problem in one NumPy run.
void numpy(const std::string& problem, const std::vector<std::string>& cases)
{
    std::vector<std::string> args{testing::env("TESTS_DIR") + "/own/numpy_backward.py", exported().problem(problem).string()};
    args.insert(args.end(), cases.begin(), cases.end());
    const Result r = testing::run_program("/usr/bin/python3", args);
    BOOST_TEST_REQUIRE(r.status == 0, "numpy_backward.py: " << r << ": " << r.err << " (is python3-numpy installed? .ci/setup installs it)");
}

// gradcheck --gradients on the file, for the problem it was computed on.
Result check(const std::string& problem, const fs::path& file, std::vector<std::string> more = {})
{
    std::vector<std::string> args{"--problem", problem, "--gradients", file.string()};
    args.insert(args.end(), more.begin(), more.end());
    return run(args);
}

fs::path out(const std::string& name) { return exported().dir / name; }

bool hidden_on_xor(std::string_view name)
{
    for (const auto& b : gradcheck::blind_spots(gradcheck::Problem{}))
        for (const auto& g : b.gallery)
            if (g == name) return true;
    return false;
}

} // namespace

BOOST_AUTO_TEST_SUITE(own)

// The exported numbers are the problem's own, every digit: the 50-digit check of the
// exported files prints the same analytic values as the check of the problem itself.
BOOST_AUTO_TEST_CASE(export_writes_the_exact_problem)
{
    for (const char* problem : {"xor", "generic"}) {
        BOOST_TEST_CONTEXT(problem)
        {
            const fs::path dir = exported().problem(problem);
            for (const char* file : {"weights.json", "data.json", "gradients.json", "W1.csv", "B1.csv", "W2.csv", "B2.csv", "X.csv",
                                     "Y.csv", "gradients.csv", "README.txt"})
                BOOST_TEST(fs::is_regular_file(dir / file), file);
            const Result direct = run({"--problem", problem, "--precision", "50", "--format", "json"});
            const Result from_files = run({"--weights", (dir / "weights.json").string(), "--data", (dir / "data.json").string(),
                                           "--precision", "50", "--format", "json"});
            BOOST_TEST_REQUIRE(direct.status == 0);
            BOOST_TEST_REQUIRE(from_files.status == 0, from_files.err);
            const auto a = nlohmann::json::parse(direct.out).at("reports")[0].at("partials");
            const auto b = nlohmann::json::parse(from_files.out).at("reports")[0].at("partials");
            for (std::size_t p = 0; p < 4; ++p) BOOST_TEST(a[p].at("analytic") == b[p].at("analytic"));
        }
    }
    // X.csv holds one example per row, like data.json; the README says so.
    BOOST_TEST(read(exported().problem("xor") / "X.csv") == "0,0\n0,1\n1,0\n1,1\n");
    BOOST_TEST(contains(read(exported().problem("xor") / "README.txt"), "one example per ROW"));
    // The templates, unfilled, are refused with a line that says what to do.
    const Result json = check("xor", exported().problem("xor") / "gradients.json");
    BOOST_TEST(json.status == 2);
    BOOST_TEST(contains(json.err, "dW1[0][0] is null, expected a number"), json.err);
    const Result csv = check("xor", exported().problem("xor") / "gradients.csv");
    BOOST_TEST(csv.status == 2);
    BOOST_TEST(contains(csv.err, "line 3: dW1[0][0] has no value (fill in the template)"), csv.err);
    // No file is overwritten: a filled template is someone's work.
    const Result again = run({"export", "--output", exported().problem("xor").string()});
    BOOST_TEST(again.status == 2);
    BOOST_TEST(again.out.empty());
    BOOST_TEST(contains(again.err, "exists already; choose another --output or remove it"), again.err);
}

// The right formulas, computed by NumPy in four arithmetics, written as JSON and CSV,
// with and without the steps on the way: every array agrees, and on XOR the report
// says what the data cannot reveal.
BOOST_AUTO_TEST_CASE(right_formulas_from_numpy_pass_in_every_arithmetic)
{
    for (const std::string problem : {"xor", "generic"}) {
        std::vector<std::string> cases;
        for (const char* dtype : {"float64", "float32", "longdouble", "float16"})
            for (const char* ext : {"json", "csv"})
                for (const char* flags : {"", ":intermediates:forward"})
                    cases.push_back(out(problem + "-right-" + dtype + (*flags ? "-steps." : ".") + ext).string() + ":" + dtype + ":none" + flags);
        numpy(problem, cases);
        for (const std::string& c : cases) {
            const std::string file = c.substr(0, c.find(':'));
            BOOST_TEST_CONTEXT(file)
            {
                const Result r = check(problem, file);
                BOOST_TEST(r.status == 0, r << ": " << r.err << "\n" << r.out);
                BOOST_TEST(contains(r.out, "\nPASS: your "));
                BOOST_TEST(contains(r.out, "\nblind    every input is 0 or 1") == (problem == "xor"));
                BOOST_TEST(contains(r.out, "dZ2   1×m") == contains(file, "-steps"));
                // In float16 the formulas' own rounding on XOR exceeds 1% of some values: the report says so.
                if (contains(file, "float64")) BOOST_TEST(!contains(r.out, "\nweak:"));
                if (problem == "xor" && contains(file, "float16")) BOOST_TEST(contains(r.out, "\nweak:    in float16, "));
            }
        }
    }
}

// Each mistake of the gallery, computed by NumPy in float64 and float32: it fails,
// on both problems (on XOR unless XOR's data hide it), and the diagnosis names it.
// Multiplied by m, or with a sign flipped, the numbers are diagnosed as seed and
// flipped-sign. (no-transpose cannot produce numbers: NumPy stops at its shapes, as
// the exercise suite shows the runner does.)
BOOST_AUTO_TEST_CASE(each_mistake_from_numpy_fails_and_is_named)
{
    std::vector<std::pair<std::string, std::string>> mistakes{{"times-m", "seed"}, {"sign", "flipped-sign"}};
    for (const xornet::GalleryEntry& e : xornet::gallery)
        if (e.derivation != xornet::Derivation::derived && e.derivation != xornet::Derivation::clamped_log
            && e.derivation != xornet::Derivation::no_transpose)
            mistakes.emplace_back(e.name, e.name);
    for (const std::string problem : {"xor", "generic"}) {
        std::vector<std::string> cases;
        for (const auto& [mistake, named] : mistakes)
            for (const char* dtype : {"float64", "float32"})
                cases.push_back(out(problem + "-" + mistake + "-" + dtype + ".json").string() + ":" + dtype + ":" + mistake);
        numpy(problem, cases);
        for (const auto& [mistake, named] : mistakes)
            for (const char* dtype : {"float64", "float32"}) {
                BOOST_TEST_CONTEXT(problem << ", " << mistake << ", " << dtype)
                {
                    const Result r = check(problem, out(problem + "-" + mistake + "-" + dtype + ".json"));
                    if (problem == "xor" && hidden_on_xor(named)) {
                        BOOST_TEST(r.status == 0, r.out);
                        BOOST_TEST(contains(r.out, "unseen here: X ⊙ X in place of X"));
                        continue;
                    }
                    BOOST_TEST(r.status == 1, r << "\n" << r.out);
                    BOOST_TEST(contains(r.out, "\ndiagnosis: most likely: " + named + " ("), r.out);
                    BOOST_TEST(contains(r.out, "\nFAIL: your "));
                }
            }
    }
}

// With the steps given, a mistake outside the gallery is placed: the first wrong step.
// A dW1 written transposed is found, and named by the pattern.
BOOST_AUTO_TEST_CASE(the_first_wrong_step_is_named)
{
    numpy("generic", {out("t.json").string() + ":float64:dW1-transposed:intermediates",
                      out("n.json").string() + ":float64:no-sigmoid-derivative:intermediates"});
    const Result t = check("generic", out("t.json"));
    BOOST_TEST(t.status == 1);
    BOOST_TEST(contains(t.out, "\ndiagnosis: first wrong step: dW1: it is the transpose of the right dW1"), t.out);
    const Result n = check("generic", out("n.json"));
    BOOST_TEST(contains(n.out, "\ndiagnosis: most likely: no-sigmoid-derivative ("), n.out);
    BOOST_TEST(contains(n.out, "dZ1   H×m = 2×5   dL/dZ1 = dA1 ⊙ A1 ⊙ (1 - A1)"), n.out);
}

// Six significant digits of a double: the last digit written, not the arithmetic,
// sets the tolerance; the report says so, the right values pass and a wrong one fails.
BOOST_AUTO_TEST_CASE(values_written_with_few_digits)
{
    numpy("generic", {out("six.json").string() + ":float64:none:digits=6", out("six-seed.json").string() + ":float64:seed:digits=6"});
    const Result right = check("generic", out("six.json"));
    BOOST_TEST(right.status == 0, right.out);
    BOOST_TEST(contains(right.out, "\nwritten: 9 value(s) with fewer digits than double carries"), right.out);
    BOOST_TEST(check("generic", out("six-seed.json")).status == 1);
}

// A weight or data value read rounded into your arithmetic is an error of its own,
// entered where the value is first read (bounds/backward_rounding.hpp). On its own it stays
// within the slack of the bound's constants (each sum is allowed n·u, about twice
// what it needs), so no check above depends on it; the propagation is checked here.
BOOST_AUTO_TEST_CASE(input_rounding_enters_the_bound_where_the_input_is_read)
{
    using gradcheck::InputErrors;
    using M = xornet::Matrix<double>;
    const auto d = xornet::xor_dataset<double>();
    const auto P = xornet::init_parameters<double>(2, 2, 1);
    const auto c = xornet::forward(P, d.X);
    xornet::BackwardCache<double> b;
    xornet::backward(P, d.X, d.Y, c, {}, &b);
    const gradcheck::Arithmetic<double> a{};
    const InputErrors<double> none{M(2, 2), M(2, 1), M(1, 2), M(1, 1), M(2, 4), M(1, 4)};
    const auto base = gradcheck::rounding_bounds(P, d.X, d.Y, a, &none);
    const double delta = 1e-10;
    InputErrors<double> x = none, y = none, w2 = none;
    x.X(0, 2) = delta;  // input 0 of example 2
    y.Y(0, 1) = delta;  // label of example 1
    w2.W2(0, 1) = delta;
    const auto bx = gradcheck::rounding_bounds(P, d.X, d.Y, a, &x), by = gradcheck::rounding_bounds(P, d.X, d.Y, a, &y),
               bw = gradcheck::rounding_bounds(P, d.X, d.Y, a, &w2);
    // (Relative comparisons written out: BOOST_TEST's tolerance turns absolute when an operand is 0.)
    const auto near = [](double x, double expected) { return std::abs(x - expected) <= 1e-5 * std::abs(expected); };
    for (std::size_t j = 0; j < 2; ++j) {
        BOOST_TEST(near(bx.Z1(j, 2) - base.Z1(j, 2), std::abs(P.W1(j, 0)) * delta));
        BOOST_TEST(bx.gradients.dW1(j, 0) - base.gradients.dW1(j, 0) >= std::abs(b.dZ1(j, 2)) * delta * (1 - 1e-5));
        BOOST_TEST(bx.Z1(j, 1) == base.Z1(j, 1)); // other examples untouched
    }
    BOOST_TEST(near(by.dZ2(0, 1) - base.dZ2(0, 1), delta / 4)); // dZ2 = (A2 - Y)/m
    BOOST_TEST(by.dZ2(0, 0) == base.dZ2(0, 0));
    for (std::size_t i = 0; i < 4; ++i) BOOST_TEST(bw.dA1(1, i) - base.dA1(1, i) >= std::abs(b.dZ2(0, i)) * delta * (1 - 1e-5));
    // And no input error, no change.
    const auto plain = gradcheck::rounding_bounds(P, d.X, d.Y, a);
    BOOST_TEST(plain.gradients.dW1.flat(0) == base.gradients.dW1.flat(0));
}

// Right values from float32 in a file that says double fail (double's rounding is far
// finer), and the diagnosis says what happened rather than blame a formula.
BOOST_AUTO_TEST_CASE(a_precision_finer_than_the_values)
{
    numpy("generic", {out("f32.json").string() + ":float32:none"});
    std::string text = read(out("f32.json"));
    const auto at = text.find("\"float32\"");
    BOOST_TEST_REQUIRE(at != std::string::npos);
    text.replace(at, 9, "\"double\"");
    std::ofstream(out("f32-said-double.json")) << text;
    const Result r = check("generic", out("f32-said-double.json"));
    BOOST_TEST(r.status == 1);
    BOOST_TEST(contains(r.out, "\ndiagnosis: every difference is within float32's rounding: were the values computed in float32, "
                               "not in double as the file says? (or is the mistake too small for float32 to show?)\n"), r.out);
}

// Inputs near ±100 (N = 5, H = 7, m = 2, found by a random search: tests/data/own_large_*.json):
// X ⊙ X is near 1e4 and Z1 near 300, so a mistake's own rounding is far larger than
// the right formulas'. The diagnosis judges a match by the mistake's own bound, and
// names it.
// And weights near ±10 on such inputs saturate hidden units: the right A1 ≈ e^-1000
// is 0 in double (the exp overflows), which the mistakes' bounds allow through η
// (N = 3, H = 8, m = 1: tests/data/own_saturated_*.json).
void mistakes_named(const std::string& problem, const std::vector<std::string>& mistakes)
{
    const std::string data = testing::env("TEST_DATA");
    const fs::path dir = exported().dir / problem;
    const Result e = run({"export", "--weights", data + "/own_" + problem + "_weights.json", "--data", data + "/own_" + problem + "_data.json",
                          "--output", dir.string()});
    BOOST_TEST_REQUIRE(e.status == 0, e.err);
    std::vector<std::string> cases{(dir / "right.json").string() + ":float64:none"};
    for (const auto& m : mistakes) cases.push_back((dir / (m + ".json")).string() + ":float64:" + m);
    std::vector<std::string> args{testing::env("TESTS_DIR") + "/own/numpy_backward.py", dir.string()};
    args.insert(args.end(), cases.begin(), cases.end());
    BOOST_TEST_REQUIRE(testing::run_program("/usr/bin/python3", args).status == 0);
    const auto check_file = [&](const std::string& name) {
        return run({"--weights", (dir / "weights.json").string(), "--data", (dir / "data.json").string(), "--gradients",
                    (dir / (name + ".json")).string()});
    };
    BOOST_TEST(check_file("right").status == 0);
    for (const auto& m : mistakes) {
        const Result r = check_file(m);
        BOOST_TEST(r.status == 1, m);
        BOOST_TEST(contains(r.out, "\ndiagnosis: most likely: " + m + " ("), problem << ", " << m << "\n" << r.out);
    }
}

BOOST_AUTO_TEST_CASE(mistakes_named_on_large_inputs)
{
    mistakes_named("large", {"x-squared", "sigmoid-derivative-at-z", "flipped-sign", "mse-chain", "first-example-bias"});
    mistakes_named("saturated", {"flipped-sign", "mse-chain", "x-squared"});
}

BOOST_AUTO_TEST_CASE(json_report)
{
    numpy("xor", {out("j.json").string() + ":float32:bias-mean:intermediates"});
    const Result r = check("xor", out("j.json"), {"--format", "json"});
    BOOST_TEST(r.status == 1);
    nlohmann::json j;
    BOOST_REQUIRE_NO_THROW(j = nlohmann::json::parse(r.out));
    BOOST_TEST(j.at("check") == "gradients");
    BOOST_TEST(j.at("precision") == "float32");
    BOOST_TEST(j.at("pass") == false);
    BOOST_TEST(j.at("reference_digits") == 50);
    BOOST_TEST(j.at("blind_spots").size() == 2u);
    BOOST_TEST(contains(j.at("diagnosis").get<std::string>(), "most likely: bias-mean"));
    const auto& arrays = j.at("arrays");
    BOOST_TEST_REQUIRE(arrays.size() == 7u); // dZ2, dA1, dZ1, then dW1, dB1, dW2, dB2
    BOOST_TEST(arrays[0].at("name") == "dZ2");
    for (const auto& a : arrays) {
        const bool bias = a.at("name") == "dB1" || a.at("name") == "dB2";
        BOOST_TEST(a.at("pass") == !bias, a.at("name"));
        BOOST_TEST(a.at("diagnosis").is_null() == !bias, a.at("name"));
        BOOST_TEST(a.at("yours").size() == a.at("reference").size());
    }
}

BOOST_AUTO_TEST_SUITE_END()

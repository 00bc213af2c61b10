// Suite `exercise`: the C++ exercise of notes/exercises/, filled in by
// tests/exercise/fill.py with the worked solution, with each mistake of the gallery,
// and with the two planted bugs; the runner must pass the first, diagnose every
// other, and say TODO for what is not written. The student's own files are never
// compiled here; whether they are as committed is checked by comparing their blocks
// (strictly when GRADCHECK_STRICT is set, as in CI; otherwise an edited file, a
// student at work, is only reported).
#include <boost/test/unit_test.hpp>

#include <sstream>
#include <string>

#include "committed.hpp"
#include "gradcheck/network/diagnosis.hpp"
#include "gradcheck/network/blind_spots.hpp"
#include "exercise_variants.hpp"
#include "gallery.hpp"
#include "gradcheck/input/problem.hpp"
#include "run_gradcheck.hpp"

namespace {

struct Run {
    int status = -1;
    std::string out;
};

Run run_variant(const std::string& name)
{
    for (const exercise::Variant& v : exercise::variants)
        if (v.name == name) {
            std::ostringstream out;
            const int status = exercise::run(v.backward, "variant " + name, out, false);
            return {status, out.str()};
        }
    BOOST_FAIL("no variant " << name << " in tests/exercise/fill.py");
    return {};
}

std::size_t count(const std::string& text, const std::string& what)
{
    std::size_t n = 0;
    for (std::size_t at = text.find(what); at != std::string::npos; at = text.find(what, at + 1)) ++n;
    return n;
}

bool contains(const std::string& text, const std::string& what) { return text.find(what) != std::string::npos; }

} // namespace

BOOST_AUTO_TEST_SUITE(exercise_suite)

BOOST_AUTO_TEST_CASE(the_worked_solution_passes)
{
    const Run r = run_variant("solution");
    BOOST_TEST(r.status == 0, r.out);
    BOOST_TEST(contains(r.out, "\nPASS: every step and all four partials agree with the exact ones on both problems"));
    BOOST_TEST(count(r.out, "   ok    ") == 14u, r.out); // 7 arrays on 2 problems
    BOOST_TEST(!contains(r.out, "FAIL"));
    BOOST_TEST(!contains(r.out, "diagnosis"));
}

BOOST_AUTO_TEST_CASE(what_is_not_written_is_todo)
{
    const Run none = run_variant("unfilled");
    BOOST_TEST(none.status == 1);
    BOOST_TEST(contains(none.out, "\nTODO: nothing written yet."), none.out);
    BOOST_TEST(count(none.out, "TODO\n") == 7u, none.out);
    const Run first = run_variant("first-step");
    BOOST_TEST(first.status == 1);
    BOOST_TEST(count(first.out, "  dZ2  1×m = 1×") == 2u, first.out); // checked on both problems
    BOOST_TEST(contains(first.out, "\nso far, so good: every array written (1 of 7) agrees on both problems; 6 still TODO\n"),
               first.out);
}

// Every mistake of the gallery, written in the exercise, fails and is named: on both
// problems, but on XOR where XOR's data hide it (x-squared), and that part passes.
BOOST_AUTO_TEST_CASE(every_gallery_mistake_is_diagnosed)
{
    const gradcheck::Problem xor_problem;
    std::size_t checked = 0;
    for (const xornet::GalleryEntry& entry : xornet::gallery) {
        if (entry.derivation == xornet::Derivation::derived || entry.derivation == xornet::Derivation::clamped_log) continue;
        BOOST_TEST_CONTEXT(entry.name)
        {
            const Run r = run_variant(std::string(entry.name));
            BOOST_TEST(r.status == 1);
            BOOST_TEST(contains(r.out, "\nFAIL: a step disagrees"), r.out);
            if (entry.derivation == xornet::Derivation::no_transpose) {
                BOOST_TEST(count(r.out, "your pass stops: matmul: inner dimensions differ") == 2u, r.out);
                BOOST_TEST(count(r.out, std::string("diagnosis: ") + gradcheck::shape_error_story) == 2u, r.out);
            } else {
                bool hidden_on_xor = false;
                for (const auto& b : gradcheck::blind_spots(xor_problem))
                    for (const auto& g : b.gallery) hidden_on_xor = hidden_on_xor || g == entry.name;
                const std::string named = "  diagnosis: most likely: " + std::string(entry.name) + " (";
                BOOST_TEST(count(r.out, named) == (hidden_on_xor ? 1u : 2u), r.out);
                BOOST_TEST(count(r.out, "  diagnosis:") == (hidden_on_xor ? 1u : 2u), r.out);
            }
            ++checked;
        }
    }
    BOOST_TEST(checked == xornet::gallery.size() - 2);
}

BOOST_AUTO_TEST_CASE(the_two_planted_bugs_are_each_diagnosed)
{
    const Run r = run_variant("planted");
    BOOST_TEST(r.status == 1);
    BOOST_TEST(count(r.out, "  dB2  1×1 = 1×1   FAIL") == 2u, r.out);
    BOOST_TEST(count(r.out, "  dW1  H×N = 2×2   FAIL") == 2u, r.out);
    BOOST_TEST(count(r.out, "   ok    ") == 10u, r.out); // the other five arrays, on both problems
    BOOST_TEST(count(r.out, "  diagnosis: 2 wrong steps, each computed from right ones: dB2: every element is 1/m") == 2u, r.out);
    BOOST_TEST(count(r.out, "; dW1: dB1 agrees, so dZ1 is right: the product is wrong") == 2u, r.out);
}

// Mistakes outside the gallery: a pattern names them, and a wrong shape is a clear message.
BOOST_AUTO_TEST_CASE(patterns_and_shapes_beyond_the_gallery)
{
    const Run t = run_variant("dW1-transposed");
    BOOST_TEST(count(t.out, "it is the transpose of the right dW1") == 2u, t.out);
    const Run s = run_variant("dW2-wrong-shape");
    BOOST_TEST(s.status == 1);
    BOOST_TEST(count(s.out, "variant dW2-wrong-shape: dW2 is 2×1, expected 1×H = 1×2 (its transpose") == 2u, s.out);
}

// The committed files hold what the variants above assume: a skeleton of todo()s and
// the two planted bugs; and the programs built from them say so.
BOOST_AUTO_TEST_CASE(the_committed_exercises)
{
    if (exercise::as_committed("notes/exercises/backward.cpp")) {
        const testing::Result r = testing::run_program(testing::env("EXERCISE"), {});
        BOOST_TEST(r.status == 1, r);
        BOOST_TEST(contains(r.out, "\nTODO: nothing written yet. Replace the todo() of the first block, dZ2, in "
                                   "notes/exercises/backward.cpp"), r.out);
    }
    if (exercise::as_committed("notes/exercises/planted_bugs.cpp")) {
        const testing::Result r = testing::run_program(testing::env("PLANTED"), {});
        BOOST_TEST(r.status == 1, r);
        BOOST_TEST(count(r.out, "   FAIL  at ") == 4u, r.out);
        const testing::Result full = testing::run_program(testing::env("PLANTED"), {"--full"});
        BOOST_TEST(count(full.out, "\nFAIL: your ") == 2u, full.out); // the per-element report of each problem
    }
    const testing::Result bad = testing::run_program(testing::env("EXERCISE"), {"--bogus"});
    BOOST_TEST(bad.status == 2, bad);
    BOOST_TEST(bad.out.empty());
    BOOST_TEST(contains(bad.err, "error: the only option is --full"), bad.err);
}

BOOST_AUTO_TEST_SUITE_END()

// Suite `cli`: the gradcheck command as a user runs it. Every test starts the
// built binary ($GRADCHECK) as a subprocess and looks only at what comes out:
// stdout, stderr and the exit status (0 all pass, 1 a check failed, 2 bad input).
#include <boost/test/unit_test.hpp>

#include <algorithm>
#include <cerrno>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <map>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include <sys/stat.h>
#include <unistd.h>

#include "gallery.hpp"
#include "run_gradcheck.hpp"
#include "gradcheck/report/sweep_files.hpp"

namespace {

namespace fs = std::filesystem;

using testing::env;
using testing::Result;
using testing::lines_of;
using testing::run;
using testing::run_program;
using testing::run_with_terminal_stderr;

std::string test_data() { return env("TEST_DATA"); }
std::string fixture(const std::string& name) { return test_data() + "/" + name; }

bool contains(const std::string& haystack, const std::string& needle) { return haystack.find(needle) != std::string::npos; }

std::size_t count_of(const std::string& text, const std::string& what)
{
    std::size_t n = 0;
    for (std::size_t at = text.find(what); at != std::string::npos; at = text.find(what, at + 1)) ++n;
    return n;
}

bool starts_with(const std::string& s, const std::string& prefix) { return s.compare(0, prefix.size(), prefix) == 0; }


std::string last_line(const std::string& text)
{
    const auto lines = lines_of(text);
    return lines.empty() ? std::string() : lines.back();
}

// Significant digits of a number written as [-]d.ddd…e±xx (or plain decimal).
std::size_t significant_digits(const std::string& number)
{
    std::string mantissa = number.substr(0, number.find_first_of("eE"));
    std::string digits;
    for (char c : mantissa)
        if (c >= '0' && c <= '9') digits += c;
    const auto first = digits.find_first_not_of('0');
    return first == std::string::npos ? 0 : digits.size() - first;
}

// Checks that a run passed: status 0, a final PASS line, a clean stderr.
void check_passes(const Result& r)
{
    BOOST_TEST(r.exited);
    BOOST_TEST(r.status == 0, r << "; stderr: " << r.err);
    BOOST_TEST(r.err.empty(), "stderr: " << r.err);
    BOOST_TEST(starts_with(last_line(r.out), "PASS"), "last line: " << last_line(r.out));
}

// A fresh directory under the system temp dir, removed with everything in it.
struct TempDir {
    fs::path path;
    TempDir()
    {
        std::string pattern = (fs::temp_directory_path() / "gradcheck-cli-XXXXXX").string();
        if (mkdtemp(pattern.data()) == nullptr) BOOST_FAIL("mkdtemp: " << std::strerror(errno));
        path = pattern;
    }
    ~TempDir()
    {
        std::error_code ec;
        fs::remove_all(path, ec);
    }
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;
};

const char* const valid_weights = R"({"W1": [[0.5, -0.25], [0.75, 1.0]], "B1": [0.125, -0.0625], "W2": [[0.5, -0.5]], "B2": [0.1]})";

// ---------------------------------------------------------------- bad-input checks

bool valid_utf8(const std::string& s)
{
    for (std::size_t i = 0; i < s.size();) {
        const auto c = static_cast<unsigned char>(s[i]);
        const std::size_t n = c < 0x80 ? 1 : (c >> 5) == 0x6 ? 2 : (c >> 4) == 0xE ? 3 : (c >> 3) == 0x1E ? 4 : 0;
        if (n == 0 || i + n > s.size()) return false;
        for (std::size_t k = 1; k < n; ++k)
            if ((static_cast<unsigned char>(s[i + k]) >> 6) != 0x2) return false;
        i += n;
    }
    return true;
}

// s for a failure message: control characters escaped, and every byte ≥ 0x80
// too when s is not valid UTF-8.
std::string escaped(const std::string& s)
{
    const bool utf8 = valid_utf8(s);
    std::string out;
    for (char ch : s) {
        const auto c = static_cast<unsigned char>(ch);
        if (c == '\n') out += "\\n";
        else if ((c >= 0x20 && c < 0x7f) || (c >= 0x80 && utf8)) out += ch;
        else {
            char hex[8];
            std::snprintf(hex, sizeof hex, "\\x%02X", c);
            out += hex;
        }
    }
    return out;
}

// What every rejected input must produce: status 2, nothing on stdout, and on
// stderr exactly one printable line "gradcheck: error: …" naming the problem.
void check_rejected(const Result& r, const std::string& fragment)
{
    BOOST_TEST(r.exited, "the program crashed: " << r);
    BOOST_TEST(r.status == 2, r << "; stderr: " << escaped(r.err));
    BOOST_TEST(r.out.empty(), "stdout is not empty: " << escaped(r.out.substr(0, 300)));
    BOOST_TEST(starts_with(r.err, "gradcheck: error: "), "stderr: " << escaped(r.err));
    BOOST_TEST(contains(r.err, fragment), "stderr \"" << escaped(r.err) << "\" does not contain \"" << fragment << "\"");
    // One line: a single newline, at the end.
    BOOST_TEST((!r.err.empty() && r.err.back() == '\n'), "stderr does not end in a newline: " << escaped(r.err));
    const auto newlines = std::count(r.err.begin(), r.err.end(), '\n');
    BOOST_TEST(newlines == 1, "stderr has " << newlines << " newlines: " << escaped(r.err));
    // Printable: no control characters (the message echoes file content).
    bool control = false;
    for (std::size_t i = 0; i + 1 < r.err.size(); ++i) {
        const auto c = static_cast<unsigned char>(r.err[i]);
        control = control || c < 0x20 || c == 0x7f;
    }
    BOOST_TEST(!control, "stderr contains a control character: " << escaped(r.err));
    // Valid UTF-8 (the messages use "×", "…"; a cut inside a character would break it).
    BOOST_TEST(valid_utf8(r.err), "stderr is not valid UTF-8: " << escaped(r.err));
}

struct CatalogueCase {
    int line = 0;
    std::string text; // the line as written
    std::vector<std::string> args;
    std::string fragment;
};

std::string expand_data(std::string s, const std::string& data)
{
    const std::string token = "@DATA@";
    for (auto at = s.find(token); at != std::string::npos; at = s.find(token, at + data.size()))
        s.replace(at, token.size(), data);
    return s;
}

// tests/bad_inputs.txt: "arguments<TAB>fragment" per line; see its header.
std::vector<CatalogueCase> read_catalogue()
{
    const std::string file = env("TESTS_DIR") + "/bad_inputs.txt";
    std::ifstream in(file);
    if (!in) BOOST_FAIL("cannot open " << file);
    const std::string data = test_data();
    std::vector<CatalogueCase> cases;
    int number = 0;
    for (std::string line; std::getline(in, line);) {
        ++number;
        if (!line.empty() && line.back() == '\r') line.pop_back();
        if (line.find_first_not_of(" \t") == std::string::npos || line[line.find_first_not_of(" \t")] == '#') continue;
        CatalogueCase c;
        c.line = number;
        c.text = line;
        const auto tab = line.find('\t');
        if (tab == std::string::npos || tab == 0 || tab + 1 == line.size()) {
            BOOST_ERROR("bad_inputs.txt:" << number << ": expected \"arguments<TAB>fragment\", got \"" << line << "\"");
            continue;
        }
        std::istringstream words(line.substr(0, tab));
        for (std::string word; std::getline(words, word, ' ');)
            if (!word.empty()) c.args.push_back(expand_data(word, data));
        c.fragment = expand_data(line.substr(tab + 1), data);
        if (c.args.empty() || c.fragment.find('\t') != std::string::npos) {
            BOOST_ERROR("bad_inputs.txt:" << number << ": no arguments, or a second tab: \"" << line << "\"");
            continue;
        }
        cases.push_back(std::move(c));
    }
    return cases;
}

} // namespace

BOOST_AUTO_TEST_SUITE(cli)

BOOST_AUTO_TEST_CASE(default_run)
{
    const Result r = run({});
    check_passes(r);
    for (const char* name : {"dL/dW1", "dL/dB1", "dL/dW2", "dL/dB2"}) BOOST_TEST(contains(r.out, name), name);
    BOOST_TEST(contains(r.out, "=== double"));
    BOOST_TEST(contains(r.out, "=== 50 digits"));
    BOOST_TEST(contains(r.out, "m = 4 examples"));
    BOOST_TEST(!contains(r.out, "FAIL"));
    // XOR first, with what its 0/1 data hide; then the generic problem, which hides nothing, and why.
    BOOST_TEST(contains(r.out, "######## problem 1 of 2: xor ########\n"));
    BOOST_TEST(contains(r.out, "\nblind    every input is 0 or 1, so x² = x; unseen here: X ⊙ X in place of X"));
    BOOST_TEST(contains(r.out, "######## problem 2 of 2: generic ########\nwhy      XOR's inputs and labels are all 0 or 1"));
    BOOST_TEST(contains(r.out, "m = 5 examples: generic data from seed 1"));
    BOOST_TEST(starts_with(last_line(r.out), "PASS: xor: double all agree"));
    BOOST_TEST(contains(last_line(r.out), ". generic: double all agree"));
    // One problem when asked for, with the hint that XOR's blind spots remain.
    const Result x = run({"--problem", "xor"});
    check_passes(x);
    BOOST_TEST(!contains(x.out, "generic data"));
    BOOST_TEST(contains(x.out, "so a pass here cannot rule such mistakes out: add --problem generic"));
}

// A given step too large for every element: all declined. The per-precision line
// then counts no digits (declined elements have none); it once reported the digits
// of declined elements as the worst agreement.
BOOST_AUTO_TEST_CASE(declined_elements_count_no_digits)
{
    const std::string notes_data = env("SOURCE_ROOT") + "/notes/data/";
    const Result all = run({"--weights", notes_data + "saturated.json", "--step", "1e3", "--precision", "double"});
    BOOST_TEST(all.exited);
    BOOST_TEST(all.status == 4, all); // not verified: nothing failed, nothing was checked
    BOOST_TEST(contains(all.out, "\ndouble: 9 of 9 declined (no element checked)\n"), all.out);
    BOOST_TEST(contains(all.out, "\nNOT VERIFIED: double 9 declined\n"), all.out);
    // Input 0 is 0 in every example, so its column of dL/dW1 is exactly 0, and h = 0.5 keeps it
    // in the series' range; every other parameter moves a pre-activation too far at that step.
    const Result most = run({"--data", env("TEST_DATA") + "/data_zero_column.json", "--step", "0.5", "--precision", "double"});
    BOOST_TEST(most.status == 4, most);
    BOOST_TEST(contains(most.out, "\ndouble: 7 of 9 declined (the others compared absolutely)\n"), most.out);
    // A given step whose tolerance exceeds every value of the gradient checks nothing: declined, never a pass.
    const Result vacuous = run({"--weights", notes_data + "confidently-right.json", "--step", "0.3", "--precision", "double"});
    BOOST_TEST(vacuous.status == 4, vacuous);
    BOOST_TEST(contains(vacuous.out, "is at least the largest value of the whole gradient: nothing can be checked"), vacuous.out);
}

BOOST_AUTO_TEST_CASE(reproducible)
{
    const Result first = run({});
    const Result second = run({});
    BOOST_TEST(!first.out.empty());
    BOOST_TEST(first.out == second.out);
    const Result json1 = run({"--format", "json", "--seed", "12345"});
    const Result json2 = run({"--format", "json", "--seed", "12345"});
    BOOST_TEST(!json1.out.empty());
    BOOST_TEST(json1.out == json2.out);
    // ...and the seed matters.
    BOOST_TEST(json1.out != run({"--format", "json", "--seed", "12346"}).out);
}

BOOST_AUTO_TEST_CASE(seed_formulas_fail_by_a_factor_m)
{
    const Result r = run({"--formulas", "seed"});
    BOOST_TEST(r.exited);
    BOOST_TEST(r.status == 1, r << "; stderr: " << r.err);
    BOOST_TEST(r.err.empty(), "stderr: " << r.err);
    BOOST_TEST(contains(r.out, "FAIL"));
    BOOST_TEST(starts_with(last_line(r.out), "FAIL"), "last line: " << last_line(r.out));
    // Every failing element row is followed by "… a/n = m": the seed drops the 1/m,
    // m = 4 on XOR and 5 on the generic problem.
    const auto lines = lines_of(r.out);
    std::size_t failing_rows = 0, ratios = 0;
    std::string m = "?";
    for (std::size_t i = 0; i < lines.size(); ++i) {
        const std::string& line = lines[i];
        if (starts_with(line, "######## problem 1")) m = "4";
        if (starts_with(line, "######## problem 2")) m = "5";
        if (line.size() >= 4 && line.compare(line.size() - 4, 4, "FAIL") == 0 && starts_with(line, "  ")) {
            ++failing_rows;
            BOOST_TEST_REQUIRE(i + 1 < lines.size());
            const std::string& next = lines[i + 1];
            const auto at = next.find("a/n = ");
            BOOST_TEST_CONTEXT("line " << i + 2 << ": " << next)
            {
                BOOST_TEST(at != std::string::npos);
                if (at != std::string::npos) {
                    ++ratios;
                    BOOST_TEST(next.substr(at + 6) == m);
                }
            }
        }
    }
    BOOST_TEST(failing_rows == 36u); // 9 elements, in double and in 50 digits, on two problems
    BOOST_TEST(ratios == failing_rows);
    // And the diagnosis names the mistake, for each problem and precision.
    std::size_t diagnoses = 0;
    for (const auto& line : lines) diagnoses += line == "diagnosis: most likely: seed (dZ2 = A2 - Y): the seed's final formulas, in the derived "
                                                        "matrix form (its sums and transposes): the 1/m of the mean loss dropped, "
                                                        "so every partial is m times too large";
    BOOST_TEST(diagnoses == 4u);
}

// Every mistake of the gallery fails the default run (XOR and the generic problem,
// double and 50 digits), x-squared included, and the one-line diagnosis names it;
// only where the data hide a mistake (x-squared on XOR) does a section pass.
BOOST_AUTO_TEST_CASE(every_gallery_mistake_fails_the_default_run)
{
    for (const xornet::GalleryEntry& entry : xornet::gallery) {
        if (entry.derivation == xornet::Derivation::derived) continue;
        BOOST_TEST_CONTEXT(entry.name)
        {
            const Result r = run({"--formulas", std::string(entry.name)});
            BOOST_TEST(r.status == 1, r << ": " << r.err);
            BOOST_TEST(starts_with(last_line(r.out), "FAIL: "));
            const std::size_t named = count_of(r.out, "\ndiagnosis: most likely: " + std::string(entry.name) + " (");
            if (entry.derivation == xornet::Derivation::no_transpose)
                BOOST_TEST(count_of(r.out, "\ndiagnosis: a product whose shapes do not fit") == 4u, r.out);
            else if (entry.derivation == xornet::Derivation::x_squared)
                BOOST_TEST(named == 2u, r.out); // the generic problem, double and 50 digits
            else if (entry.derivation == xornet::Derivation::clamped_log)
                BOOST_TEST(count_of(r.out, "\ndiagnosis: most likely: these are the derived formulas' values") == 2u, r.out); // 50 digits
            else
                BOOST_TEST(named == 4u, r.out);
        }
    }
}

// Saturated weights make every gradient vanish within rounding: a mistake confined to
// the partials then passes, and the report says that nothing confined to them can show.
BOOST_AUTO_TEST_CASE(vanishing_partials_are_called_blind)
{
    const Result r = run({"--weights", env("SOURCE_ROOT") + "/notes/data/confidently-right.json", "--formulas", "x-layout",
                          "--precision", "double"});
    BOOST_TEST(r.status == 0, r);
    BOOST_TEST(contains(r.out, "\nblind:   every element of dL/dW1, dL/dB1, dL/dW2 and dL/dB2 is within its tolerance of 0 here "
                               "(saturated sigmoids, or a tolerance as large as the gradient?): no mistake confined to them "
                               "can show here\n"), r.out);
    BOOST_TEST(!contains(run({}).out, "blind:"));
}

// A mistake whose numbers are the right ones to within the tolerance cannot be ruled
// out by a pass, and the report names it: in float with 16 hidden units, dW2 is too
// small for W2 updated first (dA1 from W2 - dW2) to move dL/dW1 beyond float's tolerance.
BOOST_AUTO_TEST_CASE(mistakes_within_the_tolerance_are_named)
{
    const Result r = run({"--precision", "float", "--problem", "xor", "--hidden", "16"});
    BOOST_TEST(r.status == 0);
    BOOST_TEST(contains(r.out, "\nblind:   at these numbers the gallery's w2-updated-first gives the right values to within the "
                               "tolerance: a pass cannot rule it out\n"), r.out);
    BOOST_TEST(run({"--precision", "float", "--problem", "xor", "--hidden", "16", "--formulas", "w2-updated-first"}).status == 0);
    const Result json = run({"--precision", "float,double", "--problem", "xor", "--format", "json"});
    const auto reports = nlohmann::json::parse(json.out).at("reports");
    BOOST_TEST(reports[0].at("hidden").size() >= 1u);
    // x-squared is hidden on XOR too, in every precision (x² = x); the data's blind line already says so.
    BOOST_TEST(reports[1].at("hidden") == nlohmann::json::array({"x-squared"}));
}

BOOST_AUTO_TEST_CASE(json_report)
{
    const Result r = run({"--format", "json"});
    BOOST_TEST(r.exited);
    BOOST_TEST(r.status == 0, r << "; stderr: " << r.err);
    BOOST_TEST(r.err.empty(), "stderr: " << r.err);
    nlohmann::json j;
    BOOST_REQUIRE_NO_THROW(j = nlohmann::json::parse(r.out));
    BOOST_TEST(j.at("pass") == true);
    BOOST_TEST(j.at("m") == 4);
    BOOST_TEST(j.at("N") == 2);
    BOOST_TEST(j.at("H") == 2);
    const auto& reports = j.at("reports");
    BOOST_TEST_REQUIRE(reports.is_array());
    BOOST_TEST_REQUIRE(reports.size() == 4u); // XOR and the generic problem, each in double and at 50 digits
    BOOST_TEST(reports[0].at("precision") == "double");
    BOOST_TEST(reports[1].at("precision") == "50");
    BOOST_TEST(reports[0].at("problem") == "xor");
    BOOST_TEST(reports[2].at("problem") == "generic");
    BOOST_TEST(reports[2].at("m") == 5);
    const auto& problems = j.at("problems");
    BOOST_TEST_REQUIRE(problems.size() == 2u);
    BOOST_TEST(problems[0].at("blind_spots").size() == 2u); // 0/1 inputs, 0/1 labels
    BOOST_TEST(problems[0].at("blind_spots")[0].at("gallery")[0] == "x-squared");
    BOOST_TEST(problems[1].at("blind_spots").empty());
    BOOST_TEST(problems[1].at("why").is_string());

    const char* names[4] = {"dL/dW1", "dL/dB1", "dL/dW2", "dL/dB2"};
    const std::vector<std::vector<int>> shapes = {{2, 2}, {2, 1}, {1, 2}, {1, 1}};
    for (std::size_t k = 0; k < reports.size(); ++k) {
        const auto& report = reports[k];
        BOOST_TEST_CONTEXT("report " << report.value("precision", "?"))
        {
            BOOST_TEST(report.at("loss").is_string());
            BOOST_TEST(report.at("pass") == true);
            BOOST_TEST(report.at("m") == (k < 2 ? 4 : 5));
            BOOST_TEST(report.at("diagnosis").is_null());
            const auto& partials = report.at("partials");
            BOOST_TEST_REQUIRE(partials.is_array());
            BOOST_TEST_REQUIRE(partials.size() == 4u);
            for (std::size_t p = 0; p < 4; ++p) {
                const auto& partial = partials[p];
                BOOST_TEST_CONTEXT(names[p])
                {
                    BOOST_TEST(partial.at("name") == names[p]);
                    BOOST_TEST(partial.at("shape").get<std::vector<int>>() == shapes[p], boost::test_tools::per_element());
                    BOOST_TEST(partial.at("pass") == true);
                    const std::size_t size = static_cast<std::size_t>(shapes[p][0] * shapes[p][1]);
                    for (const char* key : {"analytic", "numeric", "rel_error"}) {
                        BOOST_TEST_CONTEXT(key)
                        {
                            const auto& values = partial.at(key);
                            BOOST_TEST_REQUIRE(values.is_array());
                            BOOST_TEST(values.size() == size);
                            for (const auto& v : values) {
                                BOOST_TEST(v.is_string());
                                // Numbers, not "nan" or "inf".
                                if (v.is_string())
                                    BOOST_TEST(std::isfinite(std::strtod(v.get<std::string>().c_str(), nullptr)), v.dump());
                            }
                        }
                    }
                    if (k == 1)
                        for (const auto& v : partial.at("analytic"))
                            BOOST_TEST(significant_digits(v.get<std::string>()) >= 50u, v.dump());
                }
            }
        }
    }
}

BOOST_AUTO_TEST_CASE(seed_formulas_json_and_one_example)
{
    const Result r = run({"--formulas", "seed", "--format", "json"});
    BOOST_TEST(r.exited);
    BOOST_TEST(r.status == 1, r << "; stderr: " << r.err);
    nlohmann::json j;
    BOOST_REQUIRE_NO_THROW(j = nlohmann::json::parse(r.out));
    BOOST_TEST(j.at("pass") == false);
    BOOST_TEST(j.at("formulas") == "seed");
    for (const auto& report : j.at("reports")) BOOST_TEST(report.at("pass") == false);

    // With m = 1 the dropped 1/m is 1: the seed's formulas are exact.
    const Result one = run({"--formulas", "seed", "--data", fixture("one_example.json")});
    check_passes(one);
    BOOST_TEST(contains(one.out, "m = 1 examples"));
    // ...while the same data with the derived formulas also passes.
    check_passes(run({"--data", fixture("one_example.json")}));
}

BOOST_AUTO_TEST_CASE(help_and_version)
{
    for (const char* flag : {"--help", "-h"}) {
        BOOST_TEST_CONTEXT(flag)
        {
            const Result r = run({flag});
            BOOST_TEST(r.exited);
            BOOST_TEST(r.status == 0, r);
            BOOST_TEST(r.err.empty(), "stderr: " << r.err);
            BOOST_TEST(contains(r.out, "Usage"));
            for (const char* option : {"--precision", "--weights", "--data", "--hidden", "--seed", "--step", "--formulas", "--format"})
                BOOST_TEST(contains(r.out, option), option);
            for (const char* command : {"trace", "sweep", "train", "export", "graph"})
                BOOST_TEST(contains(r.out, "\n  " + std::string(command) + " "), command);
        }
    }
    const Result v = run({"--version"});
    BOOST_TEST(v.exited);
    BOOST_TEST(v.status == 0, v);
    BOOST_TEST(v.err.empty(), "stderr: " << v.err);
    BOOST_TEST(starts_with(v.out, "gradcheck "), v.out);
    BOOST_TEST(lines_of(v.out).size() == 1u, v.out);
}

BOOST_AUTO_TEST_CASE(weights_file_and_options)
{
    const Result w = run({"--weights", fixture("weights_2x2.json")});
    check_passes(w);
    BOOST_TEST(contains(w.out, "weights  weights file "));
    // The 50-digit weights are read in full: the 50-digit loss differs from double's beyond 17 digits.
    const Result wj = run({"--weights", fixture("weights_2x2.json"), "--format", "json"});
    nlohmann::json j;
    BOOST_REQUIRE_NO_THROW(j = nlohmann::json::parse(wj.out));
    BOOST_TEST(j.at("pass") == true);
    BOOST_TEST(j.at("reports").at(1).at("loss").get<std::string>() != j.at("reports").at(0).at("loss").get<std::string>());

    BOOST_TEST_CONTEXT("--weights with three hidden units and a matching --hidden")
    {
        const Result r = run({"--weights", fixture("weights_3x2.json"), "--hidden", "3"});
        check_passes(r);
        BOOST_TEST(contains(r.out, "2-3-1"));
    }
    BOOST_TEST_CONTEXT("--hidden 3")
    {
        const Result r = run({"--hidden", "3"});
        check_passes(r);
        BOOST_TEST(contains(r.out, "2-3-1"));
        BOOST_TEST(contains(r.out, "dL/dW1   H×N = 3×2"));
    }
    BOOST_TEST_CONTEXT("--data with three inputs")
    {
        const Result r = run({"--data", fixture("data_3inputs.json")});
        check_passes(r);
        BOOST_TEST(contains(r.out, "3-2-1"));
    }
    const std::vector<std::pair<std::string, std::string>> precisions = {
        {"100", "=== 100 digits"}, {"60", "=== 60 digits (MPFR)"}, {"long-double", "=== long double"}, {"double", "=== double"}};
    for (const auto& [precision, heading] : precisions) {
        BOOST_TEST_CONTEXT("--precision " << precision)
        {
            const Result r = run({"--precision", precision, "--problem", "xor"});
            check_passes(r);
            BOOST_TEST(contains(r.out, heading));
            std::size_t headings = 0; // exactly one "=== … ===" section
            for (const auto& line : lines_of(r.out)) headings += starts_with(line, "=== ");
            BOOST_TEST(headings == 1u);
        }
    }
    BOOST_TEST_CONTEXT("--step 1e-5")
    {
        const Result r = run({"--step", "1e-5", "--precision", "double"});
        check_passes(r);
        BOOST_TEST(contains(r.out, "h = 1e-5 (given)"));
    }
}

// Each line of tests/bad_inputs.txt.
BOOST_AUTO_TEST_CASE(bad_input_catalogue)
{
    const std::vector<CatalogueCase> cases = read_catalogue();
    BOOST_TEST(cases.size() >= 35u);
    for (const CatalogueCase& c : cases) {
        BOOST_TEST_CONTEXT("bad_inputs.txt:" << c.line << ": " << c.text) { check_rejected(run(c.args), c.fragment); }
    }
}

// Inputs too big to commit: generated into a temporary directory.
BOOST_AUTO_TEST_CASE(deeply_nested_files)
{
    TempDir dir;
    const std::size_t depth = 100000;
    const fs::path nested = dir.path / "nested.json";
    std::ofstream(nested) << std::string(depth, '[') << std::string(depth, ']') << "\n";
    const fs::path unclosed = dir.path / "unclosed.json";
    std::ofstream(unclosed) << std::string(depth, '{') << "\n";
    BOOST_TEST_CONTEXT("--weights, 100000 nested arrays")
    {
        check_rejected(run({"--weights", nested.string()}), "weights file '" + nested.string() + "': nesting deeper than 64 levels");
    }
    BOOST_TEST_CONTEXT("--data, 100000 nested arrays")
    {
        check_rejected(run({"--data", nested.string()}), "data file '" + nested.string() + "': nesting deeper than 64 levels");
    }
    BOOST_TEST_CONTEXT("--weights, 100000 unclosed braces")
    {
        check_rejected(run({"--weights", unclosed.string()}), "invalid JSON");
    }
}

// Paths that are not a readable regular file: a named pipe (reading it would block),
// a path through a file, and, when the tests do not run as root (root reads any
// file), a file without read permission.
BOOST_AUTO_TEST_CASE(paths_that_are_not_readable_files)
{
    TempDir dir;
    const fs::path fifo = dir.path / "pipe.json";
    BOOST_TEST_REQUIRE(::mkfifo(fifo.c_str(), 0600) == 0);
    check_rejected(run({"--weights", fifo.string()}), "weights file '" + fifo.string() + "': not a regular file");
    const fs::path file = dir.path / "data.json";
    std::ofstream(file) << R"({"X": [[0, 0]], "Y": [0]})";
    check_rejected(run({"--data", (file / "x").string()}), "': '" + file.string() + "' is a file, not a directory");
    check_rejected(run({"--data", (dir.path / "missing" / "x").string()}), "': no such file");
    fs::permissions(file, fs::perms::none);
    if (::geteuid() != 0)
        check_rejected(run({"--data", file.string()}), "data file '" + file.string() + "': cannot open (Permission denied)");
    else
        BOOST_TEST_MESSAGE("running as root, which reads any file: the permission case is not exercised");
}

BOOST_AUTO_TEST_CASE(file_size_limit)
{
    TempDir dir;
    const std::size_t limit = std::size_t(16) << 20; // 16 MiB
    const std::string text = valid_weights;
    const auto write_padded = [&](const fs::path& path, std::size_t size) {
        std::ofstream out(path, std::ios::binary);
        out << text << std::string(size - text.size(), ' ');
    };
    const fs::path too_big = dir.path / "too_big.json";
    write_padded(too_big, limit + 1);
    BOOST_TEST_REQUIRE(fs::file_size(too_big) == limit + 1);
    BOOST_TEST_CONTEXT("a weights file of 16 MiB + 1 byte")
    {
        check_rejected(run({"--weights", too_big.string()}),
                       "weights file '" + too_big.string() + "': 16777217 bytes is larger than the limit of 16777216 bytes");
    }
    fs::remove(too_big);

    // 100 MB, as a sparse file (no disk space used): refused from its size, unread.
    const fs::path huge = dir.path / "huge.json";
    write_padded(huge, text.size());
    fs::resize_file(huge, 100'000'000);
    for (const char* flag : {"--weights", "--data"})
        BOOST_TEST_CONTEXT(flag << " a file of 100 MB")
        {
            check_rejected(run({flag, huge.string()}), "': 100000000 bytes is larger than the limit of 16777216 bytes");
        }
    fs::remove(huge);

    const fs::path at_limit = dir.path / "at_limit.json";
    write_padded(at_limit, limit);
    BOOST_TEST_CONTEXT("a weights file of exactly 16 MiB")
    {
        check_passes(run({"--weights", at_limit.string(), "--precision", "double"}));
    }
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(ladder)

// --precision all --method all: one row per (precision, method), every one passing,
// and the gallery's clamped-log caught by every row but the low-precision stencils.
BOOST_AUTO_TEST_CASE(precision_ladder_table)
{
    const Result r = run({"--precision", "all", "--method", "all"});
    BOOST_TEST(r.status == 0, r << "; stderr: " << r.err);
    std::size_t rows = 0;
    for (const auto& line : lines_of(r.out))
        for (const char* problem : {"xor      ", "generic  "})
            for (const char* p : {"float ", "double ", "long-double ", "50 ", "100 "})
                if (starts_with(line, std::string(problem) + p)) {
                    ++rows;
                    BOOST_TEST(contains(line, "  pass"), line);
                }
    BOOST_TEST(rows == 60u); // 5 precisions × 6 methods × 2 problems
    BOOST_TEST(last_line(r.out) == "PASS: 60 checks, 0 failed");

    const Result clamp = run({"--precision", "double,50", "--method", "central,complex-step", "--formulas", "clamped-log", "--problem", "xor"});
    BOOST_TEST(clamp.status == 1);
    BOOST_TEST(last_line(clamp.out) == "FAIL: 4 checks, 3 failed"); // only central in double lets it through
    BOOST_TEST(contains(clamp.out, "\ndiagnosis (double, complex-step): most likely: these are the derived formulas' values"));
}

BOOST_AUTO_TEST_CASE(mpfr_1000_digits_with_the_complex_step)
{
    const Result r = run({"--precision", "1000", "--method", "complex-step"});
    check_passes(r);
    BOOST_TEST(contains(r.out, "1000 digits (MPFR)"));
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(sweep)

// The V: the error falls with h (truncation) to a minimum near u^(1/3), then rises
// again (rounding). The CSV holds every point; the plot is drawn when gnuplot exists.
BOOST_AUTO_TEST_CASE(writes_csv_with_the_v_shape_and_a_plot)
{
    TempDir dir;
    const std::string prefix = (dir.path / "v").string();
    const Result r = run({"sweep", "--precision", "double,50", "--output", prefix});
    BOOST_TEST(r.status == 0, r << "; stderr: " << r.err);
    BOOST_TEST(contains(r.out, "wrote " + prefix + ".csv"));
    std::ifstream csv(prefix + ".csv");
    std::string header;
    std::getline(csv, header);
    BOOST_TEST(header == "precision,method,h,relative_error");
    std::map<std::string, std::vector<std::pair<double, double>>> series; // precision → (h, error)
    for (std::string line; std::getline(csv, line);) {
        std::vector<std::string> cells;
        std::istringstream fields(line);
        for (std::string cell; std::getline(fields, cell, ',');) cells.push_back(cell);
        BOOST_TEST_REQUIRE(cells.size() == 4u);
        series[cells[0]].push_back({std::stod(cells[2]), std::stod(cells[3])});
    }
    BOOST_TEST(series.size() == 2u);
    for (const auto& [precision, points] : series) {
        BOOST_TEST_CONTEXT(precision)
        {
            BOOST_TEST(points.front().first == 0.1);
            auto best = std::min_element(points.begin(), points.end(),
                                         [](const auto& a, const auto& b) { return a.second < b.second; });
            // The minimum lies inside, and both arms climb by orders of magnitude from it.
            BOOST_TEST((best != points.begin() && best + 1 != points.end()));
            BOOST_TEST(points.front().second > 1e3 * best->second);
            BOOST_TEST(points.back().second > 1e3 * best->second);
        }
    }
    const bool have_gnuplot = std::system("command -v gnuplot > /dev/null 2>&1") == 0;
    if (have_gnuplot) {
        BOOST_TEST(fs::exists(prefix + ".svg"));
        BOOST_TEST(contains(r.out, "wrote " + prefix + ".svg"));
    } else {
        BOOST_TEST(contains(r.out, "plot skipped: gnuplot is not installed"));
    }
}

// A file name is never pasted into gnuplot's script: gnuplot writes the plot to its
// stdout, which is the file this program opened. A name that would close gnuplot's
// quotes and run a command (as it did before) is a name like any other; so is "it's".
BOOST_AUTO_TEST_CASE(hostile_names_are_only_names)
{
    if (std::system("command -v gnuplot > /dev/null 2>&1") != 0) return; // nothing is plotted without it
    TempDir dir;
    // A command run by gnuplot or a shell would run in this process's folder (names hold no '/').
    const fs::path witness = fs::current_path() / "INJECTED";
    fs::remove(witness);
    for (const std::string name : {"x'; system('touch INJECTED'); set output 'y", "it's", "a \"b\" $(touch INJECTED) `touch INJECTED`"}) {
        BOOST_TEST_CONTEXT(name)
        {
            const std::string prefix = (dir.path / name).string();
            const Result r = run({"sweep", "--precision", "double", "--output", prefix});
            BOOST_TEST(r.status == 0, r << "; stderr: " << r.err);
            BOOST_TEST(!fs::exists(witness), "the name ran a command");
            std::ifstream svg(prefix + ".svg");
            const std::string plot((std::istreambuf_iterator<char>(svg)), std::istreambuf_iterator<char>());
            BOOST_TEST(contains(plot, "<svg"));
            BOOST_TEST(contains(plot, "</svg>"));
            BOOST_TEST(contains(r.out, "wrote " + prefix + ".svg"));
        }
    }
    fs::remove(witness);
}

// "-" is standard output: the CSV alone, and no file named "-.csv".
BOOST_AUTO_TEST_CASE(dash_writes_the_csv_to_stdout)
{
    const Result r = run({"sweep", "--precision", "double", "--output", "-"});
    BOOST_TEST(r.status == 0, r << "; stderr: " << r.err);
    BOOST_TEST(starts_with(r.out, "precision,method,h,relative_error\ndouble,central,1.00e-01,"));
    BOOST_TEST(!contains(r.out, "wrote"));
    BOOST_TEST(!fs::exists("-.csv"));
}

// The plot takes log10 values, so steps and errors below double's range (a
// 1000-digit sweep reaches 1e-660) are drawn like any other: as numbers, gnuplot
// could not read them (it wrote an empty plot).
BOOST_AUTO_TEST_CASE(errors_beyond_double_are_plotted)
{
    if (std::system("command -v gnuplot > /dev/null 2>&1") != 0) return;
    TempDir dir;
    gradcheck::SweepReport sweep;
    for (int k = 0; k <= 30; ++k) {
        gradcheck::SweepPoint p;
        p.precision = "2000";
        p.method = "central";
        p.log10_h = -320.0 - 10.0 * k;
        p.log10_error = k <= 20 ? -400.0 - 15.0 * k : -700.0 + 20.0 * (k - 20); // a V down to 1e-700
        p.h = "1e" + std::to_string(static_cast<int>(p.log10_h));
        p.error = "1e" + std::to_string(static_cast<int>(p.log10_error));
        sweep.points.push_back(p);
    }
    std::ostringstream out;
    const std::string prefix = (dir.path / "deep").string();
    gradcheck::write_sweep(out, sweep, prefix);
    BOOST_TEST(contains(out.str(), "wrote " + prefix + ".svg"));
    std::ifstream svg(prefix + ".svg");
    const std::string plot((std::istreambuf_iterator<char>(svg)), std::istreambuf_iterator<char>());
    BOOST_TEST(contains(plot, ">-700</tspan>"), plot.substr(0, 3000)); // a tic at 10^-700 on the error axis
    BOOST_TEST(contains(plot, "optimum h = 1e-520"));
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(train)

// Training with a large rate drives the outputs towards 0 and 1; every check on the
// way passes, and the network ends up predicting XOR.
BOOST_AUTO_TEST_CASE(checks_pass_all_along_training)
{
    const Result r = run({"train", "--epochs", "3000", "--every", "1000", "--learning-rate", "5", "--precision", "double,50"});
    BOOST_TEST(r.status == 0, r << "; stderr: " << r.err);
    BOOST_TEST(contains(r.out, "double: every check passed"));
    BOOST_TEST(contains(r.out, "50: every check passed"));
    BOOST_TEST(contains(r.out, "every prediction rounds to its label"));
    BOOST_TEST(starts_with(last_line(r.out), "PASS"));
    std::size_t rows = 0;
    for (const auto& line : lines_of(r.out)) rows += starts_with(line, "3000 ") || starts_with(line, "0 ");
    BOOST_TEST(rows == 4u); // epochs 0 and 3000, in each precision
}

BOOST_AUTO_TEST_CASE(a_wrong_derivation_fails_during_training)
{
    const Result r = run({"train", "--epochs", "10", "--every", "5", "--formulas", "seed", "--precision", "double"});
    BOOST_TEST(r.status == 1);
    BOOST_TEST(contains(r.out, "a check FAILED"));
    BOOST_TEST(starts_with(last_line(r.out), "FAIL"));
    // W2 updated before dL/dW1 is computed: a mistake only a training step can make. It
    // still learns XOR, and every check fails; the gradient is not the loss's.
    const Result w2 = run({"train", "--epochs", "400", "--every", "100", "--formulas", "w2-updated-first", "--precision", "double,50"});
    BOOST_TEST(w2.status == 1, w2);
    BOOST_TEST(count_of(w2.out, "  FAIL\n") == 10u, w2.out); // epochs 0, 100, …, 400, in both precisions
    BOOST_TEST(!contains(w2.out, "  ok\n"));
    // It trains with its own steps, as its author would: another path than the derived one.
    const Result right = run({"train", "--epochs", "400", "--every", "100", "--precision", "double,50"});
    const auto final_loss = [](const std::string& out) { return out.substr(out.find("final loss"), 30); };
    BOOST_TEST(final_loss(w2.out) != final_loss(right.out));
    // A derivation whose shapes do not fit takes no step: a report, not an internal error.
    const Result shape = run({"train", "--epochs", "10", "--every", "5", "--formulas", "no-transpose", "--precision", "double"});
    BOOST_TEST(shape.status == 1, shape << ": " << shape.err);
    BOOST_TEST(contains(shape.out, "the analytic gradient cannot be formed: matmul: inner dimensions differ"), shape.out);
    BOOST_TEST(contains(shape.out, "\ndouble: FAIL before a step of training\n"), shape.out);
    BOOST_TEST(starts_with(last_line(shape.out), "FAIL"), shape.out);
    // A derivation that drives the weights to inf or NaN: training stops there, with
    // the verdict of the checks made, not an input error and no NaN printed as a result.
    const Result diverged = run({"train", "--formulas", "sigmoid-derivative-at-z", "--precision", "double"});
    BOOST_TEST(diverged.status == 1, diverged << ": " << diverged.err);
    BOOST_TEST(diverged.err.empty(), diverged.err);
    BOOST_TEST(contains(diverged.out, "\ndiverged after epoch 18: a parameter is inf or NaN"), diverged.out);
    BOOST_TEST(!contains(diverged.out, "nan"), diverged.out);
    BOOST_TEST(starts_with(last_line(diverged.out), "FAIL"), diverged.out);
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(diagnostics)

// A failing report names the worst element, both values and the ratio a/n.
BOOST_AUTO_TEST_CASE(failure_names_the_largest_mismatch_and_its_ratio)
{
    const Result r = run({"--formulas", "seed", "--precision", "double"});
    BOOST_TEST(r.status == 1);
    BOOST_TEST(contains(r.out, "largest mismatch: dL/dB2[0,0]: a = "));
    BOOST_TEST(contains(r.out, "orders of magnitude above its tolerance"));
    BOOST_TEST(contains(r.out, "; a/n = 4\n"));
}

// --only-failures: the same report, its tables cut to the elements that did not pass.
BOOST_AUTO_TEST_CASE(only_failures_shows_what_did_not_pass)
{
    for (const char* formulas : {"x-squared", "seed"}) {
        BOOST_TEST_CONTEXT(formulas)
        {
            const Result full = run({"--formulas", formulas, "--precision", "double,50"});
            const Result cut = run({"--formulas", formulas, "--precision", "double,50", "--only-failures"});
            BOOST_TEST(cut.status == full.status);
            BOOST_TEST(last_line(cut.out) == last_line(full.out));
            std::size_t at = 0, rows = 0;
            for (const std::string& line : lines_of(cut.out)) { // every line is the full report's, in order
                at = full.out.find(line + "\n", at);
                BOOST_TEST(at != std::string::npos, line);
                if (!starts_with(line, "           n = ")) continue;
                ++rows;
                BOOST_TEST(!line.ends_with("  ok"), line);
            }
            std::size_t not_ok = 0; // the full report's rows that did not pass: all of them, and no other
            for (const std::string& line : lines_of(full.out)) not_ok += starts_with(line, "           n = ") && !line.ends_with("  ok");
            BOOST_TEST(rows == not_ok);
            BOOST_TEST(rows > 0u);
        }
    }
    const Result right = run({"--precision", "double", "--only-failures"});
    check_passes(right);
    BOOST_TEST(!contains(right.out, "element  analytic")); // no table at all
}

// Exactly zero gradients (an input that is 0 in the only example) are compared by
// absolute error, and the report says so.
BOOST_AUTO_TEST_CASE(near_zero_gradients_say_absolute_error_was_used)
{
    const Result r = run({"--data", fixture("one_example.json"), "--precision", "double"});
    check_passes(r);
    BOOST_TEST(contains(r.out, "(abs): 2 element(s) with both values within the tolerance of 0: compared by absolute error"));
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(writing)

// A report that cannot be written (a full disk) is an error: one line on stderr and
// status 2, never a silent 0. /dev/full fails every write with ENOSPC.
BOOST_AUTO_TEST_CASE(a_failed_write_is_an_error)
{
    const std::string gradcheck = env("GRADCHECK");
    for (const std::string args : {"--precision double", "--precision double --format json", "--help", "sweep --precision double --output -",
                                   "trace", "graph --output -", "train --epochs 10 --every 5 --precision double"}) {
        BOOST_TEST_CONTEXT(args)
        {
            const Result r = run_program("/bin/sh", {"-c", "exec \"$0\" " + args + " > /dev/full", gradcheck});
            BOOST_TEST(r.status == 2, r << "; stderr: " << r.err);
            BOOST_TEST(r.err == "gradcheck: error: cannot write to standard output (No space left on device)\n");
        }
    }
}

// In a terminal, a run longer than a second shows its progress on stderr and clears
// it before the report; in a pipe or a log it shows nothing.
BOOST_AUTO_TEST_CASE(progress_in_a_terminal_only)
{
    const std::vector<std::string> args = {"train", "--precision", "300", "--epochs", "4000", "--every", "2000"};
    const Result shown = run_with_terminal_stderr(args);
    BOOST_TEST(shown.status == 0, shown << "; stderr: " << escaped(shown.err));
    BOOST_TEST(contains(shown.err, "\r\033[Ktrain in 300 digits, central: epoch "), escaped(shown.err));
    BOOST_TEST(contains(shown.err, " of 4000"), escaped(shown.err));
    BOOST_TEST(shown.err.ends_with("\r\033[K"), escaped(shown.err)); // cleared before the report
    BOOST_TEST(!contains(shown.out, "\033"));
    BOOST_TEST(starts_with(last_line(shown.out), "PASS"));
    const Result quiet = run(args);
    BOOST_TEST(quiet.err.empty(), escaped(quiet.err));
    BOOST_TEST(quiet.out == shown.out);
}

// --step takes a step below double's range where the precision holds it: a
// 1000-digit check's best step is about u^(1/3) ≈ 1e-333.
BOOST_AUTO_TEST_CASE(steps_beyond_double_at_high_precision)
{
    const Result r = run({"--precision", "1000", "--step", "1e-333", "--problem", "xor"});
    check_passes(r);
    BOOST_TEST(contains(r.out, "h = 1e-333 (given)"), r.out);
}

BOOST_AUTO_TEST_SUITE_END()

// The corners where the verdict was wrong before (issue "a verdict you can trust"),
// each on the command as its user would meet it. The suite `verdicts` draws many more.
BOOST_AUTO_TEST_SUITE(corners)

// Steps given by hand: the right formulas are never failed (a bound that does not
// hold at that step declines the element), …
BOOST_AUTO_TEST_CASE(given_steps_never_fail_the_right_formulas)
{
    for (const std::vector<std::string>& args : {std::vector<std::string>{"--step", "1", "--precision", "double"},
                                                {"--method", "complex-step", "--step", "1e-4", "--precision", "double"},
                                                {"--method", "complex-step", "--step", "1e-20", "--precision", "50"},
                                                {"--method", "richardson", "--step", "1", "--precision", "double"},
                                                {"--method", "central6", "--step", "0.5", "--precision", "double"}}) {
        const Result r = run(args);
        BOOST_TEST_CONTEXT(args[1] << " " << args[3])
        {
            BOOST_TEST((r.status == 0 || r.status == 4), r << "; " << last_line(r.out));
            BOOST_TEST(!starts_with(last_line(r.out), "FAIL"), last_line(r.out));
        }
    }
}

// … and never pass a mistake: the complex step at h = 1 compared every element
// absolutely and passed the seed's formulas.
BOOST_AUTO_TEST_CASE(given_steps_never_pass_a_mistake)
{
    for (const char* mistake : {"seed", "flipped-sign", "no-sigmoid-derivative", "first-example-bias"})
        for (const char* method : {"complex-step", "central", "richardson"}) {
            BOOST_TEST_CONTEXT(mistake << ", " << method)
            {
                const Result r = run({"--method", method, "--step", "1", "--formulas", mistake});
                BOOST_TEST(r.status == 1, r << "; " << last_line(r.out));
            }
        }
}

// --fast's ladder rows keep the columns of the full check's.
BOOST_AUTO_TEST_CASE(fast_ladder_keeps_its_columns)
{
    const Result r = run({"--precision", "double,50", "--method", "central,central4", "--fast", "--problem", "xor"});
    BOOST_TEST(r.status == 0, r);
    std::size_t result_column = std::string::npos, rows = 0;
    for (const auto& line : lines_of(r.out)) {
        if (starts_with(line, "precision ")) result_column = line.find("result");
        if (!starts_with(line, "double ") && !starts_with(line, "50 ")) continue;
        ++rows;
        BOOST_TEST(line.find("pass") == result_column, line);
        BOOST_TEST(line.find("-       -       -       -") != std::string::npos, line); // one column per partial
    }
    BOOST_TEST(rows == 4u);
}

// The JSON report never prints a non-number where a number goes ("nan", "inf").
BOOST_AUTO_TEST_CASE(json_numbers_are_numbers)
{
    for (const std::vector<std::string>& args :
         {std::vector<std::string>{"--weights", env("SOURCE_ROOT") + "/notes/data/saturated-1000.json", "--method", "all", "--precision", "float,double"},
          {"--step", "1e3", "--precision", "double"},
          {"--weights", env("SOURCE_ROOT") + "/notes/data/confidently-wrong.json", "--method", "all", "--precision", "float,double"},
          // inputs of ±100 saturate float's dual numbers: the tolerance was printed as "nan"
          {"--weights", env("TEST_DATA") + "/saturating_weights.json", "--data", env("TEST_DATA") + "/saturating_data.json",
           "--method", "autodiff", "--precision", "float"}}) {
        const Result r = run(args);
        std::vector<std::string> json_args = args;
        json_args.insert(json_args.end(), {"--format", "json"});
        const Result j = run(json_args);
        BOOST_TEST(j.status == r.status);
        for (const char* bad : {"\"nan\"", "\"-nan\"", "\"inf\"", "\"-inf\"", "nan\"", "inf\""})
            BOOST_TEST(!contains(j.out, bad), bad << " in the JSON report of " << args[1]);
    }
}

BOOST_AUTO_TEST_SUITE_END()

// gradcheck graph: the forward graph with each array's value and adjoint. The
// numbers it draws are checked against what `trace` prints for the same problem.
BOOST_AUTO_TEST_SUITE(graph)

namespace {

// trace's arrays by name, each as its values in row-major order, as printed; "L" the loss.
std::map<std::string, std::vector<std::string>> traced_arrays(const std::string& trace)
{
    std::map<std::string, std::vector<std::string>> arrays;
    std::string current;
    for (const std::string& line : lines_of(trace)) {
        if (starts_with(line, "L = ")) arrays["L"] = {line.substr(4, line.find(' ', 4) - 4)};
        if (line.empty() || line[0] != ' ') {
            current = line.empty() ? "" : line.substr(0, line.find(' '));
            continue;
        }
        std::istringstream words(line);
        for (std::string w; words >> w;) arrays[current].push_back(w);
    }
    return arrays;
}

// The words of an HTML-like label's text, its tags taken for spaces.
std::vector<std::string> words_of(const std::string& html)
{
    std::string text;
    for (std::size_t i = 0; i < html.size(); ++i) {
        if (html[i] == '<') i = html.find('>', i), text += ' ';
        else text += html[i];
    }
    std::vector<std::string> words;
    std::istringstream in(text);
    for (std::string w; in >> w;) words.push_back(w);
    return words;
}

// A node of the DOT text: its heading, value and adjoint cells (empty if no such node).
std::vector<std::string> cells_of(const std::string& dot, const std::string& node)
{
    const std::string start = "\n  " + node + " [label=<";
    const auto at = dot.find(start);
    if (at == std::string::npos) return {};
    const std::string line = dot.substr(at + 1, dot.find('\n', at + 1) - at - 1);
    std::vector<std::string> cells;
    for (std::size_t from = line.find("<TD"); from != std::string::npos; from = line.find("<TD", from + 1))
        cells.push_back(line.substr(line.find('>', from) + 1, line.find("</TD>", from) - line.find('>', from) - 1));
    return cells;
}

// The numbers of an adjoint cell: its first line is the heading.
std::vector<std::string> adjoint_values(const std::string& cell)
{
    const auto br = cell.find("<BR/>");
    return br == std::string::npos ? std::vector<std::string>{} : words_of(cell.substr(br));
}

std::string read_file(const fs::path& file)
{
    std::ifstream in(file, std::ios::binary);
    return std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
}

bool have_dot() { return std::system("command -v dot > /dev/null 2>&1") == 0; }

} // namespace

// Every array node holds the values trace prints and, below them, its adjoint as
// trace prints it (dZ1 for Z1, dW1 for W1, ...); A2's adjoint dL/dA2, which the
// backward pass never forms, is recomputed here from trace's A2 and Y.
BOOST_AUTO_TEST_CASE(every_node_holds_the_values_and_adjoints_trace_prints)
{
    const std::string notes_data = env("SOURCE_ROOT") + "/notes/data/";
    const std::vector<std::vector<std::string>> problems = {
        {}, {"--formulas", "seed", "--precision", "50"}, {"--hidden", "3", "--seed", "7", "--precision", "float"},
        {"--data", fixture("data_3inputs.json"), "--precision", "30"}, {"--weights", notes_data + "saturated.json"}};
    for (const auto& options : problems) {
        std::string context;
        for (const auto& o : options) context += o + " ";
        BOOST_TEST_CONTEXT("gradcheck graph " << context)
        {
            std::vector<std::string> trace_args{"trace"}, graph_args{"graph", "--output", "-"};
            trace_args.insert(trace_args.end(), options.begin(), options.end());
            graph_args.insert(graph_args.end(), options.begin(), options.end());
            const Result trace = run(trace_args), graph = run(graph_args);
            BOOST_TEST_REQUIRE(trace.status == 0, trace);
            BOOST_TEST_REQUIRE(graph.status == 0, graph << "; stderr: " << graph.err);
            BOOST_TEST(graph.err.empty(), graph.err);
            const auto arrays = traced_arrays(trace.out);
            const std::string& dot = graph.out;
            BOOST_TEST(starts_with(dot, "// gradcheck graph"));
            BOOST_TEST(contains(dot, "\ndigraph forward {\n"));
            BOOST_TEST(contains(dot, "rankdir=TB"));
            for (const std::string name : {"X", "Y", "W1", "B1", "Z1", "A1", "W2", "B2", "Z2", "A2", "L"}) {
                BOOST_TEST_CONTEXT("node " << name)
                {
                    const auto cells = cells_of(dot, name);
                    BOOST_TEST_REQUIRE(cells.size() == 3u);
                    BOOST_TEST(words_of(cells[0]).front() == name);
                    BOOST_TEST_REQUIRE(arrays.count(name) == 1u);
                    BOOST_TEST(words_of(cells[1]) == arrays.at(name), cells[1]);
                    for (const std::string& v : adjoint_values(cells[2])) BOOST_TEST(std::isfinite(std::stod(v)), v);
                    if (name == "X" || name == "Y") BOOST_TEST(contains(cells[2], "not differentiated"));
                    else if (name == "L") BOOST_TEST(adjoint_values(cells[2]) == std::vector<std::string>{"1"});
                    else if (name != "A2") BOOST_TEST(adjoint_values(cells[2]) == arrays.at("d" + name), cells[2]);
                    if (name != "L" && name != "X" && name != "Y") BOOST_TEST(words_of(cells[2]).front() == "d" + name);
                }
            }
            // dL/dA2 = (1/m)(−Y/A2 + (1 − Y)/(1 − A2)); where A2 is printed as 1, a label of 1 gives −1/m.
            const auto dA2 = adjoint_values(cells_of(dot, "A2").at(2));
            const auto& A2 = arrays.at("A2");
            const auto& Y = arrays.at("Y");
            BOOST_TEST_REQUIRE(dA2.size() == A2.size());
            const double m = static_cast<double>(A2.size());
            for (std::size_t i = 0; i < A2.size(); ++i) {
                const double a = std::stod(A2[i]), y = std::stod(Y[i]), shown = std::stod(dA2[i]);
                if (a == 1.0 && y == 1.0) {
                    BOOST_TEST(shown == -1.0 / m);
                    continue;
                }
                if (1.0 - a < 1e-3) continue; // 1 − A2 keeps too few of the digits trace prints
                const double expected = (-y / a + (1.0 - y) / (1.0 - a)) / m;
                BOOST_TEST(std::abs(shown - expected) <= 1e-5 * std::abs(expected), "dA2[" << i << "] = " << shown << ", expected " << expected);
            }
            // The edges follow the forward pass.
            for (const char* edge : {"X -> Z1_op", "W1 -> Z1_op", "B1 -> Z1_op", "Z1_op -> Z1", "Z1 -> A1_op", "A1_op -> A1",
                                     "A1 -> Z2_op", "W2 -> Z2_op", "B2 -> Z2_op", "Z2_op -> Z2", "Z2 -> A2_op", "A2_op -> A2",
                                     "A2 -> L_op", "Y -> L_op", "L_op -> L"})
                BOOST_TEST(contains(dot, std::string("\n  ") + edge + ";\n"), edge);
            BOOST_TEST(count_of(dot, " -> ") == 15u);
        }
    }
}

// FILE.dot is the same text as --output -, needs no Graphviz, and is the same bytes every time.
BOOST_AUTO_TEST_CASE(dot_file_without_graphviz)
{
    TempDir dir;
    const std::string file = (dir.path / "forward.dot").string();
    const char* path = std::getenv("PATH");
    const std::string saved = path ? path : "";
    setenv("PATH", "/nonexistent", 1); // no dot to be found
    const Result r = run({"graph", "--output", file});
    const Result svg = run({"graph", "--output", (dir.path / "forward.svg").string()});
    setenv("PATH", saved.c_str(), 1);
    BOOST_TEST(r.status == 0, r << "; stderr: " << r.err);
    BOOST_TEST(r.out == "wrote " + file + "\n");
    BOOST_TEST(r.err.empty());
    BOOST_TEST(read_file(file) == run({"graph", "--output", "-"}).out);
    BOOST_TEST(run({"graph", "--output", "-"}).out == run({"graph", "--output", "-"}).out);
    // Without dot, an SVG is refused, with what to install, and nothing is written.
    check_rejected(svg, "graph: Graphviz's dot is not installed (apt-get install graphviz)");
    BOOST_TEST(!fs::exists(dir.path / "forward.svg"));
}

// FILE.svg is drawn by dot: an SVG document holding the arrays and the adjoints, the same bytes every time.
BOOST_AUTO_TEST_CASE(svg_drawn_by_graphviz)
{
    if (!have_dot()) {
        BOOST_TEST_MESSAGE("dot is not installed (apt-get install graphviz): no SVG drawn");
        return;
    }
    TempDir dir;
    const std::string file = (dir.path / "forward.svg").string();
    const Result r = run({"graph", "--output", file, "--precision", "50"});
    BOOST_TEST(r.status == 0, r << "; stderr: " << r.err);
    BOOST_TEST(r.out == "wrote " + file + "\n");
    BOOST_TEST(r.err.empty());
    const std::string svg = read_file(file);
    BOOST_TEST((starts_with(svg, "<?xml") || starts_with(svg, "<svg")), svg.substr(0, 200));
    BOOST_TEST(contains(svg, "</svg>"));
    for (const char* text : {">Z1<", ">dZ1<", ">dW1<", ">dA2<", "dL/dL"}) BOOST_TEST(contains(svg, text), text);
    BOOST_TEST(run({"graph", "--output", file, "--precision", "50"}).status == 0);
    BOOST_TEST(read_file(file) == svg);
    // A folder that does not exist: one line, status 2.
    check_rejected(run({"graph", "--output", (dir.path / "none" / "g.svg").string()}),
                   "graph: cannot write " + (dir.path / "none" / "g.svg").string() + " (No such file or directory)");
}

BOOST_AUTO_TEST_SUITE_END()

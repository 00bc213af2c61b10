// Suite `notes`: the notes and the README cannot drift from the code.
//
// 1. Quoted output. Every ```text block is a quoted run: its first line is the
//    command as a reader types it from the repository root,
//        $ build/gradcheck/gradcheck ARGS
//    (or build/notes/exercises/exercise, build/notes/exercises/planted-bugs),
//    visible in the markdown and on the page. The command is re-run (ARGS split
//    on spaces) and the rest of the block must appear in the program's stdout
//    (then stderr, for a quoted error message)
//    exactly, line for line. A line holding only "⋮" separates excerpts; each
//    excerpt must appear whole, in order.
//    Nothing is normalised: the output is deterministic. The exercise programs
//    (`exercise`, `planted-bugs`) are quoted the same way, while their source file
//    is as committed (tests/exercise/committed.hpp).
// 2. Code references. A link whose text is a `name` in backticks and whose target
//    is a file under lib/, gradcheck/ or tests/ must name something that file
//    declares: a function, type or alias, or, in tests/, a Boost.Test case or
//    suite ("suite/case" checks both). Any other relative link must point to an
//    existing file.
// 3. The picture notes/graph.svg is what `gradcheck graph` draws now.
#include <boost/test/unit_test.hpp>

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <regex>
#include <sstream>
#include <string>
#include <vector>

#include <unistd.h>

#include "committed.hpp"
#include "run_gradcheck.hpp"

namespace fs = std::filesystem;
using testing::lines_of;

namespace {


std::string read(const fs::path& file)
{
    std::ifstream in(file);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

fs::path root() { return fs::path(testing::env("SOURCE_ROOT")); }

std::vector<fs::path> documents()
{
    std::vector<fs::path> files{root() / "README.md", root() / "tests" / "README.md"};
    for (const fs::path& dir : {root() / "notes", root() / "notes" / "exercises", root() / "notes" / "exercises" / "solutions"})
        for (const auto& entry : fs::directory_iterator(dir))
            if (entry.path().extension() == ".md") files.push_back(entry.path());
    std::sort(files.begin(), files.end());
    return files;
}

// Finds `excerpt` as consecutive lines of `lines`, starting at or after `from`;
// returns the index after it, or npos.
std::size_t find_excerpt(const std::vector<std::string>& lines, const std::vector<std::string>& excerpt, std::size_t from)
{
    for (std::size_t start = from; start + excerpt.size() <= lines.size(); ++start) {
        std::size_t k = 0;
        while (k < excerpt.size() && lines[start + k] == excerpt[k]) ++k;
        if (k == excerpt.size()) return start + k;
    }
    return std::string::npos;
}

bool declares(const std::string& source, const std::string& name, bool is_test_file)
{
    if (is_test_file) {
        const std::regex test("BOOST_(AUTO_TEST_CASE|AUTO_TEST_CASE_TEMPLATE|AUTO_TEST_SUITE|DATA_TEST_CASE)\\(\\s*" + name + "\\b");
        return std::regex_search(source, test);
    }
    const std::regex function("\\b" + name + "\\s*(<[^;{}]*>)?\\s*\\(");
    const std::regex type("\\b(struct|class|enum class|enum|using)\\s+" + name + "\\b");
    const std::regex constant("\\b(constexpr|const)\\b[^;(]*\\b" + name + "\\s*(\\{|=)"); // a table, a constant
    return std::regex_search(source, function) || std::regex_search(source, type) || std::regex_search(source, constant);
}

// A heading's anchor as GitHub (and pandoc's gfm reader) makes it: lower case,
// letters, digits, '-' and '_' kept, each space a '-', everything else dropped.
// Non-ASCII letters are kept (Latin and Greek); other symbols (×, ⊙, —) dropped.
std::string anchor_of(const std::string& heading)
{
    std::string slug;
    for (std::size_t i = 0; i < heading.size();) {
        const unsigned char c = static_cast<unsigned char>(heading[i]);
        const std::size_t length = c < 0x80 ? 1 : c < 0xe0 ? 2 : c < 0xf0 ? 3 : 4;
        if (length == 1) {
            if (std::isalnum(c) || c == '-' || c == '_') slug += static_cast<char>(std::tolower(c));
            else if (c == ' ') slug += '-';
        } else if (length == 2 && (c == 0xc3 || (c >= 0xcd && c <= 0xcf))) {
            slug += heading.substr(i, 2); // Latin-1 letters, Greek
        }
        i += length;
    }
    return slug;
}

// Every heading's anchor in a markdown file (outside fenced blocks), with
// GitHub's -1, -2 ... for repeats.
std::vector<std::string> anchors_of(const std::string& text)
{
    std::vector<std::string> anchors;
    bool fenced = false;
    for (const std::string& line : lines_of(text)) {
        if (line.rfind("```", 0) == 0) fenced = !fenced;
        if (fenced || line.empty() || line[0] != '#') continue;
        const std::size_t start = line.find_first_not_of('#');
        if (start == std::string::npos || line[start] != ' ') continue;
        const std::string base = anchor_of(line.substr(start + 1));
        std::string anchor = base;
        for (int k = 1; std::find(anchors.begin(), anchors.end(), anchor) != anchors.end(); ++k)
            anchor = base + "-" + std::to_string(k);
        anchors.push_back(anchor);
    }
    return anchors;
}

int quotes_checked = 0;
int references_checked = 0;
int anchors_checked = 0;

} // namespace

BOOST_AUTO_TEST_SUITE(notes)

BOOST_AUTO_TEST_CASE(quoted_output_is_what_the_program_prints)
{
    fs::current_path(root()); // the quoted commands use paths relative to the repository root
    // The sweep's quoted command writes to build/ (git-ignored), which a build
    // directory of another name would not have created.
    fs::create_directories(root() / "build");
    const std::regex command("^\\$ build/(gradcheck/gradcheck|notes/exercises/exercise|notes/exercises/planted-bugs|notes/library/own-function) ?(.*)$");
    for (const fs::path& file : documents()) {
        // A block inside a list item is indented: its lines lose that indentation.
        auto lines = lines_of(read(file));
        for (std::size_t i = 0, indent = 0; i < lines.size(); ++i) {
            const std::size_t first = lines[i].find_first_not_of(' ');
            if (first != std::string::npos && lines[i].compare(first, std::string::npos, "```text") == 0) indent = first;
            if (indent > 0) {
                if (lines[i].find_first_not_of(' ') < indent && !lines[i].empty()) indent = 0;
                else lines[i].erase(0, std::min(indent, lines[i].size()));
                if (lines[i] == "```") indent = 0;
            }
        }
        for (std::size_t i = 0; i < lines.size(); ++i) {
            BOOST_TEST(lines[i].rfind("<!-- output:", 0) != 0,
                       fs::relative(file, root()).string() << ":" << i + 1 << ": a hidden command; put it in the block as its first line");
            if (lines[i] != "```text") continue;
            const std::string where = fs::relative(file, root()).string() + ":" + std::to_string(i + 1);
            std::smatch m;
            BOOST_TEST_REQUIRE((i + 1 < lines.size() && std::regex_match(lines[i + 1], m, command)),
                               where << ": a text block must begin with the command that prints it ($ build/gradcheck/gradcheck ...)");
            const std::string program = m[1] == "gradcheck/gradcheck" ? "gradcheck" : m[1] == "notes/exercises/exercise" ? "exercise"
                                        : m[1] == "notes/library/own-function" ? "own-function" : "planted-bugs";
            BOOST_TEST_CONTEXT(where << ": " << lines[i + 1])
            {
                std::vector<std::vector<std::string>> excerpts(1);
                std::size_t j = i + 2;
                for (; j < lines.size() && lines[j].rfind("```", 0) != 0; ++j) {
                    if (lines[j] == "⋮") excerpts.emplace_back();
                    else excerpts.back().push_back(lines[j]);
                }
                BOOST_TEST_REQUIRE(j < lines.size(), "the fenced block is not closed");
                // A block may open with "⋮": the output before its first excerpt is left out.
                if (excerpts.size() > 1 && excerpts.front().empty()) excerpts.erase(excerpts.begin());
                std::vector<std::string> args;
                std::istringstream words(m[2].str());
                for (std::string w; words >> w;) args.push_back(w);
                const bool exercise_program = program == "exercise" || program == "planted-bugs";
                if (exercise_program
                    && !exercise::as_committed(program == "exercise" ? "notes/exercises/backward.cpp" : "notes/exercises/planted_bugs.cpp")) {
                    i = j;
                    continue;
                }
                const char* variable = program == "exercise" ? "EXERCISE" : program == "planted-bugs" ? "PLANTED" : "OWN_FUNCTION";
                const testing::Result r = program == "gradcheck" ? testing::run(args) : testing::run_program(testing::env(variable), args);
                BOOST_TEST(r.exited);
                // What a reader sees in the terminal: stdout, then any message on stderr.
                auto output = lines_of(r.out);
                for (const std::string& line : lines_of(r.err)) output.push_back(line);
                std::size_t from = 0;
                for (const auto& excerpt : excerpts) {
                    BOOST_TEST_REQUIRE(!excerpt.empty(), "an empty excerpt");
                    const std::size_t next = find_excerpt(output, excerpt, from);
                    BOOST_TEST(next != std::string::npos,
                               "the program does not print this excerpt (first line: \"" << excerpt.front() << "\")");
                    if (next != std::string::npos) from = next;
                }
                ++quotes_checked;
                i = j;
            }
        }
    }
    // The README quotes the default report; each of the six notes quotes at least one run.
    BOOST_TEST(quotes_checked >= 7);
}

// A script that writes "\\frac" as "\frac" leaves a form feed and "rac" in the
// maths; no control character other than the newline belongs in a document.
BOOST_AUTO_TEST_CASE(documents_hold_no_control_characters)
{
    for (const fs::path& file : documents()) {
        const auto lines = lines_of(read(file));
        for (std::size_t i = 0; i < lines.size(); ++i)
            for (unsigned char c : lines[i])
                BOOST_TEST((c >= 0x20 && c != 0x7f), fs::relative(file, root()).string()
                                                         << ":" << i + 1 << ": control character " << int(c));
    }
}

// Claims the notes once made and were found false; each stays retracted. The
// runs that show the truth are quoted where the claim was (and so rechecked by
// quoted_output_is_what_the_program_prints).
BOOST_AUTO_TEST_CASE(false_claims_stay_retracted)
{
    struct Retracted {
        const char* phrase; // lower case, words separated by single spaces
        const char* why;
    };
    const Retracted retracted[] = {
        {"nowhere to hide", "X ⊙ X for X passes on XOR at 50 digits (notes/05, --formulas x-squared)"},
        {"to \"exactly right\"", "a 50-digit pass means right at these numbers, not right (notes/05)"},
        {"computes exactly 0 for each", "on confidently-right.json dB2 is 3.56e-218, not 0 (notes/06)"},
        {"same as a forward difference", "a central difference costs 2P loss evaluations, a forward one P + 1 (notes/05)"},
        {"a sum in the forward pass becomes a matrix product",
         "dA1 = W2ᵀ·dZ2 is a matrix product that sums over nothing (notes/03)"},
        {"literal formulas", "--formulas seed is the seed's final formulas in the derived matrix form (notes/04)"},
    };
    for (const fs::path& file : documents()) {
        // Lower case, with every run of white space (line breaks too) as one space.
        std::string text;
        for (char c : read(file)) {
            const char lower = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
            if (std::isspace(static_cast<unsigned char>(c))) {
                if (!text.empty() && text.back() != ' ') text += ' ';
            } else text += lower;
        }
        for (const Retracted& r : retracted)
            BOOST_TEST(text.find(r.phrase) == std::string::npos,
                       fs::relative(file, root()).string() << ": \"" << r.phrase << "\" is a retracted claim: " << r.why);
    }
}

// Note 0 restates the seed in numbered lines, S1, S2, ... in order, each once; the
// errata cite them by number, and every line they cite exists.
BOOST_AUTO_TEST_CASE(seed_lines_are_numbered_and_cited)
{
    const std::regex row("^\\| S([0-9]+) \\|");
    int expected = 1;
    for (const std::string& line : lines_of(read(root() / "notes" / "00-the-seed.md"))) {
        std::smatch m;
        if (!std::regex_search(line, m, row)) continue;
        BOOST_TEST(std::stoi(m[1]) == expected, "notes/00-the-seed.md: S" << m[1] << " where S" << expected << " was due");
        expected = std::stoi(m[1]) + 1;
    }
    const int lines = expected - 1;
    BOOST_TEST(lines >= 40, "notes/00-the-seed.md numbers " << lines << " lines");
    const std::string errata = read(root() / "notes" / "04-errata.md");
    const std::regex cited("\\[S([0-9]+)\\]\\(00-the-seed\\.md");
    int citations = 0;
    for (auto it = std::sregex_iterator(errata.begin(), errata.end(), cited); it != std::sregex_iterator(); ++it, ++citations)
        BOOST_TEST((std::stoi((*it)[1]) >= 1 && std::stoi((*it)[1]) <= lines), "notes/04-errata.md cites S" << (*it)[1]);
    BOOST_TEST(citations >= 10, "notes/04-errata.md cites " << citations << " seed lines");
}

BOOST_AUTO_TEST_CASE(referenced_code_and_tests_exist)
{
    const std::regex code_link("\\[`([A-Za-z_][A-Za-z0-9_:/]*)`\\]\\(([^)\\s#]+)\\)");
    const std::regex any_link("\\]\\(([^)\\s#]*)(#[^)\\s]*)?\\)");
    for (const fs::path& file : documents()) {
        const std::string text = read(file);
        const std::string name = fs::relative(file, root()).string();
        for (auto it = std::sregex_iterator(text.begin(), text.end(), any_link); it != std::sregex_iterator(); ++it) {
            const std::string target = (*it)[1];
            const std::string anchor = (*it)[2].matched ? (*it)[2].str().substr(1) : "";
            if (target.find("://") != std::string::npos || (target.empty() && anchor.empty())) continue;
            const fs::path linked = target.empty() ? file : file.parent_path() / target;
            BOOST_TEST(fs::exists(linked), name << ": link to a missing file " << target);
            if (!anchor.empty() && linked.extension() == ".md" && fs::is_regular_file(linked)) {
                const auto anchors = anchors_of(read(linked));
                BOOST_TEST((std::find(anchors.begin(), anchors.end(), anchor) != anchors.end()),
                           name << ": link to a missing heading " << target << "#" << anchor);
                ++anchors_checked;
            }
        }
        for (auto it = std::sregex_iterator(text.begin(), text.end(), code_link); it != std::sregex_iterator(); ++it) {
            const std::string symbol = (*it)[1];
            const fs::path target = fs::weakly_canonical(file.parent_path() / (*it)[2].str());
            const std::string relative = fs::relative(target, root()).string();
            const bool is_code = relative.rfind("lib/", 0) == 0 || relative.rfind("gradcheck/", 0) == 0 || relative.rfind("tests/", 0) == 0;
            if (!is_code || !fs::is_regular_file(target)) continue;
            const std::string source = read(target);
            const bool is_test_file = relative.rfind("tests/", 0) == 0;
            std::istringstream parts(symbol);
            for (std::string part; std::getline(parts, part, '/');) {
                const std::string last = part.substr(part.rfind(':') == std::string::npos ? 0 : part.rfind(':') + 1);
                BOOST_TEST(declares(source, last, is_test_file),
                           name << ": `" << symbol << "` is not declared in " << relative);
            }
            ++references_checked;
        }
    }
    BOOST_TEST(references_checked >= 12);
    BOOST_TEST(anchors_checked >= 5);
}

// notes/graph.svg is what `gradcheck graph --output notes/graph.svg` draws now: the same
// bytes but for Graphviz's comment naming its version.
BOOST_AUTO_TEST_CASE(graph_picture_is_what_the_command_draws)
{
    if (std::system("command -v dot > /dev/null 2>&1") != 0) {
        BOOST_TEST_MESSAGE("dot is not installed (apt-get install graphviz): notes/graph.svg not compared");
        return;
    }
    const fs::path drawn = fs::temp_directory_path() / ("gradcheck-notes-graph-" + std::to_string(::getpid()) + ".svg");
    const testing::Result r = testing::run({"graph", "--output", drawn.string()});
    BOOST_TEST_REQUIRE(r.status == 0, r << "; stderr: " << r.err);
    // What the picture says, not where Graphviz put it (which depends on its
    // version and the fonts installed): the text of every <text> element, in order.
    const auto texts = [](const std::string& svg) {
        std::vector<std::string> found;
        const std::regex text("<text[^>]*>([^<]*)</text>");
        for (auto it = std::sregex_iterator(svg.begin(), svg.end(), text); it != std::sregex_iterator(); ++it)
            found.push_back((*it)[1]);
        return found;
    };
    const auto now = texts(read(drawn)), committed = texts(read(root() / "notes" / "graph.svg"));
    fs::remove(drawn);
    BOOST_TEST(committed.size() > 20, "notes/graph.svg is missing or holds no text");
    BOOST_TEST((now == committed), "notes/graph.svg is not what the command draws now; redraw it with "
                                   "build/gradcheck/gradcheck graph --output notes/graph.svg");
}

// The README's layout tables follow the tree: every path the documents name in
// backticks (`gradcheck/check/compare.hpp`, `lib/gallery.hpp`) exists, and the README
// names every folder of gradcheck/, every source file under gradcheck/ and every
// header of lib/.
// The README's example of the library is the program the consumer projects build and
// run, installed and as a subproject (tests/consumers/layer/readme_example.cpp).
BOOST_AUTO_TEST_CASE(readme_library_example_is_the_one_built)
{
    const std::string readme = read(root() / "README.md");
    const std::size_t section = readme.find("## Check your own C++ function");
    BOOST_TEST_REQUIRE(section != std::string::npos);
    const std::size_t start = readme.find("```cpp\n", section);
    BOOST_TEST_REQUIRE(start != std::string::npos);
    const std::size_t end = readme.find("```\n", start + 7);
    BOOST_TEST_REQUIRE(end != std::string::npos);
    BOOST_TEST(readme.substr(start + 7, end - start - 7) == read(root() / "tests" / "consumers" / "layer" / "readme_example.cpp"));
}

// Comments in the code name other files by their path (core/steps.hpp, lib/backward.hpp,
// notes/10-library.md): each exists, from the top, from gradcheck/ or beside the file,
// so that a file moved or renamed cannot leave a comment pointing nowhere.
BOOST_AUTO_TEST_CASE(code_names_files_that_exist)
{
    const std::regex path("(?:[a-z0-9_-]+/)+[a-z0-9_-]+\\.(?:hpp|cpp|md|py)");
    int named = 0;
    for (const char* folder : {"gradcheck", "lib"})
        for (const auto& entry : fs::recursive_directory_iterator(root() / folder)) {
            const std::string extension = entry.path().extension().string();
            if (extension != ".hpp" && extension != ".cpp") continue;
            std::istringstream lines(read(entry.path()));
            for (std::string line; std::getline(lines, line);) {
                if (line.rfind("#include <", 0) == 0) continue; // a system header
                for (auto it = std::sregex_iterator(line.begin(), line.end(), path); it != std::sregex_iterator(); ++it, ++named) {
                    const std::string p = it->str();
                    const bool found = fs::exists(root() / p) || fs::exists(root() / "gradcheck" / p)
                                       || fs::exists(entry.path().parent_path() / p);
                    BOOST_TEST(found, fs::relative(entry.path(), root()).string() << " names " << p << ", which does not exist");
                }
            }
        }
    BOOST_TEST(named >= 100, "the code names " << named << " files");
}

BOOST_AUTO_TEST_CASE(layout_follows_the_tree)
{
    const std::regex path("`((lib|gradcheck|tests|notes)/[A-Za-z0-9_./-]*)`");
    int named = 0;
    for (const fs::path& file : documents()) {
        const std::string text = read(file);
        for (auto it = std::sregex_iterator(text.begin(), text.end(), path); it != std::sregex_iterator(); ++it, ++named)
            BOOST_TEST(fs::exists(root() / (*it)[1].str()),
                       fs::relative(file, root()).string() << " names `" << (*it)[1] << "`, which does not exist");
    }
    BOOST_TEST(named >= 50, "the documents name " << named << " paths");
    const std::string readme = read(root() / "README.md");
    const auto named_in_readme = [&](const fs::path& p, bool folder) {
        return readme.find("`" + fs::relative(p, root()).string() + (folder ? "/`" : "`")) != std::string::npos;
    };
    for (const auto& entry : fs::recursive_directory_iterator(root() / "gradcheck")) {
        if (entry.is_directory())
            BOOST_TEST(named_in_readme(entry.path(), true), "README.md's layout does not name " << entry.path().filename() << "/");
        else if (entry.path().extension() == ".cpp")
            BOOST_TEST(named_in_readme(entry.path(), false), "README.md's layout does not name " << fs::relative(entry.path(), root()));
    }
    for (const auto& entry : fs::directory_iterator(root() / "lib"))
        if (entry.path().extension() == ".hpp" && entry.path().filename() != "xornet.hpp")
            BOOST_TEST(named_in_readme(entry.path(), false), "README.md's layout does not name " << fs::relative(entry.path(), root()));
}

BOOST_AUTO_TEST_SUITE_END()

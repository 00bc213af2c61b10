// The notes page (notes-html: build/notes/notes.html) in a real browser. Headless
// Chromium renders a copy of the page with tests/pages/check.js injected, at
// 1200 and 800 px wide, and dumps the DOM; the script's findings, written into
// the page, are judged here: a dead link, a wrapped report line, report text
// made small, a page wider than the window, graph text too small to read, no
// MathML, a note left out of the page or out of order.
// Screenshots of both widths are saved beside the page (page-1200.png, page-800.png).
//
// Chromium is required, as pandoc is (the suite depends on notes-html, which
// stops the build without it): .ci/setup installs both. Without Chromium every
// case fails, naming the package, rather than passing unchecked.
#include "run_gradcheck.hpp"

#include <boost/test/unit_test.hpp>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <regex>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include <unistd.h>

namespace fs = std::filesystem;
using testing::env;

namespace {

constexpr int widths[] = {1200, 800};

std::string read(const fs::path& path)
{
    std::ifstream in(path, std::ios::binary);
    if (!in) BOOST_FAIL("cannot read " << path);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

// A program on PATH, as a full path (run_program does not search PATH); "" if absent.
std::string on_path(const std::string& name)
{
    const char* path = std::getenv("PATH");
    std::istringstream dirs(path ? path : "");
    for (std::string dir; std::getline(dirs, dir, ':');) {
        const fs::path candidate = fs::path(dir.empty() ? "." : dir) / name;
        if (access(candidate.c_str(), X_OK) == 0) return candidate;
    }
    return "";
}

// Runs headless Chromium on a file with `args` (--dump-dom or --screenshot=...)
// in a window `width` px wide, with a throw-away profile; returns its stdout.
std::string chromium(int width, const fs::path& page, const std::string& args)
{
    const std::string program = on_path("chromium");
    if (program.empty())
        BOOST_FAIL("chromium is not installed (apt-get install chromium): the pages suite renders the notes in it");
    char profile_template[] = "/tmp/test_pages-XXXXXX";
    const char* profile = mkdtemp(profile_template);
    if (profile == nullptr) BOOST_FAIL("cannot make a Chromium profile directory in /tmp");
    // --no-sandbox: root (as in CI containers) can run Chromium only without
    // its sandbox; the page is our own build output. timeout: a hung browser
    // fails this case in a minute instead of the whole suite at meson's limit.
    const testing::Result r = testing::run_program(on_path("timeout"),
        {"60", program, "--headless", "--no-sandbox", "--disable-gpu",
         "--user-data-dir=" + std::string(profile), "--window-size=" + std::to_string(width) + ",2000",
         args, "file://" + fs::absolute(page).string()});
    fs::remove_all(profile);
    if (!r.exited || r.status != 0) BOOST_FAIL("chromium " << args << " at " << width << " px: " << r << "\n" << r.err);
    return r.out;
}

std::string unescape(std::string text)
{
    for (const auto& [entity, character] : std::vector<std::pair<std::string, std::string>>{
             {"&lt;", "<"}, {"&gt;", ">"}, {"&quot;", "\""}, {"&nbsp;", " "}, {"&amp;", "&"}}) {
        for (std::size_t at = 0; (at = text.find(entity, at)) != std::string::npos; at += character.size())
            text.replace(at, entity.size(), character);
    }
    return text;
}

// What check.js found at one width: kind ("dead-anchor", "file", ...) -> its lines.
using Findings = std::map<std::string, std::vector<std::string>>;

Findings render(int width)
{
    const fs::path page = env("PAGE");
    if (!fs::exists(page)) BOOST_FAIL(page << " is missing: build it with `meson compile notes-html`");
    // The copy sits beside the page, so that its relative links resolve the same.
    const fs::path copy = page.parent_path() / "page-check.html";
    std::string html = read(page);
    const std::size_t body_end = html.rfind("</body>");
    if (body_end == std::string::npos) BOOST_FAIL(page << " has no </body>");
    html.insert(body_end, "<script>\n" + read(fs::path(env("TESTS_DIR")) / "pages" / "check.js") + "</script>\n");
    std::ofstream(copy, std::ios::binary) << html;

    const std::string dom = chromium(width, copy, "--dump-dom");
    const std::string open = "<pre id=\"page-check\">";
    const std::size_t begin = dom.rfind(open);
    const std::size_t end = begin == std::string::npos ? begin : dom.find("</pre>", begin);
    if (end == std::string::npos) BOOST_FAIL("check.js wrote no findings at " << width << " px (did it fail to run?)");
    Findings findings;
    for (const std::string& line : testing::lines_of(unescape(dom.substr(begin + open.size(), end - begin - open.size())))) {
        const std::size_t space = line.find(' ');
        findings[line.substr(0, space)].push_back(space == std::string::npos ? "" : line.substr(space + 1));
    }
    if (findings.count("done") == 0) BOOST_FAIL("check.js did not finish at " << width << " px");
    BOOST_TEST_REQUIRE(findings["width"] == std::vector<std::string>{std::to_string(width)},
        "the window was not " << width << " px wide: the checks would not be at that width");
    return findings;
}

// Chromium runs once per width for all the cases below.
const Findings& rendered(int width)
{
    static std::map<int, Findings> cache;
    if (!cache.count(width)) cache[width] = render(width);
    return cache.at(width);
}

const std::vector<std::string>& found(int width, const std::string& kind)
{
    static const std::vector<std::string> none;
    const Findings& findings = rendered(width);
    const auto it = findings.find(kind);
    return it == findings.end() ? none : it->second;
}

std::string listed(const std::vector<std::string>& lines)
{
    std::string text;
    for (const std::string& line : lines) text += "\n  " + line;
    return text;
}

// file:///a/b%20c -> /a/b c
std::string path_of(const std::string& url)
{
    std::string path;
    for (std::size_t i = std::string("file://").size(); i < url.size(); ++i) {
        if (url[i] == '%' && i + 2 < url.size()) {
            path += static_cast<char>(std::stoi(url.substr(i + 1, 2), nullptr, 16));
            i += 2;
        } else {
            path += url[i];
        }
    }
    return path;
}

} // namespace

BOOST_AUTO_TEST_SUITE(pages)

// Links between notes are in-page anchors, and every other relative link names
// a file that exists relative to the page (sources, data files).
BOOST_AUTO_TEST_CASE(every_link_resolves)
{
    for (int width : widths) {
        BOOST_TEST_CONTEXT("at " << width << " px") {
            const auto& dead = found(width, "dead-anchor");
            BOOST_TEST(dead.empty(), dead.size() << " links to an id the page does not have:" << listed(dead));
            std::set<std::string> missing;
            for (const std::string& url : found(width, "file"))
                if (!fs::exists(path_of(url))) missing.insert(url);
            BOOST_TEST(missing.empty(), "links to files that do not exist:" << listed({missing.begin(), missing.end()}));
            const auto& images = found(width, "broken-image");
            BOOST_TEST(images.empty(), "images that do not show:" << listed(images));
        }
    }
}

// Program output keeps its columns: no <pre> renders more lines than its text has,
// and one wider than its box scrolls inside it.
BOOST_AUTO_TEST_CASE(report_lines_never_wrap)
{
    for (int width : widths) {
        BOOST_TEST_CONTEXT("at " << width << " px") {
            const auto& wrapped = found(width, "wrapped");
            BOOST_TEST(wrapped.empty(), "blocks whose lines wrap (lines of text, lines rendered, start):" << listed(wrapped));
            const auto& clipped = found(width, "clipped");
            BOOST_TEST(clipped.empty(), "blocks wider than their box that do not scroll:" << listed(clipped));
        }
    }
}

// Wide reports and tables scroll within themselves; the page never scrolls sideways.
BOOST_AUTO_TEST_CASE(page_never_scrolls_sideways)
{
    for (int width : widths) {
        BOOST_TEST_CONTEXT("at " << width << " px") {
            const auto& wide = found(width, "too-wide");
            BOOST_TEST(wide.empty(), "the page is wider than the window (page width, window width):" << listed(wide));
        }
    }
}

// Report blocks are at body size, the size of code in running text: not made
// smaller to fit the column (a wide line scrolls instead).
BOOST_AUTO_TEST_CASE(reports_at_body_size)
{
    for (int width : widths) {
        BOOST_TEST_CONTEXT("at " << width << " px") {
            const auto& code = found(width, "code-size");
            BOOST_TEST_REQUIRE(code.size() == 1u);
            BOOST_TEST(std::stod(code.front()) > 0, "no code in running text to compare report text with");
            const auto& small = found(width, "small-report");
            BOOST_TEST(small.empty(), "report blocks smaller than code in running text (" << code.front()
                                      << " px; size, start):" << listed(small));
        }
    }
}

// At 1200 px nothing needs to scroll: every table shows all its columns, and a
// report line of up to 100 characters (a report's widest) fits its box, also in
// a block with longer lines, which scroll.
BOOST_AUTO_TEST_CASE(tables_and_reports_fit_at_1200_px)
{
    const auto& scrolls = found(1200, "scrolls");
    BOOST_TEST(scrolls.empty(), "boxes that need to scroll at 1200 px:" << listed(scrolls));
}

// The graph (notes/graph.svg) shows its text at a readable size: no text of an SVG
// image on the page renders under 11 CSS px, at either width (a picture scaled to
// the column drew it at 6 to 9 px). check.js measures every text of every SVG image;
// at least the graph's must have been measured, or the check saw nothing.
BOOST_AUTO_TEST_CASE(graph_text_is_readable)
{
    const std::string graph = read(fs::path(env("SOURCE_ROOT")) / "notes" / "graph.svg");
    std::size_t texts = 0;
    for (std::size_t at = 0; (at = graph.find("<text ", at)) != std::string::npos; ++at) ++texts;
    BOOST_TEST_REQUIRE(texts > 0u, "notes/graph.svg holds no <text>");
    for (int width : widths) {
        BOOST_TEST_CONTEXT("at " << width << " px") {
            const auto& measured = found(width, "svg-text");
            BOOST_TEST_REQUIRE(measured.size() == 1u);
            BOOST_TEST(std::stoul(measured.front()) >= texts,
                "texts of SVG images measured: " << measured.front() << ", notes/graph.svg alone holds " << texts);
            const auto& small = found(width, "small-text");
            BOOST_TEST(small.empty(), small.size() << " texts of SVG images under 11 px (px, text):" << listed(small));
        }
    }
}

BOOST_AUTO_TEST_CASE(maths_render_as_mathml)
{
    const auto& count = found(1200, "mathml");
    BOOST_TEST_REQUIRE(count.size() == 1u);
    BOOST_TEST(std::stoi(count.front()) > 0, "no MathML element renders in the page (pandoc --mathml)");
}

// Every note in notes/ is in the page, in reading order: README.md, the numbered
// notes (NN-name.md) by number, then exercises/README.md. A new note that
// notes/meson.build does not list yet fails here.
BOOST_AUTO_TEST_CASE(every_note_in_order)
{
    const fs::path notes = fs::path(env("SOURCE_ROOT")) / "notes";
    std::vector<std::string> numbered;
    for (const auto& entry : fs::directory_iterator(notes)) {
        const std::string name = entry.path().filename().string();
        if (std::regex_match(name, std::regex("[0-9][0-9]-.*\\.md"))) numbered.push_back(name);
    }
    std::sort(numbered.begin(), numbered.end());
    std::vector<std::string> expected{"README.md"};
    expected.insert(expected.end(), numbered.begin(), numbered.end());
    expected.push_back("exercises/README.md");
    const auto& in_page = found(1200, "note");
    BOOST_TEST(in_page == expected, "the page holds:" << listed(in_page) << "\nnotes/ has:" << listed(expected));
}

// For people to look at: the top of the page at both widths, beside the page.
BOOST_AUTO_TEST_CASE(screenshots)
{
    const fs::path page = env("PAGE");
    for (int width : widths) {
        const fs::path shot = page.parent_path() / ("page-" + std::to_string(width) + ".png");
        fs::remove(shot);
        chromium(width, page, "--screenshot=" + shot.string());
        BOOST_TEST((fs::exists(shot) && fs::file_size(shot) > 0), shot << " was not written");
    }
}

BOOST_AUTO_TEST_SUITE_END()

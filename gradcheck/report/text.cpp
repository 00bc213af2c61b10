// What every text report shares: padding, digits with one decimal, lists, the
// counts of a report's elements, and one table of compared values (print_table).
#include "gradcheck/report/text.hpp"

#include <algorithm>
#include <cstdio>

#include "gradcheck/report/words.hpp"

namespace gradcheck {

std::string fixed1(double x)
{
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%.1f", x);
    return buffer;
}

namespace text {

std::string pad(const std::string& s, std::size_t width)
{
    // Width counts characters, not bytes: "×" and "−" are multi-byte in UTF-8.
    std::size_t chars = 0;
    for (unsigned char c : s) chars += (c & 0xC0) != 0x80;
    return chars >= width ? s : s + std::string(width - chars, ' ');
}

std::string rpad(const std::string& s, std::size_t width) { return s.size() >= width ? s : std::string(width - s.size(), ' ') + s; }

std::string and_list(const std::vector<std::string>& names)
{
    std::string list;
    for (std::size_t i = 0; i < names.size(); ++i) list += (i ? (i + 1 == names.size() ? " and " : ", ") : "") + names[i];
    return list;
}

std::string position(const Entry& e) { return "[" + std::to_string(e.row) + "," + std::to_string(e.col) + "]"; }

} // namespace text

using text::pad;
using text::rpad;

std::string element_name(const Table& t, const Entry& e)
{
    return t.name + (t.vector ? "[" + std::to_string(e.row) + "]" : text::position(e));
}

ElementCounts count_elements(const Report& r)
{
    ElementCounts c;
    for (const Table& t : r.tables)
        if (r.counts(t))
            for (const Entry& e : t.elements) {
                ++c.total;
                c.failed += !e.pass && !e.declined; // a declined element is not a pass, nor a failure
                c.declined += e.declined;
                c.near_zero += e.near_zero;
            }
    return c;
}

namespace {

// " 1.2e-02" and "-1.2e-02" align: positive values get a leading space.
std::string signed_value(const std::string& s) { return s.empty() || s[0] == '-' ? s : " " + s; }

bool fails(const Entry& e) { return !e.pass && !e.declined; }

// The lines under an element's values: why it was not checked, its reduced step, and
// why it failed.
void print_element_notes(std::ostream& out, const Table& t, const Entry& e, const Report& r, const ColumnLabels& labels)
{
    const std::string indent = "  " + pad("", 9), a = labels.top, n = labels.bottom;
    if (e.declined) out << indent << "not checked: " << declined_because(e, r, element_name(t, e)) << "\n";
    else if (!e.step_from.empty())
        out << indent << "h = " << e.step << ", reduced from " << e.step_from << ": at larger steps its error series could not be trusted\n";
    if (const std::string overturned = fails_at_rule_step(e, r, element_name(t, e)); !overturned.empty())
        out << indent << overturned << "\n";
    else if (fails(e))
        out << indent << "|" << a << " - " << n << "| = " << e.abs_error << " > tolerance " << e.tolerance
            << (e.ratio.empty() ? std::string() : "; " + a + "/" + n + " = " + e.ratio) << "\n";
}

} // namespace

void print_table(std::ostream& out, const Table& t, const Report& r, const ColumnLabels& labels, bool diagnosis, View view)
{
    const bool failures = view == View::failures;
    const auto shown = [&](const Entry& e) { return !failures || !e.pass; };
    if (std::none_of(t.elements.begin(), t.elements.end(), shown)) return;
    const std::string a = labels.top, n = labels.bottom;
    std::size_t value_width = 0;
    for (const Entry& e : t.elements)
        value_width = std::max({value_width, signed_value(e.analytic_shown).size(), signed_value(e.numeric_shown).size()});
    value_width += 4; // "a = "

    out << "\n" << t.name << "   " << t.shape_names << " = " << t.shape << (t.meaning.empty() ? "" : "   " + t.meaning) << "\n";
    out << "  " << pad("element", 9) << pad(labels.values, value_width) << "  " << rpad("|" + a + " - " + n + "|", 9) << "  "
        << rpad("rel err", 9) << "  " << rpad("digits", 6) << "  " << rpad("needed", 6) << "  " << pad("h", 8) << "  result\n";
    for (const Entry& e : t.elements) {
        if (!shown(e)) continue;
        out << "  " << pad(t.vector ? "[" + std::to_string(e.row) + "]" : text::position(e), 9) << a << " = " << signed_value(e.analytic_shown) << "\n";
        const bool columns = e.numeric_finite && !e.near_zero; // relative columns mean something
        out << "  " << pad("", 9) << pad(n + " = " + signed_value(e.numeric_shown), value_width) << "  "
            << rpad(e.numeric_finite ? e.abs_error : "-", 9) << "  " << rpad(!e.numeric_finite ? "-" : e.near_zero ? "(abs)" : e.rel_error, 9)
            << "  " << rpad(columns ? fixed1(e.digits) : "-", 6) << "  " << rpad(columns ? fixed1(e.digits_needed) : "-", 6) << "  "
            << pad(e.step.empty() || !e.has_numeric ? "-" : e.step, 8) << "  " << result_word(e) << "\n";
        print_element_notes(out, t, e, r, labels);
    }
    if (diagnosis && !t.diagnosis.empty()) out << "  diagnosis: " << t.diagnosis << "\n";
}

Verdict verdict(const Run& run)
{
    const bool any_failed = std::any_of(run.reports.begin(), run.reports.end(), [](const Report& r) { return r.failed(); });
    const bool all_pass = std::all_of(run.reports.begin(), run.reports.end(), [](const Report& r) { return r.pass; });
    return verdict_of(any_failed, all_pass);
}

} // namespace gradcheck

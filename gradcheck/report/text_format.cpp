// Formatting shared by the text reports: padding, digits with one decimal, lists;
// and one table of compared values (print_partial).
#include <algorithm>
#include <cstdio>

#include "gradcheck/report/table.hpp"

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

std::string rpad(const std::string& s, std::size_t width)
{
    return s.size() >= width ? s : std::string(width - s.size(), ' ') + s;
}

std::string signed_value(const std::string& s) { return s.empty() || s[0] == '-' ? s : " " + s; }

std::string and_list(const std::vector<std::string>& names)
{
    std::string list;
    for (std::size_t i = 0; i < names.size(); ++i) list += (i ? (i + 1 == names.size() ? " and " : ", ") : "") + names[i];
    return list;
}

std::string position(const ElementCheck& e) { return "[" + std::to_string(e.row) + "," + std::to_string(e.col) + "]"; }

} // namespace text

using text::pad;
using text::rpad;
using text::signed_value;

void print_partial(std::ostream& out, const PartialCheck& p, const ColumnLabels& labels, bool diagnosis)
{
    const std::string a = labels.top, n = labels.bottom;
    std::size_t value_width = 0;
    for (const auto& e : p.elements)
        value_width = std::max({value_width, signed_value(e.analytic_shown).size(), signed_value(e.numeric_shown).size()});
    value_width += 4; // "a = "

    out << "\n" << p.name << "   " << p.shape_names << " = " << p.shape << (p.meaning.empty() ? "" : "   " + p.meaning) << "\n";
    out << "  " << pad("element", 9) << pad(labels.values, value_width) << "  " << rpad("|" + a + " - " + n + "|", 9)
        << "  " << rpad("rel err", 9) << "  " << rpad("digits", 6) << "  " << rpad("needed", 6) << "  " << pad("h", 8) << "  result\n";
    for (const auto& e : p.elements) {
        out << "  " << pad(p.vector ? "[" + std::to_string(e.row) + "]" : text::position(e), 9) << a << " = " << signed_value(e.analytic_shown) << "\n";
        const bool columns = e.numeric_finite && !e.near_zero; // relative columns mean something
        out << "  " << pad("", 9) << pad(n + " = " + signed_value(e.numeric_shown), value_width) << "  "
            << rpad(e.numeric_finite ? e.abs_error : "-", 9) << "  "
            << rpad(!e.numeric_finite ? "-" : e.near_zero ? "(abs)" : e.rel_error, 9) << "  "
            << rpad(columns ? fixed1(e.digits) : "-", 6) << "  " << rpad(columns ? fixed1(e.digits_needed) : "-", 6) << "  "
            << pad(e.step.empty() ? "-" : e.step, 8) << "  " << (e.pass ? "ok" : e.declined ? "declined" : "FAIL") << "\n";
        if (e.declined)
            out << "  " << pad("", 9) << "not checked: " << e.declined_because << "\n";
        else if (!e.step_from.empty())
            out << "  " << pad("", 9) << "h = " << e.step << ", reduced from " << e.step_from
                << ": at larger steps its error series could not be trusted\n";
        if (!e.fails_at_rule_step.empty())
            out << "  " << pad("", 9) << e.fails_at_rule_step << "\n";
        else if (!e.pass && !e.declined)
            out << "  " << pad("", 9) << "|" << a << " - " << n << "| = " << e.abs_error << " > tolerance " << e.tolerance
                << (e.ratio.empty() ? std::string() : "; " + a + "/" + n + " = " + e.ratio) << "\n";
    }
    if (diagnosis && !p.diagnosis.empty()) out << "  diagnosis: " << p.diagnosis << "\n";
}

} // namespace gradcheck

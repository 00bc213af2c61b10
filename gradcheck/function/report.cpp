// The report of a check of your own function: header lines, one table per array
// (report/table.hpp, as the command prints them), the verdict.
#include "gradcheck/function/report.hpp"

#include "gradcheck/report/json_table.hpp"
#include "gradcheck/report/table.hpp"

namespace gradcheck {

namespace {

const char* verdict_json(Verdict v) { return v == Verdict::pass ? "pass" : v == Verdict::fail ? "fail" : "not verified"; }

} // namespace

void print_report(std::ostream& out, const FunctionReport& report)
{
    out << "gradcheck: " << report.what << "\n";
    out << "precision  " << report.precision << "\n";
    out << "numeric    " << report.method << "; " << report.step_rule << "\n";
    out << "rounding   of f: " << report.rounding << "\n";
    out << "           of your values: " << report.analytic_rounding << "\n";
    out << "pass       |a - n| <= tolerance = the numeric value's error bound (truncation estimate + rounding bound)\n"
        << "           + your value's rounding; digits = -log10(rel err), needed = fewest digits that pass\n";
    for (const std::string& note : report.notes) out << "note       " << note << "\n";
    for (const PartialCheck& table : report.tables) print_partial(out, table, ColumnLabels{}, true);
    std::size_t failed = 0, declined = 0, elements = 0;
    for (const PartialCheck& table : report.tables)
        for (const ElementCheck& e : table.elements) ++elements, failed += !e.pass && !e.declined, declined += e.declined;
    out << "\n" << verdict_word(report.verdict) << ": " << elements - failed - declined << " of " << elements << " elements agree";
    if (failed > 0) out << ", " << failed << " FAIL";
    if (declined > 0) out << ", " << declined << " declined (no trustworthy numeric value: not a pass)";
    out << "\n";
}

std::string report_json(const FunctionReport& report)
{
    Json j;
    j["what"] = report.what;
    j["precision"] = report.precision;
    j["method"] = report.method;
    j["step_rule"] = report.step_rule;
    j["rounding"] = report.rounding;
    j["analytic_rounding"] = report.analytic_rounding;
    j["notes"] = report.notes;
    j["verdict"] = verdict_json(report.verdict);
    j["pass"] = report.verdict == Verdict::pass;
    j["tables"] = Json::array();
    for (const PartialCheck& table : report.tables) j["tables"].push_back(partial_json(table, "analytic", "numeric", true));
    return j.dump(2) + "\n";
}

} // namespace gradcheck

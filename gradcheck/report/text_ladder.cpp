// The ladder: one line per (problem, precision, method) with the worst digits of each
// partial and the digits its error bound guarantees, for --precision all or several methods.
#include <algorithm>

#include "gradcheck/report/print.hpp"
#include "gradcheck/report/text_parts.hpp"
#include "version.hpp"

namespace gradcheck {

using text::pad;
using text::rpad;

namespace {

void print_ladder_problems(std::ostream& out, const std::vector<Problem>& problems, const std::vector<CheckReport>& reports)
{
    const CheckReport& first = reports.front();
    out << "gradcheck " << version << ": the hand-derived gradients of the XOR network against numeric ones\n";
    out << "formulas " << first.formulas << " (" << first.formulas_explanation << ")\n";
    const bool several = problems.size() > 1;
    for (std::size_t i = 0; i < problems.size(); ++i) {
        if (several) out << "\nproblem " << problems[i].name << "\n";
        for (const CheckReport& r : reports)
            if (r.problem == i) {
                text::print_problem(out, problems[i], r, text::has_generic(problems));
                break;
            }
    }
}

void print_ladder_columns(std::ostream& out, bool several_problems)
{
    out << "\ndigits of agreement, worst element of each partial; 'bound' is the fewest digits the method's\n"
           "error bound guarantees (its floor at this precision); a row passes when every element is within its bound\n\n";
    if (several_problems) out << pad("problem", 9);
    out << pad("precision", 13) << pad("method", 14);
    for (const char* name : {"dL/dW1", "dL/dB1", "dL/dW2", "dL/dB2"}) out << rpad(name, 8);
    out << rpad("bound", 8) << "  result\n";
}

void print_ladder_row(std::ostream& out, const std::vector<Problem>& problems, const CheckReport& r)
{
    if (problems.size() > 1) out << pad(problems[r.problem].name, 9);
    out << pad(r.precision, 13) << pad(r.method, 14);
    if (!r.backward_error.empty()) {
        out << "shape error: " << r.backward_error << "\n";
        return;
    }
    // With --fast and no disagreement there are only the directions: no partial's digits.
    const bool directions_only = r.partials.size() == 1;
    for (const auto& p : r.partials)
        if (r.counts(p) && !directions_only) out << rpad(p.has_digits() ? fixed1(p.worst_digits) : "-", 8);
    const DigitsSummary digits = r.digits_summary();
    if (directions_only) out << rpad("-", 8) << rpad("-", 8) << rpad("-", 8) << rpad("-", 8);
    out << rpad(digits.has_digits ? fixed1(digits.fewest_needed) : "-", 8) << "  " << (r.pass ? "pass" : r.failed() ? "FAIL" : "not verified")
        << (directions_only ? " (fast: along the directions)" : "") << "\n";
}

// "xor: " before each precision's verdict when the run has several problems.
std::string problem_label(const std::vector<Problem>& problems, const CheckReport& r)
{
    return problems.size() > 1 ? problems[r.problem].name + " " : "";
}

// The first diagnosis, and the count of checks that failed or declined.
void print_ladder_verdict(std::ostream& out, const std::vector<Problem>& problems, const std::vector<CheckReport>& reports)
{
    for (const CheckReport& r : reports)
        if (!r.diagnosis.empty()) {
            out << "\ndiagnosis (" << problem_label(problems, r) << r.precision << ", " << r.method << "): " << r.diagnosis << "\n";
            break;
        }
    const auto n_failed = std::count_if(reports.begin(), reports.end(), [](const CheckReport& r) { return r.failed(); });
    const auto n_declined = std::count_if(reports.begin(), reports.end(), [](const CheckReport& r) { return !r.pass && !r.failed(); });
    out << "\n" << verdict_word(verdict(reports)) << ": " << reports.size() << " checks, " << n_failed << " failed"
        << (n_declined ? ", " + std::to_string(n_declined) + " declined" : std::string()) << "\n";
}

} // namespace

void print_ladder(std::ostream& out, const std::vector<Problem>& problems, const std::vector<CheckReport>& reports)
{
    print_ladder_problems(out, problems, reports);
    print_ladder_columns(out, problems.size() > 1);
    for (const CheckReport& r : reports) print_ladder_row(out, problems, r);
    print_ladder_verdict(out, problems, reports);
}

} // namespace gradcheck

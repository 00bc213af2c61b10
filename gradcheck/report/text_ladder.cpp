// The ladder: one line per (problem, precision, method) with the worst digits of each
// partial and the digits its error bound guarantees, for --precision all or several methods.
#include <algorithm>

#include "gradcheck/report/text.hpp"
#include "gradcheck/report/words.hpp"
#include "version.hpp"

namespace gradcheck {

using text::pad;
using text::rpad;

namespace {

void print_ladder_problems(std::ostream& out, const Run& run)
{
    const Report& first = run.reports.front();
    out << "gradcheck " << version << ": the hand-derived gradients of the XOR network against numeric ones\n";
    out << "formulas " << first.network.formulas << " (" << first.network.formulas_explanation << ")\n";
    for (const ProblemInfo& p : run.problems) {
        if (run.problems.size() > 1) out << "\nproblem " << p.name << "\n";
        print_problem(out, p, has_generic(run));
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

void print_ladder_row(std::ostream& out, const Run& run, const Report& r)
{
    if (run.problems.size() > 1) out << pad(run.problems[r.network.problem].name, 9);
    out << pad(r.precision, 13) << pad(std::string(method_name(r.method)), 14);
    if (!r.network.backward_error.empty()) {
        out << "shape error: " << r.network.backward_error << "\n";
        return;
    }
    // With --fast and no disagreement there are only the directions: no partial's digits.
    const bool directions_only = r.tables.size() == 1;
    for (const Table& t : r.tables)
        if (r.counts(t) && !directions_only) out << rpad(t.has_digits() ? fixed1(t.worst_digits) : "-", 8);
    const DigitsSummary digits = digits_summary(r);
    if (directions_only) out << rpad("-", 8) << rpad("-", 8) << rpad("-", 8) << rpad("-", 8);
    out << rpad(digits.has_digits ? fixed1(digits.fewest_needed) : "-", 8) << "  " << words(verdict_of(r)).ladder
        << (directions_only ? " (fast: along the directions)" : "") << "\n";
}

// The first diagnosis, and the count of checks that failed or declined.
void print_ladder_verdict(std::ostream& out, const Run& run)
{
    for (const Report& r : run.reports)
        if (!r.diagnosis.empty()) {
            const std::string problem = run.problems.size() > 1 ? run.problems[r.network.problem].name + " " : "";
            out << "\ndiagnosis (" << problem << r.precision << ", " << method_name(r.method) << "): " << r.diagnosis << "\n";
            break;
        }
    const auto n_failed = std::count_if(run.reports.begin(), run.reports.end(), [](const Report& r) { return r.failed(); });
    const auto n_declined = std::count_if(run.reports.begin(), run.reports.end(), [](const Report& r) { return r.not_verified(); });
    out << "\n" << verdict_word(verdict(run)) << ": " << run.reports.size() << " checks, " << n_failed << " failed"
        << (n_declined ? ", " + std::to_string(n_declined) + " declined" : std::string()) << "\n";
}

} // namespace

void print_ladder(std::ostream& out, const Run& run)
{
    print_ladder_problems(out, run);
    print_ladder_columns(out, run.problems.size() > 1);
    for (const Report& r : run.reports) print_ladder_row(out, run, r);
    print_ladder_verdict(out, run);
}

} // namespace gradcheck

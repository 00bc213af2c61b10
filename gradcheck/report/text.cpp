// The text report: per precision, per partial, an aligned table in which the
// analytic and numeric values stand one above the other, digit under digit.
#include <algorithm>
#include <string>

#include "gradcheck/report/print.hpp"
#include "gradcheck/report/text_parts.hpp"
#include "version.hpp"

namespace gradcheck {

using text::pad;
using text::rpad;
using text::signed_value;

bool all_pass(const std::vector<CheckReport>& reports)
{
    return std::all_of(reports.begin(), reports.end(), [](const CheckReport& r) { return r.pass; });
}

Verdict verdict(const std::vector<CheckReport>& reports)
{
    return verdict_of(std::any_of(reports.begin(), reports.end(), [](const CheckReport& r) { return r.failed(); }), all_pass(reports));
}

namespace {

struct Worst {
    double digits = 1e9;
    double needed = 0;
    std::string where;
};

std::string describe_worst(const CheckReport& r)
{
    Worst w;
    bool checked = false, declined = false; // declined elements have no digits of agreement to count
    for (const auto& p : r.partials)
        for (const auto& e : p.elements) {
            if (!r.counts(p)) break;
            checked = checked || !e.declined;
            declined = declined || e.declined;
            if (!e.near_zero && !e.declined && e.digits < w.digits) w = {e.digits, e.digits_needed, p.name + text::position(e)};
        }
    if (!checked) return "no element checked";
    if (w.where.empty()) return declined ? "the others compared absolutely" : "every element compared absolutely";
    return "worst " + fixed1(w.digits) + " digits at " + w.where + ", " + fixed1(w.needed) + " needed";
}

// The element whose |a − n| exceeds its tolerance by the largest factor, with both
// values and their ratio: a ratio of exactly m or −1 tells which mistake was made.
std::string largest_mismatch(const CheckReport& r)
{
    const PartialCheck* where = nullptr;
    const ElementCheck* worst = nullptr;
    double worst_excess = -1e300;
    for (const auto& p : r.partials)
        for (const auto& e : p.elements) {
            if (!r.counts(p)) break;
            const double excess = e.digits_needed - e.digits; // log10 of |a − n| / tolerance
            if (!e.pass && !e.declined && excess > worst_excess) worst_excess = excess, worst = &e, where = &p;
        }
    if (worst == nullptr) return "";
    return "largest mismatch: " + where->name + text::position(*worst) + ": a = " + worst->analytic_shown + ", n = "
           + worst->numeric_shown + ", |a - n| = " + worst->abs_error + " is " + fixed1(worst_excess)
           + " orders of magnitude above its tolerance " + worst->tolerance
           + (worst->ratio.empty() ? std::string() : "; a/n = " + worst->ratio) + "\n";
}

// The elements of the partials that count.
struct ElementCounts {
    std::size_t total = 0, failed = 0, declined = 0, near_zero = 0;
};

ElementCounts count_elements(const CheckReport& r)
{
    ElementCounts c;
    std::size_t passing = 0, not_passing = 0;
    for (const auto& p : r.partials)
        if (r.counts(p))
            for (const auto& e : p.elements) {
                passing += e.pass;
                not_passing += !e.pass;
                c.declined += e.declined;
                c.near_zero += e.near_zero;
            }
    c.failed = not_passing - c.declined; // a declined element is not a pass, nor a failure
    c.total = passing + not_passing;
    return c;
}

// "2 elements fail, 1 declined": each part only when its count is not 0.
std::string failed_and_declined(const std::string& failed, const std::string& declined)
{
    return failed + (!failed.empty() && !declined.empty() ? ", " : "") + declined;
}

// The report's first lines: the run, its problem (when only one) and the formulas checked.
void print_heading(std::ostream& out, const std::vector<Problem>& problems, const CheckReport& first)
{
    out << "gradcheck " << version << ": the hand-derived gradients of the XOR network against numeric ones\n";
    if (problems.size() == 1) text::print_problem(out, problems.front(), first, false);
    out << "formulas " << first.formulas << " (" << first.formulas_explanation << ")\n";
}

void print_problem_banner(std::ostream& out, const std::vector<Problem>& problems, const CheckReport& r)
{
    out << "\n######## problem " << r.problem + 1 << " of " << problems.size() << ": " << problems[r.problem].name << " ########\n";
    text::print_problem(out, problems[r.problem], r, text::has_generic(problems));
}

// Machine epsilon, the loss, the numeric method and the pass rule of one precision.
void print_precision_header(std::ostream& out, const CheckReport& r)
{
    out << "\n=== " << r.precision_label << ": machine epsilon u = " << r.epsilon << " ===\n";
    out << "loss L = " << r.loss << "  (" << r.loss_label << ")\n";
    if (r.loss_seed_form_finite) out << "         " << r.loss_seed_form << "  (the seed's form, from log(A2) and log(1 - A2))\n";
    else
        out << "         the seed's form gives " << r.loss_seed_form
            << " here: a sigmoid has saturated, a prediction rounded to exactly 0 or 1, and log(0) = -inf\n";
    out << "numeric: " << r.method_description << ", " << r.step_rule << "\n";
    out << "pass:    |a - n| <= tolerance = the numeric value's error bound (truncation estimate + rounding bound,\n"
           "         rounding of one loss evaluation <= "
        << r.loss_error << ") + the analytic value's rounding bound;\n"
           "         digits = -log10(rel err), needed = fewest digits that pass\n";
}

void print_shape_error(std::ostream& out, const CheckReport& r)
{
    out << "\nthe analytic gradient cannot be formed: " << r.backward_error << "\n";
    out << "\n" << r.precision << ": FAIL before any number is compared\n";
    out << "diagnosis: " << r.diagnosis << "\n";
}

void print_partials(std::ostream& out, const CheckReport& r)
{
    for (const auto& p : r.partials) {
        print_partial(out, p, {}, !one_explanation(r.diagnosis));
        if (r.localised && &p == &r.partials.front())
            out << "\n" << r.localised_because << "\n";
    }
}

// The precision's outcome in numbers, then what they cannot show and the likely mistake.
void print_outcome(std::ostream& out, const Problem& problem, const CheckReport& r)
{
    const ElementCounts c = count_elements(r);
    const std::string of_total = " of " + std::to_string(c.total);
    out << "\n" << r.precision << ": "
        << (r.pass ? "all " + std::to_string(c.total) + " elements agree"
                   : failed_and_declined(c.failed ? std::to_string(c.failed) + of_total + " elements FAIL" : "",
                                         c.declined ? std::to_string(c.declined) + of_total + " declined" : ""))
        << " (" << describe_worst(r) << ")\n";
    if (c.near_zero > 0)
        out << "(abs): " << c.near_zero << " element(s) with both values within the tolerance of 0: compared by absolute error, "
            << "since a relative error of two near-zero numbers means nothing\n";
    print_vanishing(out, r.partials);
    print_hidden(out, problem, r.hidden);
    if (!r.pass) out << largest_mismatch(r);
    if (!r.diagnosis.empty()) out << "diagnosis: " << r.diagnosis << "\n";
}

void print_precision(std::ostream& out, const Problem& problem, const CheckReport& r)
{
    print_precision_header(out, r);
    if (!r.backward_error.empty()) {
        print_shape_error(out, r);
        return;
    }
    print_partials(out, r);
    print_outcome(out, problem, r);
}

// One precision in the verdict line: "all agree, worst 8.1 digits", "2 elements fail", …
std::string verdict_part(const CheckReport& r)
{
    const DigitsSummary digits = r.digits_summary();
    if (r.pass) return digits.has_digits ? "all agree, worst " + fixed1(digits.worst) + " digits" : "all agree, every element compared absolutely";
    if (!r.backward_error.empty()) return "shape error";
    const ElementCounts c = count_elements(r);
    return failed_and_declined(c.failed ? std::to_string(c.failed) + " elements fail" : "",
                               c.declined ? std::to_string(c.declined) + " declined" : "");
}

void print_verdict_line(std::ostream& out, const std::vector<Problem>& problems, const std::vector<CheckReport>& reports)
{
    out << "\n" << verdict_word(verdict(reports)) << ":";
    for (std::size_t i = 0; i < reports.size(); ++i) {
        const CheckReport& r = reports[i];
        const bool new_problem = problems.size() > 1 && (i == 0 || reports[i - 1].problem != r.problem);
        out << (i ? (new_problem ? "." : ";") : "") << " " << (new_problem ? problems[r.problem].name + ": " : "") << r.precision << " "
            << verdict_part(r);
    }
    out << "\n";
}

} // namespace

void print_text(std::ostream& out, const std::vector<Problem>& problems, const std::vector<CheckReport>& reports)
{
    print_heading(out, problems, reports.front());
    std::size_t shown = problems.size(); // the problem whose header was printed last
    for (const CheckReport& r : reports) {
        if (problems.size() > 1 && r.problem != shown) {
            shown = r.problem;
            print_problem_banner(out, problems, r);
        }
        print_precision(out, problems[r.problem], r);
    }
    print_verdict_line(out, problems, reports);
}

} // namespace gradcheck

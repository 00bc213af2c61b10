// The command's check as text: per problem and precision, its header, an aligned table
// per partial (report/text.cpp), its outcome, and one verdict line for the whole run.
#include <algorithm>
#include <string>

#include "gradcheck/report/text.hpp"
#include "gradcheck/report/words.hpp"
#include "version.hpp"

namespace gradcheck {

using text::pad;
using text::rpad;

void print_blind_spots(std::ostream& out, const ProblemInfo& problem, bool generic_in_run)
{
    for (const BlindSpot& b : problem.blind_spots) out << "blind    " << b.reason << "; unseen here: " << b.hides << "\n";
    if (!problem.blind_spots.empty() && !generic_in_run)
        out << "         so a pass here cannot rule such mistakes out"
            << (problem.name == "xor" ? ": add --problem generic, whose data can" : ": data without this property can") << "\n";
}

bool has_generic(const Run& run)
{
    return std::any_of(run.problems.begin(), run.problems.end(), [](const ProblemInfo& p) { return p.name == "generic"; });
}

void print_problem(std::ostream& out, const ProblemInfo& p, bool generic_in_run)
{
    if (!p.why.empty()) out << "why      " << p.why << "\n";
    out << "network  " << p.N << "-" << p.H << "-1 (N = " << p.N << " inputs, H = " << p.H << " hidden units, 1 output), m = " << p.m
        << " examples: " << p.data << "\n";
    out << "weights  " << p.weights << "\n";
    print_blind_spots(out, p, generic_in_run);
}

// For each partial whose every element is within rounding of 0, a line saying that
// no mistake confined to it can show at these weights.
void print_vanishing(std::ostream& out, const std::vector<Table>& tables)
{
    std::vector<std::string> names;
    for (const Table& t : tables)
        if (t.all_near_zero()) names.push_back(t.name);
    if (names.empty()) return;
    out << "blind:   every element of " << text::and_list(names)
        << " is within its tolerance of 0 here (saturated sigmoids, or a tolerance as large as the gradient?): "
        << "no mistake confined to " << (names.size() == 1 ? "it" : "them") << " can show here\n";
}

// The gallery's mistakes that give the right numbers here and that the data's blind
// spots do not already name: a pass cannot rule them out.
void print_hidden(std::ostream& out, const Report& r)
{
    std::vector<std::string> names;
    for (const std::string& name : r.hidden) {
        bool named = false;
        for (const BlindSpot& b : r.problem.blind_spots) named = named || std::find(b.gallery.begin(), b.gallery.end(), name) != b.gallery.end();
        if (!named) names.push_back(name);
    }
    if (names.empty()) return;
    out << "blind:   at these numbers the gallery's " << text::and_list(names) << (names.size() == 1 ? " gives" : " give")
        << " the right values to within the tolerance: a pass cannot rule " << (names.size() == 1 ? "it" : "them") << " out\n";
}

namespace {

std::string describe_worst(const Report& r)
{
    const DigitsSummary s = digits_summary(r);
    const ElementCounts c = count_elements(r);
    if (c.declined == c.total) return "no element checked";
    if (!s.has_digits) return c.declined ? "the others compared absolutely" : "every element compared absolutely";
    return "worst " + fixed1(s.worst) + " digits at " + s.worst_at + ", " + fixed1(s.needed_at_worst) + " needed";
}

// The element whose |a − n| exceeds its tolerance by the largest factor, with both
// values and their ratio: a ratio of exactly m or −1 tells which mistake was made.
std::string largest_mismatch(const Report& r)
{
    const Table* where = nullptr;
    const Entry* worst = nullptr;
    double worst_excess = -1e300;
    for (const Table& t : r.tables)
        if (r.counts(t))
            for (const Entry& e : t.elements) {
                const double excess = e.digits_needed - e.digits; // log10 of |a − n| / tolerance
                if (!e.pass && !e.declined && excess > worst_excess) worst_excess = excess, worst = &e, where = &t;
            }
    if (worst == nullptr) return "";
    return "largest mismatch: " + where->name + text::position(*worst) + ": a = " + worst->analytic_shown + ", n = "
           + worst->numeric_shown + ", |a - n| = " + worst->abs_error + " is " + fixed1(worst_excess)
           + " orders of magnitude above its tolerance " + worst->tolerance
           + (worst->ratio.empty() ? std::string() : "; a/n = " + worst->ratio) + "\n";
}

// "2 elements fail, 1 declined": each part only when its count is not 0.
std::string failed_and_declined(const std::string& failed, const std::string& declined)
{
    return failed + (!failed.empty() && !declined.empty() ? ", " : "") + declined;
}

// Machine epsilon, the loss, the numeric method and the pass rule of one precision.
void print_precision_header(std::ostream& out, const Report& r)
{
    out << "\n=== " << r.precision_label << ": machine epsilon u = " << r.epsilon << " ===\n";
    out << "loss L = " << r.network.loss << "  (" << r.network.loss_label << ")\n";
    if (r.network.loss_seed_form_finite) out << "         " << r.network.loss_seed_form << "  (the seed's form, from log(A2) and log(1 - A2))\n";
    else
        out << "         the seed's form gives " << r.network.loss_seed_form
            << " here: a sigmoid has saturated, a prediction rounded to exactly 0 or 1, and log(0) = -inf\n";
    out << "numeric: " << numeric_line(r) << ", " << step_rule(r) << "\n";
    out << "pass:    |a - n| <= tolerance = the numeric value's error bound (truncation estimate + rounding bound,\n"
           "         rounding of one loss evaluation <= "
        << r.network.loss_error << ") + the analytic value's rounding bound;\n"
           "         digits = -log10(rel err), needed = fewest digits that pass\n";
}

// The precision's outcome in numbers, then what they cannot show and the likely mistake.
void print_outcome(std::ostream& out, const Report& r)
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
    print_vanishing(out, r.tables);
    print_hidden(out, r);
    if (!r.pass) out << largest_mismatch(r);
    if (!r.diagnosis.empty()) out << "diagnosis: " << r.diagnosis << "\n";
}

void print_precision(std::ostream& out, const Report& r, View view)
{
    print_precision_header(out, r);
    if (!r.network.backward_error.empty()) {
        out << "\nthe analytic gradient cannot be formed: " << r.network.backward_error << "\n";
        out << "\n" << r.precision << ": FAIL before any number is compared\n";
        out << "diagnosis: " << r.diagnosis << "\n";
        return;
    }
    for (const Table& t : r.tables) {
        print_table(out, t, r, {}, !one_explanation(r.diagnosis), view);
        if (r.localised() && &t == &r.tables.front()) out << "\n" << fallback_sentence(r.fallback) << "\n";
    }
    print_outcome(out, r);
}

// One precision in the verdict line: "all agree, worst 8.1 digits", "2 elements fail", …
std::string verdict_part(const Report& r)
{
    const DigitsSummary digits = digits_summary(r);
    if (r.pass) return digits.has_digits ? "all agree, worst " + fixed1(digits.worst) + " digits" : "all agree, every element compared absolutely";
    if (!r.network.backward_error.empty()) return "shape error";
    const ElementCounts c = count_elements(r);
    return failed_and_declined(c.failed ? std::to_string(c.failed) + " elements fail" : "", c.declined ? std::to_string(c.declined) + " declined" : "");
}

void print_verdict_line(std::ostream& out, const Run& run)
{
    out << "\n" << verdict_word(verdict(run)) << ":";
    for (std::size_t i = 0; i < run.reports.size(); ++i) {
        const Report& r = run.reports[i];
        const bool new_problem = run.problems.size() > 1 && (i == 0 || run.reports[i - 1].network.problem != r.network.problem);
        out << (i ? (new_problem ? "." : ";") : "") << " " << (new_problem ? run.problems[r.network.problem].name + ": " : "")
            << r.precision << " " << verdict_part(r);
    }
    out << "\n";
}

} // namespace

void print_check(std::ostream& out, const Run& run, View view)
{
    const Report& first = run.reports.front();
    out << "gradcheck " << version << ": the hand-derived gradients of the XOR network against numeric ones\n";
    if (run.problems.size() == 1) print_problem(out, run.problems.front(), false);
    out << "formulas " << first.network.formulas << " (" << first.network.formulas_explanation << ")\n";
    std::size_t shown = run.problems.size(); // the problem whose header was printed last
    for (const Report& r : run.reports) {
        if (run.problems.size() > 1 && r.network.problem != shown) {
            shown = r.network.problem;
            out << "\n######## problem " << shown + 1 << " of " << run.problems.size() << ": " << run.problems[shown].name << " ########\n";
            print_problem(out, run.problems[shown], has_generic(run));
        }
        print_precision(out, r, view);
    }
    print_verdict_line(out, run);
}

} // namespace gradcheck

// The text report: per precision, per partial, an aligned table in which the
// analytic and numeric values stand one above the other, digit under digit.
#include <algorithm>
#include <cstdio>
#include <string>

#include "check/diagnosis.hpp"
#include "matrix.hpp"
#include "report/print.hpp"
#include "version.hpp"

namespace gradcheck {

namespace {

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

// " 1.2e-02" and "-1.2e-02" align: positive values get a leading space.
std::string signed_value(const std::string& s) { return s.empty() || s[0] == '-' ? s : " " + s; }

struct Worst {
    double digits = 1e9;
    double needed = 0;
    std::string where;
};

} // namespace

void print_partial(std::ostream& out, const PartialCheck& p, const ColumnLabels& labels, bool diagnosis)
{
    const std::string a = labels.top, n = labels.bottom;
    std::size_t value_width = 0;
    for (const auto& e : p.elements)
        value_width = std::max({value_width, signed_value(e.analytic_shown).size(), signed_value(e.numeric_shown).size()});
    value_width += 4; // "a = "

    out << "\n" << p.name << "   " << p.shape_names << " = " << p.shape << (p.meaning.empty() ? "" : "   " + p.meaning) << "\n";
    out << "  " << pad("element", 9) << pad(labels.values, value_width) << "  " << rpad("|" + a + " - " + n + "|", 9)
        << "  " << rpad("rel err", 9) << "  " << rpad("digits", 6) << "  " << rpad("needed", 6) << "  result\n";
    for (const auto& e : p.elements) {
        const std::string index = "[" + std::to_string(e.row) + "," + std::to_string(e.col) + "]";
        out << "  " << pad(index, 9) << a << " = " << signed_value(e.analytic_shown) << "\n";
        const bool columns = e.numeric_finite && !e.near_zero; // relative columns mean something
        out << "  " << pad("", 9) << pad(n + " = " + signed_value(e.numeric_shown), value_width) << "  "
            << rpad(e.numeric_finite ? e.abs_error : "-", 9) << "  "
            << rpad(!e.numeric_finite ? "-" : e.near_zero ? "(abs)" : e.rel_error, 9) << "  "
            << rpad(columns ? fixed1(e.digits) : "-", 6) << "  " << rpad(columns ? fixed1(e.digits_needed) : "-", 6) << "  "
            << (e.pass ? "ok" : e.declined ? "declined" : "FAIL") << "\n";
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

std::string fixed1(double x)
{
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%.1f", x);
    return buffer;
}

namespace {

std::string describe_worst(const CheckReport& r)
{
    Worst w;
    bool checked = false, declined = false; // declined elements have no digits of agreement to count
    for (const auto& p : r.partials)
        for (const auto& e : p.elements) {
            if (!r.counts(p)) break;
            checked = checked || !e.declined;
            declined = declined || e.declined;
            if (!e.near_zero && !e.declined && e.digits < w.digits)
                w = {e.digits, e.digits_needed, p.name + "[" + std::to_string(e.row) + "," + std::to_string(e.col) + "]"};
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
    return "largest mismatch: " + where->name + "[" + std::to_string(worst->row) + "," + std::to_string(worst->col) + "]: a = "
           + worst->analytic_shown + ", n = " + worst->numeric_shown + ", |a - n| = " + worst->abs_error + " is "
           + fixed1(worst_excess) + " orders of magnitude above its tolerance " + worst->tolerance
           + (worst->ratio.empty() ? std::string() : "; a/n = " + worst->ratio) + "\n";
}

std::size_t count_elements(const CheckReport& r, bool passing)
{
    std::size_t n = 0;
    for (const auto& p : r.partials)
        if (r.counts(p))
            for (const auto& e : p.elements) n += e.pass == passing;
    return n;
}

std::size_t count_declined(const CheckReport& r)
{
    std::size_t n = 0;
    for (const auto& p : r.partials)
        if (r.counts(p))
            for (const auto& e : p.elements) n += e.declined;
    return n;
}

bool failed(const CheckReport& r) { return r.failed(); }

} // namespace

bool all_pass(const std::vector<CheckReport>& reports)
{
    return std::all_of(reports.begin(), reports.end(), [](const CheckReport& r) { return r.pass; });
}

Verdict verdict(const std::vector<CheckReport>& reports)
{
    return verdict_of(std::any_of(reports.begin(), reports.end(), [](const CheckReport& r) { return r.failed(); }), all_pass(reports));
}

namespace {

void print_problem(std::ostream& out, const Problem& problem, const CheckReport& first, bool generic_in_run)
{
    if (!problem.why.empty()) out << "why      " << problem.why << "\n";
    out << "network  " << first.N << "-" << first.H << "-1 (N = " << first.N << " inputs, H = " << first.H
        << " hidden units, 1 output), m = " << first.m << " examples: " << problem.data_source << "\n";
    out << "weights  " << problem.weights_source << "\n";
    print_blind_spots(out, problem, generic_in_run);
}

// "xor: " before each precision's verdict when the run has several problems.
std::string problem_label(const std::vector<Problem>& problems, const CheckReport& r)
{
    return problems.size() > 1 ? problems[r.problem].name + " " : "";
}

bool has_generic(const std::vector<Problem>& problems)
{
    return std::any_of(problems.begin(), problems.end(), [](const Problem& p) { return p.name == "generic"; });
}

} // namespace

void print_blind_spots(std::ostream& out, const Problem& problem, bool generic_in_run)
{
    const std::vector<BlindSpot> spots = blind_spots(problem);
    for (const BlindSpot& b : spots) out << "blind    " << b.reason << "; unseen here: " << b.hides << "\n";
    if (!spots.empty() && !generic_in_run)
        out << "         so a pass here cannot rule such mistakes out"
            << (problem.name == "xor" ? ": add --problem generic, whose data can" : ": data without this property can") << "\n";
}

void print_vanishing(std::ostream& out, const std::vector<PartialCheck>& partials)
{
    std::vector<std::string> names;
    for (const auto& p : partials)
        if (p.all_near_zero()) names.push_back(p.name);
    if (names.empty()) return;
    std::string list;
    for (std::size_t i = 0; i < names.size(); ++i) list += (i ? (i + 1 == names.size() ? " and " : ", ") : "") + names[i];
    out << "blind:   every element of " << list << " is within its tolerance of 0 here (saturated sigmoids, or a tolerance as large as the gradient?): "
        << "no mistake confined to " << (names.size() == 1 ? "it" : "them") << " can show here\n";
}

void print_hidden(std::ostream& out, const Problem& problem, const std::vector<std::string>& hidden)
{
    std::vector<std::string> names;
    const std::vector<BlindSpot> spots = blind_spots(problem);
    for (const std::string& name : hidden) {
        bool named = false;
        for (const BlindSpot& b : spots) named = named || std::find(b.gallery.begin(), b.gallery.end(), name) != b.gallery.end();
        if (!named) names.push_back(name);
    }
    if (names.empty()) return;
    std::string list;
    for (std::size_t i = 0; i < names.size(); ++i) list += (i ? (i + 1 == names.size() ? " and " : ", ") : "") + names[i];
    out << "blind:   at these numbers the gallery's " << list << (names.size() == 1 ? " gives" : " give")
        << " the right values to within the tolerance: a pass cannot rule " << (names.size() == 1 ? "it" : "them") << " out\n";
}

void print_ladder(std::ostream& out, const std::vector<Problem>& problems, const std::vector<CheckReport>& reports)
{
    const CheckReport& first = reports.front();
    out << "gradcheck " << version << ": the hand-derived gradients of the XOR network against numeric ones\n";
    out << "formulas " << first.formulas << " (" << first.formulas_explanation << ")\n";
    const bool several = problems.size() > 1;
    for (std::size_t i = 0; i < problems.size(); ++i) {
        if (several) out << "\nproblem " << problems[i].name << "\n";
        for (const CheckReport& r : reports)
            if (r.problem == i) {
                print_problem(out, problems[i], r, has_generic(problems));
                break;
            }
    }
    out << "\ndigits of agreement, worst element of each partial; 'bound' is the fewest digits the method's\n"
           "error bound guarantees (its floor at this precision); a row passes when every element is within its bound\n\n";
    if (several) out << pad("problem", 9);
    out << pad("precision", 13) << pad("method", 14);
    for (const char* name : {"dL/dW1", "dL/dB1", "dL/dW2", "dL/dB2"}) out << rpad(name, 8);
    out << rpad("bound", 8) << "  result\n";
    for (const CheckReport& r : reports) {
        if (several) out << pad(problems[r.problem].name, 9);
        out << pad(r.precision, 13) << pad(r.method, 14);
        if (!r.backward_error.empty()) {
            out << "shape error: " << r.backward_error << "\n";
            continue;
        }
        // With --fast and no disagreement there are only the directions: no partial's digits.
        const bool directions_only = r.partials.size() == 1;
        for (const auto& p : r.partials)
            if (r.counts(p) && !directions_only) out << rpad(p.has_digits() ? fixed1(p.worst_digits) : "-", 8);
        const DigitsSummary digits = r.digits_summary();
        if (directions_only) out << rpad("-", 8) << rpad("-", 8) << rpad("-", 8) << rpad("-", 8);
        out << rpad(digits.has_digits ? fixed1(digits.fewest_needed) : "-", 8) << "  " << (r.pass ? "pass" : failed(r) ? "FAIL" : "not verified")
            << (directions_only ? " (fast: along the directions)" : "") << "\n";
    }
    for (const CheckReport& r : reports)
        if (!r.diagnosis.empty()) {
            out << "\ndiagnosis (" << problem_label(problems, r) << r.precision << ", " << r.method << "): " << r.diagnosis << "\n";
            break;
        }
    const auto n_failed = std::count_if(reports.begin(), reports.end(), failed);
    const auto n_declined = std::count_if(reports.begin(), reports.end(), [](const CheckReport& r) { return !r.pass && !failed(r); });
    out << "\n" << verdict_word(verdict(reports)) << ": " << reports.size() << " checks, " << n_failed << " failed"
        << (n_declined ? ", " + std::to_string(n_declined) + " declined" : std::string()) << "\n";
}

void print_text(std::ostream& out, const std::vector<Problem>& problems, const std::vector<CheckReport>& reports)
{
    const CheckReport& first = reports.front();
    out << "gradcheck " << version << ": the hand-derived gradients of the XOR network against numeric ones\n";
    const bool several = problems.size() > 1;
    if (!several) print_problem(out, problems.front(), first, false);
    out << "formulas " << first.formulas << " (" << first.formulas_explanation << ")\n";
    std::size_t shown = problems.size(); // the problem whose header was printed last
    for (const CheckReport& r : reports) {
        if (several && r.problem != shown) {
            shown = r.problem;
            out << "\n######## problem " << r.problem + 1 << " of " << problems.size() << ": " << problems[r.problem].name
                << " ########\n";
            print_problem(out, problems[r.problem], r, has_generic(problems));
        }
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
        if (!r.backward_error.empty()) {
            out << "\nthe analytic gradient cannot be formed: " << r.backward_error << "\n";
            out << "\n" << r.precision << ": FAIL before any number is compared\n";
            out << "diagnosis: " << r.diagnosis << "\n";
            continue;
        }
        for (const auto& p : r.partials) {
            print_partial(out, p, {}, !one_explanation(r.diagnosis));
            if (r.localised && &p == &r.partials.front())
                out << "\n" << r.localised_because << "\n";
        }
        const std::size_t declined = count_declined(r), failed = count_elements(r, false) - declined;
        const std::size_t total = failed + declined + count_elements(r, true);
        out << "\n" << r.precision << ": "
            << (r.pass ? "all " + std::to_string(total) + " elements agree"
                       : (failed ? std::to_string(failed) + " of " + std::to_string(total) + " elements FAIL" : std::string())
                             + (failed && declined ? ", " : "")
                             + (declined ? std::to_string(declined) + " of " + std::to_string(total) + " declined" : std::string()))
            << " (" << describe_worst(r) << ")\n";
        std::size_t near_zero = 0;
        for (const auto& p : r.partials)
            if (r.counts(p))
                for (const auto& e : p.elements) near_zero += e.near_zero;
        if (near_zero > 0)
            out << "(abs): " << near_zero << " element(s) with both values within the tolerance of 0: compared by absolute error, "
                << "since a relative error of two near-zero numbers means nothing\n";
        print_vanishing(out, r.partials);
        print_hidden(out, problems[r.problem], r.hidden);
        if (!r.pass) out << largest_mismatch(r);
        if (!r.diagnosis.empty()) out << "diagnosis: " << r.diagnosis << "\n";
    }

    out << "\n" << verdict_word(verdict(reports)) << ":";
    for (std::size_t i = 0; i < reports.size(); ++i) {
        const CheckReport& r = reports[i];
        const bool new_problem = several && (i == 0 || reports[i - 1].problem != r.problem);
        const std::size_t declined = count_declined(r), failed = count_elements(r, false) - declined;
        const DigitsSummary digits = r.digits_summary();
        out << (i ? (new_problem ? "." : ";") : "") << " " << (new_problem ? problems[r.problem].name + ": " : "") << r.precision << " "
            << (r.pass && !digits.has_digits ? std::string("all agree, every element compared absolutely")
                : r.pass                      ? "all agree, worst " + fixed1(digits.worst) + " digits"
                : !r.backward_error.empty() ? std::string("shape error")
                                            : (failed ? std::to_string(failed) + " elements fail" : std::string())
                                                  + (failed && declined ? ", " : "")
                                                  + (declined ? std::to_string(declined) + " declined" : std::string()));
    }
    out << "\n";
}

namespace {

void print_matrix(std::ostream& out, const TracedMatrix& t)
{
    out << "\n" << t.name << "   " << t.shape_names << " = " << xornet::shape_string(t.rows, t.cols) << "   " << t.meaning << "\n";
    std::vector<std::size_t> widths(t.cols, 0);
    for (std::size_t k = 0; k < t.values.size(); ++k) widths[k % t.cols] = std::max(widths[k % t.cols], t.values[k].size());
    for (std::size_t i = 0; i < t.rows; ++i) {
        out << "   ";
        for (std::size_t j = 0; j < t.cols; ++j) out << "  " << rpad(t.values[i * t.cols + j], widths[j]);
        out << "\n";
    }
}

} // namespace

void print_training(std::ostream& out, const Problem& problem, const std::vector<std::pair<Precision, TrainReport>>& runs)
{
    out << "gradcheck " << version << " train: gradient descent on " << problem.data_source << ", checking all four partials as it goes\n";
    out << "weights  " << problem.weights_source << "\n";
    print_blind_spots(out, problem, false);
    bool all = true, any_failed = false, any_diverged = false;
    for (const auto& [precision, r] : runs) {
        out << "\n=== " << precision.label << " ===\n";
        if (!r.backward_error.empty()) {
            out << "the analytic gradient cannot be formed: " << r.backward_error << "\ndiagnosis: " << shape_error_story
                << "\n" << precision.name << ": FAIL before a step of training\n";
            all = false;
            any_failed = true;
            continue;
        }
        out << pad("epoch", 8) << rpad("loss", 14) << rpad("max |A2-Y|", 12) << rpad("digits", 8) << rpad("needed", 8) << "  result\n";
        for (const TrainingCheck& t : r.checks)
            out << pad(std::to_string(t.epoch), 8) << rpad(t.loss, 14) << rpad(t.max_output_error, 12)
                << rpad(t.has_digits ? fixed1(t.digits) : "-", 8) << rpad(t.has_digits ? fixed1(t.digits_needed) : "-", 8) << "  "
                << (t.pass ? "ok" : t.failed ? "FAIL" : "not verified") << "\n";
        if (r.diverged_at > 0) {
            out << "diverged after epoch " << r.diverged_at << ": a parameter is inf or NaN, so training stops and nothing after it can be checked\n"
                << precision.name << ": " << (r.failed ? "a check FAILED" : "every check made passed") << ", then training diverged\n";
            all = false;
            any_failed = any_failed || r.failed;
            any_diverged = true;
            continue;
        }
        out << "predictions after training (final loss " << r.final_loss << "):\n";
        for (std::size_t i = 0; i < r.inputs.size(); ++i)
            out << "  x = (" << r.inputs[i] << ")  A2 = " << r.predictions[i] << "  Y = " << r.labels[i] << "\n";
        out << precision.name << ": " << (r.pass ? "every check passed" : r.failed ? "a check FAILED" : "a check declined elements")
            << (r.has_digits ? ", worst " + fixed1(r.worst_digits) + " digits; " : ", every element compared absolutely; ") << (r.learned ? "every prediction rounds to its label" : "some predictions do not round to their labels")
            << "\n";
        all = all && r.pass;
        any_failed = any_failed || r.failed;
    }
    out << "\n"
        << (all          ? "PASS: the analytic gradient agreed with the numeric one at every check"
            : any_failed   ? "FAIL: at some check the analytic gradient disagreed with the numeric one"
            : any_diverged ? "NOT VERIFIED: training diverged (a parameter became inf or NaN) before the last check, and no check made failed"
                           : "NOT VERIFIED: some check declined elements (no trustworthy numeric value) and none failed")
        << "\n";
}

void print_trace(std::ostream& out, const Problem& problem, const TraceReport& trace)
{
    const TracedMatrix& W1 = trace.forward[2];
    const TracedMatrix& X = trace.forward[0];
    out << "gradcheck " << version << " trace: one forward and backward pass, " << trace.precision_label << ", "
        << trace_digits << " significant digits shown\n";
    out << "network  " << W1.cols << "-" << W1.rows << "-1, m = " << X.cols << " examples: " << problem.data_source << "\n";
    out << "weights  " << problem.weights_source << "\n";
    out << "\n--- forward pass (seed functions 1-4) ---\n";
    for (const auto& t : trace.forward) print_matrix(out, t);
    out << "\nL = " << trace.loss << "   mean binary cross-entropy, stable form from Z2 (the seed's form gives "
        << trace.loss_seed_form << ")\n";
    out << "\n--- backward pass, formulas " << trace.formulas << " ---\n";
    for (const auto& t : trace.backward) print_matrix(out, t);
}

} // namespace gradcheck

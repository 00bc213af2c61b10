// The text of the other jobs: trace (every array of one forward and backward pass)
// and train (the checks made while training).
#include "gradcheck/report/text_tasks.hpp"

#include <algorithm>

#include "gradcheck/report/text.hpp"
#include "version.hpp"

namespace gradcheck {

using text::pad;
using text::rpad;

namespace {

void print_matrix(std::ostream& out, const TracedMatrix& t)
{
    out << "\n" << t.name << "   " << t.shape_names << " = " << t.rows << "×" << t.cols << "   " << t.meaning << "\n";
    std::vector<std::size_t> widths(t.cols, 0);
    for (std::size_t k = 0; k < t.values.size(); ++k) widths[k % t.cols] = std::max(widths[k % t.cols], t.values[k].size());
    for (std::size_t i = 0; i < t.rows; ++i) {
        out << "   ";
        for (std::size_t j = 0; j < t.cols; ++j) out << "  " << rpad(t.values[i * t.cols + j], widths[j]);
        out << "\n";
    }
}

} // namespace

void print_training(std::ostream& out, const ProblemInfo& problem, const std::vector<std::pair<Precision, TrainReport>>& runs)
{
    out << "gradcheck " << version << " train: gradient descent on " << problem.data << ", checking all four partials as it goes\n";
    out << "weights  " << problem.weights << "\n";
    print_blind_spots(out, problem, false);
    bool all = true, any_failed = false, any_diverged = false;
    for (const auto& [precision, r] : runs) {
        out << "\n=== " << precision.label << " ===\n";
        if (!r.backward_error.empty()) {
            out << "the analytic gradient cannot be formed: " << r.backward_error << "\ndiagnosis: " << r.diagnosis
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

void print_trace(std::ostream& out, const ProblemInfo& problem, const TraceReport& trace)
{
    const TracedMatrix& W1 = trace.forward[2];
    const TracedMatrix& X = trace.forward[0];
    out << "gradcheck " << version << " trace: one forward and backward pass, " << trace.precision_label << ", "
        << trace_digits << " significant digits shown\n";
    out << "network  " << W1.cols << "-" << W1.rows << "-1, m = " << X.cols << " examples: " << problem.data << "\n";
    out << "weights  " << problem.weights << "\n";
    out << "\n--- forward pass (seed functions 1-4) ---\n";
    for (const auto& t : trace.forward) print_matrix(out, t);
    out << "\nL = " << trace.loss << "   mean binary cross-entropy, stable form from Z2 (the seed's form gives "
        << trace.loss_seed_form << ")\n";
    out << "\n--- backward pass, formulas " << trace.formulas << " ---\n";
    for (const auto& t : trace.backward) print_matrix(out, t);
}

} // namespace gradcheck

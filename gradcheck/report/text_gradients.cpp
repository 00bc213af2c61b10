// Your gradients against the exact ones (gradcheck --gradients) as text: your values
// above the reference, digit under digit, per array (report/text.cpp).
#include "gradcheck/report/text.hpp"
#include "gradcheck/report/words.hpp"
#include "version.hpp"

namespace gradcheck {

namespace {

std::string worst_line(const Report& r)
{
    const DigitsSummary summary = digits_summary(r);
    const ElementCounts c = count_elements(r);
    const std::string digits = !summary.has_digits ? "every element compared absolutely"
                                                   : "worst " + fixed1(summary.worst) + " digits at " + summary.worst_at + ", "
                                                         + fixed1(summary.needed_at_worst) + " needed";
    return (c.failed ? std::to_string(c.failed) + " of " + std::to_string(c.total) + " elements FAIL"
                     : "all " + std::to_string(c.total) + " elements agree")
           + " (" + digits + ")";
}

std::string names_of(const Report& r)
{
    std::vector<std::string> names;
    for (const Table& t : r.tables) names.push_back(t.name);
    return text::and_list(names);
}

} // namespace

void print_gradients(std::ostream& out, const Report& r, View view)
{
    const ProblemInfo& p = r.problem;
    out << "gradcheck " << version << ": your gradients against the exact ones\n";
    out << "network  " << p.N << "-" << p.H << "-1 (N = " << p.N << " inputs, H = " << p.H << " hidden units, 1 output), m = " << p.m
        << " examples: " << p.data << "\n";
    out << "weights  " << p.weights << "\n";
    print_blind_spots(out, p, false);
    out << "yours    " << r.gradients.source << ", computed in " << r.precision_label << ": u = " << r.epsilon << "\n";
    out << "exact    the derived backward pass (lib/backward.hpp) at " << r.gradients.reference_digits << " digits (MPFR)\n";
    out << "pass:    |y - r| <= tolerance = the rounding error the derived formulas can make in your arithmetic\n"
           "         on these numbers (a first-order bound for any order of the sums; inputs not exact there\n"
           "         count as rounded) + the reference's own + half a unit in the last digit you wrote;\n"
           "         digits = -log10(rel err), needed = fewest digits that pass\n";
    for (const Table& t : r.tables) print_table(out, t, r, {"yours (y) above reference (r)", "y", "r"}, !one_explanation(r.diagnosis), view);
    out << "\nyours: " << worst_line(r) << "\n";
    print_vanishing(out, r.tables);
    print_hidden(out, r);
    const std::string& precision = r.precision; // as the file names it
    if (r.gradients.short_values > 0)
        out << "written: " << r.gradients.short_values << " value(s) with fewer digits than " << precision
            << " carries: the tolerance allows for their last digit; write " << r.gradients.max_digits10
            << " significant digits (Python's repr, %.17g for a double) to check every one\n";
    if (r.gradients.weak > 0)
        out << "weak:    in " << precision << ", the rounding the formulas may make on these numbers exceeds 1% of " << r.gradients.weak
            << " of the values (under 2 digits needed): a mistake that changes them by less cannot show there\n";
    if (!r.diagnosis.empty()) out << "diagnosis: " << r.diagnosis << "\n";
    out << "\n"
        << (r.pass ? "PASS: your " + names_of(r) + " agree with the exact ones to within " + precision + "'s rounding"
                   : "FAIL: your " + names_of(r) + " do not all agree with the exact ones")
        << "\n";
}

} // namespace gradcheck

// The report of gradcheck --gradients: your values above the reference, digit under
// digit, per array, in text; or everything in JSON.
#include "gradcheck/report/own.hpp"
#include "gradcheck/report/json.hpp"
#include "gradcheck/report/print.hpp"
#include "version.hpp"

namespace gradcheck {

namespace {

std::string worst_line(const OwnReport& r)
{
    DigitsSummary summary;
    std::size_t total = 0, failed = 0;
    for (const auto& a : r.arrays) {
        summary.add(a);
        for (const auto& e : a.elements) ++total, failed += !e.pass;
    }
    const std::string digits = !summary.has_digits ? "every element compared absolutely"
                                                   : "worst " + fixed1(summary.worst) + " digits at " + summary.worst_at + ", "
                                                         + fixed1(summary.needed_at_worst) + " needed";
    return (failed ? std::to_string(failed) + " of " + std::to_string(total) + " elements FAIL"
                   : "all " + std::to_string(total) + " elements agree") + " (" + digits + ")";
}

std::string names_of(const OwnReport& r)
{
    std::string s;
    for (std::size_t i = 0; i < r.arrays.size(); ++i) s += (i ? (i + 1 == r.arrays.size() ? " and " : ", ") : "") + r.arrays[i].name;
    return s;
}

} // namespace

void print_own_text(std::ostream& out, const Problem& problem, const OwnGradientsText& gradients, const OwnReport& r)
{
    out << "gradcheck " << version << ": your gradients against the exact ones\n";
    out << "network  " << r.N << "-" << r.H << "-1 (N = " << r.N << " inputs, H = " << r.H << " hidden units, 1 output), m = " << r.m
        << " examples: " << problem.data_source << "\n";
    out << "weights  " << problem.weights_source << "\n";
    print_blind_spots(out, problem, false);
    out << "yours    " << gradients.source << ", computed in " << r.precision_label << ": u = " << r.epsilon << "\n";
    out << "exact    the derived backward pass (lib/backward.hpp) at " << r.reference_digits << " digits (MPFR)\n";
    out << "pass:    |y - r| <= tolerance = the rounding error the derived formulas can make in your arithmetic\n"
           "         on these numbers (a first-order bound for any order of the sums; inputs not exact there\n"
           "         count as rounded) + the reference's own + half a unit in the last digit you wrote;\n"
           "         digits = -log10(rel err), needed = fewest digits that pass\n";
    for (const PartialCheck& a : r.arrays) print_partial(out, a, {"yours (y) above reference (r)", "y", "r"}, !one_explanation(r.diagnosis));
    out << "\nyours: " << worst_line(r) << "\n";
    print_vanishing(out, r.arrays);
    print_hidden(out, problem, r.hidden);
    if (r.short_values > 0)
        out << "written: " << r.short_values << " value(s) with fewer digits than " << gradients.precision.name
            << " carries: the tolerance allows for their last digit; write " << gradients.precision.max_digits10
            << " significant digits (Python's repr, %.17g for a double) to check every one\n";
    if (r.weak > 0)
        out << "weak:    in " << gradients.precision.name << ", the rounding the formulas may make on these numbers exceeds 1% of "
            << r.weak << " of the values (under 2 digits needed): a mistake that changes them by less cannot show there\n";
    if (!r.diagnosis.empty()) out << "diagnosis: " << r.diagnosis << "\n";
    out << "\n"
        << (r.pass ? "PASS: your " + names_of(r) + " agree with the exact ones to within " + gradients.precision.name + "'s rounding"
                   : "FAIL: your " + names_of(r) + " do not all agree with the exact ones")
        << "\n";
}

void print_own_json(std::ostream& out, const Problem& problem, const OwnGradientsText& gradients, const OwnReport& r)
{
    Json j;
    j["program"] = "gradcheck";
    j["version"] = version;
    j["check"] = "gradients";
    j["problem"] = problem.name;
    j["N"] = r.N;
    j["H"] = r.H;
    j["m"] = r.m;
    j["data"] = problem.data_source;
    j["weights"] = problem.weights_source;
    j["blind_spots"] = blind_spots_json(problem);
    j["gradients"] = gradients.source;
    j["precision"] = gradients.precision.name;
    j["precision_label"] = r.precision_label;
    j["epsilon"] = r.epsilon;
    j["reference_digits"] = r.reference_digits;
    j["pass"] = r.pass;
    j["diagnosis"] = r.diagnosis.empty() ? Json(nullptr) : Json(r.diagnosis);
    j["short_values"] = r.short_values;
    j["weak"] = r.weak;
    j["hidden"] = r.hidden;
    j["arrays"] = Json::array();
    for (const PartialCheck& a : r.arrays) j["arrays"].push_back(partial_json(a, "yours", "reference", false));
    out << j.dump(2) << "\n";
}

} // namespace gradcheck

// What a problem's numbers can and cannot show: the lines that describe the problem,
// and the "blind" lines (mistakes its data, its near-zero partials or its tolerances hide).
#include <algorithm>

#include "gradcheck/report/print.hpp"
#include "gradcheck/report/text_parts.hpp"

namespace gradcheck {

namespace text {

void print_problem(std::ostream& out, const Problem& problem, const CheckReport& first, bool generic_in_run)
{
    if (!problem.why.empty()) out << "why      " << problem.why << "\n";
    out << "network  " << first.N << "-" << first.H << "-1 (N = " << first.N << " inputs, H = " << first.H
        << " hidden units, 1 output), m = " << first.m << " examples: " << problem.data_source << "\n";
    out << "weights  " << problem.weights_source << "\n";
    print_blind_spots(out, problem, generic_in_run);
}

bool has_generic(const std::vector<Problem>& problems)
{
    return std::any_of(problems.begin(), problems.end(), [](const Problem& p) { return p.name == "generic"; });
}

} // namespace text

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
    out << "blind:   every element of " << text::and_list(names) << " is within its tolerance of 0 here (saturated sigmoids, or a tolerance as large as the gradient?): "
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
    out << "blind:   at these numbers the gallery's " << text::and_list(names) << (names.size() == 1 ? " gives" : " give")
        << " the right values to within the tolerance: a pass cannot rule " << (names.size() == 1 ? "it" : "them") << " out\n";
}

} // namespace gradcheck

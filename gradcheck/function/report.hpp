// The report of a check of your own function, as text and JSON: what operator<< of
// a result prints (function/result.hpp). It holds decimal text only, so the printers
// are compiled once, in the library, whatever the scalar type of the check.
#pragma once

#include <ostream>
#include <string>
#include <vector>

#include "gradcheck/report/report.hpp"

namespace gradcheck {

struct FunctionReport {
    std::string what;      // "gradient of f: R^2 -> R", "Jacobian of f: R^3 -> R^2", …
    std::string precision; // "double (53 bits), u = 1.11e-16"
    std::string method;    // the method's description (methods/table.hpp)
    std::string step_rule; // the step and how it was chosen
    std::string rounding;  // how ε_L, the rounding of one evaluation of f, was found
    std::string analytic_rounding; // how ε_a, the rounding of your analytic values, was found
    std::vector<std::string> notes; // what this point cannot reveal; what --fast did
    std::vector<PartialCheck> tables; // one per checked array: "df/dx", "J", "H", "Jᵀu₀"
    Verdict verdict = Verdict::not_verified;
};

// The per-element tables the command prints, under a few header lines, and a verdict line.
void print_report(std::ostream& out, const FunctionReport& report);
// The same as one JSON document (its schema: README "Check your own C++ function").
std::string report_json(const FunctionReport& report);

} // namespace gradcheck

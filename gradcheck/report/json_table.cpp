// One table of compared values as JSON (one list per column): the part of the JSON
// reports that the library's own report (function/report.cpp) shares with the command's.
#include <cmath>

#include "gradcheck/report/json_table.hpp"
#include "gradcheck/scalar/decimal.hpp"

namespace gradcheck {

namespace {

double round2(double x) { return std::round(x * 100.0) / 100.0; }

} // namespace

Json partial_json(const PartialCheck& p, const char* top, const char* bottom, bool numeric_method)
{
    Json j;
    j["name"] = p.name;
    j["shape"] = {p.rows, p.cols};
    j["shape_names"] = p.shape_names;
    j["pass"] = p.pass;
    j["diagnosis"] = p.diagnosis.empty() ? Json(nullptr) : Json(p.diagnosis);
    j["worst_digits"] = p.has_digits() ? Json(round2(p.worst_digits)) : Json(nullptr);
    for (const char* key : {top, bottom, "abs_error", "rel_error", "tolerance"}) j[key] = Json::array();
    if (numeric_method)
        for (const char* key : {"analytic_rounding", "step", "step_reduced_from"}) j[key] = Json::array();
    for (const char* key : {"digits", "digits_needed", "near_zero"}) j[key] = Json::array();
    if (numeric_method) j["declined"] = Json::array(), j["fails_at_rule_step"] = Json::array();
    j["element_pass"] = Json::array();
    for (const auto& e : p.elements) {
        const bool columns = e.numeric_finite && !e.near_zero; // relative columns mean something
        const auto or_null = [](bool present, const Json& value) { return present ? value : Json(nullptr); };
        // null for a value that is not a finite number ("nan", "inf"): never printed as a result
        const auto number = [&](bool present, const std::string& text) { return present && is_decimal(text) ? Json(text) : Json(nullptr); };
        j[top].push_back(number(true, e.analytic));
        j[bottom].push_back(number(e.numeric_finite, e.numeric)); // null: no finite numeric value (declined)
        j["abs_error"].push_back(number(e.numeric_finite, e.abs_error));
        j["rel_error"].push_back(number(e.numeric_finite, e.rel_error));
        j["tolerance"].push_back(number(true, e.tolerance));
        if (numeric_method) {
            j["analytic_rounding"].push_back(number(true, e.analytic_rounding));
            j["step"].push_back(number(!e.step.empty(), e.step)); // null: autodiff takes no step
            j["step_reduced_from"].push_back(e.step_from.empty() ? Json(nullptr) : Json(e.step_from));
        }
        j["digits"].push_back(or_null(columns, round2(e.digits))); // (abs): no relative digits
        j["digits_needed"].push_back(or_null(columns, round2(e.digits_needed)));
        j["near_zero"].push_back(e.near_zero);
        if (numeric_method) j["declined"].push_back(e.declined ? Json(e.declined_because) : Json(nullptr));
        if (numeric_method) j["fails_at_rule_step"].push_back(e.fails_at_rule_step.empty() ? Json(nullptr) : Json(e.fails_at_rule_step));
        j["element_pass"].push_back(e.pass);
    }
    return j;
}

} // namespace gradcheck

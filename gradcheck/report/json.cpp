// The JSON report; its schema is documented in README.md.
#include <cmath>

#include <nlohmann/json.hpp>

#include "scalar/decimal.hpp"
#include "report/json.hpp"
#include "report/print.hpp"
#include "version.hpp"

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
            j["step"].push_back(number(true, e.step));
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

Json blind_spots_json(const Problem& problem)
{
    Json spots = Json::array();
    for (const BlindSpot& b : blind_spots(problem)) spots.push_back({{"reason", b.reason}, {"hides", b.hides}, {"gallery", b.gallery}});
    return spots;
}

namespace {

Json report_json(const std::vector<Problem>& problems, const CheckReport& r)
{
    Json j;
    j["problem"] = problems[r.problem].name;
    j["precision"] = r.precision;
    j["precision_label"] = r.precision_label;
    j["digits"] = r.digits;
    j["epsilon"] = r.epsilon;
    j["m"] = r.m;
    j["method"] = r.method;
    j["step_rule"] = r.step_rule;
    j["formulas"] = r.formulas;
    j["loss"] = r.loss;
    j["loss_seed_form"] = r.loss_seed_form_finite ? Json(r.loss_seed_form) : Json(nullptr);
    j["loss_error_bound"] = r.loss_error;
    j["pass"] = r.pass;
    j["verdict"] = r.pass ? "pass" : r.failed() ? "fail" : "not verified";
    j["diagnosis"] = r.diagnosis.empty() ? Json(nullptr) : Json(r.diagnosis);
    j["hidden"] = r.hidden; // the gallery's mistakes that give the right numbers here (within the tolerance)
    j["localised"] = r.localised; // --fast: a direction disagreed (or was too coarse), so the four partials follow v·∇L
    if (r.localised) j["localised_because"] = r.localised_because;
    if (!r.backward_error.empty()) j["backward_error"] = r.backward_error;
    j["partials"] = Json::array();
    for (const auto& p : r.partials) j["partials"].push_back(partial_json(p, "analytic", "numeric", true));
    return j;
}


Json problem_json(const Problem& p)
{
    Json j;
    j["name"] = p.name;
    j["N"] = p.inputs();
    j["H"] = p.width();
    j["m"] = p.examples();
    j["data"] = p.data_source;
    j["weights"] = p.weights_source;
    if (!p.why.empty()) j["why"] = p.why;
    j["blind_spots"] = blind_spots_json(p);
    return j;
}

} // namespace

void print_json(std::ostream& out, const std::vector<Problem>& problems, const std::vector<CheckReport>& reports)
{
    Json j;
    j["program"] = "gradcheck";
    j["version"] = version;
    // N, H, m, data and weights of the first problem, as before there were several
    j["N"] = reports.front().N;
    j["H"] = reports.front().H;
    j["m"] = reports.front().m;
    j["data"] = problems.front().data_source;
    j["weights"] = problems.front().weights_source;
    j["formulas"] = reports.front().formulas;
    j["pass"] = all_pass(reports);
    j["verdict"] = verdict(reports) == Verdict::pass ? "pass" : verdict(reports) == Verdict::fail ? "fail" : "not verified";
    j["problems"] = Json::array();
    for (const Problem& p : problems) j["problems"].push_back(problem_json(p));
    j["reports"] = Json::array();
    for (const auto& r : reports) j["reports"].push_back(report_json(problems, r));
    out << j.dump(2) << "\n";
}

} // namespace gradcheck

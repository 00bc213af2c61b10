// The JSON reports (report/json.hpp), from the result model alone.
#include "gradcheck/report/json.hpp"

#include <cmath>

#include <nlohmann/json.hpp>

#include "gradcheck/report/words.hpp"
#include "gradcheck/scalar/decimal.hpp"
#include "version.hpp"

namespace gradcheck {

namespace {

using Json = nlohmann::ordered_json;

double round2(double x) { return std::round(x * 100.0) / 100.0; }

Json text_or_null(const std::string& s) { return s.empty() ? Json(nullptr) : Json(s); }

// One table, one list per column, each in row-major order: element [i, j] of an r×c
// table at index i·c + j. `top` and `bottom` name the values compared; a numeric method
// adds its step, the analytic rounding bound and why an element was declined.
Json table_json(const Table& t, const Report& r, const char* top, const char* bottom)
{
    const bool numeric_method = r.client != Client::gradients;
    Json j;
    j["name"] = t.name;
    j["shape"] = {t.rows, t.cols};
    j["shape_names"] = t.shape_names;
    j["pass"] = t.pass;
    j["diagnosis"] = text_or_null(t.diagnosis);
    j["worst_digits"] = t.has_digits() ? Json(round2(t.worst_digits)) : Json(nullptr);
    for (const char* key : {top, bottom, "abs_error", "rel_error", "tolerance"}) j[key] = Json::array();
    if (numeric_method)
        for (const char* key : {"analytic_rounding", "step", "step_reduced_from"}) j[key] = Json::array();
    for (const char* key : {"digits", "digits_needed", "near_zero"}) j[key] = Json::array();
    if (numeric_method) j["declined"] = Json::array(), j["fails_at_rule_step"] = Json::array();
    j["element_pass"] = Json::array();
    for (const Entry& e : t.elements) {
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
            j["step"].push_back(number(!e.step.empty() && e.has_numeric, e.step)); // null: autodiff takes no step
            j["step_reduced_from"].push_back(text_or_null(e.step_from));
        }
        j["digits"].push_back(or_null(columns, round2(e.digits))); // (abs): no relative digits
        j["digits_needed"].push_back(or_null(columns, round2(e.digits_needed)));
        j["near_zero"].push_back(e.near_zero);
        if (numeric_method) {
            j["declined"].push_back(e.declined ? Json(declined_because(e, r, element_name(t, e))) : Json(nullptr));
            j["fails_at_rule_step"].push_back(text_or_null(fails_at_rule_step(e, r, element_name(t, e))));
        }
        j["element_pass"].push_back(e.pass);
    }
    return j;
}

Json blind_spots_json(const ProblemInfo& p)
{
    Json spots = Json::array();
    for (const BlindSpot& b : p.blind_spots) spots.push_back({{"reason", b.reason}, {"hides", b.hides}, {"gallery", b.gallery}});
    return spots;
}

Json problem_json(const ProblemInfo& p)
{
    Json j;
    j["name"] = p.name;
    j["N"] = p.N;
    j["H"] = p.H;
    j["m"] = p.m;
    j["data"] = p.data;
    j["weights"] = p.weights;
    if (!p.why.empty()) j["why"] = p.why;
    j["blind_spots"] = blind_spots_json(p);
    return j;
}

Json network_json(const Run& run, const Report& r)
{
    Json j;
    j["problem"] = run.problems[r.network.problem].name;
    j["precision"] = r.precision;
    j["precision_label"] = r.precision_label;
    j["digits"] = r.digits;
    j["epsilon"] = r.epsilon;
    j["m"] = r.problem.m;
    j["method"] = method_name(r.method);
    j["step_rule"] = step_rule(r);
    j["formulas"] = r.network.formulas;
    j["loss"] = r.network.loss;
    j["loss_seed_form"] = r.network.loss_seed_form_finite ? Json(r.network.loss_seed_form) : Json(nullptr);
    j["loss_error_bound"] = r.network.loss_error;
    j["pass"] = r.pass;
    j["verdict"] = words(verdict_of(r)).json;
    j["diagnosis"] = text_or_null(r.diagnosis);
    j["hidden"] = r.hidden; // the gallery's mistakes that give the right numbers here (within the tolerance)
    j["localised"] = r.localised(); // --fast: a direction did not settle the check, so the four partials follow v·∇L
    if (r.localised()) j["localised_because"] = fallback_sentence(r.fallback);
    if (!r.network.backward_error.empty()) j["backward_error"] = r.network.backward_error;
    j["partials"] = Json::array();
    for (const Table& t : r.tables) j["partials"].push_back(table_json(t, r, "analytic", "numeric"));
    return j;
}

} // namespace

std::string check_json(const Run& run)
{
    const Report& first = run.reports.front();
    Json j;
    j["program"] = "gradcheck";
    j["version"] = version;
    // N, H, m, data and weights of the first problem, as before there were several
    j["N"] = first.problem.N;
    j["H"] = first.problem.H;
    j["m"] = first.problem.m;
    j["data"] = run.problems.front().data;
    j["weights"] = run.problems.front().weights;
    j["formulas"] = first.network.formulas;
    j["pass"] = verdict(run) == Verdict::pass;
    j["verdict"] = words(verdict(run)).json;
    j["problems"] = Json::array();
    for (const ProblemInfo& p : run.problems) j["problems"].push_back(problem_json(p));
    j["reports"] = Json::array();
    for (const Report& r : run.reports) j["reports"].push_back(network_json(run, r));
    return j.dump(2) + "\n";
}

std::string gradients_json(const Report& r)
{
    Json j;
    j["program"] = "gradcheck";
    j["version"] = version;
    j["check"] = "gradients";
    j["problem"] = r.problem.name;
    j["N"] = r.problem.N;
    j["H"] = r.problem.H;
    j["m"] = r.problem.m;
    j["data"] = r.problem.data;
    j["weights"] = r.problem.weights;
    j["blind_spots"] = blind_spots_json(r.problem);
    j["gradients"] = r.gradients.source;
    j["precision"] = r.precision;
    j["precision_label"] = r.precision_label;
    j["epsilon"] = r.epsilon;
    j["reference_digits"] = r.gradients.reference_digits;
    j["pass"] = r.pass;
    j["diagnosis"] = text_or_null(r.diagnosis);
    j["short_values"] = r.gradients.short_values;
    j["weak"] = r.gradients.weak;
    j["hidden"] = r.hidden;
    j["arrays"] = Json::array();
    for (const Table& t : r.tables) j["arrays"].push_back(table_json(t, r, "yours", "reference"));
    return j.dump(2) + "\n";
}

std::string function_json(const Report& r)
{
    Json j;
    j["what"] = function_what(r);
    j["precision"] = r.precision_label;
    j["method"] = numeric_line(r);
    j["step_rule"] = step_rule(r);
    j["rounding"] = f_rounding_words(r);
    j["analytic_rounding"] = analytic_rounding_words(r);
    j["notes"] = Json::array();
    for (const Note& n : r.function.notes) j["notes"].push_back(note_sentence(n));
    j["verdict"] = words(verdict_of(r)).json;
    j["pass"] = r.pass;
    j["tables"] = Json::array();
    for (const Table& t : r.tables) j["tables"].push_back(table_json(t, r, "analytic", "numeric"));
    return j.dump(2) + "\n";
}

} // namespace gradcheck

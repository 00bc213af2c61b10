// The JSON report; its schema is documented in README.md.
#include <cmath>

#include <nlohmann/json.hpp>

#include "gradcheck/scalar/decimal.hpp"
#include "gradcheck/report/json.hpp"
#include "gradcheck/report/print.hpp"
#include "version.hpp"

namespace gradcheck {

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

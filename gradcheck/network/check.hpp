// The network's check, generic over the scalar type T: the hand-derived partials
// dL/dW1, dL/dB1, dL/dW2, dL/dB2 against the engine's numeric derivatives of its
// loss (core/engine.hpp), with the rounding bounds derived for the network (bounds/:
// ε_L of one loss evaluation, ε_a of each analytic element); then what only the
// network has: the gallery of mistakes, the diagnosis, the mistakes these numbers hide.
//
// In double (u ≈ 2.2e-16, h ≈ u^(1/3) ≈ 6e-6) the numeric bound ε_n is near u^(2/3) ≈
// 1e-10 relative and ε_a near u, which it then hardly changes; ε_a matters for the exact
// methods (complex step, autodiff) and where saturated sigmoids make the gradient far
// smaller than the terms it is computed from.
//
// Heavy to instantiate for multiprecision types: only the run/*.cpp files include it.
#pragma once

#include <cmath>
#include <stdexcept>
#include <string>
#include <vector>

#include <boost/math/special_functions/fpclassify.hpp>

#include "gradcheck/bounds/backward_rounding.hpp"
#include "gradcheck/bounds/loss_rounding.hpp"
#include "gradcheck/core/engine.hpp"
#include "gradcheck/util/error.hpp"
#include "gradcheck/input/instance.hpp"
#include "gradcheck/network/diagnosis.hpp"
#include "gradcheck/network/blind_spots.hpp"
#include "gradcheck/network/check_settings.hpp"
#include "gradcheck/network/loss_function.hpp"
#include "gradcheck/report/record.hpp"
#include "gradcheck/report/words.hpp"
#include "gradcheck/scalar/decimal.hpp"

namespace gradcheck {

// The step of --step in T. The flag takes any magnitude; a precision that holds it only
// as 0 or inf refuses it (the caller names the precision).
template <class T>
T given_step(const std::string& text)
{
    const T h = from_decimal<T>(text);
    if (h == T(0)) throw InputError("--step: " + text + " is 0 in this precision (below its smallest positive number)");
    if (!(boost::math::isfinite)(h)) throw InputError("--step: " + text + " overflows to inf in this precision");
    return h;
}

// What the engine is asked: the command's settings in T. An estimate without a value
// is bad input here (a step too small, a loss not finite), refused, not declined.
template <class T>
core::Settings<T> engine_settings(const CheckSettings& settings)
{
    core::Settings<T> s;
    s.method = settings.method;
    if (settings.step) s.step = given_step<T>(*settings.step);
    s.fast = settings.fast, s.directions = settings.directions, s.seed = settings.direction_seed;
    s.stop_without_value = true;
    return s;
}

// The report's header: the precision, the formulas, the loss and its bound, the
// method and its step rule.
template <class T>
Report describe_check(const CheckSettings& settings, const xornet::Cache<T>& cache, const xornet::Matrix<T>& Y, const T& L,
                      const T& loss_error)
{
    Report r;
    r.digits = working_digits<T>();
    r.epsilon = scientific(machine_epsilon<T>(), 3);
    r.method = settings.method, r.step_given = settings.step;
    r.rule_step = scientific(method_step(settings.method, T(0)), 3);
    r.fast = settings.fast, r.directions = settings.directions, r.seed = settings.direction_seed;
    const xornet::GalleryEntry& entry = xornet::gallery_entry(settings.formulas);
    r.network.formulas = std::string(entry.name), r.network.formulas_explanation = std::string(entry.explanation);
    r.network.loss_label = xornet::loss_label(settings.formulas);
    r.network.loss = all_digits(L);
    const T seed_form = xornet::loss_seed_form(cache.A2, Y);
    r.network.loss_seed_form_finite = (boost::math::isfinite)(seed_form);
    r.network.loss_seed_form = r.network.loss_seed_form_finite ? all_digits(seed_form) : ((boost::math::isnan)(seed_form) ? "nan" : "inf");
    r.network.loss_error = scientific(loss_error, 3);
    return r;
}

inline const char* shape_names(xornet::Param p)
{
    switch (p) {
    case xornet::Param::W1: return "H×N";
    case xornet::Param::B1: return "H×1";
    case xornet::Param::W2: return "1×H";
    case xornet::Param::B2: return "1×1";
    }
    return "";
}

// An estimate without a value, refused as bad input with the engine's numbers.
template <class T>
[[noreturn]] void refuse(const core::Result<T>& result, const xornet::Parameters<T>& P)
{
    for (const core::Element<T>& e : result.directions)
        if (has_no_value(e.reason)) throw InputError(refusal(record(e), std::to_string(e.index), "", true));
    std::size_t start = 0;
    for (xornet::Param p : xornet::all_params) {
        const xornet::Matrix<T>& theta = xornet::param(P, p);
        for (const core::Element<T>& e : result.elements)
            if (has_no_value(e.reason) && e.index >= start && e.index < start + theta.size()) {
                const std::size_t k = e.index - start;
                const std::string where = "dL/d" + std::string(xornet::param_name(p)) + "[" + std::to_string(k / theta.cols()) + ","
                                          + std::to_string(k % theta.cols()) + "]";
                throw InputError(refusal(record(e), where, std::string(xornet::param_name(p)), false));
            }
        start += theta.size();
    }
    throw std::logic_error("refuse: no estimate without a value");
}

// The directions of --fast as one table, v·∇L, one element per direction.
template <class T>
Table directions_table(const std::vector<core::Element<T>>& directions)
{
    Table t;
    t.name = "v·∇L";
    t.rows = directions.size(), t.cols = 1, t.directions = true;
    t.shape = xornet::shape_string(t.rows, 1), t.shape_names = "directions×1";
    t.pass = true, t.worst_digits = working_digits<T>();
    for (const core::Element<T>& e : directions) {
        Entry entry = record(e);
        entry.row = e.index;
        t.add(std::move(entry));
    }
    return t;
}

// The elements of partial p (starting at `start` among all of them) as its table, and
// as what the diagnosis reads: the checked values, the values the verdict rests on,
// each one's tolerance, the declined ones to skip.
template <class T>
Table partial_table(const std::vector<core::Element<T>>& elements, std::size_t start, xornet::Param p, const xornet::Parameters<T>& P,
                    const xornet::Gradients<T>& grads, Judged<T>& values)
{
    const xornet::Matrix<T>& theta = xornet::param(P, p);
    values = {"d" + std::string(xornet::param_name(p)), xornet::gradient(grads, p), theta, theta, std::vector<bool>(theta.size()), {}};
    Table t;
    t.name = "dL/d" + std::string(xornet::param_name(p));
    t.rows = theta.rows(), t.cols = theta.cols();
    t.shape = xornet::shape_string(theta.rows(), theta.cols()), t.shape_names = shape_names(p);
    t.pass = true, t.worst_digits = working_digits<T>();
    t.elements.reserve(theta.size());
    for (std::size_t k = 0; k < theta.size(); ++k) {
        const core::Element<T>& e = elements[start + k];
        values.reference.flat(k) = e.reference, values.tolerance.flat(k) = e.reference_tolerance;
        values.skip[k] = e.declined;
        values.pass = values.pass && (e.pass || e.declined);
        Entry entry = record(e);
        entry.row = k / theta.cols(), entry.col = k % theta.cols();
        t.add(std::move(entry));
    }
    return t;
}

// The four partials into r, and what their numbers say: the mistakes they cannot rule
// out and, if one fails, the likely mistake.
template <class T>
void add_partials(Report& r, const std::vector<core::Element<T>>& elements, const xornet::Parameters<T>& P, const xornet::Matrix<T>& X,
                  const xornet::Matrix<T>& Y, const xornet::Cache<T>& cache, const xornet::Gradients<T>& grads, const T& learning_rate)
{
    std::vector<Judged<T>> judged(xornet::all_params.size());
    std::size_t start = 0;
    for (std::size_t i = 0; i < xornet::all_params.size(); ++i) {
        r.tables.push_back(partial_table(elements, start, xornet::all_params[i], P, grads, judged[i]));
        start += xornet::param(P, xornet::all_params[i]).size();
        r.pass = r.pass && r.tables.back().pass;
    }
    const std::vector<Candidate<T>> candidates = gallery_candidates(P, X, Y, cache, learning_rate);
    r.hidden = hidden_mistakes(judged, candidates);
    if (r.pass) return;
    const Diagnosis d = diagnose(judged, candidates, Y.cols());
    const std::size_t first = r.tables.size() - judged.size(); // after v·∇L with --fast
    for (std::size_t i = 0; i < judged.size(); ++i) r.tables[first + i].diagnosis = d.per_array[i];
    r.diagnosis = d.overall;
}

// Checks the network with parameters P on examples X (N×m) and labels Y (1×m).
// P is perturbed one element (or one direction) at a time and restored.
template <class T>
Report check_parameters(xornet::Parameters<T> P, const xornet::Matrix<T>& X, const xornet::Matrix<T>& Y, const CheckSettings& settings,
                        core::Progress& progress = core::no_progress())
{
    const xornet::Cache<T> cache = xornet::forward(P, X);
    const T loss_error = loss_rounding_bound(P, X, Y, cache);
    const xornet::Gradients<T> analytic_error = backward_rounding_bound(P, X, Y, cache);
    NetworkSubject<T> subject(settings.formulas, settings.method, P, X, Y, cache, loss_error, analytic_error);
    Report r = describe_check(settings, cache, Y, subject.L(), loss_error);
    const T learning_rate = from_decimal<T>(settings.training.learning_rate);
    xornet::Gradients<T> grads;
    try {
        grads = xornet::gradients_for(settings.formulas, P, X, Y, cache, learning_rate);
    } catch (const std::invalid_argument& e) { // a derivation whose shapes do not fit fails before any number
        r.network.backward_error = e.what();
        r.diagnosis = shape_error_story;
        return r;
    }
    core::Given<T> given;
    for (xornet::Param p : xornet::all_params)
        for (std::size_t k = 0; k < xornet::gradient(grads, p).size(); ++k) {
            given.values.push_back(xornet::gradient(grads, p).flat(k));
            given.rounding.push_back({xornet::gradient(analytic_error, p).flat(k), true});
        }
    const core::Result<T> result = core::check(subject, engine_settings<T>(settings), given, progress);
    if (result.refused) refuse(result, P);
    r.pass = true, r.fallback = result.fallback;
    if (settings.fast) r.tables.push_back(directions_table(result.directions)), r.pass = r.tables.back().pass;
    if (!settings.fast || result.fallback != core::Fallback::none) {
        r.pass = true; // the directions only said why the full check followed
        add_partials(r, result.elements, P, X, Y, cache, grads, learning_rate);
    }
    return r;
}

// The check of a problem's network: its numbers read in T.
template <class T>
Report check_gradients(const Problem& problem, const CheckSettings& settings, core::Progress& progress = core::no_progress())
{
    const Instance<T> net = instance_for<T>(problem);
    Report r = check_parameters(net.P, net.X, net.Y, settings, progress);
    r.problem = problem_info(problem);
    return r;
}

} // namespace gradcheck

// The engine: a subject's analytic gradient against numeric derivatives, element by
// element (check_elements), along directions (check_directions), or along directions
// first and element by element where they do not settle it (check). It returns
// numbers (core/numbers.hpp); every client (the network, your gradients, your
// function) is a subject of it (core/line.hpp), and report/ makes the words.
#pragma once

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <vector>

#include "gradcheck/core/directions.hpp"
#include "gradcheck/core/element.hpp"
#include "gradcheck/core/progress.hpp"
#include "gradcheck/core/settings.hpp"
#include "gradcheck/methods/differences.hpp"

namespace gradcheck::core {

// The analytic gradient being checked (P values) and the bound on each value's rounding.
template <class T>
struct Given {
    std::vector<T> values;
    std::vector<Bound<T>> rounding;
};

template <class T>
Rule<T> rule_of(const Settings<T>& settings, const Given<T>& g, const T& typical_rounding)
{
    using std::abs;
    Rule<T> rule;
    rule.method = method_row(settings.method);
    rule.has_step = rule.method.kind != MethodKind::dual;
    rule.differences = rule.method.kind == MethodKind::stencil || rule.method.kind == MethodKind::extrapolation;
    rule.root = step_root<T>(rule.method);
    rule.step = settings.step, rule.confirm_given = settings.confirm_given;
    rule.typical_rounding = typical_rounding;
    for (const T& a : g.values) rule.largest_of_gradient = std::max(rule.largest_of_gradient, T(abs(a)));
    return rule;
}

template <class T, class S>
std::vector<Element<T>> check_elements(S& s, const Settings<T>& settings, const Given<T>& g, Progress& progress = no_progress())
{
    const Rule<T> rule = rule_of(settings, g, T(s.typical_rounding()));
    const auto no_points = [](const T&) { return T(0); }; // a coordinate's own points are reached exactly
    std::vector<Element<T>> checked;
    checked.reserve(s.size());
    progress.begin("element", s.size());
    for (std::size_t k = 0; k < s.size(); ++k) {
        progress.at(k);
        auto line = s.coordinate(k);
        const T rule_h = rule.has_step ? power_of_two_step(rule.root, T(s.parameter(k))) : T(0);
        checked.push_back(check_line(rule, line, rule_h, g.values[k], g.rounding[k], no_points));
        checked.back().index = k;
        if (settings.stop_without_value && has_no_value(checked.back().reason)) break;
    }
    progress.end();
    return checked;
}

template <class T, class S>
std::vector<Element<T>> check_directions(S& s, const Settings<T>& settings, const Given<T>& g, Progress& progress = no_progress())
{
    using std::abs;
    const std::size_t n = s.size();
    std::vector<T> theta0(n);
    T scale(0); // max |θ_i|, for the step rule: one step for all
    for (std::size_t i = 0; i < n; ++i) theta0[i] = T(s.parameter(i)), scale = std::max(scale, T(abs(theta0[i])));
    std::vector<std::vector<double>> directions = random_directions(n, settings.directions, settings.seed);
    for (auto& along_block : block_directions(g.values, s.blocks())) directions.push_back(std::move(along_block));
    Rule<T> rule = rule_of(settings, g, T(s.typical_rounding()));
    rule.vacuous_check = false;
    const T rule_h = rule.has_step ? power_of_two_step(rule.root, scale) : T(0);
    const T reach_h = std::max(settings.step ? *settings.step : rule_h, rule_h);
    std::vector<Element<T>> checked;
    progress.begin("direction", directions.size());
    for (std::size_t d = 0; d < directions.size(); ++d) {
        progress.at(d);
        std::vector<T> v(n);
        for (std::size_t i = 0; i < n; ++i) v[i] = T(directions[d][i]);
        const Along<T> a = analytic_along(v, g.values, g.rounding, theta0, reach_h);
        auto line = s.direction(v);
        const bool counted = line.counts_points();
        const auto points = [&](const T& step) {
            if (counted) return T(0);
            return T(a.moved + (step > reach_h ? T(a.moved_per_step * T(step - reach_h)) : T(0)));
        };
        Element<T> e = check_line(rule, line, rule_h, a.analytic, a.rounding, points);
        e.index = d;
        e.close_call = close_call(e.pass, e.near_zero, e.digits, e.digits_needed)
                       || (e.at_rule && close_call(e.at_rule->pass, e.at_rule->near_zero, e.at_rule->digits, e.at_rule->digits_needed));
        // Every coordinate moves along v and rounds: where that may outweigh f's own rounding
        // (large parameters), a direction's tolerance is looser than an element's. Where
        // ε_L holds the points' rounding, it is compared with f's own at the same points.
        e.coarse_points = counted ? e.loss_rounding > T(T(2) * T(line.own_rounding())) : a.moved > e.loss_rounding;
        checked.push_back(e);
        if (settings.stop_without_value && has_no_value(e.reason)) break;
    }
    progress.end();
    return checked;
}

template <class T, class S>
Result<T> check(S& s, const Settings<T>& settings, const Given<T>& g, Progress& progress = no_progress())
{
    const auto refused = [&](const std::vector<Element<T>>& checked) {
        return settings.stop_without_value
               && std::any_of(checked.begin(), checked.end(), [](const Element<T>& e) { return has_no_value(e.reason); });
    };
    Result<T> r;
    if (settings.fast) {
        r.directions = check_directions(s, settings, g, progress);
        r.refused = refused(r.directions);
        r.fallback = fallback_of(r.directions);
        if (r.refused || r.fallback == Fallback::none) return r;
    }
    r.elements = check_elements(s, settings, g, progress);
    r.refused = refused(r.elements);
    return r;
}

} // namespace gradcheck::core

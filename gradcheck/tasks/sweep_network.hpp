// Builds a SweepReport in scalar type T: the engine at each given step, its estimate
// alone (no verdict), and where the check's own steps fall. Only the run/*.cpp files
// include it.
#pragma once

#include <algorithm>
#include <cmath>
#include <stdexcept>

#include "gradcheck/network/check.hpp"
#include "gradcheck/report/tasks.hpp"
#include "gradcheck/util/progress_line.hpp"

namespace gradcheck {

// Steps 10^(−k/4) from 1e-1 down to u^(2/3)·1e-2, well past the optimum u^(1/(p+1)):
// there rounding, ε_L/h, has grown far above truncation.
template <class T>
SweepReport sweep_network(const Problem& problem, const CheckSettings& settings, core::Progress& progress = core::no_progress())
{
    using std::abs;
    using std::pow;
    if (!is_difference(settings.method)) throw std::logic_error("sweep: a step sweep needs a difference method");
    Instance<T> net = instance_for<T>(problem);
    const xornet::Cache<T> cache = xornet::forward(net.P, net.X);
    const xornet::Gradients<T> g = xornet::gradients_for(settings.formulas, net.P, net.X, net.Y, cache);
    const xornet::Gradients<T> analytic_error = backward_rounding_bound(net.P, net.X, net.Y, cache);
    NetworkSubject<T> subject(settings.formulas, settings.method, net.P, net.X, net.Y, cache, loss_rounding_bound(net.P, net.X, net.Y, cache),
                              analytic_error);
    core::Given<T> given;
    for (xornet::Param p : xornet::all_params)
        for (std::size_t k = 0; k < xornet::gradient(g, p).size(); ++k)
            given.values.push_back(xornet::gradient(g, p).flat(k)), given.rounding.push_back({xornet::gradient(analytic_error, p).flat(k), true});
    const double last = -2.0 / 3.0 * log10_of(machine_epsilon<T>()) + 2.0;

    SweepReport r;
    const int first = sweep_points_per_decade, steps = static_cast<int>(last * sweep_points_per_decade);
    progress::Task task("step", static_cast<std::size_t>(steps - first + 1));
    for (int k = first; k <= steps; ++k) {
        task.at(static_cast<std::size_t>(k - first));
        core::Settings<T> at_h;
        at_h.method = settings.method, at_h.step = T(pow(T(10), T(-k) / T(sweep_points_per_decade))), at_h.confirm_given = false;
        T worst(0);
        for (const core::Element<T>& e : core::check_elements(subject, at_h, given, progress)) {
            if (has_no_value(e.reason)) continue; // h below θ's resolution, or f not finite: nothing to difference
            worst = std::max(worst, T(abs(T(e.numeric - e.analytic)) / std::max(abs(e.analytic), abs(e.numeric))));
        }
        SweepPoint point;
        point.method = std::string(method_name(settings.method));
        point.log10_h = -static_cast<double>(k) / sweep_points_per_decade;
        point.h = scientific(*at_h.step, 3);
        point.error = scientific(worst, 3);
        point.log10_error = worst > T(0) ? log10_of(worst) : -working_digits<T>();
        r.points.push_back(point);
    }
    // Where the check's own steps fall on this V (column h of its report).
    core::Settings<T> by_rule;
    by_rule.method = settings.method;
    T least(0), most(0);
    for (const core::Element<T>& e : core::check_elements(subject, by_rule, given, progress)) {
        if (least == T(0) || e.step < least) least = e.step;
        if (e.step > most) most = e.step;
    }
    for (SweepPoint& point : r.points) point.chosen_least = scientific(least, 3), point.chosen_most = scientific(most, 3);
    return r;
}

} // namespace gradcheck

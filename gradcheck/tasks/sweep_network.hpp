// Builds a SweepReport in scalar type T. Only the run/*.cpp files include it.
#pragma once

#include <algorithm>
#include <cmath>

#include "gradcheck/check/check.hpp"
#include "gradcheck/tasks/sweep.hpp"

namespace gradcheck {

// Steps 10^(−k/4) from 1e-1 down to u^(2/3)·1e-2, well past the optimum u^(1/(p+1)):
// there rounding, ε_L/h, has grown far above truncation.
template <class T>
SweepReport sweep_network(const Problem& problem, const CheckSettings& settings)
{
    using std::abs;
    using std::pow;
    Instance<T> net = instance_for<T>(problem);
    const xornet::Matrix<T>& X = net.X; // N×m
    const xornet::Matrix<T>& Y = net.Y; // 1×m
    xornet::Parameters<T>& P = net.P;
    const xornet::Gradients<T> g = xornet::gradients_for(settings.formulas, P, X, Y, xornet::forward(P, X));
    const T loss_error = loss_rounding_bound(P, X, Y);
    const auto loss = [&] { return xornet::loss_for(settings.formulas, xornet::forward(P, X), Y); };
    const double last = -2.0 / 3.0 * log10_of(machine_epsilon<T>()) + 2.0;

    SweepReport r;
    const int first = sweep_points_per_decade, steps = static_cast<int>(last * sweep_points_per_decade);
    progress::Task progress("step", static_cast<std::size_t>(steps - first + 1));
    for (int k = first; k <= steps; ++k) {
        progress.at(static_cast<std::size_t>(k - first));
        const T h = T(pow(T(10), T(-k) / T(sweep_points_per_decade)));
        T worst(0);
        for (xornet::Param p : xornet::all_params) {
            xornet::Matrix<T>& theta = xornet::param(P, p);
            for (std::size_t e = 0; e < theta.size(); ++e) {
                const T a = xornet::gradient(g, p).flat(e);
                const NumericDerivative<T> n = numeric_derivative(settings.method, loss, theta.flat(e), h, loss_error);
                if (n.step == T(0)) continue; // h below θ's resolution: nothing to difference
                worst = std::max(worst, T(abs(T(n.value - a)) / std::max(abs(a), abs(n.value))));
            }
        }
        SweepPoint point;
        point.method = std::string(method_name(settings.method));
        point.log10_h = -static_cast<double>(k) / sweep_points_per_decade;
        point.h = scientific(h, 3);
        point.error = scientific(worst, 3);
        point.log10_error = worst > T(0) ? log10_of(worst) : -working_digits<T>();
        r.points.push_back(point);
    }
    // Where the check's own steps fall on this V (column h of its report).
    CheckSettings full = settings;
    full.fast = false;
    const CheckReport check = check_parameters(net.P, X, Y, full);
    T least(0), most(0);
    for (const PartialCheck& partial : check.partials)
        for (const ElementCheck& e : partial.elements) {
            const T h = from_decimal<T>(e.step);
            if (least == T(0) || h < least) least = h, r.points.front().chosen_least = e.step;
            if (h > most) most = h, r.points.front().chosen_most = e.step;
        }
    for (SweepPoint& point : r.points) point.chosen_least = r.points.front().chosen_least, point.chosen_most = r.points.front().chosen_most;
    return r;
}

} // namespace gradcheck

// The two rounding bounds a check needs, for a function it cannot analyse:
//   ε_L  of one value of your function (one scalar output s), per coordinate or direction;
//   ε_a  of each of your analytic values.
// Measured in the reference precision H when the function can be evaluated in it
// (function/measured.hpp), estimated from the values otherwise (function/noise.hpp).
#pragma once

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <string>
#include <type_traits>
#include <vector>

#include "gradcheck/check/random_directions.hpp"
#include "gradcheck/function/measured.hpp"
#include "gradcheck/function/noise.hpp"
#include "gradcheck/function/options.hpp"

namespace gradcheck {

// Whether F is evaluated in H as well (its rounding measured): a generic callable
// that accepts a vector of H, unless wrapped as black_box.
template <class F, class H, class... More>
inline constexpr bool evaluates_in = [] {
    if constexpr (std::is_void_v<H> || is_black_box<F>) return false;
    else return std::is_invocable_v<const F&, const std::vector<H>&, const More&...>;
}();

// H if F is measured in it, else void.
template <class F, class H, class... More>
using reference_for = std::conditional_t<evaluates_in<F, H, More...>, H, void>;

template <class T>
struct Bound {
    T value{0};
    bool known = true; // false: the noise could not be estimated (at no spacing)
};

// The first spacing of the noise estimate along a line through x: u^(1/3)·max(1, max|x_i|),
// the step rule's scale, where the noise already dominates differences of order 4 to 6.
template <class T>
T noise_spacing(const std::vector<T>& x)
{
    using std::abs;
    using std::cbrt;
    T scale(1);
    for (const T& v : x) scale = std::max(scale, T(abs(v)));
    return T(cbrt(machine_epsilon<T>()) * scale);
}

// ε_L of s along path, at θ: the error of s(x) measured in H, or estimated from 9
// values of s along the path.
template <class T, class H, class S, class Path>
Bound<T> loss_rounding(const S& s, Path& path)
{
    if constexpr (!std::is_void_v<H>) {
        return {rounding_of(T(s(path.point())), H(s(path.template exact<H>()))), true};
    } else {
        const T theta0 = path.theta();
        const T at_theta = T(s(path.point()));
        const auto sample = [&](const T& t) {
            path.theta() = T(theta0 + t);
            const std::vector<T> v{T(s(path.point()))};
            path.theta() = theta0;
            return v;
        };
        const ComponentNoise<T> noise = component_noise(sample, 1, noise_spacing(path.point()));
        return {noise_bound(noise.sigma[0], at_theta), noise.found[0]};
    }
}

// ε_a of each of the values a = values(x) (a flat vector): measured as values(x in H)
// − a, or estimated from values along one seeded random direction.
template <class T, class H, class Values>
std::vector<Bound<T>> analytic_rounding(const Values& values, const std::vector<T>& x, const std::vector<T>& a, std::uint64_t seed)
{
    std::vector<Bound<T>> out(a.size());
    if constexpr (!std::is_void_v<H>) {
        const auto exact = values(lift<H>(x));
        for (std::size_t i = 0; i < a.size(); ++i) out[i] = {rounding_of(a[i], H(exact[i])), true};
    } else {
        const std::vector<T> v = lift<T>(random_directions(x.size(), 1, seed)[0]);
        const auto sample = [&](const T& t) {
            std::vector<T> y(x.size());
            for (std::size_t i = 0; i < x.size(); ++i) y[i] = T(x[i] + T(t * v[i]));
            return lift<T>(values(y));
        };
        const ComponentNoise<T> noise = component_noise(sample, a.size(), noise_spacing(x));
        for (std::size_t i = 0; i < a.size(); ++i) out[i] = {noise_bound(noise.sigma[i], a[i]), noise.found[i]};
    }
    return out;
}

// The report's words for each.
template <class H>
std::string rounding_words(bool of_f)
{
    if constexpr (!std::is_void_v<H>)
        return of_f ? "measured: each value of f is computed again, at the same point, in " + precision_label<H>() + "; ε_L = the largest difference seen"
                    : "measured: your values computed again in " + precision_label<H>() + "; ε_a = the difference";
    else
        return std::string("estimated from the values themselves (ECnoise: noise level σ along each line, ε = 4σ + u·|value|; "
                           "an estimate, not a bound: f cannot be evaluated in a higher precision")
               + (of_f ? ")" : "; your function is double-only or a black_box)");
}

} // namespace gradcheck

// The two rounding bounds a check needs, for a function it cannot analyse:
//   ε_L  of one value of your function (one scalar output s), along each line;
//   ε_a  of each of your analytic values.
// Measured in the reference precision H when the function can be evaluated in it
// (function/row.hpp), estimated from the values otherwise (function/noise.hpp). For a
// line, these are two of the engine's three rounding policies (core/line.hpp; the
// network's ε_L is derived instead: network/loss_function.hpp).
#pragma once

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <type_traits>
#include <vector>

#include "gradcheck/core/directions.hpp"
#include "gradcheck/core/line.hpp"
#include "gradcheck/function/noise.hpp"
#include "gradcheck/function/options.hpp"
#include "gradcheck/function/row.hpp"

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

// A line's rounding policy: ε_L at its start, and what its values measure as they are computed.
template <class T>
class Rounding {
public:
    virtual ~Rounding() = default;
    virtual core::Bound<T> start(const Row<T>& s, Path<T>& path) = 0;
    virtual void observe(const Row<T>&, const Path<T>&, const T&) {} // a value of s just computed at the path's point
    virtual bool measures() const { return false; }
    T seen() const { return seen_; }
    virtual T own() const { return own_; }
    void reset() { seen_ = own_ = T(0); }

protected:
    T seen_{0}; // the largest rounding measured since reset()
    T own_{0};  // along a direction: s's own rounding at the points reached, without theirs
};

// Measured: every value s computes is computed in H too, at the same point.
template <class T>
class Measured final : public Rounding<T> {
public:
    core::Bound<T> start(const Row<T>& s, Path<T>& path) override { return {s.rounding(path, s.value(path.point())), true}; }
    void observe(const Row<T>& s, const Path<T>& path, const T& v) override
    {
        this->seen_ = std::max(this->seen_, s.rounding(path, v));
        if (path.v) this->own_ = std::max(this->own_, s.own_rounding(path.moved, v));
    }
    bool measures() const override { return true; }
};

// Estimated: ECnoise on 9 values of s along the line (function/noise.hpp), once. Along
// a direction, s's own noise is estimated along the coordinate the direction moves most.
template <class T>
class Estimated final : public Rounding<T> {
public:
    core::Bound<T> start(const Row<T>& s, Path<T>& path) override
    {
        if (path.v) {
            using std::abs;
            std::size_t k = 0;
            for (std::size_t i = 0; i < path.v->size(); ++i)
                if (abs((*path.v)[i]) > abs((*path.v)[k])) k = i;
            Path<T> along{path.x, k};
            own_estimate_ = noise_along(s, along).value;
        }
        return noise_along(s, path);
    }
    T own() const override { return own_estimate_; }

private:
    T own_estimate_{0};

    static core::Bound<T> noise_along(const Row<T>& s, Path<T>& path)
    {
        const T theta0 = path.theta();
        const T at_theta = s.value(path.point());
        const auto sample = [&](const T& t) {
            path.theta() = T(theta0 + t);
            const std::vector<T> v{s.value(path.point())};
            path.theta() = theta0;
            return v;
        };
        const ComponentNoise<T> noise = component_noise(sample, 1, noise_spacing(path.point()));
        return {noise_bound(noise.sigma[0], at_theta), noise.found[0]};
    }
};

// ε_a of each of the values a = values(x) (a flat vector): measured as values(x in H)
// − a, or estimated from values along one seeded random direction.
template <class T, class H, class Values>
std::vector<core::Bound<T>> analytic_rounding(const Values& values, const std::vector<T>& x, const std::vector<T>& a, std::uint64_t seed)
{
    std::vector<core::Bound<T>> out(a.size());
    if constexpr (!std::is_void_v<H>) {
        const auto exact = values(lift<H>(x));
        for (std::size_t i = 0; i < a.size(); ++i) out[i] = {rounding_of(a[i], H(exact[i])), true};
    } else {
        const std::vector<T> v = lift<T>(core::random_directions(x.size(), 1, seed)[0]);
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

} // namespace gradcheck

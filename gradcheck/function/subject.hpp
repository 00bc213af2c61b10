// One row of your function's table (a scalar function s of x) as the engine's subject
// (core/line.hpp): its lines are a coordinate x[k] or a direction x + t·v, each with
// the row's rounding policy, measured or estimated (function/rounding.hpp). The whole
// row is one block; s has no series edge the checker knows of (reach 0).
#pragma once

#include <cstddef>
#include <stdexcept>
#include <string>
#include <vector>

#include "gradcheck/core/line.hpp"
#include "gradcheck/function/rounding.hpp"
#include "gradcheck/methods/forward_estimate.hpp"

namespace gradcheck {

template <class T>
class FunctionLine {
public:
    FunctionLine(const Row<T>& s, Path<T> path, Rounding<T>& rounding) : s_(s), path_(std::move(path)), rounding_(rounding) {}
    T& theta() { return path_.theta(); }
    T value()
    {
        const T v = s_.value(path_.point());
        rounding_.observe(s_, path_, v);
        return v;
    }
    NumericDerivative<T> complex_step(const T& h)
    {
        T rho(0); // the measured rounding of D(h), D(2h), D(4h), the largest
        const auto D = [&](const T& step) {
            T r(0);
            const T d = s_.complex_step(path_, step, r);
            rho = std::max(rho, r);
            return d;
        };
        return complex_step_estimate(h, D, [&](const T&) { return rho; });
    }
    NumericDerivative<T> dual()
    {
        T rho(0);
        const T d = s_.dual(path_, rho);
        return dual_estimate(d, rho);
    }
    core::Bound<T> loss_rounding() { return rounding_.start(s_, path_); }
    bool measures() const { return rounding_.measures(); }
    T seen() const { return rounding_.seen(); }
    void reset() { rounding_.reset(); }
    bool counts_points() const { return true; } // measured or estimated at the points reached
    T own_rounding() const { return rounding_.own(); }
    T reach_per_step() const { return T(0); }

private:
    const Row<T>& s_;
    Path<T> path_;
    Rounding<T>& rounding_;
};

template <class T>
class FunctionSubject {
public:
    FunctionSubject(const Row<T>& s, const std::vector<T>& x, Rounding<T>& rounding) : s_(s), x_(x), rounding_(rounding) {}
    std::size_t size() const { return x_.size(); }
    const T& parameter(std::size_t k) const { return x_[k]; }
    FunctionLine<T> coordinate(std::size_t k) { return FunctionLine<T>(s_, Path<T>{&x_, k}, rounding_); }
    FunctionLine<T> direction(const std::vector<T>& v) { return FunctionLine<T>(s_, Path<T>{&x_, 0, &v}, rounding_); }
    std::vector<core::Block> blocks() const { return {{0, x_.size()}}; }
    T typical_rounding() const { return T(0); } // ε_L is measured or estimated: choose steps by it

private:
    const Row<T>& s_;
    std::vector<T> x_; // moved one coordinate at a time and restored
    Rounding<T>& rounding_;
};

} // namespace gradcheck

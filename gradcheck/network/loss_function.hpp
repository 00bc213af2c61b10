// The XOR network as the engine's subject (core/line.hpp): the loss its author computes,
// as a function of the P = HN + 2H + 1 parameters W1, B1, W2, B2 flattened in that
// order, with the rounding bounds derived for it (bounds/: ε_L of one loss, ε_a of each
// analytic element). Its lines are a coordinate (one parameter moved) or a direction
// (all of them along v); the blocks are the four partials.
#pragma once

#include <cmath>
#include <cstddef>
#include <stdexcept>
#include <utility>
#include <vector>

#include "gradcheck/core/line.hpp"
#include "gradcheck/network/forward_mode.hpp"
#include "gradcheck/network/reach.hpp"
#include "gradients.hpp"

namespace gradcheck {

template <class T>
class NetworkSubject {
public:
    NetworkSubject(xornet::Derivation formulas, Method method, xornet::Parameters<T>& P, const xornet::Matrix<T>& X,
                   const xornet::Matrix<T>& Y, const xornet::Cache<T>& cache, const T& loss_error,
                   const xornet::Gradients<T>& analytic_error)
        : formulas_(formulas), reach_factor_(T(stencil_reach(method))), P_(P), X_(X), Y_(Y), reach_(X, cache.A1),
          L_(xornet::loss_for(formulas, cache, Y)), loss_error_(loss_error)
    {
        for (xornet::Param p : xornet::all_params)
            for (std::size_t k = 0; k < xornet::param(P, p).size(); ++k) {
                theta_.push_back(&xornet::param(P, p).flat(k));
                where_.emplace_back(p, k);
                analytic_error_.push_back(xornet::gradient(analytic_error, p).flat(k));
            }
    }

    T loss() const { return xornet::loss_for(formulas_, xornet::forward(P_, X_), Y_); } // at the current parameters
    const T& L() const { return L_; }                                                    // at θ

    class Coordinate;
    class Direction;

    std::size_t size() const { return theta_.size(); }
    const T& parameter(std::size_t i) const { return *theta_[i]; }
    Coordinate coordinate(std::size_t i) { return Coordinate(*this, i); }
    Direction direction(const std::vector<T>& v) { return Direction(*this, v); }
    std::vector<core::Block> blocks() const
    {
        std::vector<core::Block> out;
        for (xornet::Param p : xornet::all_params) out.push_back({out.empty() ? 0 : out.back().start + out.back().size, xornet::param(P_, p).size()});
        return out;
    }
    // One rounding of L, the step rule's own model: what an evaluation typically carries.
    T typical_rounding() const
    {
        using std::abs;
        return T(machine_epsilon<T>() * abs(L_));
    }

    // Line parts that do not move: the derived bound, nothing measured, no point rounded.
    class Line {
    public:
        explicit Line(NetworkSubject& s) : s_(s) {}
        core::Bound<T> loss_rounding() const { return {s_.loss_error_, true}; }
        bool measures() const { return false; }
        T seen() const { return T(0); }
        void reset() {}
        bool counts_points() const { return false; }
        T own_rounding() const { return s_.loss_error_; }

    protected:
        NetworkSubject& s_;
    };

    // θ_i moved, the others as they are.
    class Coordinate : public Line {
    public:
        Coordinate(NetworkSubject& s, std::size_t i) : Line(s), i_(i) {}
        T& theta() { return *this->s_.theta_[i_]; }
        T value() { return this->s_.loss(); }
        NumericDerivative<T> complex_step(const T& h)
        {
            const NetworkSubject& s = this->s_;
            const auto [p, k] = s.where_[i_];
            return gradcheck::complex_step(s.formulas_, s.P_, s.X_, s.Y_, p, k, h, s.L_, s.loss_error_, s.analytic_error_[i_]);
        }
        NumericDerivative<T> dual() // every partial from one pass, computed at the first element that asks
        {
            NetworkSubject& s = this->s_;
            if (s.forward_gradient_.empty()) s.forward_gradient_ = forward_mode_gradient(s.formulas_, s.P_, s.X_, s.Y_);
            return forward_mode_derivative(s.forward_gradient_[i_], s.L_, s.loss_error_, s.analytic_error_[i_]);
        }
        T reach_per_step() const
        {
            const auto [p, k] = this->s_.where_[i_];
            return T(this->s_.reach_.per_unit(this->s_.P_, p, k) * this->s_.reach_factor_);
        }

    private:
        std::size_t i_;
    };

    // θ + t·v.
    class Direction : public Line {
    public:
        Direction(NetworkSubject& s, const std::vector<T>& v) : Line(s), v_(v)
        {
            for (const T* theta : s.theta_) theta0_.push_back(*theta);
        }
        T& theta() { return t_; }
        T value()
        {
            NetworkSubject& s = this->s_;
            for (std::size_t i = 0; i < v_.size(); ++i) *s.theta_[i] = theta0_[i] + t_ * v_[i];
            const T L = s.loss();
            for (std::size_t i = 0; i < v_.size(); ++i) *s.theta_[i] = theta0_[i];
            return L;
        }
        NumericDerivative<T> complex_step(const T&) const { return refuse(); }
        NumericDerivative<T> dual() const { return refuse(); }
        T reach_per_step() const { return T(this->s_.reach_.per_unit_along(this->s_.P_, v_) * this->s_.reach_factor_); }

    private:
        const std::vector<T>& v_;
        std::vector<T> theta0_;
        T t_{0};
        static NumericDerivative<T> refuse() { throw std::logic_error("a direction of the network is differenced, never lifted"); }
    };

private:
    xornet::Derivation formulas_; // whose loss: clamped-log computes its own
    T reach_factor_;              // the method's farthest point, in steps
    xornet::Parameters<T>& P_;    // moved one element (or one direction) at a time and restored
    const xornet::Matrix<T>& X_;  // N×m
    const xornet::Matrix<T>& Y_;  // 1×m
    PreactivationReach<T> reach_;
    T L_, loss_error_;
    std::vector<T*> theta_;
    std::vector<std::pair<xornet::Param, std::size_t>> where_;
    std::vector<T> analytic_error_;
    std::vector<T> forward_gradient_; // autodiff: every partial from one pass
};

} // namespace gradcheck

// What the engine checks, as it sees it. A client (the network, your gradients, your
// function) hands it a subject: a function f of P parameters θ, and the lines through
// θ along which f is differentiated. A line is f of one variable: a coordinate θ_k, or
// t along a direction, θ + t·v. Each line also carries f's rounding policy: the
// engine asks it for ε_L and never knows where ε_L came from (bounds/ analysed for the
// network; measured in a higher precision, or estimated from f's own values, for
// your function: function/rounding.hpp).
#pragma once

#include <concepts>
#include <cstddef>
#include <vector>

#include "gradcheck/methods/central_difference.hpp"

namespace gradcheck::core {

// A rounding bound, or none (known false: it could not be estimated).
template <class T>
struct Bound {
    T value{0};
    bool known = true;
};

// One line: the variable, f's value and forward-mode derivatives there, and the
// rounding policy's answers.
template <class L, class T>
concept Line = requires(L line, const L& c, const T& h) {
    { line.theta() } -> std::same_as<T&>;          // the variable the methods move (and restore)
    { line.value() } -> std::convertible_to<T>;    // f at the current point
    { line.complex_step(h) } -> std::same_as<NumericDerivative<T>>; // Im f(θ + i·h)/h, with its bound
    { line.dual() } -> std::same_as<NumericDerivative<T>>;          // forward-mode derivative, with its bound
    { line.loss_rounding() } -> std::same_as<Bound<T>>; // ε_L of one value of f on this line, to start with
    { c.measures() } -> std::same_as<bool>;         // whether values measure their rounding as they are computed,
    { c.seen() } -> std::convertible_to<T>;         //   the largest measured since
    line.reset();                                   //   the last reset
    { c.counts_points() } -> std::same_as<bool>;    // whether ε_L already holds the rounding of the points θ + t·v,
    { c.own_rounding() } -> std::convertible_to<T>; //   and if so, f's own rounding at those points without it
    { c.reach_per_step() } -> std::convertible_to<T>; // how far a unit step moves f's arguments toward the edge of
                                                      // its error series (methods/step_range.hpp); 0: no edge
};

// A run of parameters (a partial of the network, a row of a table): the fast check also
// looks along each block's own analytic gradient.
struct Block {
    std::size_t start = 0, size = 0;
};

// The subject: P parameters, the lines through θ, the blocks, and the rounding one
// evaluation of f typically carries (0: ε_L itself), to choose steps by.
template <class S, class T>
concept Subject = requires(S s, const S& c, std::size_t k, const std::vector<T>& v) {
    { c.size() } -> std::same_as<std::size_t>;
    { c.parameter(k) } -> std::convertible_to<T>;
    { s.coordinate(k) } -> Line<T>;
    { s.direction(v) } -> Line<T>;
    { c.blocks() } -> std::same_as<std::vector<Block>>;
    { c.typical_rounding() } -> std::convertible_to<T>;
};

} // namespace gradcheck::core

// The numeric methods, one row each: everything the command line, the settings,
// the reports and the step rule need to know of a method, without the templates
// that compute it (methods/estimate.hpp), so that those files do not parse
// Boost.Multiprecision. Help text, error messages and report lines are built from
// this table; a new stencil is one row here (its coefficients are part of it).
#pragma once

#include <array>
#include <string>
#include <string_view>

namespace gradcheck {

enum class Method { central, central4, central6, richardson, complex_step, autodiff };

// How a method computes: the one switch over kinds is estimate() (methods/estimate.hpp).
enum class MethodKind {
    stencil,       // an antisymmetric difference stencil Σ_k c_k (L(θ+kh) − L(θ−kh)) / (d·h)
    extrapolation, // Richardson's tableau of central differences
    complex_step,  // Im L(θ + i·h)/h: no subtraction
    dual,          // forward-mode automatic differentiation: no step
};

struct MethodRow {
    Method method;
    std::string_view name;        // as --method takes it
    std::string_view description; // for the report, {f} standing for the function differentiated
    int order;                    // truncation order p: the error is O(h^p)
    MethodKind kind;
    int reach;                    // the farthest point the method evaluates, in steps h (methods/step_range.hpp)
    std::array<int, 3> numerators; // a stencil's c_1, c_2, c_3 (unused: 0)
    int points;                    // how many of them
    int denominator;               // d
};

// The reach: a central difference and its truncation check evaluate up to ±4h (at D(4h)),
// the stencils of order 4 and 6 up to ±8h and ±12h, Richardson ±4h (its tableau for R(4h)
// starts at 4h), the complex step i·4h. Autodiff takes no step.
inline constexpr std::array<MethodRow, 6> method_table{{
    {Method::central, "central", "central differences ({f}(θ+h) - {f}(θ-h))/2h", 2, MethodKind::stencil, 4, {1, 0, 0}, 1, 2},
    {Method::central4, "central4", "4th-order central differences [8({f}(θ+h) - {f}(θ-h)) - ({f}(θ+2h) - {f}(θ-2h))]/12h", 4,
     MethodKind::stencil, 8, {8, -1, 0}, 2, 12},
    {Method::central6, "central6",
     "6th-order central differences [45({f}(θ+h) - {f}(θ-h)) - 9({f}(θ+2h) - {f}(θ-2h)) + ({f}(θ+3h) - {f}(θ-3h))]/60h", 6,
     MethodKind::stencil, 12, {45, -9, 1}, 3, 60},
    {Method::richardson, "richardson", "Richardson extrapolation of central differences at h, h/2, h/4, h/8 (order 8)", 8,
     MethodKind::extrapolation, 4, {}, 0, 0},
    {Method::complex_step, "complex-step", "complex step Im {f}(θ + i·h)/h", 2, MethodKind::complex_step, 4, {}, 0, 0},
    {Method::autodiff, "autodiff", "forward-mode automatic differentiation (dual numbers)", 0, MethodKind::dual, 0, {}, 0, 0},
}};

inline constexpr Method all_methods[] = {Method::central,    Method::central4,     Method::central6,
                                         Method::richardson, Method::complex_step, Method::autodiff};

inline constexpr const MethodRow& method_row(Method m)
{
    for (const MethodRow& row : method_table)
        if (row.method == m) return row;
    return method_table[0];
}

inline constexpr std::string_view method_name(Method m) { return method_row(m).name; }
inline constexpr int method_order(Method m) { return method_row(m).order; }
inline constexpr MethodKind method_kind(Method m) { return method_row(m).kind; }
inline constexpr int stencil_reach(Method m) { return method_row(m).reach; }

// Whether the method takes differences of real loss values (a step sweep, --fast and
// the differences estimate() computes need one).
inline constexpr bool is_difference(Method m)
{
    return method_kind(m) == MethodKind::stencil || method_kind(m) == MethodKind::extrapolation;
}

// "central, central4, central6 or richardson": the names of the table's methods
// (only the difference methods if asked), for help and error messages.
inline std::string method_names(bool differences_only = false, std::string_view last_joint = " or ")
{
    std::string names, previous;
    for (const MethodRow& row : method_table) {
        if (differences_only && !is_difference(row.method)) continue;
        if (!previous.empty()) names += names.empty() ? previous : ", " + previous;
        previous = std::string(row.name);
    }
    return names.empty() ? previous : names + std::string(last_joint) + previous;
}

} // namespace gradcheck

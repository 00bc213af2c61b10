// The numeric differentiation methods by name: what the command line, the
// settings and the reports need to know of them, without the templates that
// compute them (methods/differences.hpp), so that those files do not parse Boost.Multiprecision.
#pragma once

#include <string_view>

namespace gradcheck {

enum class Method { central, central4, central6, richardson, complex_step, autodiff };

inline constexpr Method all_methods[] = {Method::central,    Method::central4,     Method::central6,
                                         Method::richardson, Method::complex_step, Method::autodiff};

// For the report: what the method computes.
inline constexpr std::string_view method_description(Method m)
{
    switch (m) {
    case Method::central: return "central differences (L(θ+h) - L(θ-h))/2h";
    case Method::central4: return "4th-order central differences [8(L(θ+h) - L(θ-h)) - (L(θ+2h) - L(θ-2h))]/12h";
    case Method::central6: return "6th-order central differences [45(L(θ+h) - L(θ-h)) - 9(L(θ+2h) - L(θ-2h)) + (L(θ+3h) - L(θ-3h))]/60h";
    case Method::richardson: return "Richardson extrapolation of central differences at h, h/2, h/4, h/8 (order 8)";
    case Method::complex_step: return "complex step Im L(θ + i·h)/h";
    case Method::autodiff: return "forward-mode automatic differentiation (Boost.Math autodiff)";
    }
    return "?";
}

inline constexpr std::string_view method_name(Method m)
{
    switch (m) {
    case Method::central: return "central";
    case Method::central4: return "central4";
    case Method::central6: return "central6";
    case Method::richardson: return "richardson";
    case Method::complex_step: return "complex-step";
    case Method::autodiff: return "autodiff";
    }
    return "?";
}

// Truncation order p of the method.
inline constexpr int method_order(Method m)
{
    switch (m) {
    case Method::central: return 2;
    case Method::central4: return 4;
    case Method::central6: return 6;
    case Method::richardson: return 8;
    case Method::complex_step: return 2;
    case Method::autodiff: return 0;
    }
    return 2;
}

} // namespace gradcheck

// What a check of your own function can be asked (gradcheck::options), and the two
// wrappers that say what kind of function f is:
//   forward_mode(f)  f also accepts vectors of complex and dual numbers, so the complex
//                    step and autodiff can differentiate it (a generic lambda that
//                    compares or branches on x may not compile for them: opt in);
//   black_box(f)     treat f as known in its own type only, as a double-only function
//                    is: its rounding is estimated from its values (function/noise.hpp)
//                    instead of measured in a higher precision.
#pragma once

#include <cstdint>
#include <type_traits>
#include <utility>

#include "gradcheck/methods/table.hpp"

namespace gradcheck {

struct options {
    Method method = Method::central; // central, central4, central6, richardson, complex_step, autodiff
    double step = 0;                 // 0: the step rule's (methods/differences.hpp); else h for every element
    bool fast = false;               // first along `directions` random directions; element by element only if one disagrees
    int directions = 3;
    std::uint64_t seed = 1;          // of the directions and of the upstream vectors of check_vjp
    int vjp_vectors = 3;             // how many upstream vectors u check_vjp draws
};

template <class F>
struct ForwardMode {
    F f;
    template <class X>
    decltype(auto) operator()(const X& x) const { return f(x); }
};
template <class F>
struct BlackBox {
    F f;
    template <class X>
    decltype(auto) operator()(const X& x) const { return f(x); }
};

template <class F>
ForwardMode<std::decay_t<F>> forward_mode(F&& f) { return {std::forward<F>(f)}; }
template <class F>
BlackBox<std::decay_t<F>> black_box(F&& f) { return {std::forward<F>(f)}; }

template <class F> inline constexpr bool is_forward_mode = false;
template <class F> inline constexpr bool is_forward_mode<ForwardMode<F>> = true;
template <class F> inline constexpr bool is_black_box = false;
template <class F> inline constexpr bool is_black_box<BlackBox<F>> = true;

} // namespace gradcheck

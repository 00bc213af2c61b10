// What the checker needs to know about a scalar type T: its machine epsilon,
// how many decimal digits it carries, how to print it and its complex type (for
// the complex step). This header knows the hardware types only; a multiprecision type brings its own answers in its own
// header (scalar/bin_float.hpp, scalar/mpfr.hpp), which only the translation units
// of that type include: the double one parses no multiprecision header.
#pragma once

#include <charconv>
#include <cmath>
#include <ios>
#include <limits>
#include <sstream>
#include <string>
#include <system_error>
#include <type_traits>

#include <complex>

namespace gradcheck {

// Decimal digits of a type whose precision is fixed at compile time; a type whose
// precision is set at run time (mpfr_float) specialises this (scalar/mpfr.hpp).
template <class T>
struct digits_of {
    static int working() { return std::numeric_limits<T>::digits10; }
    static int round_trip() { return std::numeric_limits<T>::max_digits10; }
};

// The complex type over T, for the complex step: std::complex for the hardware
// types; scalar/bin_float.hpp and scalar/mpfr.hpp add theirs.
template <class T>
struct complex_of { using type = std::complex<T>; };

// Whether the complex type U should have exp and 1/(1 + w) computed from its real
// parts (MPC: see network/forward_mode.hpp).
template <class U>
inline constexpr bool complex_by_parts = false;

// u = machine epsilon: the gap between 1 and the next number of T. Rounding one
// operation changes a result by a relative amount of at most u/2 (round to nearest);
// the error bounds in this project use u, which leaves room for library functions
// (exp, log1p) that are accurate to within one unit in the last place.
template <class T>
T machine_epsilon()
{
    return std::numeric_limits<T>::epsilon(); // mpfr_float: of its current default precision
}

// Decimal digits T represents faithfully.
template <class T>
int working_digits()
{
    return digits_of<T>::working();
}

// Significant digits that print a value of T so that it reads back exactly.
template <class T>
int round_trip_digits()
{
    return digits_of<T>::round_trip();
}

// x in scientific notation with `digits` significant digits, as printf's %.*e writes it.
// The built-in types go through std::to_chars: the same text as a stream's, without
// building a stream (and its locale) for every number, which was most of the cost of
// a check in double (every element's values and error bounds become text).
template <class T>
std::string scientific(const T& x, int digits)
{
    if constexpr (std::is_floating_point_v<T>) {
        char buffer[64]; // enough for max_digits10 of long double: sign, 21 digits, point, "e-4951"
        const auto [end, ec] = std::to_chars(buffer, buffer + sizeof buffer, x, std::chars_format::scientific, digits - 1);
        if (ec == std::errc()) return std::string(buffer, end);
    }
    std::ostringstream out;
    out << std::scientific;
    out.precision(digits - 1);
    out << x;
    return out.str();
}

// Every digit of x: the decimal strings of the JSON report.
template <class T>
std::string all_digits(const T& x)
{
    return scientific(x, round_trip_digits<T>());
}

// log10 of a positive value of T as a double (exact enough to print digits of agreement).
template <class T>
double log10_of(const T& x)
{
    using std::log10;
    return static_cast<double>(T(log10(x)));
}

} // namespace gradcheck

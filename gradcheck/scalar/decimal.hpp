// Decimal number text: the strict grammar every number read from a file or a
// flag must follow, and its conversion to any scalar type at full precision.
#pragma once

#include <cstdlib>
#include <string>
#include <string_view>

namespace gradcheck {

// True when s is a JSON-style decimal number: -?(0|[1-9][0-9]*)(.[0-9]+)?([eE][+-]?[0-9]+)?
// ("0x1p3", "1,5", "NaN", "inf", "" and "+1" are not).
bool is_decimal(std::string_view s);

// The exact order of two valid decimals (is_decimal), however many digits they
// carry: -1 when a < b, 0 when equal, 1 when a > b. "1.00000000000000000001" > "1".
int compare_decimals(std::string_view a, std::string_view b);

// Validates s as a decimal whose value is finite and representable in double
// (0, or 2.2e-308 ≤ |x| ≤ 1.8e308), so that a file means the same numbers at
// every precision. Throws InputError naming `what` otherwise.
void require_decimal(std::string_view s, const std::string& what);

// Validates s as a decimal of any magnitude whose exponent is at most 10^8 in size:
// a result someone computed (in long double, or at 100 digits, or a subnormal
// double) may lie beyond double's range where an input may not; MPFR holds it.
// Throws InputError naming `what` otherwise.
void require_result_decimal(std::string_view s, const std::string& what);

// The exact decimal expansion of x (every binary fraction has a finite one), with
// no trailing zeros: read back in any precision it is x itself, or x rounded once.
std::string exact_decimal(double x);

// The value of validated decimal text in scalar type T, correctly rounded.
template <class T>
T from_decimal(const std::string& s)
{
    if constexpr (std::is_same_v<T, double>) return std::strtod(s.c_str(), nullptr);
    else if constexpr (std::is_same_v<T, long double>) return std::strtold(s.c_str(), nullptr);
    else if constexpr (std::is_same_v<T, float>) return std::strtof(s.c_str(), nullptr);
    else return T(s); // Boost.Multiprecision reads the text at the type's own precision
}

} // namespace gradcheck

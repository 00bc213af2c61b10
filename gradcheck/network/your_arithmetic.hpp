// Your arithmetic, as the check of your gradients models it (network/yours.cpp): a
// number rounded to your precision, the doubt of a value written with few digits,
// and the rounding of each input as your arithmetic reads it.
#pragma once

#include <string>

#include "gradcheck/input/own_gradients.hpp"
#include "gradcheck/input/files.hpp"
#include "gradcheck/scalar/decimal.hpp"
#include "gradcheck/scalar/mpfr.hpp"
#include "lib/matrix.hpp"

namespace gradcheck::yours {

using Real = mpfr_float;
using RealMatrix = xornet::Matrix<Real>;

// x rounded to the nearest number with a `bits`-bit significand (ties to even) and, if
// min_exponent ≠ 0, no exponent below that of the smallest normal 2^min_exponent:
// fewer bits there, as for subnormal numbers.
inline Real round_to_bits(const Real& x, int bits, int min_exponent)
{
    using std::floor;
    if (x == 0) return x;
    int e = 0;
    const Real f = frexp(x, &e); // x = f·2^e, 1/2 ≤ |f| < 1
    long kept = bits;
    if (min_exponent != 0 && e - 1 < min_exponent) kept -= min_exponent - (e - 1);
    if (kept <= 0) return Real(0) * x; // below half the smallest subnormal (or near it): 0
    const Real scaled = ldexp(f, static_cast<int>(kept));
    Real down = floor(scaled);
    const Real fraction = scaled - down;
    const bool odd = floor(Real(down / 2)) * 2 != down;
    if (fraction > Real(0.5) || (fraction == Real(0.5) && odd)) down += 1;
    return ldexp(down, e - static_cast<int>(kept));
}

// Half a unit in the last digit of decimal text s (scalar/decimal.hpp's grammar).
inline Real half_last_digit(const std::string& s)
{
    const std::size_t point = s.find('.'), exponent = s.find_first_of("eE");
    const std::size_t mantissa_end = exponent == std::string::npos ? s.size() : exponent;
    const long decimals = point == std::string::npos ? 0 : static_cast<long>(mantissa_end - point - 1);
    const long power = exponent == std::string::npos ? 0 : std::stol(s.substr(exponent + 1));
    return Real(0.5) * pow(Real(10), Real(power - decimals));
}

// The rounding of each input when read into your arithmetic: |fl(x) − x|.
inline RealMatrix input_error(const TextMatrix& text, const OwnPrecision& p)
{
    RealMatrix out(text.rows(), text.cols());
    for (std::size_t k = 0; k < text.size(); ++k) {
        const Real x = from_decimal<Real>(text.flat(k));
        out.flat(k) = abs(Real(round_to_bits(x, p.bits, p.min_exponent) - x));
    }
    return out;
}

} // namespace gradcheck::yours

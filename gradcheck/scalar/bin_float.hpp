// Boost's cpp_bin_float_50 and cpp_bin_float_100 as the checker sees them
// (scalar/traits.hpp): their complex types. The library's reference precisions
// (function/reference_precision.hpp); the command runs 50 and 100 digits in MPFR.
#pragma once

#include <boost/multiprecision/cpp_bin_float.hpp>
#include <boost/multiprecision/cpp_complex.hpp>

#include "gradcheck/scalar/traits.hpp"

namespace gradcheck {

template <>
struct complex_of<boost::multiprecision::cpp_bin_float_50> { using type = boost::multiprecision::cpp_complex_50; };
template <>
struct complex_of<boost::multiprecision::cpp_bin_float_100> { using type = boost::multiprecision::cpp_complex_100; };

} // namespace gradcheck

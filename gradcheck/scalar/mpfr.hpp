// MPFR's mpfr_float as the checker sees it (scalar/traits.hpp): digits set at run
// time (mpfr_float::default_precision), MPC's mpc_complex for the complex step.
// Included only where mpfr_float is instantiated (run/jobs_mpfr.cpp,
// network/yours.cpp), before anything that uses these traits.
#pragma once

#include <boost/multiprecision/mpc.hpp>
#include <boost/multiprecision/mpfr.hpp>

#include "gradcheck/scalar/traits.hpp"

namespace gradcheck {

using boost::multiprecision::mpc_complex;
using boost::multiprecision::mpfr_float;

template <>
struct digits_of<mpfr_float> {
    static int working() { return static_cast<int>(mpfr_float::default_precision()); }
    static int round_trip() { return static_cast<int>(mpfr_float::default_precision()) + 3; }
};

template <>
struct complex_of<mpfr_float> { using type = mpc_complex; };

template <>
inline constexpr bool complex_by_parts<mpc_complex> = true;

} // namespace gradcheck

// The checker instantiated for MPFR's mpfr_float, with the digit count set at run time.
#include "gradcheck/scalar/mpfr.hpp" // first: the traits of mpfr_float

#include "gradcheck/run/jobs.hpp"

namespace gradcheck {
JobResult run_in_mpfr(unsigned digits, Job job, const Problem& problem, const CheckSettings& settings)
{
    using boost::multiprecision::mpfr_float;
    // Precision is a run-time setting of mpfr_float: every value created below gets it.
    using boost::multiprecision::mpc_complex;
    const auto previous = mpfr_float::default_precision();
    const auto previous_complex = mpc_complex::default_precision();
    mpfr_float::default_precision(digits);
    mpc_complex::default_precision(digits); // for the complex step
    try {
        JobResult r = run_job<mpfr_float>(job, problem, settings);
        mpfr_float::default_precision(previous);
        mpc_complex::default_precision(previous_complex);
        return r;
    } catch (...) {
        mpfr_float::default_precision(previous);
        mpc_complex::default_precision(previous_complex);
        throw;
    }
}
} // namespace gradcheck

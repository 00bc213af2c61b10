// The checker instantiated for MPFR's mpfr_float, with the digit count set at run time.
#include <boost/multiprecision/mpfr.hpp>

#include "jobs.hpp"

namespace gradcheck {
JobResult run_in_mpfr(unsigned digits, Job job, const Problem& problem, const CheckSettings& settings)
{
    using boost::multiprecision::mpfr_float;
    // Precision is a run-time setting of mpfr_float: every value created below gets it.
    const auto previous = mpfr_float::default_precision();
    mpfr_float::default_precision(digits);
    try {
        JobResult r = run_job<mpfr_float>(job, problem, settings);
        mpfr_float::default_precision(previous);
        return r;
    } catch (...) {
        mpfr_float::default_precision(previous);
        throw;
    }
}
} // namespace gradcheck

// The checker instantiated for Boost's cpp_bin_float_100.
#include "gradcheck/scalar/bin_float.hpp" // first: the traits of cpp_bin_float

#include "gradcheck/run/jobs.hpp"

namespace gradcheck {
JobResult run_in_bin100(Job job, const Problem& problem, const CheckSettings& settings)
{
    return run_job<boost::multiprecision::cpp_bin_float_100>(job, problem, settings);
}
} // namespace gradcheck

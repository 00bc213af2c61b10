// The checker instantiated for the hardware types: float, double and long double.
#include "gradcheck/run/jobs.hpp"

namespace gradcheck {
JobResult run_in_float(Job job, const Problem& problem, const CheckSettings& settings)
{
    return run_job<float>(job, problem, settings);
}
JobResult run_in_double(Job job, const Problem& problem, const CheckSettings& settings)
{
    return run_job<double>(job, problem, settings);
}
JobResult run_in_long_double(Job job, const Problem& problem, const CheckSettings& settings)
{
    return run_job<long double>(job, problem, settings);
}
} // namespace gradcheck

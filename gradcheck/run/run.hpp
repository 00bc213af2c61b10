// The run of a job in one precision. A job is what to compute; the precision is where.
// Each scalar type's jobs are compiled in their own translation unit (run/jobs_hardware.cpp:
// float, double, long double; run/jobs_mpfr.cpp: any digit count), so the heavy
// multiprecision templates are built once, and a new job needs no new function per type.
#pragma once

#include "gradcheck/input/problem.hpp"
#include "gradcheck/network/check_settings.hpp"
#include "gradcheck/report/model.hpp"
#include "gradcheck/scalar/precision.hpp"
#include "gradcheck/report/tasks.hpp"

namespace gradcheck {

Report run_check(const Precision& precision, const Problem& problem, const CheckSettings& settings);
TraceReport run_trace(const Precision& precision, const Problem& problem, const CheckSettings& settings);
TrainReport run_train(const Precision& precision, const Problem& problem, const CheckSettings& settings);
SweepReport run_sweep(const Precision& precision, const Problem& problem, const CheckSettings& settings);

enum class Job { check, trace, sweep, train };

struct JobResult {
    Report check;
    TraceReport trace;
    SweepReport sweep;
    TrainReport train;
};

JobResult run_in_float(Job, const Problem&, const CheckSettings&);
JobResult run_in_double(Job, const Problem&, const CheckSettings&);
JobResult run_in_long_double(Job, const Problem&, const CheckSettings&);
JobResult run_in_mpfr(unsigned digits, Job, const Problem&, const CheckSettings&);

} // namespace gradcheck

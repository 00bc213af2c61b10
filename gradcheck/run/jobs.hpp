// Runs a job in scalar type T. Included only by the run/*.cpp files, one per type.
#pragma once

#include "gradcheck/check/check.hpp"
#include "gradcheck/scalar/precision.hpp"
#include "gradcheck/tasks/sweep_network.hpp"
#include "gradcheck/tasks/training_network.hpp"
#include "gradcheck/tasks/trace_network.hpp"

namespace gradcheck {

template <class T>
JobResult run_job(Job job, const Problem& problem, const CheckSettings& settings)
{
    JobResult r;
    switch (job) {
    case Job::check: r.check = check_gradients<T>(problem, settings); break;
    case Job::trace: r.trace = trace_network<T>(problem, settings); break;
    case Job::sweep: r.sweep = sweep_network<T>(problem, settings); break;
    case Job::train: r.train = train_network<T>(problem, settings); break;
    }
    return r;
}

} // namespace gradcheck

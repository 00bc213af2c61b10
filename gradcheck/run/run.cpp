// The dispatcher: a job in the precision asked for, with its progress on a terminal.
#include "gradcheck/run/run.hpp"

#include <stdexcept>
#include <string>

#include "gradcheck/util/error.hpp"
#include "gradcheck/util/progress_line.hpp"

namespace gradcheck {

namespace {

JobResult run(Job job, const Precision& precision, const Problem& problem, const CheckSettings& settings)
{
    const char* jobs[] = {"check", "trace", "sweep", "train"};
    const bool digits = precision.kind != Precision::Kind::float_ && precision.kind != Precision::Kind::double_
                        && precision.kind != Precision::Kind::long_double;
    progress::stage(std::string(jobs[static_cast<int>(job)]) + " in " + precision.name + (digits ? " digits" : "") + ", "
                    + std::string(method_name(settings.method)));
    try {
        switch (precision.kind) {
        case Precision::Kind::float_: return run_in_float(job, problem, settings);
        case Precision::Kind::double_: return run_in_double(job, problem, settings);
        case Precision::Kind::long_double: return run_in_long_double(job, problem, settings);
        case Precision::Kind::mpfr: return run_in_mpfr(precision.digits, job, problem, settings);
        }
    } catch (const InputError& e) {
        throw InputError(std::string(e.what()) + " (precision " + precision.name + ")");
    }
    throw std::logic_error("run: unknown precision");
}

} // namespace

Report run_check(const Precision& precision, const Problem& problem, const CheckSettings& settings)
{
    Report r = run(Job::check, precision, problem, settings).check;
    r.precision = precision.name;
    r.precision_label = precision.label;
    return r;
}

TrainReport run_train(const Precision& precision, const Problem& problem, const CheckSettings& settings)
{
    return run(Job::train, precision, problem, settings).train;
}

SweepReport run_sweep(const Precision& precision, const Problem& problem, const CheckSettings& settings)
{
    SweepReport r = run(Job::sweep, precision, problem, settings).sweep;
    for (SweepPoint& p : r.points) p.precision = precision.name;
    return r;
}

TraceReport run_trace(const Precision& precision, const Problem& problem, const CheckSettings& settings)
{
    TraceReport r = run(Job::trace, precision, problem, settings).trace;
    r.precision_label = precision.label;
    return r;
}

} // namespace gradcheck

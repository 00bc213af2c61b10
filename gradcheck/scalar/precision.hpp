// The precisions the checker runs in, and the one call that runs a check in any
// of them: float, double and long double, and MPFR's mpfr_float for any digit
// count (50 and 100 too: at 50 digits its exp is several times faster than that of
// Boost's cpp_bin_float_50, and a check two to four times faster). Each scalar
// type's check is compiled in its own translation unit (run/*.cpp), so the heavy
// multiprecision templates are built once.
#pragma once

#include <string>
#include <vector>

#include "gradcheck/input/problem.hpp"
#include "gradcheck/report/report.hpp"
#include "gradcheck/tasks/sweep.hpp"
#include "gradcheck/tasks/trace.hpp"

namespace gradcheck {

struct Precision {
    enum class Kind { float_, double_, long_double, mpfr };
    Kind kind = Kind::double_;
    unsigned digits = 0; // decimal digits for mpfr
    std::string name;    // as written: "double", "long-double", "50", "100", "300"
    std::string label;   // described: "double (53-bit binary)", "50 digits (MPFR)"
};

inline constexpr unsigned min_mpfr_digits = 10;
inline constexpr unsigned max_mpfr_digits = 10000;

// "float", "double", "long-double", or a digit count 10..10000 (mpfr; "50" and
// "100" are two of them).
// Throws InputError on anything else.
Precision parse_precision(const std::string& text);

// A comma-separated list of the above, e.g. "double,50"; "all" is the ladder
// float,double,long-double,50,100.
inline constexpr const char* precision_ladder = "float,double,long-double,50,100";
std::vector<Precision> parse_precision_list(const std::string& text);

CheckReport run_check(const Precision& precision, const Problem& problem, const CheckSettings& settings);
TraceReport run_trace(const Precision& precision, const Problem& problem, const CheckSettings& settings);
TrainReport run_train(const Precision& precision, const Problem& problem, const CheckSettings& settings);
SweepReport run_sweep(const Precision& precision, const Problem& problem, const CheckSettings& settings);

// A job is what to compute; the precision is where. Each run/*.cpp runs every
// kind of job for its one scalar type (run_job in run/jobs.hpp), so a new job needs
// no new function per type, and a new type no change to any job.
enum class Job { check, trace, sweep, train };

struct JobResult {
    CheckReport check;
    TraceReport trace;
    SweepReport sweep;
    TrainReport train;
};

JobResult run_in_float(Job, const Problem&, const CheckSettings&);
JobResult run_in_double(Job, const Problem&, const CheckSettings&);
JobResult run_in_long_double(Job, const Problem&, const CheckSettings&);
JobResult run_in_mpfr(unsigned digits, Job, const Problem&, const CheckSettings&);

} // namespace gradcheck

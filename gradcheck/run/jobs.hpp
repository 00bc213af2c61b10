// Runs a job in scalar type T, its progress shown on a terminal (util/progress_line.hpp).
// Included only by the run/*.cpp files, one per type.
#pragma once

#include <optional>

#include "gradcheck/network/check.hpp"
#include "gradcheck/run/run.hpp"
#include "gradcheck/tasks/sweep_network.hpp"
#include "gradcheck/tasks/trace_network.hpp"
#include "gradcheck/tasks/training_network.hpp"
#include "gradcheck/util/progress_line.hpp"

namespace gradcheck {

// The engine's progress as one level of the progress line.
class TerminalProgress final : public core::Progress {
public:
    void begin(const char* unit, std::size_t total) override { task_.emplace(unit, total); }
    void at(std::size_t done) override { task_->at(done); }
    void end() override { task_.reset(); }

private:
    std::optional<progress::Task> task_;
};

template <class T>
JobResult run_job(Job job, const Problem& problem, const CheckSettings& settings)
{
    TerminalProgress progress;
    JobResult r;
    switch (job) {
    case Job::check: r.check = check_gradients<T>(problem, settings, progress); break;
    case Job::trace: r.trace = trace_network<T>(problem, settings); break;
    case Job::sweep: r.sweep = sweep_network<T>(problem, settings, progress); break;
    case Job::train: r.train = train_network<T>(problem, settings, progress); break;
    }
    return r;
}

} // namespace gradcheck

// gradcheck: checks every analytic partial of the XOR network against numeric
// gradients, in each precision asked for, and prints the comparison.
// Exit status: 0 all pass, 1 a check failed, 2 bad usage, bad input or output that cannot be
// written, 3 an internal error, 4 not verified (no element failed, some were declined).
#include <cerrno>
#include <cstring>
#include <exception>
#include <iostream>
#include <sstream>
#include <string>

#include "gradcheck/cli/options.hpp"
#include "gradcheck/util/error.hpp"
#include "gradcheck/util/printable.hpp"
#include "gradcheck/network/blind_spots.hpp"
#include "gradcheck/network/yours.hpp"
#include "gradcheck/report/json.hpp"
#include "gradcheck/report/sweep_files.hpp"
#include "gradcheck/report/text_tasks.hpp"
#include "gradcheck/run/run.hpp"
#include "gradcheck/tasks/export.hpp"
#include "gradcheck/tasks/graph.hpp"
#include "gradcheck/util/progress_line.hpp"

namespace {

// Everything a command prints goes out in one write, and a write that fails (a full
// disk, a closed pipe) is an error with a message, not a silent exit 0.
void emit(const std::string& text)
{
    gradcheck::progress::clear();
    std::cout << text << std::flush;
    if (!std::cout) throw gradcheck::InputError(std::string("cannot write to standard output (") + std::strerror(errno) + ")");
}

// Each command computes everything before it prints anything (an error leaves stdout
// empty) and returns its exit status.
using namespace gradcheck;

int run_export(const Options& o)
{
    std::ostringstream out;
    export_problem(o.problems.front(), o.output, out);
    emit(out.str());
    return 0;
}

int run_own_gradients(const Options& o)
{
    const Report report = check_own_gradients(o.problems.front(), *o.gradients);
    std::ostringstream out;
    if (o.format == Format::json) out << gradients_json(report);
    else print_gradients(out, report, o.view);
    emit(out.str());
    return report.pass ? 0 : 1;
}

int run_trace_or_graph(const Options& o)
{
    const TraceReport trace = run_trace(o.precisions.front(), o.problems.front(), o.settings);
    std::ostringstream out;
    if (o.command == Command::graph) write_graph(out, graph_dot(o.problems.front(), trace), o.output);
    else print_trace(out, problem_info(o.problems.front()), trace);
    emit(out.str());
    return 0;
}

int run_sweeps(const Options& o)
{
    SweepReport sweep;
    for (const Precision& precision : o.precisions)
        for (Method method : o.methods) {
            CheckSettings settings = o.settings;
            settings.method = method;
            const SweepReport part = run_sweep(precision, o.problems.front(), settings);
            sweep.points.insert(sweep.points.end(), part.points.begin(), part.points.end());
        }
    std::ostringstream out;
    write_sweep(out, sweep, o.output);
    emit(out.str());
    return 0;
}

int run_training(const Options& o)
{
    std::vector<std::pair<Precision, TrainReport>> runs;
    bool pass = true, failed = false;
    for (const Precision& precision : o.precisions) {
        runs.push_back({precision, run_train(precision, o.problems.front(), o.settings)});
        pass = pass && runs.back().second.pass;
        failed = failed || runs.back().second.failed;
    }
    std::ostringstream out;
    print_training(out, problem_info(o.problems.front()), runs);
    emit(out.str());
    return exit_status(verdict_of(failed, pass));
}

int run_checks(const Options& o)
{
    Run run;
    for (std::size_t problem = 0; problem < o.problems.size(); ++problem) {
        run.problems.push_back(problem_info(o.problems[problem]));
        for (const Precision& precision : o.precisions)
            for (Method method : o.methods) {
                CheckSettings settings = o.settings;
                settings.method = method;
                run.reports.push_back(run_check(precision, o.problems[problem], settings));
                run.reports.back().network.problem = problem;
            }
    }
    std::ostringstream out;
    if (o.format == Format::json) out << check_json(run);
    else if (o.ladder) print_ladder(out, run);
    else print_check(out, run, o.view);
    emit(out.str());
    return exit_status(verdict(run));
}

int run(const Options& o)
{
    if (o.command == Command::export_) return run_export(o);
    if (o.gradients) return run_own_gradients(o);
    switch (o.command) {
    case Command::trace:
    case Command::graph: return run_trace_or_graph(o);
    case Command::sweep: return run_sweeps(o);
    case Command::train: return run_training(o);
    case Command::check:
    case Command::export_: break;
    }
    return run_checks(o);
}

} // namespace

int main(int argc, char** argv)
{
    try {
        const ParsedCommandLine parsed = parse_command_line(argc, argv);
        if (!parsed.run) {
            emit(parsed.message);
            return 0;
        }
        return run(parsed.options);
    } catch (const InputError& e) {
        progress::clear();
        std::cerr << "gradcheck: error: " << printable(e.what()) << "\n";
        return 2;
    } catch (const std::exception& e) {
        progress::clear();
        std::cerr << "gradcheck: internal error: " << printable(e.what()) << "\n";
        return 3;
    }
}

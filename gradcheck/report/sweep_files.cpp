#include "gradcheck/report/sweep_files.hpp"

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <vector>

#include "gradcheck/util/error.hpp"
#include "gradcheck/util/pipe.hpp"

namespace gradcheck {

namespace {

// The series in first-seen order: "double central" → its points.
std::vector<std::pair<std::string, std::vector<SweepPoint>>> series_of(const SweepReport& sweep)
{
    std::vector<std::pair<std::string, std::vector<SweepPoint>>> series;
    for (const SweepPoint& p : sweep.points) {
        const std::string name = p.precision + " " + p.method;
        if (series.empty() || series.back().first != name) series.push_back({name, {}});
        series.back().second.push_back(p);
    }
    return series;
}

const SweepPoint& best_of(const std::vector<SweepPoint>& points)
{
    const SweepPoint* best = &points.front();
    for (const SweepPoint& p : points)
        if (p.log10_error < best->log10_error) best = &p;
    return *best;
}

} // namespace

void write_csv(std::ostream& file, const SweepReport& sweep)
{
    file << "precision,method,h,relative_error\n";
    for (const SweepPoint& p : sweep.points) file << p.precision << "," << p.method << "," << p.h << "," << p.error << "\n";
}

namespace {

// Each series' best step and where the check's own steps fall.
void print_summary(std::ostream& out, const std::vector<std::pair<std::string, std::vector<SweepPoint>>>& series)
{
    out << "worst relative error of the numeric gradient over all elements, per step h\n";
    for (const auto& [name, points] : series) {
        const SweepPoint& best = best_of(points);
        out << "  " << name << ": smallest error " << best.error << " at h = " << best.h << " (" << points.size()
            << " steps from " << points.front().h << " to " << points.back().h << ")\n";
        if (!best.chosen_least.empty())
            out << "    the check's own steps, element by element: "
                << (best.chosen_least == best.chosen_most ? "h = " + best.chosen_least : "h = " + best.chosen_least + " to " + best.chosen_most) << "\n";
    }
}

// The gnuplot script: the data travel inline as datablocks, as log10 values (a
// 1000-digit sweep's errors of 1e-600 are beyond any double).
std::string plot_script(const std::vector<std::pair<std::string, std::vector<SweepPoint>>>& series)
{
    std::ostringstream script;
    script << "set terminal svg size 960,640 dynamic enhanced font 'sans,13' background rgb 'white'\n"
           << "set format x '10^{%g}'\nset format y '10^{%g}'\n"
           << "set xlabel 'step h'\nset ylabel 'worst relative error |numeric - analytic| / |analytic|'\n"
           << "set title 'Numeric against analytic gradient: truncation falls to the right, rounding rises to the left'\n"
           << "set key outside right top\nset grid\n";
    for (std::size_t s = 0; s < series.size(); ++s) {
        script << "$s" << s << " << EOD\n";
        for (const SweepPoint& p : series[s].second) script << p.log10_h << " " << p.log10_error << "\n";
        script << "EOD\n";
        const SweepPoint& best = best_of(series[s].second);
        script << "$b" << s << " << EOD\n" << best.log10_h << " " << best.log10_error << "\nEOD\n";
    }
    script << "plot ";
    for (std::size_t s = 0; s < series.size(); ++s) {
        const SweepPoint& best = best_of(series[s].second);
        // Titles hold only precision and method names and a number, never a file name.
        script << (s ? ", " : "") << "$s" << s << " using 1:2 with linespoints lw 2 pt 7 ps 0.6 lc " << s + 1
               << " title '" << series[s].first << "', $b" << s << " using 1:2 with points pt 6 ps 2.5 lw 2 lc " << s + 1
               << " title 'optimum h = " << best.h << "'";
    }
    script << "\n";
    return script.str();
}

} // namespace

void write_sweep(std::ostream& out, const SweepReport& sweep, const std::string& prefix)
{
    if (prefix == "-") { // the CSV alone, to standard output
        write_csv(out, sweep);
        return;
    }
    const std::string csv = prefix + ".csv", svg = prefix + ".svg";
    {
        std::ofstream file(csv);
        if (!file) throw InputError("sweep: cannot write " + csv + " (" + std::strerror(errno) + ")");
        write_csv(file, sweep);
        file.close();
        if (!file) throw InputError("sweep: cannot write " + csv + " (" + std::strerror(errno) + ")");
    }
    const auto series = series_of(sweep);
    print_summary(out, series);
    out << "wrote " << csv << "\n";
    if (!on_path("gnuplot")) {
        out << "plot skipped: gnuplot is not installed (apt-get install gnuplot-nox)\n";
        return;
    }
    const std::string failed = pipe_to_file({"gnuplot"}, plot_script(series), svg, "sweep");
    if (!failed.empty()) {
        std::error_code ignored;
        std::filesystem::remove(svg, ignored); // no half-written plot left behind
        throw InputError("sweep: " + failed + " to draw " + svg + " (" + csv + " was written)");
    }
    out << "wrote " << svg << "\n";
}

} // namespace gradcheck

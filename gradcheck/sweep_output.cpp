#include "sweep_output.hpp"

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <vector>

#include "input_error.hpp"

namespace gradcheck {

namespace {

bool on_path(const std::string& program)
{
    const char* path = std::getenv("PATH");
    std::istringstream dirs(path ? path : "");
    for (std::string dir; std::getline(dirs, dir, ':');) {
        std::error_code ec;
        if (!dir.empty() && std::filesystem::exists(std::filesystem::path(dir) / program, ec)) return true;
    }
    return false;
}

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

void write_sweep(std::ostream& out, const SweepReport& sweep, const std::string& prefix)
{
    const std::string csv = prefix + ".csv", svg = prefix + ".svg";
    {
        std::ofstream file(csv);
        if (!file) throw InputError("sweep: cannot write " + csv);
        file << "precision,method,h,relative_error\n";
        for (const SweepPoint& p : sweep.points) file << p.precision << "," << p.method << "," << p.h << "," << p.error << "\n";
        if (!file) throw InputError("sweep: cannot write " + csv);
    }
    const auto series = series_of(sweep);
    out << "worst relative error of the numeric gradient over all elements, per step h\n";
    for (const auto& [name, points] : series) {
        const SweepPoint& best = best_of(points);
        out << "  " << name << ": smallest error " << best.error << " at h = " << best.h << " (" << points.size()
            << " steps from " << points.front().h << " to " << points.back().h << ")\n";
    }
    out << "wrote " << csv << "\n";

    if (!on_path("gnuplot")) {
        out << "plot skipped: gnuplot is not installed (apt-get install gnuplot-nox)\n";
        return;
    }
    // The script goes to gnuplot's stdin; the data travel inline as datablocks.
    std::ostringstream script;
    script << "set terminal svg size 960,640 dynamic enhanced font 'sans,13' background rgb 'white'\n"
           << "set output '" << svg << "'\n"
           << "set logscale xy\nset format x '10^{%L}'\nset format y '10^{%L}'\n"
           << "set xlabel 'step h'\nset ylabel 'worst relative error |numeric - analytic| / |analytic|'\n"
           << "set title 'Numeric against analytic gradient: truncation falls to the right, rounding rises to the left'\n"
           << "set key outside right top\nset grid\n";
    for (std::size_t s = 0; s < series.size(); ++s) {
        script << "$s" << s << " << EOD\n";
        for (const SweepPoint& p : series[s].second) script << p.h << " " << p.error << "\n";
        script << "EOD\n";
        const SweepPoint& best = best_of(series[s].second);
        script << "$b" << s << " << EOD\n" << best.h << " " << best.error << "\nEOD\n";
    }
    script << "plot ";
    for (std::size_t s = 0; s < series.size(); ++s) {
        const SweepPoint& best = best_of(series[s].second);
        script << (s ? ", " : "") << "$s" << s << " using 1:2 with linespoints lw 2 pt 7 ps 0.6 lc " << s + 1
               << " title '" << series[s].first << "', $b" << s << " using 1:2 with points pt 6 ps 2.5 lw 2 lc " << s + 1
               << " title 'optimum h = " << best.h << "'";
    }
    script << "\n";
    FILE* gnuplot = popen("gnuplot", "w");
    if (gnuplot == nullptr) {
        out << "plot skipped: gnuplot could not be started\n";
        return;
    }
    const std::string text = script.str();
    std::fwrite(text.data(), 1, text.size(), gnuplot);
    if (pclose(gnuplot) != 0) {
        out << "plot skipped: gnuplot failed\n";
        return;
    }
    out << "wrote " << svg << "\n";
}

} // namespace gradcheck

// The check of one table of your values: K scalar functions s_i (rows, function/row.hpp)
// against K rows of analytic values (A, K×P, row-major), each row a subject of the
// engine (core/engine.hpp): every element along its coordinate, or first along
// directions (options::fast) and element by element where they do not settle it. The
// gradient is one row; a Jacobian K rows; the Hessian the P rows of your gradient; the
// VJP one row per upstream vector u. It depends on T alone, not on your function.
#pragma once

#include <cmath>
#include <cstddef>
#include <memory>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

#include "gradcheck/core/engine.hpp"
#include "gradcheck/function/options.hpp"
#include "gradcheck/function/result.hpp"
#include "gradcheck/function/subject.hpp"
#include "gradcheck/report/record.hpp"
#include "gradcheck/report/words.hpp"

namespace gradcheck {

template <class T>
struct TableSpec {
    std::vector<Row<T>> rows;         // K
    std::vector<T> x;                 // the point, P values
    std::vector<T> A;                 // K×P, row-major
    std::vector<core::Bound<T>> ea;   // their rounding
    bool measured = true;             // s evaluated in the reference precision too (else its rounding is estimated)
    std::string name, shape_names, meaning;
};

// What the engine is asked, from the options: an estimate without a value is declined here.
template <class T>
core::Settings<T> engine_settings(const options& o)
{
    core::Settings<T> s;
    s.method = o.method;
    if (o.step != 0) s.step = T(o.step);
    s.fast = o.fast, s.directions = o.directions, s.seed = o.seed;
    return s;
}

// The checked values as a rows×cols table of r: its report table and its elements.
template <class T>
void add_table(result<T>& r, const std::string& name, const std::string& shape_names, std::size_t rows, std::size_t cols,
               const std::vector<core::Element<T>>& checked, const std::string& meaning)
{
    Table t;
    t.name = name, t.rows = rows, t.cols = cols;
    t.shape = std::to_string(rows) + "×" + std::to_string(cols), t.shape_names = shape_names;
    t.vector = cols == 1, t.meaning = meaning;
    t.pass = true, t.worst_digits = working_digits<T>();
    for (std::size_t i = 0; i < checked.size(); ++i) {
        const core::Element<T>& c = checked[i];
        Entry entry = record(c);
        entry.row = i / cols, entry.col = i % cols;
        element<T> e;
        e.name = element_name(t, entry);
        e.row = entry.row, e.col = entry.col;
        e.analytic = c.analytic, e.numeric = c.reference, e.bound = c.reference_tolerance, e.step = c.reference_step;
        e.digits = c.digits, e.digits_needed = c.digits_needed;
        e.pass = c.pass, e.declined = c.declined;
        if (c.declined) e.declined_because = declined_because(entry, r.report, e.name);
        r.elements.push_back(std::move(e));
        t.add(std::move(entry));
    }
    r.report.tables.push_back(std::move(t));
}

// Row i of the spec as the engine's subject, and its values.
template <class T>
core::Given<T> given_row(const TableSpec<T>& spec, std::size_t i)
{
    const std::size_t P = spec.x.size();
    return {std::vector<T>(spec.A.begin() + static_cast<std::ptrdiff_t>(i * P), spec.A.begin() + static_cast<std::ptrdiff_t>((i + 1) * P)),
            std::vector<core::Bound<T>>(spec.ea.begin() + static_cast<std::ptrdiff_t>(i * P), spec.ea.begin() + static_cast<std::ptrdiff_t>((i + 1) * P))};
}

// Along directions first: true when they settle the table (their tables are then r's),
// else a note says why every element follows.
template <class T>
bool directions_settle(result<T>& r, const TableSpec<T>& spec, const core::Settings<T>& settings, Rounding<T>& rounding)
{
    const std::size_t K = spec.rows.size();
    std::vector<std::vector<core::Element<T>>> along(K);
    core::Fallback fallback = core::Fallback::none;
    for (std::size_t i = 0; i < K; ++i) {
        FunctionSubject<T> s(spec.rows[i], spec.x, rounding);
        along[i] = core::check_directions(s, settings, given_row(spec, i));
        if (fallback == core::Fallback::none) fallback = core::fallback_of(along[i]);
    }
    Note note(fallback == core::Fallback::none ? Note::Kind::fast_settled : Note::Kind::fast_fell_back, spec.name);
    note.count = static_cast<std::size_t>(settings.directions), note.seed = settings.seed, note.fallback = fallback;
    r.report.function.notes.push_back(note);
    r.report.fallback = fallback;
    if (fallback != core::Fallback::none) return false;
    for (std::size_t i = 0; i < K; ++i) {
        const std::string name = spec.name + (K > 1 ? "[" + std::to_string(i) + "]" : "") + "·v";
        add_table(r, name, "directions×1", along[i].size(), 1, along[i], "directional derivatives of " + spec.meaning);
    }
    return true;
}

// The table, into r.
template <class T>
void check_table(result<T>& r, const TableSpec<T>& spec, const options& o)
{
    const core::Settings<T> settings = engine_settings<T>(o);
    std::unique_ptr<Rounding<T>> rounding;
    if (spec.measured) rounding = std::make_unique<Measured<T>>();
    else rounding = std::make_unique<Estimated<T>>();
    if (o.fast && directions_settle(r, spec, settings, *rounding)) return;
    const std::size_t K = spec.rows.size(), P = spec.x.size();
    std::vector<core::Element<T>> elements;
    for (std::size_t i = 0; i < K; ++i) {
        FunctionSubject<T> s(spec.rows[i], spec.x, *rounding);
        for (core::Element<T>& e : core::check_elements(s, settings, given_row(spec, i))) elements.push_back(std::move(e));
    }
    // one row (a gradient): shown as a vector, P×1
    add_table(r, spec.name, spec.shape_names, K > 1 ? K : P, K > 1 ? P : 1, elements, spec.meaning);
}

// Compiled once, in the library (function/prebuilt_hardware.cpp and
// function/prebuilt_bin_float.cpp), for the precisions it names a reference for
// (function/reference_precision.hpp): a check in one of them instantiates only your
// function in your translation unit, not the check.
extern template void check_table<float>(result<float>&, const TableSpec<float>&, const options&);
extern template void check_table<double>(result<double>&, const TableSpec<double>&, const options&);
extern template void check_table<long double>(result<long double>&, const TableSpec<long double>&, const options&);
extern template void check_table<boost::multiprecision::cpp_bin_float_50>(result<boost::multiprecision::cpp_bin_float_50>&,
                                                                        const TableSpec<boost::multiprecision::cpp_bin_float_50>&,
                                                                        const options&);
extern template void check_table<boost::multiprecision::cpp_bin_float_100>(result<boost::multiprecision::cpp_bin_float_100>&,
                                                                         const TableSpec<boost::multiprecision::cpp_bin_float_100>&,
                                                                         const options&);

} // namespace gradcheck

// What a check of your own function returns: one element<T> per compared value, as
// numbers in T, and the report that prints them (operator<<) or writes them as
// JSON (json()), built from the same judgements.
#pragma once

#include <cstddef>
#include <ostream>
#include <string>
#include <utility>
#include <vector>

#include "gradcheck/function/report.hpp"
#include "gradcheck/scalar/traits.hpp"

namespace gradcheck {

template <class T>
struct element {
    std::string name;                  // "df/dx[1]", "J[0,2]", "H[1,0]", "Jᵀu₀[3]", "v₀·∇f"
    std::size_t row = 0, col = 0;      // where it stands in its table
    T analytic{0}, numeric{0};
    T bound{0};                        // pass iff |analytic − numeric| ≤ bound: numeric error bound + your value's rounding
    T step{0};                         // h of the numeric value (0 for autodiff)
    double digits = 0, digits_needed = 0; // −log10 of the relative error, and the fewest that pass
    bool pass = false;
    bool declined = false;             // no trustworthy numeric value: neither pass nor FAIL
    std::string declined_because;
};

template <class T>
struct result {
    bool pass = false; // every element passed (a declined one is not a pass)
    std::vector<element<T>> elements;
    FunctionReport report;

    std::size_t failed() const { return count([](const element<T>& e) { return !e.pass && !e.declined; }); }
    std::size_t declined() const { return count([](const element<T>& e) { return e.declined; }); }
    std::string json() const { return report_json(report); }

    friend std::ostream& operator<<(std::ostream& out, const result& r)
    {
        print_report(out, r.report);
        return out;
    }

private:
    template <class Predicate>
    std::size_t count(Predicate p) const
    {
        std::size_t n = 0;
        for (const element<T>& e : elements) n += p(e);
        return n;
    }
};

// One compared value: the check's verdict (its text for the report) and its numbers.
template <class T>
struct Judgement {
    ElementCheck check;
    T analytic{0}, numeric{0}, bound{0}, step{0};
};

// A rows×cols table of judgements (row-major) into r: its elements and its report table.
template <class T>
void add_table(result<T>& r, const std::string& name, const std::string& shape_names, std::size_t rows, std::size_t cols,
               std::vector<Judgement<T>> judged, const std::string& meaning = "")
{
    PartialCheck table;
    table.name = name;
    table.rows = rows, table.cols = cols;
    table.shape = std::to_string(rows) + "×" + std::to_string(cols);
    table.shape_names = shape_names;
    table.vector = cols == 1;
    table.meaning = meaning;
    table.pass = true;
    table.worst_digits = working_digits<T>();
    for (std::size_t i = 0; i < judged.size(); ++i) {
        Judgement<T>& j = judged[i];
        j.check.row = i / cols, j.check.col = i % cols;
        element<T> e;
        e.name = name + "[" + std::to_string(j.check.row) + (cols > 1 ? "," + std::to_string(j.check.col) : "") + "]";
        e.row = j.check.row, e.col = j.check.col;
        e.analytic = j.analytic, e.numeric = j.numeric, e.bound = j.bound, e.step = j.step;
        e.digits = j.check.digits, e.digits_needed = j.check.digits_needed;
        e.pass = j.check.pass, e.declined = j.check.declined, e.declined_because = j.check.declined_because;
        r.elements.push_back(std::move(e));
        table.add(std::move(j.check));
    }
    r.report.tables.push_back(std::move(table));
}

// The verdict over every element: PASS, FAIL, or NOT VERIFIED (none failed, some declined).
template <class T>
void decide(result<T>& r)
{
    r.report.verdict = verdict_of(r.failed() > 0, r.failed() == 0 && r.declined() == 0 && !r.elements.empty());
    r.pass = r.report.verdict == Verdict::pass;
}

} // namespace gradcheck

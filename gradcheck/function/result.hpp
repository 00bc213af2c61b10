// What a check of your own function returns: one element<T> per compared value, as
// numbers in T, and the report of the same check (report/model.hpp), which prints
// (operator<<, or only what failed: failures()) and writes itself as JSON (json()).
#pragma once

#include <cstddef>
#include <ostream>
#include <sstream>
#include <string>
#include <vector>

#include "gradcheck/report/json.hpp"
#include "gradcheck/report/text.hpp"

namespace gradcheck {

template <class T>
struct element {
    std::string name;                  // "df/dx[1]", "J[0,2]", "d2f/dx2[1,0]", "J^T u[0,3]", "df/dx·v[0]"
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
    Report report;

    std::size_t failed() const { return count([](const element<T>& e) { return !e.pass && !e.declined; }); }
    std::size_t declined() const { return count([](const element<T>& e) { return e.declined; }); }
    std::string json() const { return function_json(report); }
    // Only the elements that did not pass (FAIL or declined), and the verdict line.
    std::string failures() const
    {
        std::ostringstream out;
        print_function(out, report, View::failures);
        return out.str();
    }

    friend std::ostream& operator<<(std::ostream& out, const result& r)
    {
        print_function(out, r.report, View::full);
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

} // namespace gradcheck

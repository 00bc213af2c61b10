// The result of a gradient check, free of the scalar type: every value that
// depends on the precision is already text. Printers (report/text*.cpp, report/json.cpp)
// read only this.
#pragma once

#include <algorithm>
#include <cstddef>
#include <string>
#include <utility>
#include <vector>

namespace gradcheck {

inline constexpr int max_shown_digits = 50;

struct ElementCheck {
    std::size_t row = 0, col = 0;
    std::string analytic, numeric; // every digit of the working precision
    std::string analytic_shown, numeric_shown; // rounded to at most shown_digits, for the text table
    std::string abs_error;         // |analytic − numeric|
    std::string rel_error;         // |analytic − numeric| / max(|analytic|, |numeric|, tolerance)
    std::string tolerance;         // ε_n + ε_a: pass iff abs_error ≤ tolerance
    std::string truncation, rounding; // ε_n = truncation + rounding: the numeric value's error bound
    std::string analytic_rounding;    // ε_a: rounding error bound of the analytic value (bounds/backward_rounding.hpp)
    std::string step;                 // the step h used
    std::string step_from;            // the step rule's (or given) h when it had to be reduced, else ""
    double digits = 0;        // −log10(rel_error), at most the working digits
    double digits_needed = 0; // −log10(tolerance / max(|analytic|, |numeric|, tolerance))
    std::string ratio;        // analytic / numeric, "" when numeric is 0
    bool near_zero = false;   // max(|analytic|, |numeric|) ≤ tolerance: compared absolutely
    bool declined = false;    // not checked (and not a pass): no trustworthy numeric value
    std::string declined_because; // why, when declined
    std::string fails_at_rule_step; // a given step's pass overturned at the step rule's step: why
    bool close_call = false;        // --fast: a direction agreed with less than a factor 2 to spare (check/check.hpp)
    bool coarse_points = false;     // --fast: the rounding of the points θ + t·v outweighs the loss's own (check/fast.hpp)
    bool numeric_finite = true;   // false: no numeric value at all, so no error columns
    bool pass = false;
};

// Whether e has digits of agreement: only an element compared by relative error
// does (one within its tolerance of 0 is compared absolutely; a declined one not at all).
inline bool has_digits(const ElementCheck& e) { return !e.near_zero && !e.declined; }

struct PartialCheck {
    std::string name;        // "dL/dW1"
    std::string shape;       // "2×2"
    std::string shape_names; // "H×N"
    std::string meaning;     // "dL/dW1 = dZ1·Xᵀ" (the check of your own gradients shows it)
    std::size_t rows = 0, cols = 0;
    bool vector = false;     // a vector (cols = 1) whose elements are shown as [k], not [k,0]
    std::vector<ElementCheck> elements; // row-major
    bool pass = false;
    double worst_digits = 0; // over the elements compared relatively (not near_zero, not declined)
    std::string diagnosis;   // when an element fails: the likely mistake (check/diagnosis.hpp)
    void add(ElementCheck&& e) // the next element, row-major
    {
        pass = pass && e.pass;
        if (gradcheck::has_digits(e)) worst_digits = std::min(worst_digits, e.digits);
        elements.push_back(std::move(e));
    }
    bool all_near_zero() const // every element within rounding of 0: no mistake confined to it can show
    {
        for (const auto& e : elements)
            if (!e.near_zero) return false;
        return !elements.empty();
    }
    bool has_digits() const  // false when every element was compared absolutely
    {
        return std::any_of(elements.begin(), elements.end(), [](const ElementCheck& e) { return gradcheck::has_digits(e); });
    }
};

// The digits of a set of partials, counted in this one place (the verdict line, the
// table's "needed" column, each row of a training run, your gradients' summary).
struct DigitsSummary {
    bool has_digits = false;
    double worst = 0;                  // the fewest digits of any element
    double needed_at_worst = 0;        // the digits that element needed
    std::string worst_at;              // where: "dL/dW1[0,1]"
    double fewest_needed = 0;          // the fewest digits any element needed
    const ElementCheck* least_spare = nullptr; // the element with the least digits − needed (a failing one, if any)

    void add(const PartialCheck& p)
    {
        for (const ElementCheck& e : p.elements) {
            if (!gradcheck::has_digits(e)) continue;
            if (!has_digits || e.digits < worst)
                worst = e.digits, needed_at_worst = e.digits_needed,
                worst_at = p.name + "[" + std::to_string(e.row) + "," + std::to_string(e.col) + "]";
            if (!has_digits || e.digits_needed < fewest_needed) fewest_needed = e.digits_needed;
            if (!least_spare || e.digits - e.digits_needed < least_spare->digits - least_spare->digits_needed) least_spare = &e;
            has_digits = true;
        }
    }
};

struct CheckReport {
    std::size_t problem = 0;     // which of the run's problems (the printers' list)
    std::string precision;       // as given on the command line: "double", "50", …
    std::string precision_label; // "double (53-bit binary)", …
    int digits = 0;              // decimal digits of the scalar type
    std::string epsilon;         // machine epsilon u
    std::string method = "central";
    std::string method_description;
    std::string step_rule;
    std::string formulas;
    std::size_t N = 0, H = 0, m = 0;
    std::string loss;           // the loss the derivation's author computes (stable form, except clamped-log)
    std::string loss_label;     // which form that is
    std::string loss_seed_form; // the seed's log(A2) form; "inf"/"nan" when it overflows
    bool loss_seed_form_finite = true;
    std::string loss_error;     // ε_L, bound on the rounding error of one loss evaluation
    std::string formulas_explanation;
    std::string backward_error; // set when the analytic gradient cannot even be formed (a shape error)
    std::vector<PartialCheck> partials; // dL/dW1, dL/dB1, dL/dW2, dL/dB2; empty with backward_error.
                                        // With --fast, first v·∇L (the directions), then the four
                                        // partials only when a direction disagreed (localised)
    bool localised = false;
    std::string localised_because; // why the full check followed the directions
    std::string diagnosis; // when the check fails: the likely mistake, in one line (check/diagnosis.hpp)
    std::vector<std::string> hidden; // the gallery's mistakes that give the right numbers here, within the tolerance
    bool pass = false;

    // Whether a partial counts in the verdict: with --fast, once the full check has
    // followed the directions (localised), the directions only say why it ran.
    bool counts(const PartialCheck& p) const { return !(localised && &p == &partials.front()); }

    // An element failed (or the gradient could not be formed): the derivation is wrong.
    bool failed() const
    {
        if (!backward_error.empty()) return true;
        for (const auto& p : partials)
            if (counts(p))
                for (const auto& e : p.elements)
                    if (!e.pass && !e.declined) return true;
        return false;
    }
    // The digits of the partials that count.
    DigitsSummary digits_summary() const
    {
        DigitsSummary s;
        for (const auto& p : partials)
            if (counts(p)) s.add(p);
        return s;
    }
    // Nothing failed, but some element was declined: the check could not verify everything.
    bool not_verified() const { return !pass && !failed(); }
};

// The verdict of a run: PASS, FAIL (an element failed), or NOT VERIFIED (none failed,
// some were declined), with the exit status of each: 0, 1 and 4.
enum class Verdict { pass, fail, not_verified };
inline Verdict verdict_of(bool any_failed, bool all_passed)
{
    return all_passed ? Verdict::pass : any_failed ? Verdict::fail : Verdict::not_verified;
}
inline const char* verdict_word(Verdict v) { return v == Verdict::pass ? "PASS" : v == Verdict::fail ? "FAIL" : "NOT VERIFIED"; }
inline int exit_status(Verdict v) { return v == Verdict::pass ? 0 : v == Verdict::fail ? 1 : 4; }

} // namespace gradcheck

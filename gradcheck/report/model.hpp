// The result of a check, free of the scalar type, for every kind of check: the
// network's partials against numeric derivatives, your gradients against the exact
// ones, your own function's derivatives. Numbers are decimal text (every digit, and
// as shown), reasons are codes (core/numbers.hpp): the renderers (report/text.cpp,
// report/json.cpp) make every sentence, and can show the same result in full, or only
// what failed, without checking again.
#pragma once

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "gradcheck/core/numbers.hpp"
#include "gradcheck/methods/table.hpp"

namespace gradcheck {

inline constexpr int max_shown_digits = 50;

// What a report checked.
enum class Client {
    network,   // the network's partials against numeric derivatives (gradcheck)
    gradients, // your arrays against the exact ones (gradcheck --gradients)
    function,  // your function's derivatives (<gradcheck/gradcheck.hpp>)
};

// One compared value: your or the analytic value above its reference.
struct Entry {
    std::size_t row = 0, col = 0;
    std::string analytic, numeric;             // every digit of the working precision
    std::string analytic_shown, numeric_shown; // rounded to at most max_shown_digits, for the text table
    std::string abs_error, rel_error, tolerance;
    std::string truncation, rounding, analytic_rounding; // the tolerance's parts
    std::string step, step_from; // the step h used ("": none); the step it was reduced from ("": not reduced)
    std::string first_step;      // the step an estimate without a value started from
    std::string theta;           // step_vanishes: what θ ± h rounds back to
    double digits = 0, digits_needed = 0; // −log10(rel err), at most the working digits; the fewest that pass
    std::string ratio;           // analytic / numeric, "" when there is none
    bool near_zero = false;      // both values within the tolerance of 0: compared absolutely
    bool numeric_finite = true;  // false: no finite numeric value, so no error columns
    bool has_numeric = true;     // false: no numeric value at all
    bool pass = false, declined = false;
    Reason reason = Reason::none; // why declined (or why there is no value)
    // A given step's verdict, checked at the step rule's step: overturned into a FAIL
    // (a pass, or a decline for was_reason), or declined (escaped_bound).
    bool overturned = false, was_pass = false;
    Reason was_reason = Reason::none;
    std::string rule_step, rule_abs_error, rule_tolerance;
};

// Whether e has digits of agreement: only an element compared by relative error
// does (one within its tolerance of 0 is compared absolutely; a declined one not at all).
inline bool has_digits(const Entry& e) { return !e.near_zero && !e.declined; }

// One checked array: a partial of the network, one of your arrays, a table of your
// function's derivatives, or the directions of a fast check.
struct Table {
    std::string name;        // "dL/dW1", "dB1", "df/dx", "v·∇L"
    std::string shape;       // "2×2"
    std::string shape_names; // "H×N"
    std::string meaning;     // "dL/dW1 = dZ1·Xᵀ"
    std::size_t rows = 0, cols = 0;
    bool vector = false;     // a vector (cols = 1) whose elements are shown as [k], not [k,0]
    bool directions = false; // the directions of a fast check
    std::vector<Entry> elements; // row-major
    bool pass = false;
    double worst_digits = 0; // over the elements compared relatively
    std::string diagnosis;   // when an element fails: the likely mistake
    void add(Entry&& e)      // the next element, row-major
    {
        pass = pass && e.pass;
        if (gradcheck::has_digits(e)) worst_digits = std::min(worst_digits, e.digits);
        elements.push_back(std::move(e));
    }
    bool all_near_zero() const // every element within rounding of 0: no mistake confined to it can show
    {
        return !elements.empty() && std::all_of(elements.begin(), elements.end(), [](const Entry& e) { return e.near_zero; });
    }
    bool has_digits() const { return std::any_of(elements.begin(), elements.end(), [](const Entry& e) { return gradcheck::has_digits(e); }); }
};

// A kind of mistake that the data of a problem cannot reveal, and why.
struct BlindSpot {
    std::string reason; // "every input is 0 or 1, so x² = x"
    std::string hides;  // "X ⊙ X in place of X, or any f(X) with f(0) = 0 and f(1) = 1"
    std::vector<std::string> gallery; // the gallery's mistakes it hides: they pass on such data
};

// What a report says of the network's problem.
struct ProblemInfo {
    std::string name;    // xor, generic, data
    std::string why;     // why it is checked too, or ""
    std::string data, weights; // where the data and the weights come from
    std::size_t N = 0, H = 0, m = 0;
    std::vector<BlindSpot> blind_spots;
};

// What the library says of a point or a check, beside the tables (report/words.cpp).
struct Note {
    enum class Kind {
        compared_absolutely, // name: both values within the tolerance (value) of 0
        coordinate_zero,     // name = 0
        coordinate_one,      // name = ±1
        gradient_fails,      // the Hessian's g fails against f
        not_symmetric,       // name, value: [i,j] of the Hessian; other, other_value: [j,i]
        fast_settled,        // name: the table, count directions, seed
        fast_fell_back,      // name: the table, fallback
    } kind;
    std::string name, value, other, other_value;
    std::size_t count = 0;
    std::uint64_t seed = 0;
    core::Fallback fallback = core::Fallback::none;

    explicit Note(Kind k, std::string n = {}, std::string v = {}, std::string o = {}, std::string ov = {})
        : kind(k), name(std::move(n)), value(std::move(v)), other(std::move(o)), other_value(std::move(ov))
    {
    }
};

// The function's kind of check (the library), for its first line.
enum class FunctionCheck { gradient, jacobian, vjp, hessian };

struct Report {
    Client client = Client::network;
    std::string precision;       // as given: "double", "50"
    std::string precision_label; // "double (53-bit binary, IEEE 754)"
    int digits = 0;              // decimal digits of the scalar type
    std::string epsilon;         // its machine epsilon u
    std::vector<Table> tables;   // with a fast check, first the directions, then the rest only where they fell back
    std::string diagnosis;       // when the check fails: the likely mistake, in one line
    std::vector<std::string> hidden; // the gallery's mistakes that give the right numbers here
    bool pass = false;

    // A numeric check (the network, your function): the method and its step.
    Method method = Method::central;
    std::optional<std::string> step_given;
    std::string rule_step;       // the rule's step at |θ| ≤ 1
    bool fast = false;
    int directions = 3;
    std::uint64_t seed = 0;
    core::Fallback fallback = core::Fallback::none; // fast: why the full check followed (none: it did not)

    ProblemInfo problem; // the network's problem (the network, your gradients)

    struct Network {
        std::size_t problem = 0;   // index into the run's problems
        std::string formulas, formulas_explanation, loss_label;
        std::string loss;          // the loss its author computes
        std::string loss_seed_form; // the seed's log(A2) form; "inf"/"nan" when it overflows
        bool loss_seed_form_finite = true;
        std::string loss_error;    // ε_L
        std::string backward_error; // the analytic gradient could not be formed (a shape error)
    } network;

    struct Gradients {
        int reference_digits = 0;
        std::string source;           // "gradients file 'g.json'"
        int max_digits10 = 17;
        std::size_t short_values = 0; // values whose last written digit, not the arithmetic, sets the tolerance
        std::size_t weak = 0;         // elements that need under 2 digits
    } gradients;

    struct Function {
        FunctionCheck check = FunctionCheck::gradient;
        std::size_t P = 0, K = 1, vectors = 0; // inputs, outputs, the VJP's upstream vectors
        std::uint64_t vector_seed = 0;
        std::string f_rounding, analytic_rounding; // the reference precision's label where measured, "" where estimated
        std::vector<Note> notes;
    } function;

    // The full check followed the directions: they only say why.
    bool localised() const { return fallback != core::Fallback::none; }
    bool counts(const Table& t) const { return !(t.directions && localised()); }
    // An element failed (or the gradient could not be formed): the derivation is wrong.
    bool failed() const
    {
        if (!network.backward_error.empty()) return true;
        for (const Table& t : tables)
            if (counts(t))
                for (const Entry& e : t.elements)
                    if (!e.pass && !e.declined) return true;
        return false;
    }
    bool not_verified() const { return !pass && !failed(); }
};

// The digits of a set of tables, counted in this one place (the verdict line, the
// table's "needed" column, each row of a training run, your gradients' summary).
struct DigitsSummary {
    bool has_digits = false;
    double worst = 0;           // the fewest digits of any element
    double needed_at_worst = 0; // the digits that element needed
    std::string worst_at;       // where: "dL/dW1[0,1]"
    double fewest_needed = 0;   // the fewest digits any element needed
    const Entry* least_spare = nullptr; // the element with the least digits − needed (a failing one, if any)

    void add(const Table& t)
    {
        for (const Entry& e : t.elements) {
            if (!gradcheck::has_digits(e)) continue;
            if (!has_digits || e.digits < worst)
                worst = e.digits, needed_at_worst = e.digits_needed,
                worst_at = t.name + "[" + std::to_string(e.row) + "," + std::to_string(e.col) + "]";
            if (!has_digits || e.digits_needed < fewest_needed) fewest_needed = e.digits_needed;
            if (!least_spare || e.digits - e.digits_needed < least_spare->digits - least_spare->digits_needed) least_spare = &e;
            has_digits = true;
        }
    }
};

inline DigitsSummary digits_summary(const Report& r)
{
    DigitsSummary s;
    for (const Table& t : r.tables)
        if (r.counts(t)) s.add(t);
    return s;
}

// The verdict of a check or a run: PASS, FAIL (an element failed), or NOT VERIFIED
// (none failed, some were declined), with the exit status of each: 0, 1 and 4.
enum class Verdict { pass, fail, not_verified };
inline Verdict verdict_of(bool any_failed, bool all_passed)
{
    return all_passed ? Verdict::pass : any_failed ? Verdict::fail : Verdict::not_verified;
}
inline Verdict verdict_of(const Report& r) { return verdict_of(r.failed(), r.pass); }
inline int exit_status(Verdict v) { return v == Verdict::pass ? 0 : v == Verdict::fail ? 1 : 4; }

// What to show of a result: everything, or only the elements that did not pass.
enum class View { full, failures };

} // namespace gradcheck

// The check of K scalar functions s_i (rows) against K rows of your analytic values
// (A, K×P, row-major): every element along the coordinates, or first along random
// directions (options::fast). The gradient is one row; a Jacobian K rows; the
// Hessian the P rows of your gradient; the VJP one row per upstream vector u.
#pragma once

#include <cmath>
#include <cstddef>
#include <string>
#include <type_traits>
#include <utility>
#include <vector>

#include "gradcheck/check/element.hpp"
#include "gradcheck/function/measured.hpp"
#include "gradcheck/function/result.hpp"
#include "gradcheck/function/rounding.hpp"

namespace gradcheck {

// How every element is estimated, from the options; largest: the largest |A_ij|.
template <class T>
ElementRule<T> element_rule(const options& o, const std::vector<T>& A)
{
    using std::abs;
    ElementRule<T> rule;
    rule.method = o.method;
    if (o.step != 0) {
        if (!(o.step > 0) || !std::isfinite(o.step)) throw std::invalid_argument("gradcheck: options.step must be a finite h > 0, or 0 for the step rule");
        rule.step_given = true, rule.step_asked = T(o.step);
    }
    for (const T& a : A) rule.largest_of_gradient = std::max(rule.largest_of_gradient, T(abs(a)));
    return rule;
}

// An element with no numeric value: its analytic value shown, and why.
template <class T>
ElementCheck declined_check(const T& analytic, const std::string& because)
{
    ElementCheck e;
    e.analytic_shown = scientific(analytic, std::min(round_trip_digits<T>(), max_shown_digits));
    e.declined = true, e.pass = false, e.numeric_finite = false;
    e.numeric_shown = "-";
    e.declined_because = because;
    return e;
}

// The core's messages name the command's --step and "the loss": here, options.step and f.
inline std::string in_library_words(std::string message)
{
    if (message.rfind("--step: ", 0) == 0) message.erase(0, 8);
    for (const auto& [from, to] : {std::pair<std::string, std::string>{"the loss is", "f is"}, {"choose a smaller step", "a smaller options.step may"}})
        if (const auto at = message.find(from); at != std::string::npos) message.replace(at, from.size(), to);
    return message;
}

// One compared value: s's derivative along path against analytic (whose rounding is
// analytic_rounding), with ε_L measured (H) or estimated (H void) and the check rerun
// until ε_L covers every value it used (function/measured.hpp).
template <class T, class H, bool Forward, class S, class Path>
Judgement<T> judge(const S& s, Path& path, ElementRule<T> rule, const T& analytic, const Bound<T>& analytic_rounding,
                   const std::string& where)
{
    Judgement<T> j;
    j.analytic = analytic;
    const Bound<T> loss = loss_rounding<T, H>(s, path);
    if (!loss.known) {
        j.check = declined_check(analytic, "the noise of f along this line could not be estimated (at no spacing did its differences settle)");
        return j;
    }
    MeasuredFunction<T, H, Forward, S, Path> f{s, path, rule.method};
    T loss_error = loss.value;
    NumericDerivative<T> judged{};
    constexpr int max_reruns = 4;
    for (int run = 0;; ++run) {
        rule.loss_error = loss_error;
        f.seen = T(0);
        try {
            j.check = check_element(rule, f, path.theta(), analytic, analytic_rounding.value, T(0), where, "θ", judged);
        } catch (const InputError& error) { // θ ± h does not move, or f is not finite there
            j.check = declined_check(analytic, in_library_words(error.what()));
            return j;
        }
        if (std::is_void_v<H> || f.seen <= loss_error) break;
        if (run == max_reruns) {
            j.check = declined_check(analytic, "the measured rounding of f kept growing with the points evaluated: no ε_L settled");
            break;
        }
        loss_error = f.seen;
    }
    if (!analytic_rounding.known && !j.check.declined) {
        j.check.declined = true, j.check.pass = false;
        j.check.declined_because = "the noise of your value could not be estimated, so neither can its rounding";
    }
    j.numeric = judged.value, j.bound = T(judged.error_bound + analytic_rounding.value), j.step = judged.step;
    return j;
}

// Row i of the table along every coordinate: K·P judgements, row-major.
template <class T, class H, bool Forward, class Rows>
std::vector<Judgement<T>> coordinate_judgements(const Rows& rows, std::size_t K, std::vector<T> x, const std::vector<T>& A,
                                                const std::vector<Bound<T>>& ea, const ElementRule<T>& rule, const std::string& table)
{
    const std::size_t P = x.size();
    std::vector<Judgement<T>> judged;
    for (std::size_t i = 0; i < K; ++i) {
        const auto s = rows(i);
        for (std::size_t k = 0; k < P; ++k) {
            CoordinatePath<T> path{x, k};
            const std::string where = table + "[" + (K > 1 ? std::to_string(i) + "," : "") + std::to_string(k) + "]";
            judged.push_back(judge<T, H, Forward>(s, path, rule, A[i * P + k], ea[i * P + k], where));
        }
    }
    return judged;
}

// Row i along each direction v_d: the analytic Σ_k v_k·A_ik, whose rounding is
// Σ_k |v_k|·ε_a,ik plus P·u·Σ_k |v_k·A_ik| for the sum itself.
template <class T, class H, bool Forward, class Rows>
std::vector<Judgement<T>> direction_judgements(const Rows& rows, std::size_t K, const std::vector<T>& x, const std::vector<T>& A,
                                               const std::vector<Bound<T>>& ea, const ElementRule<T>& rule,
                                               const std::vector<std::vector<T>>& directions, const std::string& table)
{
    using std::abs;
    const std::size_t P = x.size();
    std::vector<Judgement<T>> judged;
    for (std::size_t i = 0; i < K; ++i) {
        const auto s = rows(i);
        for (std::size_t d = 0; d < directions.size(); ++d) {
            const std::vector<T>& v = directions[d];
            T along(0), terms(0);
            Bound<T> rounding;
            for (std::size_t k = 0; k < P; ++k) {
                along += v[k] * A[i * P + k];
                terms += abs(T(v[k] * A[i * P + k]));
                rounding.value += abs(v[k]) * ea[i * P + k].value;
                rounding.known = rounding.known && ea[i * P + k].known;
            }
            rounding.value += T(P) * machine_epsilon<T>() * terms;
            DirectionPath<T> path{x, v};
            const std::string where = table + "·v" + std::to_string(d) + (K > 1 ? "[" + std::to_string(i) + "]" : "");
            judged.push_back(judge<T, H, Forward>(s, path, rule, along, rounding, where));
        }
    }
    return judged;
}

// The table: first along directions if asked (options::fast), and element by element
// unless every direction agreed.
template <class T, class H, bool Forward, class Rows>
void check_rows(result<T>& r, const Rows& rows, std::size_t K, const std::vector<T>& x, const std::vector<T>& A,
                const std::vector<Bound<T>>& ea, const options& o, const std::string& table, const std::string& shape_names,
                const std::string& meaning)
{
    const ElementRule<T> rule = element_rule(o, A);
    if (o.fast) {
        std::vector<std::vector<T>> directions;
        for (const std::vector<double>& v : random_directions(x.size(), o.directions, o.seed)) directions.push_back(lift<T>(v));
        std::vector<Judgement<T>> along = direction_judgements<T, H, Forward>(rows, K, x, A, ea, rule, directions, table);
        bool all_pass = true;
        for (const Judgement<T>& j : along) all_pass = all_pass && j.check.pass;
        if (all_pass) {
            r.report.notes.push_back("fast: " + table + " checked along " + std::to_string(directions.size())
                                     + " random unit directions v (seed " + std::to_string(o.seed)
                                     + ") only; every one agreed, so no element was checked on its own");
            // one row: shown as a vector, directions×1
            add_table(r, table + "·v", K > 1 ? "K×directions" : "directions×1", K > 1 ? K : directions.size(), K > 1 ? directions.size() : 1, std::move(along),
                      "directional derivatives of " + meaning);
            return;
        }
        r.report.notes.push_back("fast: a direction of " + table + " disagreed or could not be checked, so every element was");
    }
    // one row (a gradient): shown as a vector, P×1
    add_table(r, table, shape_names, K > 1 ? K : x.size(), K > 1 ? x.size() : 1,
              coordinate_judgements<T, H, Forward>(rows, K, x, A, ea, rule, table), meaning);
}

// What this point cannot reveal: an element whose values, not both 0, lie within its
// tolerance of 0 (compared absolutely), where a mistake smaller than the tolerance
// cannot show; and a coordinate equal to 0 or ±1.
template <class T>
void point_notes(result<T>& r, const std::vector<T>& x)
{
    using std::abs;
    for (const element<T>& e : r.elements)
        if (e.pass && abs(e.analytic) <= e.bound && abs(e.numeric) <= e.bound && (e.analytic != T(0) || e.numeric != T(0)))
            r.report.notes.push_back(e.name + ": both values lie within its tolerance " + scientific(e.bound, 3)
                                     + " of 0, so it was compared absolutely: a mistake in it smaller than that cannot show here"
                                       " (a higher precision lowers the tolerance)");
    FunctionReport& report = r.report;
    for (std::size_t k = 0; k < x.size(); ++k) {
        const std::string name = "x[" + std::to_string(k) + "]";
        if (x[k] == T(0))
            report.notes.push_back(name + " = 0: a wrong term that carries " + name
                                   + " as a factor is 0 here and cannot show; check at a point with no coordinate 0 too");
        else if (abs(x[k]) == T(1))
            report.notes.push_back(name + " = ±1: every power of " + name + " is ±1 here, so a wrong power of it cannot show; "
                                   "check at a point with no coordinate ±1 too");
    }
}

// The report's header lines.
template <class T, class HF, class HA>
void describe(FunctionReport& report, const std::string& what, const options& o)
{
    report.what = what;
    report.precision = precision_label<T>();
    report.method = std::string(method_description(o.method));
    for (std::size_t at = report.method.find("L("); at != std::string::npos; at = report.method.find("L(", at))
        report.method[at] = 'f'; // the method table names the network's loss L; here it is your f
    report.step_rule = method_kind(o.method) == MethodKind::dual ? "no step"
                       : o.step != 0 ? "h = " + scientific(o.step, 3) + " as given (its verdict confirmed at the rule's step)"
                                     : method_kind(o.method) == MethodKind::complex_step ? "h = u·max(1, |θ|) rounded to a power of 2"
                                     : "h = u^(1/(p+1))·max(1, |θ|) rounded to a power of 2, p = " + std::to_string(method_order(o.method))
                                           + ", made smaller where the error series does not hold,"
                                             " else moved by factors of 2 to where the error is expected least (column h)";
    report.rounding = rounding_words<HF>(true);
    report.analytic_rounding = rounding_words<HA>(false);
}

} // namespace gradcheck

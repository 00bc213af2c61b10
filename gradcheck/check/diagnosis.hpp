// The diagnosis: when checked values disagree with the right ones, which mistake
// most likely made them? Three kinds of evidence, tried in this order:
//
//   1. The gallery. Each mistake of lib/gallery.hpp is computed on the same problem;
//      a mistake whose numbers the checked values match (within the element's
//      tolerance, scaled to the mistake's size) explains them.
//   2. Patterns of one array. The same ratio in every element (m: the 1/m of the
//      mean dropped; 1/m: divided once too often; −1: a sign), the transpose of the
//      right values, all zeros.
//   3. Where the disagreement sits. The four partials share intermediates: dB1 = Σ dZ1
//      and dW1 = dZ1·Xᵀ, so dB1 right and dW1 wrong clears dZ1 and blames the
//      product; all four wrong points at dZ2, which they all share. With the
//      intermediates given (gradcheck --gradients), the first wrong step says it.
//
// A match is judged with the rounding the mistake's own formulas may make. Where
// that is known element by element (gradcheck --gradients computes each mistake in
// Bounded arithmetic of your precision, bounds/bounded.hpp), an element of your values v
// matches a mistake's value c when |v − c| ≤ e_c + s: e_c the mistake's rounding
// bound, s the rest of the element's tolerance (the reference's rounding, the last
// digit written). Otherwise (the numeric check, where the checked values are the
// mistake's own, computed exactly as it does), when |v − c| ≤ τ·(1 + |c − r|/max(|r|, τ)):
// τ, the error allowed for computing the right value r, grown in proportion as the
// mistake's value is larger than r.
#pragma once

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <string>
#include <vector>

#include "gallery.hpp"
#include "gradients.hpp"
#include "matrix.hpp"

namespace gradcheck {

// One array under judgement: the values checked, the right ones, each element's tolerance.
template <class T>
struct Judged {
    std::string name; // dW1, dB1, dW2, dB2, or an intermediate: Z1, A1, Z2, A2, dZ2, dA1, dZ1
    xornet::Matrix<T> checked, reference, tolerance;
    std::vector<bool> skip; // elements without a trustworthy reference (declined): ignored
    xornet::Matrix<T> slack; // the tolerance but the formulas' own rounding, when candidates carry theirs
    bool pass = true;
};

// What one mistake of the gallery computes for the judged arrays, by name.
template <class T>
struct Candidate {
    const xornet::GalleryEntry* entry = nullptr;
    std::vector<std::pair<std::string, xornet::Matrix<T>>> values;
    std::vector<std::pair<std::string, xornet::Matrix<T>>> errors; // their rounding bounds, if known (else empty)
    const xornet::Matrix<T>* find(const std::string& name) const { return in(values, name); }
    const xornet::Matrix<T>* error(const std::string& name) const { return in(errors, name); }

private:
    static const xornet::Matrix<T>* in(const std::vector<std::pair<std::string, xornet::Matrix<T>>>& arrays, const std::string& name)
    {
        for (const auto& [n, M] : arrays)
            if (n == name) return &M;
        return nullptr;
    }
};

// The candidate's arrays: the four partials and the intermediates of its backward pass.
template <class T>
std::vector<std::pair<std::string, xornet::Matrix<T>>> named_arrays(const xornet::Gradients<T>& g, const xornet::BackwardCache<T>& b)
{
    return {{"dW1", g.dW1}, {"dB1", g.dB1}, {"dW2", g.dW2}, {"dB2", g.dB2}, {"dZ2", b.dZ2}, {"dA1", b.dA1}, {"dZ1", b.dZ1}};
}

// Every derivation of the gallery, the derived one first, computed on (P, X, Y); one
// whose shapes do not fit here (no-transpose for H > 1) cannot have made any numbers.
template <class T>
std::vector<Candidate<T>> gallery_candidates(const xornet::Parameters<T>& P, const xornet::Matrix<T>& X, const xornet::Matrix<T>& Y,
                                             const xornet::Cache<T>& c, const T& learning_rate)
{
    std::vector<Candidate<T>> out;
    for (const xornet::GalleryEntry& e : xornet::gallery) {
        if (e.derivation == xornet::Derivation::clamped_log) continue; // its gradient is the derived one
        try {
            xornet::BackwardCache<T> b;
            const xornet::Gradients<T> g = xornet::gradients_for(e.derivation, P, X, Y, c, learning_rate, &b);
            out.push_back({&e, named_arrays(g, b), {}});
        } catch (const std::invalid_argument&) {
        }
    }
    return out;
}

// The diagnosis of a backward pass that stops at a product whose shapes do not fit.
inline constexpr const char* shape_error_story =
    "a product whose shapes do not fit: a transpose missing or one too many (W2ᵀ·dZ2 is H×m, dZ·Xᵀ is H×N)";

struct Diagnosis {
    std::vector<std::string> per_array; // for each judged array: "" when it passes
    std::string overall;                // one line; "" when everything passes
};

namespace detail {

// Whether x and y differ by at most the tolerance τ in every element of array a.
template <class T>
bool within_tolerance(const Judged<T>& a, const xornet::Matrix<T>& x, const xornet::Matrix<T>& y)
{
    using std::abs;
    for (std::size_t k = 0; k < x.size(); ++k)
        if ((a.skip.empty() || !a.skip[k]) && !(abs(T(x.flat(k) - y.flat(k))) <= a.tolerance.flat(k))) return false;
    return true;
}

// Whether values v agree with a mistake's values c in every element of array a:
// within c_error + the slack of the checked values where the mistake's rounding bound
// c_error is known, else within the grown τ.
template <class T>
bool agree(const Judged<T>& a, const xornet::Matrix<T>& v, const xornet::Matrix<T>& c, const xornet::Matrix<T>* c_error)
{
    using std::abs;
    if (c.rows() != v.rows() || c.cols() != v.cols()) return false;
    for (std::size_t k = 0; k < c.size(); ++k) {
        if (!a.skip.empty() && a.skip[k]) continue;
        const T r = a.reference.flat(k), tau = a.tolerance.flat(k);
        const T bound = c_error ? T(c_error->flat(k) + a.slack.flat(k))
                                : T(tau * (T(1) + abs(T(c.flat(k) - r)) / std::max(T(abs(r)), tau)));
        if (!(abs(T(v.flat(k) - c.flat(k))) <= bound)) return false;
    }
    return true;
}

inline std::string number(double x)
{
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%.4g", x);
    return buffer;
}

// If every element is the same multiple k of the right value: the interval [lo, hi]
// of the k that fit every element within its tolerance.
template <class T>
bool constant_ratio(const Judged<T>& a, double& lo, double& hi)
{
    using std::abs;
    lo = -1e300, hi = 1e300;
    int counted = 0;
    for (std::size_t i = 0; i < a.checked.size(); ++i) {
        if (!a.skip.empty() && a.skip[i]) continue;
        const T r = a.reference.flat(i), tau = a.tolerance.flat(i);
        if (abs(r) <= tau) continue; // no ratio to read here; checked below
        const double ratio = static_cast<double>(T(a.checked.flat(i) / r));
        const double spread = static_cast<double>(T(tau / abs(r))) * (1.0 + std::abs(ratio));
        lo = std::max(lo, ratio - spread), hi = std::min(hi, ratio + spread), ++counted;
    }
    if (counted == 0 || lo > hi) return false;
    const double k = std::max(std::abs(lo), std::abs(hi)); // the near-zero elements must fit too
    for (std::size_t i = 0; i < a.checked.size(); ++i) {
        if (!a.skip.empty() && a.skip[i]) continue;
        const T r = a.reference.flat(i), tau = a.tolerance.flat(i);
        if (abs(r) <= tau && !(abs(a.checked.flat(i)) <= tau * T(1.0 + k))) return false;
    }
    return true;
}

// What a constant ratio in [lo, hi] says, for an array of `elements` elements.
inline std::string ratio_story(double lo, double hi, std::size_t m, std::size_t elements)
{
    const double M = static_cast<double>(m);
    const auto is = [&](double v) { return lo <= v && v <= hi; };
    const std::string ms = std::to_string(m);
    if (is(1.0)) return ""; // the right value fits: nothing to say
    if (m > 1 && is(M)) return "every element is m = " + ms + " times the right value: the 1/m of the mean loss is missing";
    if (m > 1 && is(1 / M))
        return "every element is 1/m = 1/" + ms + " of the right value: divided by m once too often (a mean on top of the 1/m)";
    if (is(-1)) return "every element has the right size and the wrong sign: a sign is flipped";
    if (m > 1 && is(-M)) return "every element is -m = -" + ms + " times the right value: a sign flipped and the 1/m missing";
    if (is(2)) return "every element is 2 times the right value: a factor 2 too many";
    if (is(0.5)) return "every element is 1/2 of the right value: a factor 2 too few";
    if (is(0)) return "every element is 0: not computed, or multiplied by something that vanishes";
    if (elements > 1)
        return "every element is the same " + number((lo + hi) / 2) + " times the right value: a constant factor of the chain is wrong";
    return "";
}

template <class T>
bool is_transpose(const Judged<T>& a)
{
    using std::abs;
    const auto& v = a.checked;
    if (v.rows() != v.cols() || v.rows() < 2) return false;
    bool symmetric = true;
    for (std::size_t i = 0; i < v.rows(); ++i)
        for (std::size_t j = 0; j < v.cols(); ++j) {
            const std::size_t k = i * v.cols() + j, kt = j * v.cols() + i;
            if (!(abs(T(v.flat(k) - a.reference.flat(kt))) <= a.tolerance.flat(k) + a.tolerance.flat(kt))) return false;
            symmetric = symmetric && abs(T(a.reference.flat(k) - a.reference.flat(kt))) <= a.tolerance.flat(k);
        }
    return !symmetric; // a symmetric right value is its own transpose: no evidence
}

// Where the disagreement sits among the four partials (evidence 3).
inline std::string position_story(const std::string& name, bool dW1, bool dB1, bool dW2, bool dB2)
{
    if (!dW1 && !dB1 && !dW2 && !dB2) return "all four partials disagree: the error is likely in dZ2 = (A2 - Y)/m, which they all share";
    if (name == "dW2" && dB2) return "dB2 agrees, so dZ2 is right: the product is wrong; dW2 = dZ2·A1ᵀ";
    if (name == "dB2" && dW2) return "dW2 agrees, so dZ2 is right: dB2 must be the sum of dZ2 over all m examples";
    if (name == "dW1" && dB1) return "dB1 agrees, so dZ1 is right: the product is wrong; dW1 = dZ1·Xᵀ, X one example per column";
    if (name == "dB1" && dW1) return "dW1 agrees, so dZ1 is right: dB1 must be the sum of dZ1 over all m examples";
    if ((name == "dW1" || name == "dB1") && dW2 && dB2)
        return "the output layer agrees, so dZ2 is right: the error is in dA1 = W2ᵀ·dZ2 or in dZ1 = dA1 ⊙ A1 ⊙ (1 - A1)";
    if ((name == "dW2" || name == "dB2") && dW1 && dB1)
        return "the first layer agrees, so dZ2 is right (dW1 and dB1 are built from it): dW2 = dZ2·A1ᵀ and dB2 = Σ dZ2 are not";
    return "";
}

inline std::string gallery_story(const std::vector<const xornet::GalleryEntry*>& entries)
{
    std::string names;
    for (std::size_t i = 0; i < entries.size(); ++i)
        names += (i ? (i + 1 == entries.size() ? " or " : ", ") : "") + std::string(entries[i]->name);
    if (entries.size() == 1 && entries[0]->derivation == xornet::Derivation::derived)
        return "these are the derived formulas' values, so the function differentiated numerically is not the mean "
               "cross-entropy of lib/loss.hpp (a clamped or altered loss?)";
    std::string s = "matches the gallery's " + names;
    if (entries.size() == 1) s += " (" + std::string(entries[0]->formula) + ")";
    return s;
}

// The one-line story of a whole gradient explained by one mistake (or several that agree here).
inline std::string whole_story(const std::vector<const xornet::GalleryEntry*>& entries)
{
    if (entries.size() != 1 || entries[0]->derivation == xornet::Derivation::derived) return gallery_story(entries);
    return std::string(entries[0]->name) + " (" + std::string(entries[0]->formula) + "): " + std::string(entries[0]->explanation);
}

} // namespace detail

// The mistakes of the gallery whose numbers on this problem are the right ones to
// within every element's tolerance: a pass here cannot rule them out (the data hide
// them, or their effect at these weights is below what the arithmetic resolves).
template <class T>
std::vector<std::string> hidden_mistakes(const std::vector<Judged<T>>& arrays, const std::vector<Candidate<T>>& candidates)
{
    const Candidate<T>* derived = nullptr;
    for (const Candidate<T>& c : candidates)
        if (c.entry->derivation == xornet::Derivation::derived) derived = &c;
    std::vector<std::string> hidden;
    if (derived == nullptr) return hidden;
    for (const Candidate<T>& c : candidates) {
        if (&c == derived) continue;
        bool same = true;
        for (const Judged<T>& a : arrays)
            if (const xornet::Matrix<T>* values = c.find(a.name))
                same = same && detail::within_tolerance(a, *values, *derived->find(a.name));
        if (same) hidden.emplace_back(c.entry->name);
    }
    return hidden;
}

// Diagnoses the arrays that fail. m is the number of examples. When the steps on
// the way are among the arrays, the first wrong one is named.
template <class T>
Diagnosis diagnose(const std::vector<Judged<T>>& arrays, const std::vector<Candidate<T>>& candidates, std::size_t m)
{
    Diagnosis d;
    d.per_array.resize(arrays.size());
    const auto pass_of = [&](const std::string& name) {
        for (const auto& a : arrays)
            if (a.name == name) return a.pass;
        return true;
    };
    // A mistake is evidence about an array only where it changes it: where its values
    // differ from the derived formulas' (x-squared on 0/1 inputs changes nothing).
    const Candidate<T>* derived = nullptr;
    for (const Candidate<T>& c : candidates)
        if (c.entry->derivation == xornet::Derivation::derived) derived = &c;
    // c changes array a when its values there would fail the check: differ from the
    // derived formulas' by more than an element's tolerance τ.
    const auto touches = [&](const Candidate<T>& c, const Judged<T>& a) {
        const xornet::Matrix<T>* values = c.find(a.name);
        const xornet::Matrix<T>* right = derived ? derived->find(a.name) : nullptr;
        return values != nullptr && (right == nullptr || !detail::within_tolerance(a, *values, *right));
    };
    const auto checked_are = [&](const Candidate<T>& c, const Judged<T>& a) { // the checked values are c's?
        const xornet::Matrix<T>* values = c.find(a.name);
        return values != nullptr && detail::agree(a, a.checked, *values, c.error(a.name));
    };
    // c explains array a when the checked values are c's there, and c's wherever else it
    // changes something: a mistake in dZ2 cannot leave dB1 right.
    const auto explains = [&](const Candidate<T>& c, const Judged<T>& a) {
        if (!checked_are(c, a)) return false;
        if (&c == derived) return true; // the right gradient, judged wrong: the loss differs (clamped-log)
        if (!touches(c, a)) return false;
        for (const Judged<T>& b : arrays)
            if (touches(c, b) && !checked_are(c, b)) return false;
        return true;
    };
    std::vector<std::vector<const xornet::GalleryEntry*>> matched(arrays.size());
    bool any_fail = false;
    for (std::size_t i = 0; i < arrays.size(); ++i) {
        const Judged<T>& a = arrays[i];
        if (a.pass) continue;
        any_fail = true;
        for (const Candidate<T>& c : candidates)
            if (explains(c, a)) matched[i].push_back(c.entry);
        double lo = 0, hi = 0;
        std::string story;
        if (!matched[i].empty()) story = detail::gallery_story(matched[i]);
        else {
            if (detail::constant_ratio(a, lo, hi)) story = detail::ratio_story(lo, hi, m, a.checked.size());
            if (story.empty() && detail::is_transpose(a))
                story = "it is the transpose of the right " + a.name + (a.name == "dW1" ? ": X·dZ1ᵀ in place of dZ1·Xᵀ?" : "");
            const std::string where = detail::position_story(a.name, pass_of("dW1"), pass_of("dB1"), pass_of("dW2"), pass_of("dB2"));
            story += (story.empty() || where.empty() ? "" : "; ") + where;
        }
        if (story.empty()) story = "no mistake of the gallery and no simple pattern (a constant factor, a transpose) explains it";
        d.per_array[i] = story;
    }
    if (!any_fail) return d;

    // One mistake that explains every array (the passing ones it leaves alone)?
    std::vector<const xornet::GalleryEntry*> whole;
    for (const Candidate<T>& c : candidates) {
        bool all = true, touched = false;
        for (const auto& a : arrays) {
            const xornet::Matrix<T>* values = c.find(a.name);
            if (values == nullptr) { // a forward array: no mistake of the gallery changes it
                all = all && a.pass;
                continue;
            }
            all = all && checked_are(c, a);
            touched = touched || (!a.pass && explains(c, a));
        }
        if (all && touched) whole.push_back(c.entry);
    }
    if (!whole.empty()) {
        d.overall = "most likely: " + detail::whole_story(whole);
        return d;
    }
    // The arrays that are wrong although every array they are computed from (and
    // that was given) is right: each is a mistake of its own.
    static const std::pair<const char*, std::vector<const char*>> inputs_of[] = {
        {"A1", {"Z1"}}, {"Z2", {"A1"}}, {"A2", {"Z2"}}, {"dZ2", {"A2"}}, {"dW2", {"dZ2", "A1"}}, {"dB2", {"dZ2"}},
        {"dA1", {"dZ2"}}, {"dZ1", {"dA1", "A1"}}, {"dW1", {"dZ1"}}, {"dB1", {"dZ1"}}};
    const auto is_root = [&](const Judged<T>& a) {
        for (const auto& [name, from] : inputs_of)
            if (a.name == name)
                for (const char* input : from)
                    if (!pass_of(input)) return false;
        return true;
    };
    bool steps = false; // were any of the steps on the way given, besides the four partials?
    for (const auto& a : arrays) steps = steps || (a.name != "dW1" && a.name != "dB1" && a.name != "dW2" && a.name != "dB2");
    std::vector<std::size_t> roots;
    static const char* order[] = {"Z1", "A1", "Z2", "A2", "dZ2", "dW2", "dB2", "dA1", "dZ1", "dW1", "dB1"};
    for (const char* name : order)
        for (std::size_t i = 0; i < arrays.size(); ++i)
            if (arrays[i].name == name && !arrays[i].pass && is_root(arrays[i])) roots.push_back(i);
    if (roots.size() == 1) {
        d.overall = (steps ? "first wrong step: " : "") + arrays[roots[0]].name + ": " + d.per_array[roots[0]];
        return d;
    }
    // Several mistakes, it seems (or one no pattern explains): each one's story in
    // brief, once for the arrays that share it.
    d.overall = steps ? std::to_string(roots.size()) + " wrong steps, each computed from right ones:"
                      : "no one mistake of the gallery explains all of them:";
    std::vector<std::pair<std::string, std::string>> stories; // names, brief story
    for (const std::size_t i : roots) {
        std::string brief = d.per_array[i];
        if (!matched[i].empty()) {
            brief.clear();
            for (std::size_t j = 0; j < matched[i].size(); ++j) brief += (j ? " or " : "") + std::string(matched[i][j]->name);
        }
        bool told = false;
        for (auto& [names, story] : stories)
            if (story == brief) names += ", " + arrays[i].name, told = true;
        if (!told) stories.emplace_back(arrays[i].name, brief);
    }
    for (std::size_t n = 0; n < stories.size(); ++n) d.overall += std::string(n ? ";" : "") + " " + stories[n].first + ": " + stories[n].second;
    return d;
}

} // namespace gradcheck

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

#include <string>
#include <utility>
#include <vector>

#include "gradcheck/network/patterns.hpp"
#include "gallery.hpp"
#include "gradients.hpp"
#include "matrix.hpp"

namespace gradcheck {

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

// The candidate's arrays: the four partials and the intermediates of its backward pass
// (moved in, not copied, when the caller is done with them).
template <class T>
std::vector<std::pair<std::string, xornet::Matrix<T>>> named_arrays(xornet::Gradients<T> g, xornet::BackwardCache<T> b)
{
    std::vector<std::pair<std::string, xornet::Matrix<T>>> arrays;
    arrays.reserve(7);
    for (auto& [name, M] : {std::pair{"dW1", &g.dW1}, {"dB1", &g.dB1}, {"dW2", &g.dW2}, {"dB2", &g.dB2}, {"dZ2", &b.dZ2},
                            {"dA1", &b.dA1}, {"dZ1", &b.dZ1}})
        arrays.emplace_back(name, std::move(*M));
    return arrays;
}

// Every derivation of the gallery, the derived one first, computed on (P, X, Y); one
// whose shapes do not fit here (no-transpose for H > 1) cannot have made any numbers.
template <class T>
std::vector<Candidate<T>> gallery_candidates(const xornet::Parameters<T>& P, const xornet::Matrix<T>& X, const xornet::Matrix<T>& Y,
                                             const xornet::Cache<T>& c, const T& learning_rate)
{
    std::vector<Candidate<T>> out;
    for (const xornet::GalleryEntry& e : xornet::gallery) {
        if (xornet::mistake_in_loss(e) || !xornet::shapes_fit(e.derivation, P)) continue; // no numbers of its own
        try {
            xornet::BackwardCache<T> b;
            xornet::Gradients<T> g = xornet::gradients_for(e.derivation, P, X, Y, c, learning_rate, &b);
            out.push_back({&e, named_arrays(std::move(g), std::move(b)), {}});
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

// Every derivation's numbers, and the judged arrays: what the diagnosis reasons with.
template <class T>
struct Evidence {
    const std::vector<Judged<T>>& arrays;
    const std::vector<Candidate<T>>& candidates;
    const Candidate<T>* derived = nullptr; // the right formulas' candidate

    Evidence(const std::vector<Judged<T>>& a, const std::vector<Candidate<T>>& c) : arrays(a), candidates(c)
    {
        for (const Candidate<T>& candidate : candidates)
            if (candidate.entry->derivation == xornet::Derivation::derived) derived = &candidate;
    }
    bool pass_of(const std::string& name) const
    {
        for (const auto& a : arrays)
            if (a.name == name) return a.pass;
        return true;
    }
    // A mistake is evidence about an array only where it changes it: where its values
    // would fail the check, differ from the derived formulas' by more than an element's
    // tolerance τ (x-squared on 0/1 inputs changes nothing).
    bool touches(const Candidate<T>& c, const Judged<T>& a) const
    {
        const xornet::Matrix<T>* values = c.find(a.name);
        const xornet::Matrix<T>* right = derived ? derived->find(a.name) : nullptr;
        return values != nullptr && (right == nullptr || !detail::within_tolerance(a, *values, *right));
    }
    bool checked_are(const Candidate<T>& c, const Judged<T>& a) const // the checked values are c's?
    {
        const xornet::Matrix<T>* values = c.find(a.name);
        return values != nullptr && detail::agree(a, a.checked, *values, c.error(a.name));
    }
    // c explains array a when the checked values are c's there, and c's wherever else it
    // changes something: a mistake in dZ2 cannot leave dB1 right.
    bool explains(const Candidate<T>& c, const Judged<T>& a) const
    {
        if (!checked_are(c, a)) return false;
        if (&c == derived) return true; // the right gradient, judged wrong: the loss differs (clamped-log)
        if (!touches(c, a)) return false;
        for (const Judged<T>& b : arrays)
            if (touches(c, b) && !checked_are(c, b)) return false;
        return true;
    }
};

// The story of one failing array: the mistakes that explain it, else its pattern
// (a constant ratio, a transpose) and where it sits among the partials.
template <class T>
std::string array_story(const Evidence<T>& ev, const Judged<T>& a, std::size_t m, std::vector<const xornet::GalleryEntry*>& matched)
{
    for (const Candidate<T>& c : ev.candidates)
        if (ev.explains(c, a)) matched.push_back(c.entry);
    if (!matched.empty()) return detail::gallery_story(matched);
    double lo = 0, hi = 0;
    std::string story;
    if (detail::constant_ratio(a, lo, hi)) story = detail::ratio_story(lo, hi, m, a.checked.size());
    if (story.empty() && detail::is_transpose(a))
        story = "it is the transpose of the right " + a.name + (a.name == "dW1" ? ": X·dZ1ᵀ in place of dZ1·Xᵀ?" : "");
    const std::string where = detail::position_story(a.name, ev.pass_of("dW1"), ev.pass_of("dB1"), ev.pass_of("dW2"), ev.pass_of("dB2"));
    story += (story.empty() || where.empty() ? "" : "; ") + where;
    if (story.empty()) story = "no mistake of the gallery and no simple pattern (a constant factor, a transpose) explains it";
    return story;
}

// The mistakes that explain every array at once (the passing ones they leave alone).
template <class T>
std::vector<const xornet::GalleryEntry*> whole_explanations(const Evidence<T>& ev)
{
    std::vector<const xornet::GalleryEntry*> whole;
    for (const Candidate<T>& c : ev.candidates) {
        bool all = true, touched = false;
        for (const auto& a : ev.arrays) {
            const xornet::Matrix<T>* values = c.find(a.name);
            if (values == nullptr) { // a forward array: no mistake of the gallery changes it
                all = all && a.pass;
                continue;
            }
            all = all && ev.checked_are(c, a);
            touched = touched || (!a.pass && ev.explains(c, a));
        }
        if (all && touched) whole.push_back(c.entry);
    }
    return whole;
}

// The arrays that are wrong although every array they are computed from (and that
// was given) is right, in the order a pass computes them: each is a mistake of its own.
template <class T>
std::vector<std::size_t> first_wrong_steps(const Evidence<T>& ev)
{
    static const std::pair<const char*, std::vector<const char*>> inputs_of[] = {
        {"A1", {"Z1"}}, {"Z2", {"A1"}}, {"A2", {"Z2"}}, {"dZ2", {"A2"}}, {"dW2", {"dZ2", "A1"}}, {"dB2", {"dZ2"}},
        {"dA1", {"dZ2"}}, {"dZ1", {"dA1", "A1"}}, {"dW1", {"dZ1"}}, {"dB1", {"dZ1"}}};
    const auto is_root = [&](const Judged<T>& a) {
        for (const auto& [name, from] : inputs_of)
            if (a.name == name)
                for (const char* input : from)
                    if (!ev.pass_of(input)) return false;
        return true;
    };
    std::vector<std::size_t> roots;
    static const char* order[] = {"Z1", "A1", "Z2", "A2", "dZ2", "dW2", "dB2", "dA1", "dZ1", "dW1", "dB1"};
    for (const char* name : order)
        for (std::size_t i = 0; i < ev.arrays.size(); ++i)
            if (ev.arrays[i].name == name && !ev.arrays[i].pass && is_root(ev.arrays[i])) roots.push_back(i);
    return roots;
}

// Several mistakes, it seems (or one no pattern explains): each one's story in brief,
// once for the arrays that share it.
template <class T>
std::string several_mistakes_story(const Evidence<T>& ev, const std::vector<std::size_t>& roots, const Diagnosis& d,
                                   const std::vector<std::vector<const xornet::GalleryEntry*>>& matched, bool steps)
{
    std::string overall = steps ? std::to_string(roots.size()) + " wrong steps, each computed from right ones:"
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
            if (story == brief) names += ", " + ev.arrays[i].name, told = true;
        if (!told) stories.emplace_back(ev.arrays[i].name, brief);
    }
    for (std::size_t n = 0; n < stories.size(); ++n) overall += std::string(n ? ";" : "") + " " + stories[n].first + ": " + stories[n].second;
    return overall;
}

// Diagnoses the arrays that fail. m is the number of examples. When the steps on
// the way are among the arrays, the first wrong one is named.
template <class T>
Diagnosis diagnose(const std::vector<Judged<T>>& arrays, const std::vector<Candidate<T>>& candidates, std::size_t m)
{
    const Evidence<T> ev(arrays, candidates);
    Diagnosis d;
    d.per_array.resize(arrays.size());
    std::vector<std::vector<const xornet::GalleryEntry*>> matched(arrays.size());
    bool any_fail = false;
    for (std::size_t i = 0; i < arrays.size(); ++i)
        if (!arrays[i].pass) any_fail = true, d.per_array[i] = array_story(ev, arrays[i], m, matched[i]);
    if (!any_fail) return d;
    const std::vector<const xornet::GalleryEntry*> whole = whole_explanations(ev);
    if (!whole.empty()) {
        d.overall = "most likely: " + detail::whole_story(whole);
        return d;
    }
    bool steps = false; // were any of the steps on the way given, besides the four partials?
    for (const auto& a : arrays) steps = steps || (a.name != "dW1" && a.name != "dB1" && a.name != "dW2" && a.name != "dB2");
    const std::vector<std::size_t> roots = first_wrong_steps(ev);
    if (roots.size() == 1) d.overall = (steps ? "first wrong step: " : "") + arrays[roots[0]].name + ": " + d.per_array[roots[0]];
    else d.overall = several_mistakes_story(ev, roots, d, matched, steps);
    return d;
}

} // namespace gradcheck

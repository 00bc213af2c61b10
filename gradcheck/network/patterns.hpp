// The evidence of the diagnosis (network/diagnosis.hpp) that one array gives: whether
// values agree within its tolerance, a constant ratio to the right values, a
// transpose, where among the four partials the disagreement sits, and the sentence
// each of these makes.
#pragma once

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <string>
#include <vector>

#include "gallery.hpp"
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

} // namespace gradcheck

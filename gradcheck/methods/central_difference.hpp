// The numeric derivative: central differences with an error estimate.
//
//   D(h) = (L(θ + h) − L(θ − h)) / 2h = dL/dθ + (h²/6)·L'''(θ) + O(h⁴)
//
// Two errors compete. Truncation, (h²/6)·L''', shrinks with h; rounding does not:
// if each computed L carries an error up to ε_L, D(h) carries up to 2ε_L/2h = ε_L/h.
// Their sum is smallest near h ≈ (3ε_L/|L'''|)^(1/3); with ε_L ≈ u·|L| and L''' ≈ L
// in size that is h ≈ u^(1/3), scaled by |θ| so the step stays above θ's own
// rounding for large parameters: the default step is u^(1/3)·max(1, |θ|),
// rounded to the nearest power of two so that θ ± h are exact in binary in all but
// rare cases (and the quotient below uses the points actually reached anyway).
//
// The error estimate is an output, not a guess. For a stencil of order p,
//   D(h) = dL/dθ + c·h^p + d·h^(p+2) + …,  so  D(2h) − D(h) = (2^p − 1)·c·h^p + (2^(p+2) − 1)·d·h^(p+2).
// Richardson's estimate |D(2h) − D(h)|/(2^p − 1) = |c·h^p + k·d·h^(p+2)| with
// k = (2^(p+2) − 1)/(2^p − 1) (5 for p = 2) sees the next term k times, so alone it can
// fall short of the true |c·h^p + d·h^(p+2)| by (k − 1)·|d·h^(p+2)|. That term is
// measured too: the extrapolated values R(h) = (2^p·D(h) − D(2h))/(2^p − 1) cancel c,
// and |R(2h) − R(h)|/(2^(p+2) − 1) = (k − 1)·|d·h^(p+2)|. So, to the order that matters,
//
//   truncation ≤ |D(2h) − D(h)|/(2^p − 1) + |R(2h) − R(h)|/(2^(p+2) − 1),
//
// from D at h, 2h and 4h. When c and d have opposite signs this is an equality, with
// nothing to spare for the terms beyond; so the second part is counted twice, which
// leaves a margin of one whole next-order term, |d·h^(p+2)|·(k − 1), for them. If each computed L carries an error up to ε_L, D(h) carries
// ρ = (Σ|stencil weights|)·ε_L/h (ε_L/h for p = 2), and the two estimates above are
// blurred by rounding too; the factor rounding_blur(p) adds those up (1.8 for p = 2).
// The bound is the truncation bound plus rounding_blur(p)·ρ.
//
// All of this rests on h being small enough for the series to govern D. The step
// rule scales h with |θ|, which assumes L changes on the scale of |θ|; it need not
// (θ = 1e6 in Z1 = θ·x − 1e6 makes L change over a unit of θ, far below h ≈ 6).
// The series predicts D(4h) − D(2h) = 2^p·(D(2h) − D(h)) up to the next-order term,
// and error_model_holds() tests exactly that; where it fails, the caller retries
// with a smaller step (fit_step, core/steps.hpp).
#pragma once

#include <cmath>
#include <stdexcept>

#include "gradcheck/scalar/traits.hpp"

namespace gradcheck {

template <class T>
struct NumericDerivative {
    T value;       // D(h)
    T error_bound; // bound on |D(h) − dL/dθ|: truncation estimate + rounding bound
    T truncation;  // truncation_bound(D(h), D(2h), D(4h), p), above
    T rounding;    // rounding_blur(p)·ρ: 1.8·ε_L/h for central differences
    T step;        // h actually used
    bool model_holds = true; // D at h, 2h, 4h behaves as the series says (error_model_holds), and
    bool in_range = true;    // the step keeps the series in its range (methods/step_range.hpp); if not, model_holds is false
    T leading{0};  // |c·h^p|, the leading truncation term alone, from the widest pair: leading_term() below
};

// The truncation bound above, from a stencil of order p evaluated at h, 2h and 4h.
template <class T>
T truncation_bound(const T& D1, const T& D2, const T& D4, int p)
{
    using std::abs;
    const T a = T((1 << p) - 1), b = T((1 << (p + 2)) - 1), two_p = T(1 << p);
    const T R1 = (two_p * D1 - D2) / a, R2 = (two_p * D2 - D4) / a;
    return T(abs(T(D2 - D1))) / a + T(2) * T(abs(T(R2 - R1))) / b;
}

// The leading truncation term |c·h^p| of D(h), from D(2h) and D(4h): their difference
// is (4^p − 2^p)·c·h^p, and the widest pair carries the least rounding (ρ/2 + ρ/4 over
// 4^p − 2^p, against ρ + ρ/2 over 2^p − 1 in truncation_bound's first part). Not a
// bound (the next term is left out): the step is chosen by it (core/steps.hpp).
template <class T>
T leading_term(const T& D2, const T& D4, int p)
{
    using std::abs;
    return T(abs(T(D4 - D2)) / T((1 << (2 * p)) - (1 << p)));
}

// Whether D at h, 2h and 4h follow D(h) = D* + c·h^p + d·h^(p+2): then
// D(4h) − D(2h) = 2^p·(D(2h) − D(h)) + O(d·h^(p+2)). Accepted when the two sides
// differ by at most half of 2^p·|D(2h) − D(h)| (the next-order term is smaller than
// the leading one), or by no more than rounding can explain: with ρ the rounding
// bound of D(h), (ρ/2 + ρ/4) + 2^p·(ρ + ρ/2).
template <class T>
bool error_model_holds(const T& D1, const T& D2, const T& D4, int p, const T& rho)
{
    using std::abs;
    const T two_p = T(1 << p);
    const T leading = two_p * T(D2 - D1);
    const T noise = rho * (T(0.75) + two_p * T(1.5));
    return abs(T(T(D4 - D2) - leading)) <= abs(leading) / T(4) + noise;
}

// With ρ the rounding bound of D(h) (so ρ/2 for D(2h), ρ/4 for D(4h)), the rounding in
// D(h) itself, in |D(2h) − D(h)|/(2^p − 1) and in 2·|R(2h) − R(h)|/(2^(p+2) − 1) adds up
// to rounding_blur(p)·ρ.
inline double rounding_blur(int p)
{
    const double a = (1 << p) - 1, b = (1 << (p + 2)) - 1, two_p = 1 << p;
    const double R1 = (two_p + 0.5) / a, R2 = (two_p * 0.5 + 0.25) / a;
    return 1.0 + 1.5 / a + 2.0 * (R1 + R2) / b;
}

// root·max(1, |θ|), rounded to the nearest power of two.
template <class T>
T power_of_two_step(const T& root, const T& theta)
{
    using std::abs;
    using std::ldexp;
    using std::log2;
    const T target = root * (abs(theta) > T(1) ? T(abs(theta)) : T(1));
    const int exponent = static_cast<int>(std::lround(static_cast<double>(T(log2(target)))));
    return T(ldexp(T(1), exponent));
}

// The default step for a parameter of value theta: u^(1/3)·max(1, |θ|), rounded
// to the nearest power of two.
template <class T>
T default_step(const T& theta)
{
    using std::cbrt;
    return power_of_two_step(T(cbrt(machine_epsilon<T>())), theta);
}
// Differentiates loss() with respect to the variable theta refers to, which loss()
// reads; theta is restored afterwards. loss_error is ε_L, a bound on the rounding
// error of one evaluation of loss(). Returns step 0 if h is too small for theta
// to move (θ + h == θ in T).
template <class T, class Loss>
NumericDerivative<T> central_difference(Loss&& loss, T& theta, const T& h, const T& loss_error)
{
    const T theta0 = theta;
    // The difference quotient uses the points actually reached: θ ± h rounded to T.
    // (θ + h) − θ is exact (Sterbenz), so no step error slips in unaccounted.
    const auto D = [&](const T& step, bool& moved) {
        theta = T(theta0 + step);
        const T h_plus = T(theta - theta0);
        const T L_plus = loss();
        theta = T(theta0 - step);
        const T h_minus = T(theta0 - theta);
        const T L_minus = loss();
        theta = theta0;
        moved = h_plus > T(0) && h_minus > T(0);
        return moved ? T((L_plus - L_minus) / T(h_plus + h_minus)) : T(0);
    };
    bool moved_h = false, moved_2h = false, moved_4h = false;
    const T D1 = D(h, moved_h);
    const T D2 = D(T(2 * h), moved_2h);
    const T D4 = D(T(4 * h), moved_4h);
    if (!moved_h || !moved_2h || !moved_4h) return {T(0), T(0), T(0), T(0), T(0), true};

    NumericDerivative<T> d;
    d.value = D1;
    d.truncation = truncation_bound(D1, D2, D4, 2);
    d.leading = leading_term(D2, D4, 2);
    d.rounding = T(rounding_blur(2)) * loss_error / h;
    d.error_bound = d.truncation + d.rounding;
    d.step = h;
    d.model_holds = error_model_holds(D1, D2, D4, 2, T(loss_error / h));
    return d;
}

} // namespace gradcheck

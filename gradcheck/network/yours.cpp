// Your gradients against the exact ones. The reference is the derived backward pass
// (lib/backward.hpp, checked against numeric gradients and autodiff by the test
// suites) computed in MPFR at reference_digits(): its own error is far below yours.
//
// Tolerance of each element you give, y, against the reference r:
//
//   ε_yours   the rounding error the derived formulas can make when computed in your
//             arithmetic (u = 2^(1−p) for a p-bit significand, η its smallest normal
//             number) on this problem: rounding_bounds() (bounds/backward_rounding.hpp), a
//             first-order running error bound of the forward and the backward pass,
//             evaluated here on the exact values. Its constants cover any order of the
//             sums and products (each sum of n terms is allowed n·u of their magnitude,
//             about twice what any order needs). Where a weight or a data value is not
//             exact in your arithmetic, reading it rounded is an error too: δ = |fl(x) − x|,
//             entered where the value is first used.
//   ε_ref     the same bound in the reference's own arithmetic (negligible, and counted).
//   w         half a unit in the last digit you wrote, unless the number you wrote is
//             exactly one of your arithmetic's: a value written with fewer digits
//             than your arithmetic holds stands for any number within w of it.
//
//   pass iff |y − r| ≤ ε_yours + ε_ref + w.
//
// This is the tolerance of the formulas, not of your code: a value computed in a
// numerically poorer way (a sigmoid through tanh, far into saturation) can be off by
// more and still come from right formulas; the diagnosis then finds no mistake.
#include "gradcheck/scalar/mpfr.hpp" // first: the traits of mpfr_float

#include "gradcheck/bounds/backward_rounding.hpp"
#include "gradcheck/bounds/bounded.hpp"
#include "gradcheck/core/engine.hpp"
#include "gradcheck/methods/forward_estimate.hpp"
#include "gradcheck/input/instance.hpp"
#include "gradcheck/network/diagnosis.hpp"
#include "gradcheck/network/blind_spots.hpp"
#include "gradcheck/network/your_arithmetic.hpp"
#include "gradcheck/network/yours.hpp"
#include "gradcheck/report/record.hpp"
#include "gradcheck/report/text.hpp"

namespace gradcheck {

int reference_digits(const OwnPrecision& precision)
{
    const int digits = static_cast<int>(std::ceil(precision.bits * std::log10(2.0)));
    return std::max(50, 2 * digits + 10);
}

namespace {

using yours::Real;
using yours::RealMatrix;
using yours::round_to_bits;
using yours::half_last_digit;
using yours::input_error;

// The eleven arrays of one forward and backward pass (or of their error bounds), by name.
struct PassArrays {
    std::vector<std::pair<std::string, const RealMatrix*>> named;
    const RealMatrix& operator[](const std::string& name) const
    {
        for (const auto& [n, M] : named)
            if (n == name) return *M;
        throw std::logic_error("PassArrays: no array " + name);
    }
};

PassArrays arrays_of(const xornet::Cache<Real>& c, const xornet::BackwardCache<Real>& b, const xornet::Gradients<Real>& g)
{
    return {{{"Z1", &c.Z1}, {"A1", &c.A1}, {"Z2", &c.Z2}, {"A2", &c.A2}, {"dZ2", &b.dZ2}, {"dA1", &b.dA1}, {"dZ1", &b.dZ1},
             {"dW1", &g.dW1}, {"dB1", &g.dB1}, {"dW2", &g.dW2}, {"dB2", &g.dB2}}};
}

PassArrays arrays_of(const RoundingBounds<Real>& r)
{
    return {{{"Z1", &r.Z1}, {"A1", &r.A1}, {"Z2", &r.Z2}, {"A2", &r.A2}, {"dZ2", &r.dZ2}, {"dA1", &r.dA1}, {"dZ1", &r.dZ1},
             {"dW1", &r.gradients.dW1}, {"dB1", &r.gradients.dB1}, {"dW2", &r.gradients.dW2}, {"dB2", &r.gradients.dB2}}};
}

// Every derivation of the gallery, the derived one first, computed on the problem as
// your arithmetic would compute it: exact values, and in Bounded arithmetic how far
// your rounding (and that of reading the inputs) may move them.
std::vector<Candidate<Real>> candidates_in(const Instance<Real>& net, const InputErrors<Real>& inputs, const Arithmetic<Real>& a)
{
    using B = Bounded<Real>;
    const auto lift = [&](const RealMatrix& M, const RealMatrix& delta) {
        xornet::Matrix<B> out(M.rows(), M.cols());
        for (std::size_t k = 0; k < M.size(); ++k) out.flat(k) = B(M.flat(k), delta.flat(k), a.u, a.eta);
        return out;
    };
    const xornet::Parameters<B> P{lift(net.P.W1, inputs.W1), lift(net.P.B1, inputs.B1), lift(net.P.W2, inputs.W2), lift(net.P.B2, inputs.B2)};
    const xornet::Matrix<B> X = lift(net.X, inputs.X), Y = lift(net.Y, inputs.Y);
    const xornet::Cache<B> c = xornet::forward(P, X);
    const auto part = [](const xornet::Matrix<B>& M, bool error) {
        RealMatrix out(M.rows(), M.cols());
        for (std::size_t k = 0; k < M.size(); ++k) out.flat(k) = error ? M.flat(k).error : M.flat(k).value;
        return out;
    };
    std::vector<Candidate<Real>> out;
    for (const xornet::GalleryEntry& e : xornet::gallery) {
        if (xornet::mistake_in_loss(e)) continue; // its gradient is the derived one
        try {
            xornet::BackwardCache<B> b;
            const xornet::Gradients<B> g = xornet::gradients_for(e.derivation, P, X, Y, c, B(1), &b);
            Candidate<Real> candidate{&e, {}, {}};
            for (const auto& [name, M] : named_arrays(g, b)) {
                candidate.values.emplace_back(name, part(M, false));
                candidate.errors.emplace_back(name, part(M, true));
            }
            out.push_back(std::move(candidate));
        } catch (const std::invalid_argument&) { // its shapes do not fit here: it made no numbers
        }
    }
    return out;
}

// An array of yours as the engine's subject: each element's reference is exact and
// given with its tolerance, as a forward-mode value is given with its bound (no step,
// no truncation), so the engine compares it by the one pass rule.
struct ExactReference {
    const RealMatrix& reference;
    const RealMatrix& tolerance;
    Real unused{0};

    class Line {
    public:
        Line(ExactReference& s, std::size_t k) : s_(s), k_(k) {}
        Real& theta() { return s_.unused; }
        NumericDerivative<Real> complex_step(const Real&) const { return dual(); }
        NumericDerivative<Real> dual() const { return dual_estimate(s_.reference.flat(k_), s_.tolerance.flat(k_)); }
        core::Bound<Real> loss_rounding() const { return {Real(0), true}; }
        bool measures() const { return false; }
        Real seen() const { return Real(0); }
        void reset() {}
        bool counts_points() const { return false; }
        Real own_rounding() const { return Real(0); }
        Real reach_per_step() const { return Real(0); }

    private:
        ExactReference& s_;
        std::size_t k_;
    };
    std::size_t size() const { return reference.size(); }
    Real parameter(std::size_t) const { return Real(0); }
    Line coordinate(std::size_t k) { return Line(*this, k); }
    Line direction(const std::vector<Real>&) { throw std::logic_error("an exact reference has no directions"); }
    std::vector<core::Block> blocks() const { return {}; }
    Real typical_rounding() const { return Real(0); }
};

// One array of yours against the reference: each element within the rounding your
// arithmetic allows (allowed) plus the reference's own and the last digit written.
Table check_own_array(const std::string& name, const TextMatrix& text, const OwnPrecision& yours, int digits,
                      const RealMatrix& reference, const RealMatrix& yours_allowed, const RealMatrix& reference_allowed, Report& r,
                      Judged<Real>& values)
{
    const OwnArrayKind* kind = nullptr;
    for (const OwnArrayKind& k : own_array_kinds)
        if (name == k.name) kind = &k;
    values = {name, from_text<Real>(text, name), reference, reference, {}, reference};
    core::Given<Real> given;
    for (std::size_t k = 0; k < text.size(); ++k) {
        const Real& y = values.checked.flat(k);
        const bool exact = round_to_bits(y, yours.bits, yours.min_exponent) == y;
        const Real written = exact ? Real(0) : half_last_digit(text.flat(k));
        r.gradients.short_values += written > yours_allowed.flat(k);
        values.slack.flat(k) = reference_allowed.flat(k) + written; // the tolerance but the formulas' rounding
        values.tolerance.flat(k) = yours_allowed.flat(k) + values.slack.flat(k);
        given.values.push_back(y), given.rounding.push_back({Real(0), true});
    }
    ExactReference subject{reference, values.tolerance};
    core::Settings<Real> exact;
    exact.method = Method::autodiff; // a value given with its bound, no step
    const std::vector<core::Element<Real>> compared = core::check_elements(subject, exact, given);
    Table t;
    t.name = name, t.shape_names = kind->shape_names, t.meaning = kind->meaning;
    t.rows = text.rows(), t.cols = text.cols();
    t.shape = xornet::shape_string(t.rows, t.cols);
    t.pass = true, t.worst_digits = digits;
    for (std::size_t k = 0; k < compared.size(); ++k) {
        Entry e = record(compared[k]);
        e.analytic = text.flat(k); // as you wrote it
        e.analytic_shown = scientific(values.checked.flat(k), yours.max_digits10);
        e.numeric_shown = scientific(reference.flat(k), yours.max_digits10);
        e.row = k / text.cols(), e.col = k % text.cols();
        r.gradients.weak += !e.near_zero && e.digits_needed < 2;
        t.add(std::move(e));
    }
    values.pass = t.pass;
    return t;
}

// Right values from a coarser arithmetic than the file says are not a mistake of the
// formulas: the finest arithmetic whose rounding explains every difference, if any
// and if no mistake of the gallery explains them (16-bit formats are too coarse to
// tell). "" when none does.
std::string coarser_arithmetic_story(const Instance<Real>& net, const InputErrors<Real>& inputs, const OwnPrecision& yours,
                                     const std::vector<Judged<Real>>& judged)
{
    for (const char* coarser : {"float128", "long-double", "double", "float32"}) {
        const OwnPrecision p = parse_own_precision(coarser, "precision");
        if (p.bits >= yours.bits) continue;
        const Arithmetic<Real> a{ldexp(Real(1), 1 - p.bits), ldexp(Real(1), p.min_exponent)};
        const RoundingBounds<Real> wider = rounding_bounds(net.P, net.X, net.Y, a, &inputs);
        bool all = true;
        for (const Judged<Real>& v : judged)
            for (std::size_t k = 0; k < v.checked.size(); ++k)
                all = all && abs(Real(v.checked.flat(k) - v.reference.flat(k))) <= v.tolerance.flat(k) + arrays_of(wider)[v.name].flat(k);
        if (!all) continue;
        const bool digits = std::isdigit(static_cast<unsigned char>(yours.name[0]));
        return "every difference is within " + p.name + "'s rounding: were the values computed in " + p.name + ", not in "
               + yours.name + (digits ? " digits" : "") + " as the file says? (or is the mistake too small for " + p.name + " to show?)";
    }
    return "";
}

} // namespace

Report check_own_gradients(const Problem& problem, const OwnGradientsText& gradients)
{
    const OwnPrecision& yours = gradients.precision;
    const int digits = reference_digits(yours);
    const auto previous = Real::default_precision();
    Real::default_precision(static_cast<unsigned>(digits));
    struct Restore {
        unsigned digits;
        ~Restore() { Real::default_precision(digits); }
    } restore{previous};

    const Instance<Real> net = instance_for<Real>(problem);
    const xornet::Cache<Real> c = xornet::forward(net.P, net.X);
    xornet::BackwardCache<Real> b;
    const xornet::Gradients<Real> g = xornet::gradients_for(xornet::Derivation::derived, net.P, net.X, net.Y, c, Real(1), &b);

    // The rounding your arithmetic allows, from the inputs as you read them; and the reference's own.
    const WeightsText weights = problem.weights ? *problem.weights : seeded_weights_text(problem.inputs(), problem.width(), problem.seed);
    const InputErrors<Real> inputs{input_error(weights.W1, yours), input_error(weights.B1, yours), input_error(weights.W2, yours),
                                   input_error(weights.B2, yours), input_error(problem.data.X, yours), input_error(problem.data.Y, yours)};
    const Arithmetic<Real> arithmetic{ldexp(Real(1), 1 - yours.bits), yours.min_exponent ? ldexp(Real(1), yours.min_exponent) : Real(0)};
    const RoundingBounds<Real> allowed = rounding_bounds(net.P, net.X, net.Y, arithmetic, &inputs);
    const RoundingBounds<Real> reference_rounding =
        rounding_bounds(net.P, net.X, net.Y, Arithmetic<Real>{machine_epsilon<Real>(), Real(0)});

    Report r;
    r.client = Client::gradients;
    r.precision = yours.name, r.precision_label = yours.label;
    r.epsilon = scientific(arithmetic.u, 3);
    r.problem = problem_info(problem);
    r.gradients.reference_digits = digits;
    r.gradients.source = gradients.source, r.gradients.max_digits10 = yours.max_digits10;
    r.pass = true;
    std::vector<Judged<Real>> judged(gradients.arrays.size());
    const PassArrays exact = arrays_of(c, b, g);
    for (std::size_t i = 0; i < gradients.arrays.size(); ++i) {
        const auto& [name, text] = gradients.arrays[i];
        r.tables.push_back(check_own_array(name, text, yours, digits, exact[name], arrays_of(allowed)[name],
                                           arrays_of(reference_rounding)[name], r, judged[i]));
        r.pass = r.pass && r.tables.back().pass;
    }
    const std::vector<Candidate<Real>> candidates = candidates_in(net, inputs, arithmetic);
    r.hidden = hidden_mistakes(judged, candidates);
    if (!r.pass) {
        const Diagnosis d = diagnose(judged, candidates, r.problem.m);
        for (std::size_t i = 0; i < judged.size(); ++i) r.tables[i].diagnosis = d.per_array[i];
        r.diagnosis = d.overall;
        if (!one_explanation(r.diagnosis))
            if (const std::string story = coarser_arithmetic_story(net, inputs, yours, judged); !story.empty()) r.diagnosis = story;
    }
    return r;
}

} // namespace gradcheck

// Builds a TraceReport in scalar type T. Only the run/*.cpp files include it.
#pragma once

#include <sstream>

#include "gradcheck/input/instance.hpp"
#include "gradcheck/network/check_settings.hpp"
#include "gradcheck/report/tasks.hpp"
#include "gradients.hpp"

namespace gradcheck {

template <class T>
TracedMatrix traced(const std::string& name, const std::string& shape_names, const std::string& meaning,
                    const xornet::Matrix<T>& M)
{
    TracedMatrix t{name, shape_names, meaning, M.rows(), M.cols(), {}};
    for (std::size_t k = 0; k < M.size(); ++k) {
        std::ostringstream out;
        out.precision(trace_digits);
        out << M.flat(k);
        t.values.push_back(out.str());
    }
    return t;
}

// dL/dA2 = (1/m)(−Y/A2 + (1 − Y)/(1 − A2)), the loss's own derivative. 1 − A2 is taken as
// sigmoid(−Z2) and a term whose label weight is 0 is left out, so that an output rounded to
// exactly 1 (or 0) gives the finite derivative, not 0/0.
template <class T>
xornet::Matrix<T> loss_adjoint(const xornet::Matrix<T>& Z2, const xornet::Matrix<T>& Y)
{
    const T m(static_cast<double>(Y.cols()));
    xornet::Matrix<T> dA2(1, Y.cols());
    for (std::size_t i = 0; i < Y.cols(); ++i) {
        const T& y = Y(0, i);
        const T one_term = y == T(0) ? T(0) : T(-y / xornet::sigmoid(Z2(0, i)));
        const T zero_term = y == T(1) ? T(0) : T((T(1) - y) / xornet::sigmoid(T(-Z2(0, i))));
        dA2(0, i) = (one_term + zero_term) / m;
    }
    return dA2;
}

template <class T>
TraceReport trace_network(const Problem& problem, const CheckSettings& settings)
{
    Instance<T> net = instance_for<T>(problem);
    const xornet::Matrix<T>& X = net.X; // N×m
    const xornet::Matrix<T>& Y = net.Y; // 1×m
    xornet::Parameters<T>& P = net.P;
    const xornet::Cache<T> c = xornet::forward(P, X);
    xornet::BackwardCache<T> b;
    const xornet::Gradients<T> g = xornet::gradients_for(settings.formulas, P, X, Y, c, T(1), &b);

    TraceReport r;
    const xornet::GalleryEntry& entry = xornet::gallery_entry(settings.formulas);
    r.formulas = std::string(entry.name);
    // The derivation's line for each array; a mistake changes one step (dB: both biases).
    const auto meaning = [&](const std::string& step, const std::string& right) {
        if (step == entry.step || (entry.step == "dB" && (step == "dB1" || step == "dB2")))
            return std::string(entry.formula) + "   (" + r.formulas + ": the mistaken step)";
        return right;
    };
    r.forward = {traced("X", "N×m", "inputs, one example per column", X),
                 traced("Y", "1×m", "labels", Y),
                 traced("W1", "H×N", "hidden weights", P.W1),
                 traced("B1", "H×1", "hidden biases", P.B1),
                 traced("Z1", "H×m", "Z1 = W1·X + B1", c.Z1),
                 traced("A1", "H×m", "A1 = sigmoid(Z1)", c.A1),
                 traced("W2", "1×H", "output weights", P.W2),
                 traced("B2", "1×1", "output bias", P.B2),
                 traced("Z2", "1×m", "Z2 = W2·A1 + B2", c.Z2),
                 traced("A2", "1×m", "A2 = sigmoid(Z2), the predictions", c.A2)};
    r.backward = {traced("dZ2", "1×m", meaning("dZ2", "dL/dZ2 = (A2 - Y)/m"), b.dZ2),
                  traced("dW2", "1×H", meaning("dW2", "dL/dW2 = dZ2·A1ᵀ"), g.dW2),
                  traced("dB2", "1×1", meaning("dB2", "dL/dB2 = sum of dZ2 over the examples"), g.dB2),
                  traced("dA1", "H×m", meaning("dA1", "dL/dA1 = W2ᵀ·dZ2"), b.dA1),
                  traced("dZ1", "H×m", meaning("dZ1", "dL/dZ1 = dA1 ⊙ A1 ⊙ (1 - A1)"), b.dZ1),
                  traced("dW1", "H×N", meaning("dW1", "dL/dW1 = dZ1·Xᵀ"), g.dW1),
                  traced("dB1", "H×1", meaning("dB1", "dL/dB1 = sum of dZ1 over the examples"), g.dB1)};
    r.dA2 = traced("dA2", "1×m", "dL/dA2 = (A2 - Y)/(m·A2(1 - A2)), which backward() skips", loss_adjoint(c.Z2, Y));
    xornet::Matrix<T> L(1, 1), L_seed(1, 1);
    L(0, 0) = xornet::loss_stable(c.Z2, Y);
    L_seed(0, 0) = xornet::loss_seed_form(c.A2, Y);
    r.loss = traced("L", "", "", L).values[0];
    r.loss_seed_form = traced("L", "", "", L_seed).values[0];
    return r;
}

} // namespace gradcheck

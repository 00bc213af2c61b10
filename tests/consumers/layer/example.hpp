// What the checks of the layer differentiate, at one fixed point: K = 3 outputs,
// P = 4 inputs. Each function is a template in the scalar type, so that gradcheck can
// call it in the precision of the check and in a higher one (its reference).
#pragma once

#include <cstddef>
#include <vector>

#include "layer.hpp"

namespace example {

inline constexpr std::size_t K = 3, P = 4, label = 1;

inline const std::vector<double> W = {0.5, -0.3, 0.8, 0.1,
                                      -0.6, 0.2, 0.4, -0.9,
                                      0.3, 0.7, -0.2, 0.6};
inline const std::vector<double> b = {0.1, -0.2, 0.05};
inline const std::vector<double> x = {0.9, -0.4, 0.3, 0.7};
inline const std::vector<double> z = {0.4, -1.1, 2.0}; // logits, for the loss alone

template <class V>
std::vector<V> in(const std::vector<double>& values)
{
    return std::vector<V>(values.begin(), values.end());
}

// θ = (W row by row, b): K·P + K parameters.
inline std::vector<double> parameters()
{
    std::vector<double> theta = W;
    theta.insert(theta.end(), b.begin(), b.end());
    return theta;
}

// The layer as a function of its input x, W and b fixed: ℝᴾ → ℝᴷ.
struct LayerOfInput {
    template <class V>
    std::vector<V> operator()(const std::vector<V>& input) const { return layer::forward(in<V>(W), in<V>(b), input); }
};

// Its backward pass for an upstream gradient u: dL/dx = Wᵀ((1 − y²) ⊙ u).
struct LayerBackward {
    template <class V>
    std::vector<V> operator()(const std::vector<V>& input, const std::vector<V>& u) const
    {
        return layer::backward(in<V>(W), input, layer::forward(in<V>(W), in<V>(b), input), u).dx;
    }
};

// The cross-entropy of logits z against the label: ℝᴷ → ℝ, and its gradient p − onehot.
struct Loss {
    template <class V>
    V operator()(const std::vector<V>& logits) const { return layer::cross_entropy(logits, label); }
};
struct LossGradient {
    template <class V>
    std::vector<V> operator()(const std::vector<V>& logits) const { return layer::cross_entropy_gradient(logits, label); }
};

// The loss of the layer's output for the example x as a function of θ = (W, b), and
// its gradient (dL/dW, dL/db) by the layer's backward pass from dL/dy = p − onehot.
struct LossOfParameters {
    template <class V>
    V operator()(const std::vector<V>& theta) const
    {
        const std::vector<V> weights(theta.begin(), theta.begin() + K * P), biases(theta.begin() + K * P, theta.end());
        return layer::cross_entropy(layer::forward(weights, biases, in<V>(x)), label);
    }
};
struct LossOfParametersGradient {
    template <class V>
    std::vector<V> operator()(const std::vector<V>& theta) const
    {
        const std::vector<V> weights(theta.begin(), theta.begin() + K * P), biases(theta.begin() + K * P, theta.end());
        const std::vector<V> input = in<V>(x), y = layer::forward(weights, biases, input);
        layer::Gradients<V> g = layer::backward(weights, input, y, layer::cross_entropy_gradient(y, label));
        g.dW.insert(g.dW.end(), g.db.begin(), g.db.end());
        return g.dW;
    }
};

} // namespace example

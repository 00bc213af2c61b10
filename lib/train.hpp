// Plain gradient descent, as the seed: W = W − learningRate·dL/dW for each parameter.
#pragma once

#include <cstddef>
#include <functional>
#include <type_traits>

#include "backward.hpp"
#include "loss.hpp"

namespace xornet {

template <class T>
struct TrainingSettings {
    T learning_rate = T(1);
    std::size_t epochs = 5000;
};

// Trains P in place on (X, Y); calls on_epoch(epoch, loss) before each update
// if given. Returns the loss after the last update. steps are the backward pass's
// (backward.hpp); a mistaken derivation trains with its own (gallery.hpp).
template <class T>
T train(Parameters<T>& P, const Matrix<T>& X, const Matrix<T>& Y, const TrainingSettings<T>& s,
        const std::type_identity_t<std::function<void(std::size_t, const T&)>>& on_epoch = {},
        const BackwardSteps<T>& steps = {})
{
    for (std::size_t epoch = 0; epoch < s.epochs; ++epoch) {
        const Cache<T> c = forward(P, X);
        if (on_epoch) on_epoch(epoch, loss_stable(c.Z2, Y));
        // All four partials before any update: the partials of one point θ.
        const Gradients<T> g = backward(P, X, Y, c, steps);
        for (Param p : all_params) {
            Matrix<T>& theta = param(P, p);
            const Matrix<T>& d = gradient(g, p);
            for (std::size_t k = 0; k < theta.size(); ++k) theta.flat(k) -= s.learning_rate * d.flat(k);
        }
    }
    return loss_stable(forward(P, X).Z2, Y);
}

} // namespace xornet

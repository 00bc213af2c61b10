// A user's code, as gradcheck's library would meet it: a tanh layer y = tanh(W·x + b)
// (W K×P, row-major) with its backward pass, and the softmax cross-entropy loss of
// logits z against a label. Written for any scalar type V (double,
// boost::multiprecision::cpp_bin_float_50, ...): the unqualified tanh, exp and log
// find the multiprecision ones by argument-dependent lookup.
//
// Compiled with LAYER_PLANTED_BUG, the backward pass has the planted bug: the slope
// of tanh written as 1 − y instead of 1 − y².
#pragma once

#include <cmath>
#include <cstddef>
#include <vector>

namespace layer {

// y = tanh(W·x + b).
template <class V>
std::vector<V> forward(const std::vector<V>& W, const std::vector<V>& b, const std::vector<V>& x)
{
    using std::tanh;
    const std::size_t K = b.size(), P = x.size();
    std::vector<V> y(K);
    for (std::size_t k = 0; k < K; ++k) {
        V z = b[k];
        for (std::size_t p = 0; p < P; ++p) z += W[k * P + p] * x[p];
        y[k] = tanh(z);
    }
    return y;
}

// dy/dz of y = tanh(z), from y.
template <class V>
V tanh_slope(const V& y)
{
#ifdef LAYER_PLANTED_BUG
    return V(1) - y; // the planted bug: 1 − y, where 1 − y² is right
#else
    return V(1) - y * y;
#endif
}

template <class V>
struct Gradients {
    std::vector<V> dx; // dL/dx = Wᵀ((1 − y²) ⊙ u)   (P)
    std::vector<V> dW; // dL/dW = ((1 − y²) ⊙ u)·xᵀ  (K×P, row-major)
    std::vector<V> db; // dL/db = (1 − y²) ⊙ u       (K)
};

// The backward pass of the layer: u = dL/dy, the gradient from above (K values).
template <class V>
Gradients<V> backward(const std::vector<V>& W, const std::vector<V>& x, const std::vector<V>& y, const std::vector<V>& u)
{
    const std::size_t K = y.size(), P = x.size();
    Gradients<V> g{std::vector<V>(P, V(0)), std::vector<V>(K * P), std::vector<V>(K)};
    for (std::size_t k = 0; k < K; ++k) {
        const V delta = tanh_slope(y[k]) * u[k];
        g.db[k] = delta;
        for (std::size_t p = 0; p < P; ++p) {
            g.dW[k * P + p] = delta * x[p];
            g.dx[p] += W[k * P + p] * delta;
        }
    }
    return g;
}

// The largest of z, from which softmax is computed without overflow.
template <class V>
V largest(const std::vector<V>& z)
{
    V m = z[0];
    for (const V& v : z)
        if (v > m) m = v;
    return m;
}

// L(z) = −log softmax(z)[label] = log Σ_i exp(z_i) − z_label.
template <class V>
V cross_entropy(const std::vector<V>& z, std::size_t label)
{
    using std::exp;
    using std::log;
    const V m = largest(z);
    V sum(0);
    for (const V& v : z) sum += exp(v - m);
    return m + log(sum) - z[label];
}

// dL/dz = softmax(z) − onehot(label).
template <class V>
std::vector<V> cross_entropy_gradient(const std::vector<V>& z, std::size_t label)
{
    using std::exp;
    const V m = largest(z);
    std::vector<V> p(z.size());
    V sum(0);
    for (std::size_t i = 0; i < z.size(); ++i) {
        p[i] = exp(z[i] - m);
        sum += p[i];
    }
    for (V& v : p) v /= sum;
    p[label] -= V(1);
    return p;
}

} // namespace layer

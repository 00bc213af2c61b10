// Builds a TrainReport in scalar type T. Only the run/*.cpp files include it.
#pragma once

#include <algorithm>
#include <cmath>

#include "gradcheck/network/check.hpp"
#include "gradcheck/report/tasks.hpp"
#include "gradcheck/util/progress_line.hpp"
#include "gradients.hpp" // lib: xornet::descend

namespace gradcheck {

template <class T>
bool finite(const xornet::Parameters<T>& P)
{
    for (const xornet::Matrix<T>* A : {&P.W1, &P.B1, &P.W2, &P.B2})
        for (std::size_t k = 0; k < A->size(); ++k)
            if (!(boost::math::isfinite)(A->flat(k))) return false;
    return true;
}

// The end of a training run: the final loss and each example's prediction.
template <class T>
void report_predictions(TrainReport& r, const Problem& problem, const xornet::Parameters<T>& P, const xornet::Matrix<T>& X,
                        const xornet::Matrix<T>& Y)
{
    using std::round;
    const xornet::Cache<T> c = xornet::forward(P, X);
    r.final_loss = scientific(xornet::loss_stable(c.Z2, Y), 6);
    r.learned = true;
    for (std::size_t i = 0; i < Y.cols(); ++i) {
        std::string input;
        for (std::size_t k = 0; k < X.rows(); ++k) input += (k ? "," : "") + problem.data.X(k, i);
        r.inputs.push_back(input);
        r.predictions.push_back(scientific(c.A2(0, i), 6));
        r.labels.push_back(problem.data.Y(0, i));
        r.learned = r.learned && T(round(c.A2(0, i))) == T(round(Y(0, i)));
    }
}

template <class T>
TrainReport train_network(const Problem& problem, const CheckSettings& settings, core::Progress& progress = core::no_progress())
{
    using std::abs;
    Instance<T> net = instance_for<T>(problem);
    const xornet::Matrix<T>& X = net.X; // N×m
    const xornet::Matrix<T>& Y = net.Y; // 1×m
    xornet::Parameters<T>& P = net.P;
    const TrainingSettings& training = settings.training;
    const T rate = from_decimal<T>(training.learning_rate);

    TrainReport r;
    r.pass = true;
    r.worst_digits = working_digits<T>();
    const auto check_now = [&](std::size_t epoch) {
        const xornet::Cache<T> c = xornet::forward(P, X);
        T max_error(0);
        for (std::size_t i = 0; i < Y.cols(); ++i) max_error = std::max(max_error, T(abs(T(c.A2(0, i) - Y(0, i)))));
        const Report report = check_parameters(P, X, Y, settings, progress);
        r.backward_error = report.network.backward_error, r.diagnosis = report.diagnosis;
        r.failed = r.failed || !r.backward_error.empty();
        TrainingCheck t;
        t.epoch = epoch;
        t.loss = scientific(xornet::loss_stable(c.Z2, Y), 6);
        t.max_output_error = scientific(max_error, 3);
        t.pass = report.pass;
        t.failed = report.failed();
        const DigitsSummary digits = digits_summary(report); // the row shows the element with the least to spare
        if (digits.has_digits) {
            t.has_digits = r.has_digits = true;
            t.digits = digits.least_spare->digits, t.digits_needed = digits.least_spare->digits_needed;
            r.worst_digits = std::min(r.worst_digits, digits.worst);
        }
        r.pass = r.pass && t.pass;
        r.failed = r.failed || t.failed;
        r.checks.push_back(t);
    };

    progress::Task epochs("epoch", training.epochs);
    for (std::size_t epoch = 0; epoch < training.epochs; ++epoch) {
        epochs.at(epoch);
        if (epoch % training.every == 0) check_now(epoch);
        if (!r.backward_error.empty()) return r; // a pass whose shapes do not fit takes no step
        xornet::descend(settings.formulas, P, X, Y, rate); // as its author trains: with the derivation's own steps
        if (!finite(P)) {
            // Nothing after this can be checked (or printed as a result): every value is inf or NaN.
            r.diverged_at = epoch + 1;
            r.pass = false;
            return r;
        }
    }
    check_now(training.epochs);
    report_predictions(r, problem, P, X, Y);
    return r;
}

} // namespace gradcheck

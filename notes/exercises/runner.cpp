#include "runner.hpp"

#include <charconv>
#include <cmath>
#include <sstream>
#include <stdexcept>
#include <vector>

#include "gradcheck/util/error.hpp"
#include "gradcheck/input/instance.hpp"
#include "gradcheck/network/diagnosis.hpp"
#include "gradcheck/network/yours.hpp"
#include "gradcheck/report/text.hpp"

namespace exercise {

namespace {

using gradcheck::OwnGradientsText;
using gradcheck::Problem;

// The shortest decimal text that reads back as the same double: every digit you computed.
gradcheck::TextMatrix text_of(const Matrix& M)
{
    gradcheck::TextMatrix T(M.rows(), M.cols());
    for (std::size_t k = 0; k < M.size(); ++k) {
        char buffer[32];
        const auto [end, ec] = std::to_chars(buffer, buffer + sizeof buffer, M.flat(k));
        T.flat(k) = std::string(buffer, ec == std::errc() ? end : buffer);
    }
    return T;
}

std::string pad(const std::string& s, std::size_t width)
{
    std::size_t chars = 0; // characters, not bytes: "×"
    for (unsigned char c : s) chars += (c & 0xC0) != 0x80;
    return chars >= width ? s : s + std::string(width - chars, ' ');
}

// One line for an array: its verdict and its worst digits, or the worst element's values.
void print_line(std::ostream& out, const gradcheck::Table& a)
{
    out << "  " << pad(a.name, 5) << pad(a.shape_names + " = " + a.shape, 12);
    const gradcheck::Entry* worst = nullptr;
    for (const auto& e : a.elements)
        if (!e.near_zero && (worst == nullptr || e.digits < worst->digits)) worst = &e;
    if (a.pass) {
        out << "ok    "
            << (worst ? gradcheck::fixed1(worst->digits) + " digits, " + gradcheck::fixed1(worst->digits_needed) + " needed"
                      : std::string("every element 0 within rounding"))
            << "\n";
        return;
    }
    for (const auto& e : a.elements)
        if (!e.pass) {
            out << "FAIL  at [" << e.row << "," << e.col << "]: yours " << e.analytic_shown << ", exact " << e.numeric_shown
                << (e.ratio.empty() ? "" : ", ratio " + e.ratio) << "\n";
            return;
        }
}

// The blocks of backward.cpp, in their order.
constexpr const char* blocks[] = {"dZ2", "dW2", "dB2", "dA1", "dZ1", "dW1", "dB1"};

std::string shape_names_of(const std::string& name)
{
    for (const auto& k : gradcheck::own_array_kinds)
        if (name == k.name) return k.shape_names;
    return "";
}

// Each line of text, indented by two spaces.
std::string indented(const std::string& text)
{
    std::istringstream in(text);
    std::string out;
    for (std::string line; std::getline(in, line);) out += "  " + line + "\n";
    return out;
}

} // namespace

int run(BackwardFunction backward, const std::string& source, std::ostream& out, bool full)
{
    out << "exercise: your backward pass (" << source << "), in double, against the exact gradient\n";
    const Problem xor_problem;
    try { // nothing written yet: say so once, not per problem
        const gradcheck::Instance<double> net = gradcheck::instance_for<double>(xor_problem);
        const Backward b = backward(net.P, net.X, net.Y, xornet::forward(net.P, net.X));
        if (b.dZ2.size() + b.dW2.size() + b.dB2.size() + b.dA1.size() + b.dZ1.size() + b.dW1.size() + b.dB1.size() == 0) {
            out << "\n";
            for (const char* name : blocks) out << "  " << pad(name, 5) << pad(shape_names_of(name), 12) << "TODO\n";
            out << "\nTODO: nothing written yet. Replace the todo() of the first block, dZ2, in " << source
                << ", save, and run this again: each step is checked as soon as it is written.\n";
            return 1;
        }
    } catch (const std::exception&) { // written, and wrong: below
    }
    const Problem generic = gradcheck::generic_problem(xor_problem.inputs(), xor_problem.seed, xor_problem);
    bool pass = true;
    std::size_t todo = 0, written = 0;
    for (const Problem* problem : {&xor_problem, &generic}) {
        const gradcheck::Instance<double> net = gradcheck::instance_for<double>(*problem);
        const Forward f = xornet::forward(net.P, net.X);
        out << "\n" << problem->name << ": " << problem->data_source << ", m = " << problem->examples() << "; weights "
            << problem->weights_source << "\n";
        Backward b;
        try {
            b = backward(net.P, net.X, net.Y, f);
        } catch (const std::exception& e) {
            out << "  your pass stops: " << e.what() << "\n  diagnosis: " << gradcheck::shape_error_story << "\n";
            pass = false;
            continue;
        }
        OwnGradientsText yours;
        yours.source = source;
        std::vector<std::string> todos;
        const std::pair<const char*, const Matrix*> arrays[] = {{"dZ2", &b.dZ2}, {"dA1", &b.dA1}, {"dZ1", &b.dZ1}, {"dW1", &b.dW1},
                                                                {"dB1", &b.dB1}, {"dW2", &b.dW2}, {"dB2", &b.dB2}}; // the file's order
        bool finite = true;
        for (const auto& [name, M] : arrays) {
            if (M->size() == 0) {
                todos.push_back(name);
                continue;
            }
            for (std::size_t k = 0; k < M->size() && finite; ++k)
                if (!std::isfinite(M->flat(k))) {
                    out << "  " << name << "[" << k / M->cols() << "," << k % M->cols() << "] is " << M->flat(k)
                        << ": not a number to check (a division by zero? a log of 0?)\n";
                    finite = false;
                }
            yours.arrays.emplace_back(name, text_of(*M));
        }
        todo = todos.size(), written = yours.arrays.size();
        if (!finite) {
            pass = false;
            continue;
        }
        try {
            gradcheck::require_shapes(yours, problem->inputs(), problem->width(), problem->examples());
        } catch (const gradcheck::InputError& e) {
            out << "  " << e.what() << "\n";
            pass = false;
            continue;
        }
        const gradcheck::Report r = gradcheck::check_own_gradients(*problem, yours);
        if (full) gradcheck::print_gradients(out, r, gradcheck::View::full);
        for (const char* name : blocks) { // in the order of the blocks
            for (const auto& a : r.tables)
                if (!full && a.name == name) print_line(out, a);
            for (const std::string& t : todos)
                if (t == name) out << "  " << pad(name, 5) << pad(shape_names_of(name), 12) << "TODO\n";
        }
        if (!full) {
            std::ostringstream blind;
            gradcheck::print_blind_spots(blind, r.problem, true);
            gradcheck::print_hidden(blind, r);
            out << indented(blind.str());
            if (!r.diagnosis.empty()) out << "  diagnosis: " << r.diagnosis << "\n";
        }
        pass = pass && r.pass;
    }
    out << "\n";
    if (!pass) out << "FAIL: a step disagrees with the exact one; the diagnosis says which mistake it most likely is\n";
    else if (todo > 0)
        out << "so far, so good: every array written (" << written << " of " << written + todo << ") agrees on both problems; "
            << todo << " still TODO\n";
    else out << "PASS: every step and all four partials agree with the exact ones on both problems, to within double's rounding\n";
    return pass && todo == 0 ? 0 : 1;
}

} // namespace exercise

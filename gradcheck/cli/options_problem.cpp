// The problem every command works on: --weights, --data, --problem, --hidden, --seed.
#include <limits>

#include "gradcheck/cli/options_parts.hpp"
#include "gradcheck/util/error.hpp"

namespace gradcheck::command_line {

namespace {

// --weights: the file's weights, which fix H and must fit the data's N.
void read_weights(const Given& given, const ProblemText& text, bool fast, Problem& p)
{
    if (given("--seed") && !fast)
        throw InputError("--seed: has no effect with --weights (the weights come from the file)");
    p.weights = read_weights_file(text.weights);
    const std::size_t H = p.weights->W1.rows(), N = p.weights->W1.cols();
    if (given("--hidden") && p.hidden != H)
        throw InputError("--hidden " + text.hidden + " does not match weights file '" + text.weights + "' (W1 has "
                         + std::to_string(H) + " rows)");
    if (N != p.data.X.rows())
        throw InputError("weights file '" + text.weights + "': W1 has " + std::to_string(N) + " columns but the data have "
                         + std::to_string(p.data.X.rows()) + " inputs per example (N)");
    p.hidden = H;
    p.weights_source = "weights file " + text.weights;
}

} // namespace

Problem read_problem(const Given& given, const ProblemText& text, bool fast)
{
    Problem p;
    if (given("--data")) {
        p.data = read_data_file(text.data);
        p.data_source = "data file " + text.data;
    }
    if (given("--seed")) p.seed = parse_unsigned("--seed", text.seed, 0, std::numeric_limits<std::uint64_t>::max());
    if (given("--hidden")) p.hidden = parse_unsigned("--hidden", text.hidden, 1, max_hidden);
    if (given("--weights"))
        read_weights(given, text, fast, p);
    else
        p.weights_source = seeded_weights_source(p.seed);
    return p;
}

std::vector<Problem> choose_problems(const Given& given, const ProblemText& text, const Problem& p, Command command, bool own)
{
    if (given("--data")) {
        if (given("--problem")) throw InputError("--problem: has no effect with --data (the data file is the problem)");
        Problem data = p;
        data.name = "data";
        return {data};
    }
    const bool one_problem = command != Command::check || own; // the check of the gallery's formulas alone runs a list
    // The bare check runs both; given weights, or one problem only, XOR (the notice says what it hides).
    const std::string choice = given("--problem") ? text.problem : one_problem || given("--weights") ? "xor" : "both";
    if (choice != "xor" && choice != "generic" && choice != "both")
        throw InputError("--problem: \"" + choice + "\" is not xor, generic or both");
    if (choice == "both" && one_problem)
        throw InputError("--problem: " + std::string(own ? "--gradients" : command_name(command)) + " takes one problem, xor or generic");
    std::vector<Problem> problems;
    if (choice != "generic") problems.push_back(p);
    if (choice != "xor") problems.push_back(generic_problem(p.inputs(), p.seed, p));
    return problems;
}

} // namespace gradcheck::command_line

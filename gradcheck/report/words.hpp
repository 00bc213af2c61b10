// Every sentence a check's result is told in, from its numbers and codes
// (report/model.hpp): why an element was declined or has no value, why a given step's
// verdict was overturned, why the full check followed the directions, the verdicts'
// words, the method and its step rule, and the library's notes.
#pragma once

#include <string>

#include "gradcheck/report/model.hpp"

namespace gradcheck {

// The words of each verdict: in a report's last line, in JSON, in one row of a ladder.
struct VerdictWords {
    const char* line;   // PASS
    const char* json;   // pass
    const char* ladder; // pass
};
const VerdictWords& words(Verdict v);
inline const char* verdict_word(Verdict v) { return words(v).line; }

// An element's result in its table's last column: ok, FAIL or declined.
const char* result_word(const Entry& e);

// Why e was declined (or has no value), in r's words; `where` names it ("dL/dW1[0,1]").
std::string declined_because(const Entry& e, const Report& r, const std::string& where);
// Why a given step's verdict was overturned at the rule's step, or "".
std::string fails_at_rule_step(const Entry& e, const Report& r, const std::string& where);

// The command's refusal of an estimate without a value, as an input error: `where`
// names the element ("dL/dW1[0,1]") and `name` its parameter ("W1"), or, for a
// direction of --fast, `where` its number.
std::string refusal(const Entry& e, const std::string& where, const std::string& name, bool direction);

// Why the full check followed the directions of --fast (the command's report).
std::string fallback_sentence(core::Fallback f);

// The method as the report names it, with the function it differentiates ("L", "f").
std::string method_description(Method m, const char* function);
// "numeric:" and "step rule" of a report.
std::string numeric_line(const Report& r);
std::string step_rule(const Report& r);

// The library's lines: what was checked, how f's and your values' rounding was found,
// and each note.
std::string function_what(const Report& r);
std::string f_rounding_words(const Report& r);
std::string analytic_rounding_words(const Report& r);
std::string note_sentence(const Note& n);

} // namespace gradcheck

// Your function's derivatives (the library, <gradcheck/gradcheck.hpp>) as text: a few
// header lines, one table per checked array (report/text.cpp), the notes and the verdict.
#include "gradcheck/report/text.hpp"
#include "gradcheck/report/words.hpp"

namespace gradcheck {

void print_function(std::ostream& out, const Report& r, View view)
{
    if (view == View::full) {
        out << "gradcheck: " << function_what(r) << "\n";
        out << "precision  " << r.precision_label << "\n";
        out << "numeric    " << numeric_line(r) << "; " << step_rule(r) << "\n";
        out << "rounding   of f: " << f_rounding_words(r) << "\n";
        out << "           of your values: " << analytic_rounding_words(r) << "\n";
        out << "pass       |a - n| <= tolerance = the numeric value's error bound (truncation estimate + rounding bound)\n"
            << "           + your value's rounding; digits = -log10(rel err), needed = fewest digits that pass\n";
        for (const Note& note : r.function.notes) out << "note       " << note_sentence(note) << "\n";
    }
    for (const Table& t : r.tables) print_table(out, t, r, ColumnLabels{}, true, view);
    const ElementCounts c = count_elements(r);
    out << "\n" << verdict_word(verdict_of(r)) << ": " << c.total - c.failed - c.declined << " of " << c.total << " elements agree";
    if (c.failed > 0) out << ", " << c.failed << " FAIL";
    if (c.declined > 0) out << ", " << c.declined << " declined (no trustworthy numeric value: not a pass)";
    out << "\n";
}

} // namespace gradcheck

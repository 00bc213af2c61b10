// Suite `inputs`: the library functions that turn text into numbers, directly
// (no subprocess): the decimal grammar, the JSON reader, the weights and data
// files (fixtures in $TEST_DATA), the precision names, and from_decimal.
#include <boost/test/unit_test.hpp>

#include <cstdlib>
#include <filesystem>
#include <initializer_list>
#include <string>
#include <vector>

#include <boost/multiprecision/cpp_bin_float.hpp>

#include "gradcheck/scalar/decimal.hpp"
#include "gradcheck/util/error.hpp"
#include "gradcheck/input/files.hpp"
#include "gradcheck/input/json_reader.hpp"
#include "gradcheck/input/own_gradients.hpp"
#include "gradcheck/network/yours.hpp"
#include "gradcheck/scalar/precision.hpp"

namespace {

using gradcheck::InputError;

// $TEST_DATA, or a clear failure when the test is run outside meson.
std::string test_data()
{
    const char* dir = std::getenv("TEST_DATA");
    if (dir == nullptr || *dir == '\0')
        BOOST_FAIL("TEST_DATA is not set: run this test through `meson test` (tests/meson.build sets it)");
    return dir;
}

std::string fixture(const std::string& name) { return test_data() + "/" + name; }

// A predicate for BOOST_CHECK_EXCEPTION: the message contains `fragment`.
// On a mismatch it reports the actual message, not just "incorrect exception".
struct MessageContains {
    std::string fragment;
    bool operator()(const InputError& e) const
    {
        const std::string what = e.what();
        const bool found = what.find(fragment) != std::string::npos;
        BOOST_TEST(found, "message \"" << what << "\" does not contain \"" << fragment << "\"");
        return found;
    }
};

MessageContains contains(std::string fragment) { return MessageContains{std::move(fragment)}; }

const std::string sixty_digits = "0.123456789012345678901234567890123456789012345678901234567890";

} // namespace

BOOST_AUTO_TEST_SUITE(inputs)

// ---------------------------------------------------------------- decimal grammar

BOOST_AUTO_TEST_CASE(decimal_accepts_json_numbers)
{
    BOOST_TEST(sixty_digits.size() == 62u); // "0." and 60 digits
    for (const std::string s : {"0", "-0", "-0.5", "1e-3", "2.5E+10", "123", "-7", "1E5", "0.0", "10.25e-2",
                                "2.2250738585072014e-308", "1.7976931348623157e308", "-1.7976931348623157e308"}) {
        BOOST_TEST_CONTEXT("\"" << s << "\"")
        {
            BOOST_TEST(gradcheck::is_decimal(s));
            BOOST_CHECK_NO_THROW(gradcheck::require_decimal(s, "test"));
        }
    }
    BOOST_TEST(gradcheck::is_decimal(sixty_digits));
    BOOST_CHECK_NO_THROW(gradcheck::require_decimal(sixty_digits, "test"));
    const std::string sixty_digit_integer = "-" + std::string(60, '9');
    BOOST_TEST(gradcheck::is_decimal(sixty_digit_integer));
    BOOST_CHECK_NO_THROW(gradcheck::require_decimal(sixty_digit_integer, "test"));
}

BOOST_AUTO_TEST_CASE(decimal_rejects_other_spellings)
{
    for (const std::string s : {"", "NaN", "nan", "inf", "-inf", "Infinity", "0x1p3", "0x10", "1,5", "+1", "1.", ".5",
                                "-.5", "01", "-01", "00", "1e", "1e+", "e5", "-", " 1", "1 ", "1.5.2", "1e5.5", "one"}) {
        BOOST_TEST_CONTEXT("\"" << s << "\"")
        {
            BOOST_TEST(!gradcheck::is_decimal(s));
            BOOST_CHECK_EXCEPTION(gradcheck::require_decimal(s, "field W1[0][0]"), InputError,
                                  contains("field W1[0][0]: \"" + s + "\" is not a decimal number"));
        }
    }
}

BOOST_AUTO_TEST_CASE(decimal_rejects_values_outside_double)
{
    // Well formed, but not finite (or not normal) in double: a file must mean the
    // same numbers at every precision.
    for (const std::string s : {"1e400", "-1e400", "1e-400", "-1e-400", "1.8e308", "4.9e-324", "1e-310"}) {
        BOOST_TEST_CONTEXT("\"" << s << "\"")
        {
            BOOST_TEST(gradcheck::is_decimal(s));
            BOOST_CHECK_EXCEPTION(gradcheck::require_decimal(s, "--step"), InputError,
                                  contains("--step: " + s + " is out of range"));
        }
    }
    // Zero written with a huge exponent is still exactly zero.
    BOOST_CHECK_NO_THROW(gradcheck::require_decimal("0e-400", "test"));
}

BOOST_AUTO_TEST_CASE(decimal_message_shortens_long_text)
{
    const std::string junk = std::string(100, '7') + "x";
    BOOST_CHECK_EXCEPTION(gradcheck::require_decimal(junk, "B2[0]"), InputError, contains(std::string(40, '7') + "…\""));
    BOOST_CHECK_EXCEPTION(gradcheck::require_decimal(junk, "B2[0]"), InputError,
                          [&](const InputError& e) { return std::string(e.what()).find(junk) == std::string::npos; });
}

// ---------------------------------------------------------------- from_decimal

BOOST_AUTO_TEST_CASE(from_decimal_reads_every_digit)
{
    using boost::multiprecision::cpp_bin_float_50;
    const std::string text = "0.12345678901234567890123456789012345678901234567891";
    const cpp_bin_float_50 direct("0.12345678901234567890123456789012345678901234567891");
    const cpp_bin_float_50 read = gradcheck::from_decimal<cpp_bin_float_50>(text);
    BOOST_TEST(read == direct);
    // Not merely the double nearest to it, widened.
    BOOST_TEST(read != cpp_bin_float_50(gradcheck::from_decimal<double>(text)));
    BOOST_TEST(gradcheck::from_decimal<double>(text) == 0.12345678901234567890123456789012345678901234567891);
    BOOST_TEST(gradcheck::from_decimal<long double>(text) == 0.12345678901234567890123456789012345678901234567891L);

    const std::string negative = "-2.7182818284590452353602874713526624977572470936999e-3";
    BOOST_TEST(gradcheck::from_decimal<cpp_bin_float_50>(negative)
               == cpp_bin_float_50("-2.7182818284590452353602874713526624977572470936999e-3"));
}

// ---------------------------------------------------------------- JSON reader

BOOST_AUTO_TEST_CASE(json_keeps_number_text)
{
    const std::string fifty = "0.12345678901234567890123456789012345678901234567891";
    const std::string big_integer = "-12345678901234567890123456789012345678901234567890";
    const gradcheck::JsonValue v =
        gradcheck::parse_json("[" + fifty + ", " + big_integer + ", 1e-3, 2.50E+10, 7, \"0.1\"]", "test");
    BOOST_TEST_REQUIRE((v.kind == gradcheck::JsonValue::Kind::array));
    BOOST_TEST_REQUIRE(v.items.size() == 6u);
    BOOST_TEST(v.items[0].text == fifty);
    BOOST_TEST(v.items[1].text == big_integer);
    BOOST_TEST(v.items[2].text == "1e-3");
    BOOST_TEST(v.items[3].text == "2.50E+10");
    BOOST_TEST(v.items[4].text == "7");
    for (std::size_t i = 0; i < 5; ++i) BOOST_TEST((v.items[i].kind == gradcheck::JsonValue::Kind::number), "item " << i);
    BOOST_TEST((v.items[5].kind == gradcheck::JsonValue::Kind::string));
    BOOST_TEST(v.items[5].text == "0.1");
}

BOOST_AUTO_TEST_CASE(json_objects_keep_file_order_and_kinds)
{
    using Kind = gradcheck::JsonValue::Kind;
    const gradcheck::JsonValue v = gradcheck::parse_json(R"({"b": null, "a": true, "c": {"d": [false]}})", "test");
    BOOST_TEST_REQUIRE((v.kind == Kind::object));
    BOOST_TEST_REQUIRE(v.members.size() == 3u);
    BOOST_TEST(v.members[0].key == "b");
    BOOST_TEST((v.members[0].value.kind == Kind::null));
    BOOST_TEST(v.members[1].key == "a");
    BOOST_TEST((v.members[1].value.kind == Kind::boolean));
    BOOST_TEST(v.members[1].value.boolean);
    BOOST_TEST(v.members[2].key == "c");
    BOOST_TEST_REQUIRE(v.members[2].value.members.size() == 1u);
    BOOST_TEST_REQUIRE(v.members[2].value.members[0].value.items.size() == 1u);
    BOOST_TEST(!v.members[2].value.members[0].value.items[0].boolean);
}

BOOST_AUTO_TEST_CASE(json_rejects_invalid_text)
{
    BOOST_CHECK_EXCEPTION(gradcheck::parse_json(R"({"W1": [[0.5, 1)", "weights file 'w.json'"), InputError,
                          contains("weights file 'w.json': invalid JSON"));
    BOOST_CHECK_EXCEPTION(gradcheck::parse_json("", "data file 'd.json'"), InputError,
                          contains("data file 'd.json': invalid JSON"));
    BOOST_CHECK_EXCEPTION(gradcheck::parse_json("[1, 2] 3", "t"), InputError, contains("invalid JSON"));
    BOOST_CHECK_EXCEPTION(gradcheck::parse_json("[NaN]", "t"), InputError, contains("invalid JSON"));
    BOOST_CHECK_EXCEPTION(gradcheck::parse_json("[01]", "t"), InputError, contains("invalid JSON"));
    BOOST_CHECK_EXCEPTION(gradcheck::parse_json(R"({"a": 1, "b": 2, "a": 3})", "weights file 'w.json'"), InputError,
                          contains("weights file 'w.json': duplicate key \"a\""));
    // The same key in different objects is no duplicate.
    BOOST_CHECK_NO_THROW(gradcheck::parse_json(R"({"a": {"a": 1}, "b": {"a": 2}})", "t"));
}

BOOST_AUTO_TEST_CASE(json_nesting_limit)
{
    const std::size_t limit = gradcheck::max_json_depth;
    const auto nested = [](std::size_t depth) { return std::string(depth, '[') + std::string(depth, ']'); };
    BOOST_CHECK_NO_THROW(gradcheck::parse_json(nested(limit), "t"));
    BOOST_CHECK_EXCEPTION(gradcheck::parse_json(nested(limit + 1), "weights file 'w.json'"), InputError,
                          contains("weights file 'w.json': nesting deeper than " + std::to_string(limit) + " levels"));
    // Objects count as levels too.
    std::string objects;
    for (std::size_t i = 0; i <= limit; ++i) objects += "{\"k\":";
    objects += "0" + std::string(limit + 1, '}');
    BOOST_CHECK_EXCEPTION(gradcheck::parse_json(objects, "t"), InputError, contains("nesting deeper than"));
}

BOOST_AUTO_TEST_CASE(json_very_deep_nesting_does_not_crash)
{
    const std::size_t depth = 100000;
    BOOST_CHECK_EXCEPTION(gradcheck::parse_json(std::string(depth, '[') + std::string(depth, ']'), "t"), InputError,
                          contains("nesting deeper than " + std::to_string(gradcheck::max_json_depth) + " levels"));
    BOOST_CHECK_EXCEPTION(gradcheck::parse_json(std::string(depth, '['), "t"), InputError, contains("nesting deeper than"));
}

// ---------------------------------------------------------------- weights and data files

BOOST_AUTO_TEST_CASE(weights_file_valid)
{
    const gradcheck::WeightsText w = gradcheck::read_weights_file(fixture("weights_2x2.json"));
    BOOST_TEST(w.W1.rows() == 2u);
    BOOST_TEST(w.W1.cols() == 2u);
    BOOST_TEST(w.B1.rows() == 2u);
    BOOST_TEST(w.B1.cols() == 1u);
    BOOST_TEST(w.W2.rows() == 1u);
    BOOST_TEST(w.W2.cols() == 2u);
    BOOST_TEST(w.B2.rows() == 1u);
    BOOST_TEST(w.B2.cols() == 1u);
    // Exactly the file's text, whether written as a JSON string or a JSON number.
    BOOST_TEST(w.W1(0, 0) == "0.31415926535897932384626433832795028841971693993751");
    BOOST_TEST(w.W1(0, 1) == "-0.27182818284590452353602874713526624977572470936999");
    BOOST_TEST(w.W1(1, 0) == "0.5772156649015329");
    BOOST_TEST(w.W1(1, 1) == "-0.69314718055994530941723212145817656807550013436026");
    BOOST_TEST(w.B1(0, 0) == "0.125");
    BOOST_TEST(w.B1(1, 0) == "-0.0625");
    BOOST_TEST(w.W2(0, 0) == "1.4142135623730950488016887242096980785696718753769");
    BOOST_TEST(w.W2(0, 1) == "-0.8660254037844386");
    BOOST_TEST(w.B2(0, 0) == "0.1");
}

BOOST_AUTO_TEST_CASE(weights_file_three_hidden_units)
{
    const gradcheck::WeightsText w = gradcheck::read_weights_file(fixture("weights_3x2.json"));
    BOOST_TEST(w.W1.rows() == 3u);
    BOOST_TEST(w.W1.cols() == 2u);
    BOOST_TEST(w.B1.rows() == 3u);
    BOOST_TEST(w.W2.cols() == 3u);
    BOOST_TEST(w.W1(2, 0) == "-0.375");
    BOOST_TEST(w.B1(2, 0) == "0.3");
    BOOST_TEST(w.W2(0, 2) == "0.25");
    BOOST_TEST(w.B2(0, 0) == "-0.05");
}

BOOST_AUTO_TEST_CASE(data_file_valid)
{
    const gradcheck::DataText d = gradcheck::read_data_file(fixture("data_xor.json"));
    // The file's rows (examples) become columns: X is N×m.
    BOOST_TEST(d.X.rows() == 2u);
    BOOST_TEST(d.X.cols() == 4u);
    BOOST_TEST(d.Y.rows() == 1u);
    BOOST_TEST(d.Y.cols() == 4u);
    const char* x[2][4] = {{"0", "0", "1", "1"}, {"0", "1", "0", "1"}};
    const char* y[4] = {"0", "1", "1", "0"};
    for (std::size_t i = 0; i < 4; ++i) {
        BOOST_TEST(d.X(0, i) == x[0][i]);
        BOOST_TEST(d.X(1, i) == x[1][i]);
        BOOST_TEST(d.Y(0, i) == y[i]);
    }
    // The built-in default is the same table.
    const gradcheck::DataText builtin = gradcheck::xor_data_text();
    BOOST_TEST(builtin.X.rows() == 2u);
    BOOST_TEST(builtin.X.cols() == 4u);
    for (std::size_t k = 0; k < 8; ++k) BOOST_TEST(builtin.X.flat(k) == d.X.flat(k));
    for (std::size_t k = 0; k < 4; ++k) BOOST_TEST(builtin.Y.flat(k) == d.Y.flat(k));
}

BOOST_AUTO_TEST_CASE(data_file_shapes)
{
    const gradcheck::DataText one = gradcheck::read_data_file(fixture("one_example.json"));
    BOOST_TEST(one.X.rows() == 2u);
    BOOST_TEST(one.X.cols() == 1u);
    BOOST_TEST(one.X(0, 0) == "0");
    BOOST_TEST(one.X(1, 0) == "1");
    BOOST_TEST(one.Y.cols() == 1u);
    BOOST_TEST(one.Y(0, 0) == "1");

    const gradcheck::DataText three = gradcheck::read_data_file(fixture("data_3inputs.json"));
    BOOST_TEST(three.X.rows() == 3u);
    BOOST_TEST(three.X.cols() == 4u);
    BOOST_TEST(three.X(2, 3) == "1");
    BOOST_TEST(three.X(0, 2) == "1");
    BOOST_TEST(three.X(1, 2) == "0");
}

namespace {

struct BadFile {
    const char* file;     // in $TEST_DATA
    const char* fragment; // expected in the message, after "<kind> file '<path>': "
};

} // namespace

BOOST_AUTO_TEST_CASE(weights_file_errors)
{
    const BadFile cases[] = {
        {"weights_empty.json", "file is empty"},
        {"weights_truncated.json", "invalid JSON: parse error"},
        {"weights_top_array.json", "top level is an array, expected an object with keys W1, B1, W2, B2"},
        {"weights_wrong_key.json", "unknown key \"b1\" (expected W1, B1, W2, B2)"},
        {"weights_missing_key.json", "missing key \"B2\""},
        {"weights_duplicate_key.json", "duplicate key \"W1\""},
        {"weights_W1_ragged.json", "W1 is ragged: row 1 has 1 entries, row 0 has 2"},
        {"weights_W1_empty.json", "W1 is empty"},
        {"weights_W2_width.json", "W2 has 3 columns but W1 has 2 rows (H)"},
        {"weights_B1_length.json", "B1 has 3 entries but W1 has 2 rows (H)"},
        {"weights_B2_length.json", "B2 has 2 entries"},
        {"weights_B2_scalar.json", "B2 is a number, expected an array"},
        {"weights_bool.json", "W1[1][1] is a boolean, expected a number"},
        {"weights_null.json", "B1[1] is null, expected a number"},
        {"weights_str_nan.json", "B2[0]: \"NaN\" is not a decimal number"},
        {"weights_str_inf.json", "W1[1][0]: \"inf\" is not a decimal number"},
        {"weights_str_empty.json", "B1[0]: \"\" is not a decimal number"},
        {"weights_str_hex.json", "W1[0][1]: \"0x1p3\" is not a decimal number"},
        {"weights_str_comma.json", "W2[0][0]: \"1,5\" is not a decimal number"},
        {"weights_str_1e400.json", "B2[0]: 1e400 is out of range"},
        {"weights_1e-400.json", "W2[0][1]: 1e-400 is out of range"},
        {"weights_deep.json", "nesting deeper than 64 levels"},
    };
    for (const BadFile& c : cases) {
        const std::string path = fixture(c.file);
        BOOST_TEST_CONTEXT(c.file)
        {
            BOOST_CHECK_EXCEPTION(gradcheck::read_weights_file(path), InputError,
                                  contains("weights file '" + path + "': " + c.fragment));
        }
    }
}

BOOST_AUTO_TEST_CASE(weights_file_numbers_beyond_double)
{
    // 1e400 is valid JSON: it should be reported like the string "1e400", as out of range.
    BOOST_CHECK_EXCEPTION(gradcheck::read_weights_file(fixture("weights_1e400.json")), InputError,
                          contains("1e400 is out of range"));
    BOOST_CHECK_EXCEPTION(gradcheck::read_weights_file(fixture("weights_neg1e400.json")), InputError,
                          contains("-1e400 is out of range"));
}

BOOST_AUTO_TEST_CASE(data_file_errors)
{
    const BadFile cases[] = {
        {"data_X_ragged.json", "X is ragged: row 2 has 1 entries, row 0 has 2"},
        {"data_Y_length.json", "Y has 3 labels but X has 4 examples (rows)"},
        {"data_label_2.json", "Y[2] = 2 is not a label in [0, 1]"},
        {"data_label_neg.json", "Y[1] = -0.5 is not a label in [0, 1]"},
        {"data_X_empty.json", "X is empty"},
        {"data_X_row_empty.json", "X[0] is empty"},
        {"data_X_flat.json", "X[0] is a number, expected an array"},
        {"data_wrong_key.json", "unknown key \"x\" (expected X, Y)"},
        {"data_Y_string_label.json", "Y[1]: \"yes\" is not a decimal number"},
        {"data_top_string.json", "top level is a string, expected an object with keys X, Y"},
        {"weights_2x2.json", "unknown key \"W1\" (expected X, Y)"},
    };
    for (const BadFile& c : cases) {
        const std::string path = fixture(c.file);
        BOOST_TEST_CONTEXT(c.file)
        {
            BOOST_CHECK_EXCEPTION(gradcheck::read_data_file(path), InputError,
                                  contains("data file '" + path + "': " + c.fragment));
        }
    }
}

BOOST_AUTO_TEST_CASE(file_paths)
{
    const std::string missing = fixture("no_such_file.json");
    BOOST_CHECK_EXCEPTION(gradcheck::read_weights_file(missing), InputError,
                          contains("weights file '" + missing + "': no such file"));
    BOOST_CHECK_EXCEPTION(gradcheck::read_data_file(missing), InputError, contains("data file '" + missing + "': no such file"));
    const std::string dir = test_data();
    BOOST_TEST_REQUIRE(std::filesystem::is_directory(dir));
    BOOST_CHECK_EXCEPTION(gradcheck::read_weights_file(dir), InputError,
                          contains("weights file '" + dir + "': is a directory, not a file"));
    BOOST_CHECK_EXCEPTION(gradcheck::read_data_file(dir), InputError, contains("data file '" + dir + "': is a directory"));
    BOOST_CHECK_EXCEPTION(gradcheck::read_data_file(fixture("weights_empty.json")), InputError, contains("file is empty"));
    if (std::filesystem::exists("/dev/null"))
        BOOST_CHECK_EXCEPTION(gradcheck::read_weights_file("/dev/null"), InputError, contains("not a regular file"));
}

// ---------------------------------------------------------------- precisions

BOOST_AUTO_TEST_CASE(precision_names)
{
    using Kind = gradcheck::Precision::Kind;
    BOOST_TEST((gradcheck::parse_precision("double").kind == Kind::double_));
    BOOST_TEST((gradcheck::parse_precision("long-double").kind == Kind::long_double));
    for (unsigned digits : {10u, 50u, 60u, 100u, 300u, 10000u}) {
        BOOST_TEST_CONTEXT(digits)
        {
            const gradcheck::Precision p = gradcheck::parse_precision(std::to_string(digits));
            BOOST_TEST((p.kind == Kind::mpfr));
            BOOST_TEST(p.digits == digits);
            BOOST_TEST(p.name == std::to_string(digits));
        }
    }
    BOOST_TEST(gradcheck::parse_precision("double").name == "double");
}

BOOST_AUTO_TEST_CASE(precision_rejects)
{
    for (const std::string s : {"0", "-5", "1e9", "abc", "9", "10001", "", "Double", "010", "+50", "50.0", " 50",
                                "4294967346", "99999999999999999999"}) {
        BOOST_TEST_CONTEXT("\"" << s << "\"")
        {
            BOOST_CHECK_EXCEPTION(gradcheck::parse_precision(s), InputError,
                                  contains("--precision: \"" + s + "\" is not float, double, long-double, 50, 100 or a digit count"));
        }
    }
}

BOOST_AUTO_TEST_CASE(precision_lists)
{
    using Kind = gradcheck::Precision::Kind;
    const auto list = gradcheck::parse_precision_list("double,50,long-double,100,300");
    BOOST_TEST_REQUIRE(list.size() == 5u);
    BOOST_TEST((list[0].kind == Kind::double_));
    BOOST_TEST((list[1].kind == Kind::mpfr));
    BOOST_TEST(list[1].digits == 50u);
    BOOST_TEST((list[2].kind == Kind::long_double));
    BOOST_TEST((list[3].kind == Kind::mpfr));
    BOOST_TEST(list[3].digits == 100u);
    BOOST_TEST((list[4].kind == Kind::mpfr));
    BOOST_TEST(list[4].digits == 300u);
    BOOST_TEST(gradcheck::parse_precision_list("60").size() == 1u);

    BOOST_CHECK_EXCEPTION(gradcheck::parse_precision_list("double,"), InputError, contains("--precision: \"\" is not"));
    BOOST_CHECK_EXCEPTION(gradcheck::parse_precision_list(",double"), InputError, contains("--precision: \"\" is not"));
    BOOST_CHECK_EXCEPTION(gradcheck::parse_precision_list("50,abc"), InputError, contains("--precision: \"abc\" is not"));
    BOOST_CHECK_EXCEPTION(gradcheck::parse_precision_list("double,,50"), InputError, contains("--precision: \"\" is not"));
    BOOST_CHECK_EXCEPTION(gradcheck::parse_precision_list(""), InputError, contains("--precision: \"\" is not"));
    BOOST_CHECK_EXCEPTION(gradcheck::parse_precision_list("double 50"), InputError,
                          contains("--precision: \"double 50\" is not"));
}

// A gradients file holds someone's results: a long double's 1e-4000, a subnormal
// double's 1e-310, read exactly at the reference's precision; and they pass when right.
// Only an exponent beyond 10^8 in size, or no number at all, is refused.
BOOST_AUTO_TEST_CASE(gradient_values_beyond_double_range)
{
    using gradcheck::parse_gradients;
    const std::string tiny = R"({"precision": "long-double", "dW1": [["1e-4000", 1e-310], [0, 0]], "dB1": [0, 0], "dW2": [[0, 0]], "dB2": ["-2.5e-4000"]})";
    gradcheck::OwnGradientsText g;
    BOOST_REQUIRE_NO_THROW(g = parse_gradients(tiny, "tiny", false));
    BOOST_TEST(g.arrays.front().second(0, 0) == "1e-4000");
    BOOST_REQUIRE_NO_THROW(parse_gradients("array,row,col,value\ndB2,0,0,4e-5000\ndW2,0,0,0\ndW2,0,1,0\ndB1,0,0,0\ndB1,1,0,0\n"
                                           "dW1,0,0,0\ndW1,0,1,0\ndW1,1,0,0\ndW1,1,1,0\n", "tiny.csv", true));
    // On saturated weights the exact gradient underflows double; given as it is (here the
    // reference's own digits, in a file that says long double), it passes.
    gradcheck::Problem saturated; // notes/data/confidently-right.json: every prediction right, and sure
    saturated.weights = gradcheck::parse_weights(R"({"W1": [[1e3, -1e3], [-1e3, 1e3]], "B1": [-500, -500], "W2": [[1e3, 1e3]], "B2": [-500]})", "w");
    const auto zeros = parse_gradients(R"({"precision": "long-double", "dW1": [[0, 0], [0, 0]], "dB1": [0, 0], "dW2": [[0, 0]], "dB2": [0]})",
                                       "zeros", false);
    const gradcheck::Report exact = gradcheck::check_own_gradients(saturated, zeros);
    std::string values = R"({"precision": "long-double")";
    bool below_double = false;
    for (const auto& a : exact.tables) {
        const bool column = a.shape_names == "H×1" || a.shape_names == "1×1"; // written as a list, like B1
        std::string rows;
        for (std::size_t i = 0; i < a.rows; ++i) {
            std::string row;
            for (std::size_t j = 0; j < a.cols; ++j) {
                const std::string& v = a.elements[i * a.cols + j].numeric;
                row += (j ? ", \"" : "\"") + v + "\"";
                below_double = below_double || std::stoi(v.substr(v.find('e') + 1)) < -308;
            }
            rows += (i ? ", " : "") + (column ? row : "[" + row + "]");
        }
        values += ", \"" + a.name + "\": [" + rows + "]";
    }
    BOOST_TEST(below_double, values);
    const auto again = parse_gradients(values + "}", "exact", false);
    BOOST_REQUIRE_NO_THROW(gradcheck::require_shapes(again, 2, 2, 4));
    const gradcheck::Report r = gradcheck::check_own_gradients(saturated, again);
    BOOST_TEST(r.pass, values);
    for (const char* huge : {R"({"dW1": [["1e100000001", 0], [0, 0]], "dB1": [0, 0], "dW2": [[0, 0]], "dB2": [0]})",
                             R"({"dW1": [["1e-999999999999999999999", 0], [0, 0]], "dB1": [0, 0], "dW2": [[0, 0]], "dB2": [0]})"})
        BOOST_CHECK_EXCEPTION(parse_gradients(huge, "huge", false), gradcheck::InputError, [](const gradcheck::InputError& e) {
            return std::string(e.what()).find("is out of range (its exponent must be at most 100000000 in size)") != std::string::npos;
        });
}

BOOST_AUTO_TEST_SUITE_END()

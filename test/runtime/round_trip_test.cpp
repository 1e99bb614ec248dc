// Every value the runtime writes comes back exactly: reals bit for bit (through nested
// relations too), the int64 range, NULL of every type; what cannot be stored is refused
// at write time naming the column, and what cannot be decoded is an orm error naming it.
#include <gtest/gtest.h>

#include <bit>
#include <cmath>
#include <cstdint>
#include <limits>
#include <random>
#include <vector>

#include "runtime/backend.hpp"

namespace {
using namespace orm;
using namespace orm::testing::tested;
using orm::testing::backend;

inline constexpr auto shelves = table("shelves", column("label", text()));
inline constexpr auto items = table("items", column("shelfId", id("shelves")), column("price", real()),
                                    column("count", integer()), column("photo", bytes()), column("note", text()),
                                    column("active", boolean()), column("addedAt", timestamp()),
                                    index("by_shelf").on("shelfId"));
inline constexpr auto schema = define_schema(tables(shelves, items), {.defaults = {.default_limit = 100000}})
    .relations(many(shelves, "items", items, {.to = "shelfId"}), one(items, "shelf", shelves, {.from = "shelfId"}));

class RoundTrip : public ::testing::Test {
 protected:
  void SetUp() override {
    db.migrate(schema);
    shelf = db.insert(schema, "shelves", {{"label", "a"}});
  }
  // The reals as read back through the shelf's `with`, in insertion order.
  std::vector<double> reals_through_relation() {
    const auto rows = db.query(schema, shelves).find_many({.with = {{"items", {.order_by = {asc("id")}}}}});
    std::vector<double> out;
    for (const node& item : rows.at(0)["items"]) out.push_back(item["price"].as_real());
    return out;
  }
  backend::database db = backend::open();
  std::int64_t shelf = 0;
};

TEST_F(RoundTrip, RealsComeBackBitForBit) {
  // -0.0 is refused (below): SQLite stores no sign on a zero.
  const std::vector<double> edges = {0.1 + 0.2, 1.0000000000000002, 5e-324, 2.2250738585072014e-308,
                                     std::numeric_limits<double>::max(), -std::numeric_limits<double>::max(),
                                     std::numeric_limits<double>::infinity(), -std::numeric_limits<double>::infinity(),
                                     1e300 / 3, 123456789.123456789};
  std::vector<double> written = edges;
  std::mt19937_64 random(20261201);
  while (written.size() < 5000) {  // random bit patterns: every exponent, every mantissa
    const double d = std::bit_cast<double>(random());
    if (!std::isnan(d) && d != 0) written.push_back(d);
  }
  for (double d : written) db.insert(schema, "items", {{"shelfId", shelf}, {"price", d}});
  const std::vector<double> read = reals_through_relation();
  ASSERT_EQ(read.size(), written.size());
  for (std::size_t i = 0; i < written.size(); ++i)
    EXPECT_EQ(std::bit_cast<std::uint64_t>(read[i]), std::bit_cast<std::uint64_t>(written[i]))
        << "wrote " << written[i] << ", read " << read[i];
  // At the top level too.
  const auto top = db.query(schema, items).find_first({.where = eq("id", 1)});
  EXPECT_EQ(std::bit_cast<std::uint64_t>((*top)["price"].as_real()), std::bit_cast<std::uint64_t>(0.1 + 0.2));
}

// -0.0 came back with its sign at PostgreSQL's top level, without it on SQLite: refused on
// both, in the same words, rather than kept by one.
TEST_F(RoundTrip, NegativeZeroIsRefusedOnBothBackends) {
  try {
    db.insert(schema, "items", {{"shelfId", shelf}, {"price", -0.0}});
    FAIL() << "-0.0 was stored";
  } catch (const schema_error& e) {
    EXPECT_STREQ(e.what(), "'items.price' cannot hold -0.0 on both databases (SQLite keeps no sign on a zero); write 0.0");
  }
  db.insert(schema, "items", {{"shelfId", shelf}, {"price", 0.0}});
  const auto row = db.query(schema, items).find_first({.where = eq("price", 0.0)});
  ASSERT_TRUE(row.has_value());
  EXPECT_FALSE(std::signbit((*row)["price"].as_real()));
}

TEST_F(RoundTrip, TextAndBytesComeBackByteForByte) {
  std::mt19937_64 random(7);
  const std::vector<std::string> pieces = {"a", "Z", "0", " ", "\"", "\\", "'", "\n", "\t", "\x01", "\x1f", "\x7f",
                                           std::string(1, '\0'), "é", "€", "𝄞", "日本", "\xef\xbb\xbf", "{}", "[", "%"};
  std::vector<std::string> texts = {"", std::string(1, '\0'), "\\u0000", "null"};
  std::vector<std::string> blobs = {"", std::string(1, '\0')};
  while (texts.size() < 300) {
    std::string t;
    for (std::uint64_t n = random() % 12; n > 0; --n) t += pieces[random() % pieces.size()];
    texts.push_back(t);
    std::string b(random() % 40, '\0');
    for (char& c : b) c = static_cast<char>(random() & 0xff);
    blobs.push_back(b);
  }
  while (blobs.size() < texts.size()) blobs.push_back("x");
  if constexpr (backend::is_postgres) {
    // PostgreSQL's text holds no NUL: refused before the statement, naming the column.
    EXPECT_THROW(db.insert(schema, "items", {{"shelfId", shelf}, {"note", std::string("a\0b", 3)}}), schema_error);
    for (std::string& t : texts) std::erase(t, '\0');
  }
  for (std::size_t i = 0; i < texts.size(); ++i)
    db.insert(schema, "items", {{"shelfId", shelf}, {"note", texts[i]}, {"photo", blob{blobs[i]}}});
  const auto rows = db.query(schema, shelves).find_many({.with = {{"items", {.order_by = {asc("id")}}}}});
  const node& read = rows.at(0)["items"];
  ASSERT_EQ(read.size(), texts.size());
  for (std::size_t i = 0; i < texts.size(); ++i) {
    EXPECT_EQ(read[i]["note"].as_text(), texts[i]) << "row " << i;
    EXPECT_EQ(read[i]["photo"].as_text(), blobs[i]) << "row " << i;
  }
}

TEST_F(RoundTrip, IntegersAcrossTheInt64Range) {
  const std::vector<long long> values = {std::numeric_limits<long long>::min(), std::numeric_limits<long long>::max(), -1,
                                         0, (1LL << 53) + 1};
  for (long long v : values) db.insert(schema, "items", {{"shelfId", shelf}, {"count", v}});
  const auto rows = db.query(schema, items).find_many({.order_by = {asc("id")}});
  ASSERT_EQ(rows.size(), values.size());
  for (std::size_t i = 0; i < values.size(); ++i) EXPECT_EQ(rows[i]["count"].as_integer(), values[i]);
}

TEST_F(RoundTrip, BooleansAndTimestamps) {
  // PostgreSQL's timestamptz counts microseconds from 4713 BC to 294276 AD: every positive
  // int64 fits, the most negative ones are refused; 2^53 + 1 is exact on both.
  std::vector<long long> times = {-1, 0, 1700000000, (1LL << 53) + 1, -(1LL << 53) - 1,
                                  std::numeric_limits<long long>::max()};
  if constexpr (backend::is_postgres) {
    EXPECT_THROW(db.insert(schema, "items", {{"shelfId", shelf}, {"addedAt", std::numeric_limits<long long>::min()}}),
                 backend::driver_error);
  } else {
    times.push_back(std::numeric_limits<long long>::min());
  }
  for (std::size_t i = 0; i < times.size(); ++i)
    db.insert(schema, "items", {{"shelfId", shelf}, {"active", i % 2 == 0}, {"addedAt", times[i]}});
  const auto rows = db.query(schema, shelves).find_many({.with = {{"items", {.order_by = {asc("id")}}}}});
  const node& read = rows.at(0)["items"];
  ASSERT_EQ(read.size(), times.size());
  for (std::size_t i = 0; i < times.size(); ++i) {
    EXPECT_EQ(read[i]["active"].type(), node::kind::boolean);
    EXPECT_EQ(read[i]["active"].as_boolean(), i % 2 == 0);
    EXPECT_EQ(read[i]["addedAt"].as_integer(), times[i]);
  }
}

TEST_F(RoundTrip, NullOfEveryTypeIsNull) {
  db.insert(schema, "items", {{"shelfId", shelf}});
  db.insert(schema, "items", {{"shelfId", shelf}, {"photo", blob{""}}});
  const auto rows = db.query(schema, items).find_many({.order_by = {asc("id")}});
  for (const char* column : {"price", "count", "photo", "note", "active", "addedAt"})
    EXPECT_TRUE(rows[0][column].is_null()) << column;
  EXPECT_FALSE(rows[1]["photo"].is_null());  // empty bytes are not NULL
  EXPECT_EQ(rows[1]["photo"].as_text(), "");
}

TEST_F(RoundTrip, NaNIsRefusedNamingTheColumn) {
  try {
    db.insert(schema, "items", {{"shelfId", shelf}, {"price", std::nan("")}});
    FAIL() << "NaN was stored";
  } catch (const schema_error& e) {
    // Each backend's own reason: PostgreSQL's is not SQLite's.
    const std::string expected = backend::is_postgres
        ? "'items.price' cannot hold NaN: PostgreSQL would store a NaN that equals itself and sorts above every number, "
          "which no C++ double does (and SQLite would store NULL); write nullptr for no value"
        : "'items.price' cannot hold NaN: SQLite would store NULL; write nullptr for no value";
    EXPECT_EQ(e.what(), expected);
  }
}

// Booleans take true and false, or 1 and 0, on both backends; another integer is refused
// before the database sees it (SQLite's CHECK and PostgreSQL's input syntax each refused
// it in their own words).
TEST_F(RoundTrip, BooleansTakeOneAndZeroAndRefuseOtherIntegers) {
  db.insert(schema, "items", {{"shelfId", shelf}, {"active", 1}});
  db.insert(schema, "items", {{"shelfId", shelf}, {"active", 0}});
  const auto rows = db.query(schema, items).find_many({.order_by = {asc("id")}});
  ASSERT_EQ(rows.size(), 2u);
  EXPECT_TRUE(rows[0]["active"].as_boolean());
  EXPECT_FALSE(rows[1]["active"].as_boolean());
  for (const long long wrong : {2LL, -1LL}) {
    try {
      db.insert(schema, "items", {{"shelfId", shelf}, {"active", wrong}});
      FAIL() << wrong << " was written to a boolean";
    } catch (const schema_error& e) {
      EXPECT_EQ(std::string(e.what()), "'items.active' is boolean: write true or false (or 1 or 0), not " + std::to_string(wrong));
    }
  }
  EXPECT_THROW(db.update(schema, "items", {{"active", 2}}, eq("id", rows[0]["id"].as_integer())), schema_error);
  EXPECT_EQ(db.query(schema, items).find_many().size(), 2u);
}

#ifndef ORM_TEST_POSTGRES  // PostgreSQL's column types keep such values out
TEST_F(RoundTrip, AValueThatCannotBeDecodedNamesItsColumn) {
  // Written behind the runtime's back: text in a real column.
  ASSERT_EQ(sqlite3_exec(db.handle(), "INSERT INTO items (shelfId, price) VALUES (1, 'abc')", nullptr, nullptr, nullptr),
            SQLITE_OK);
  try {
    db.query(schema, items).find_many();
    FAIL() << "text in a real column was decoded";
  } catch (const error& e) {
    EXPECT_STREQ(e.what(), "'items.price' holds text 'abc', which is not a real");
  }
}

#endif

// A discriminated table: an update that names the same variant keeps its other fields.
inline constexpr auto events = table("events", column("at", integer().not_null()),
    column("kind", discriminator({.as = "details"},
        variant("login", column("ip", text().not_null()), column("userId", integer())),
        variant("refund", column("amount", real().not_null())))));
inline constexpr auto event_schema = define_schema(tables(events));

TEST(DiscriminatorUpdate, KeepsTheSameVariantsOtherFieldsAndClearsOnlyOtherVariants) {
  auto db = backend::open();
  db.migrate(event_schema);
  const auto id = db.insert(event_schema, "events", {{"at", 1}, {"kind", "login"}, {"ip", "10.0.0.1"}, {"userId", 7}});
  db.update(event_schema, "events", {{"kind", "login"}, {"ip", "10.0.0.2"}}, eq("id", id));
  auto row = db.query(event_schema, events).find_unique({.where = eq("id", id)});
  EXPECT_EQ((*row)["details"]["ip"].as_text(), "10.0.0.2");
  EXPECT_EQ((*row)["details"]["userId"].as_integer(), 7);  // was cleared: data lost
  db.update(event_schema, "events", {{"kind", "refund"}, {"amount", 5.0}}, eq("id", id));
  // The old variant's fields are cleared.
  EXPECT_EQ(backend::scalar(db, "SELECT ip IS NULL AND \"userId\" IS NULL FROM events"), "1");
}

}  // namespace

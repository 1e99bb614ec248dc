// Memory and time per returned row: a 100,000-row find_many as node trees and as typed
// rows (find_many<person>), against the same rows read by hand (sqlite3_column_*) into
// the same structs. `row_memory` prints the live heap bytes per row of each, counted by
// replacing operator new/delete (malloc_usable_size: what the allocator really holds),
// exact and independent of the machine's load; `row_memory time <node|typed|hand>` prints
// one reader's nanoseconds per row. bench/row_memory.py runs both and prints the table.
#include <malloc.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <new>
#include <string>
#include <vector>

#include <orm/sqlite.hpp>

namespace {
std::atomic<long long> live_bytes{0};
}

void* operator new(std::size_t n) {
  void* p = std::malloc(n ? n : 1);
  if (!p) throw std::bad_alloc();
  live_bytes += static_cast<long long>(malloc_usable_size(p));
  return p;
}
void operator delete(void* p) noexcept {
  if (!p) return;
  live_bytes -= static_cast<long long>(malloc_usable_size(p));
  std::free(p);
}
void operator delete(void* p, std::size_t) noexcept { operator delete(p); }

namespace {
using namespace orm;
using namespace orm::sqlite;

inline constexpr auto people = table("people", column("name", text().not_null()), column("email", text().not_null()),
                                     column("age", integer().not_null()), column("score", real().not_null()),
                                     column("active", boolean().not_null()));
inline constexpr auto schema = define_schema(tables(people));

struct person {
  std::int64_t id;
  std::string name;
  std::string email;
  std::int64_t age;
  double score;
  bool active;
};

constexpr int rows = 100000;
}  // namespace

int main(int argc, char** argv) {
  database db(":memory:");
  db.migrate(schema);
  {
    auto tx = db.transaction();
    for (int i = 0; i < rows; ++i)
      db.insert(schema, "people", {{"name", "person " + std::to_string(i)}, {"email", "person" + std::to_string(i) + "@example.com"},
                                   {"age", 20 + i % 60}, {"score", i * 0.25}, {"active", i % 2 == 0}});
    tx.commit();
  }
  auto query = db.query(schema, people);
  query.find_many({.limit = 1});  // the statement cache and the decoder's buffers exist before counting

  const auto hand_written = [&] {
    std::vector<person> out;
    statement all(db.handle(), "SELECT id, name, email, age, score, active FROM people");
    while (all.step()) out.push_back({all.integer(0), all.text(1), all.text(2), all.integer(3), all.real(4), all.integer(5) != 0});
    return out;
  };
  const auto as_nodes = [&] { return query.find_many({.allow_full_scan = true}); };
  const auto typed = [&] { return query.find_many<person>({.allow_full_scan = true}); };

  const auto bytes_of = [&](auto read) {
    const long long before = live_bytes;
    const auto rows_read = read();
    if (rows_read.size() != rows) std::fprintf(stderr, "expected %d rows, got %zu\n", rows, rows_read.size()), std::exit(1);
    return double(live_bytes - before) / rows;
  };
  const double node_bytes = bytes_of(as_nodes), typed_bytes = bytes_of(typed), struct_bytes = bytes_of(hand_written);

  const std::string mode = argc > 1 ? argv[1] : "memory";
  if (mode == "time") {
    // One reader per process (bench/row_memory.py interleaves them): a reader timed after
    // another inherits its heap, which skews the comparison either way.
    const std::string reader = argc > 2 ? argv[2] : "";
    const auto seconds_of = [](auto read) {
      (void)read();  // warm: the statement cache, the heap
      const auto start = std::chrono::steady_clock::now();
      for (int i = 0; i < 5; ++i) (void)read();
      return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count() / 5;
    };
    const double seconds = reader == "node" ? seconds_of(as_nodes) : reader == "typed" ? seconds_of(typed) : seconds_of(hand_written);
    std::printf("%.1f\n", seconds * 1e9 / rows);
    return 0;
  }
  std::printf("%.1f %.1f %.1f\n", node_bytes, typed_bytes, struct_bytes);
  return 0;
}

// Memory per returned row: a 100,000-row find_many as node trees against the same rows
// read by hand (sqlite3_column_*) into plain structs. Live heap bytes are counted by
// replacing operator new/delete (malloc_usable_size: what the allocator really holds),
// so the figure is exact and independent of the machine's load. Prints bytes per row and
// the ratio (target: node within 3x of structs; docs/performance.md).
#include <malloc.h>

#include <atomic>
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

int main() {
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

  long long before = live_bytes;
  std::vector<node> as_nodes = query.find_many({.allow_full_scan = true});
  const long long node_bytes = live_bytes - before;
  if (as_nodes.size() != rows) return std::fprintf(stderr, "expected %d rows, got %zu\n", rows, as_nodes.size()), 1;

  before = live_bytes;
  std::vector<person> as_structs;
  {
    statement all(db.handle(), "SELECT id, name, email, age, score, active FROM people");
    while (all.step())
      as_structs.push_back({all.integer(0), all.text(1), all.text(2), all.integer(3), all.real(4), all.integer(5) != 0});
  }
  const long long struct_bytes = live_bytes - before;
  if (as_structs.size() != rows) return std::fprintf(stderr, "expected %d structs\n", rows), 1;

  std::printf("rows: %d (id, two texts, integer, real, boolean)\n", rows);
  std::printf("node trees:    %7.1f bytes/row\n", double(node_bytes) / rows);
  std::printf("plain structs: %7.1f bytes/row\n", double(struct_bytes) / rows);
  std::printf("node / structs: %.2f (target <= 3)\n", double(node_bytes) / double(struct_bytes));
  return 0;
}

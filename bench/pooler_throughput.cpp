// Throughput of the runtime's everyday calls through pgbouncer (transaction pooling, a
// pool of 2 server connections, pgbouncer=true) against direct connections to the same
// server, side by side in one run: 8 client threads sharing `operations` calls, each
// doing {insert; find_unique by id; update (orm::add); find_many of its own rows; every
// 4th time: remove}, each checked (a wrong result or a lost row counts).
//
// usage: bench_pooler_throughput DIRECT_CONNINFO POOLED_CONNINFO [operations] [rounds]
// Prints one JSON line per round: {"mode": "direct"|"pooled", "seconds": s, "operations":
// n, "wrong": w}. bench/pooler_throughput.py starts the servers and prints the ratio.
#include <atomic>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <thread>
#include <vector>

#include <orm/postgres.hpp>

namespace {
using namespace orm;
using namespace orm::postgres;

inline constexpr auto accounts =
    table("accounts", column("owner", text().not_null()), column("balance", integer().not_null()), index("by_owner").on("owner"));
inline constexpr auto schema = define_schema(tables(accounts), {.defaults = {.default_limit = 1000}});

struct account_row {
  std::int64_t id;
  std::string owner;
  std::int64_t balance;
};

constexpr int threads = 8;

// One round: returns the seconds it took; adds to `wrong` each result that is not what
// the thread wrote.
double round_of(const std::string& conninfo, int operations, const std::string& tag, std::atomic<int>& wrong,
                std::atomic<int>& done) {
  std::vector<std::thread> workers;
  const auto start = std::chrono::steady_clock::now();
  for (int t = 0; t < threads; ++t)
    workers.emplace_back([&, t] {
      try {
        database db(conninfo);
        const std::string owner = tag + "-" + std::to_string(t);
        int live = 0;
        for (int i = 0; done < operations; ++i) {
          const auto id = db.insert(schema, "accounts", {{"owner", owner}, {"balance", i}});
          ++live;
          const auto row = db.query(schema, accounts).find_unique<account_row>({.where = eq("id", id)});
          if (!row || row->owner != owner || row->balance != i) ++wrong;
          if (db.update(schema, "accounts", {{"balance", orm::add(1)}}, eq("id", id)) != 1) ++wrong;
          const auto mine = db.query(schema, accounts).find_many<account_row>({.where = eq("owner", owner), .limit = 1000});
          if (static_cast<int>(mine.size()) != live) ++wrong;
          if (i % 4 == 3) {
            if (db.remove(schema, "accounts", eq("id", id)) != 1) ++wrong;
            --live;
            ++done;
          }
          done += 4;
        }
      } catch (const std::exception& e) {
        std::fprintf(stderr, "thread %d: %s\n", t, e.what());
        ++wrong;
      }
    });
  for (auto& w : workers) w.join();
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 3) {
    std::fprintf(stderr, "usage: %s DIRECT_CONNINFO POOLED_CONNINFO [operations] [rounds]\n", argv[0]);
    return 2;
  }
  const std::string direct = argv[1], pooled = argv[2];
  const int operations = argc > 3 ? std::atoi(argv[3]) : 10000;
  const int rounds = argc > 4 ? std::atoi(argv[4]) : 3;
  {
    database db(direct);
    db.exec("DROP TABLE IF EXISTS accounts");
    db.migrate(schema);
  }
  for (int r = 0; r < rounds; ++r)
    for (const bool through_pooler : {r % 2 == 0, r % 2 != 0}) {  // alternate which goes first
      std::atomic<int> wrong{0}, done{0};
      const std::string tag = std::string(through_pooler ? "pooled" : "direct") + std::to_string(r);
      const double seconds = round_of(through_pooler ? pooled : direct, operations, tag, wrong, done);
      std::printf("{\"mode\": \"%s\", \"seconds\": %.4f, \"operations\": %d, \"wrong\": %d}\n",
                  through_pooler ? "pooled" : "direct", seconds, done.load(), wrong.load());
      std::fflush(stdout);
    }
  return 0;
}

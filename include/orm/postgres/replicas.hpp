#pragma once
// Read replicas: hot standbys that stream the primary's WAL. Reads outside a transaction
// go to them in turn; writes, and everything inside a transaction, to the primary.
#include <chrono>
#include <memory>
#include <string>
#include <vector>

#include <orm/detail/function_ref.hpp>
#include <orm/postgres/vocabulary.hpp>
#include <orm/postgres/connection.hpp>

namespace orm::postgres {

struct replica_options {
  // The connection string of each replica, as for the primary.
  std::vector<std::string> replicas;
  // Every read waits for its own writes: it goes to a replica only once the replica has
  // replayed this database's writes (compared by WAL position), else to the primary.
  // find_options::read_your_writes asks it of one read.
  bool read_your_writes = false;
  // A replica that cannot be reached (down, or its connection lost): read from the
  // primary, and say so once in warnings(); or fail the read. Either way it is tried
  // again after `retry_after`.
  bool fall_back_to_primary = true;
  std::chrono::milliseconds retry_after{5000};
};

// The replicas of one database and what it knows of each.
class replica_set {
 public:
  struct replica {
    std::string conninfo;
    std::unique_ptr<postgres::connection> connection;  // opened on first use
    bool replayed_own_writes = true;                   // up to written_position_
    std::chrono::steady_clock::time_point unreachable_until{};
  };

  explicit replica_set(replica_options options) : options_(std::move(options)) {
    for (auto& conninfo : options_.replicas) replicas_.push_back({conninfo, nullptr, true, {}});
  }
  const replica_options& options() const { return options_; }
  bool empty() const { return replicas_.empty(); }

  // The primary took a write: replicas have not replayed it until they say so.
  void primary_wrote() { wrote_ = true; }

  // Runs `read` on a replica that can serve it (in turn), or returns false when none can
  // and the read belongs on the primary. `primary` tells the WAL position of this
  // database's writes when a read must see them. Warnings of unreachable replicas go to
  // `warn`.
  // Compiled once (src/postgres/replicas.cpp): each read's callback is a function_ref,
  // not a template parameter that compiled this loop again per read in users' units.
  bool run(bool read_your_writes, postgres::connection& primary, detail::function_ref<void(postgres::connection&)> read,
           detail::function_ref<void(const std::string&)> warn);

 private:
  postgres_error unreachable(const replica& r, const std::string& why) const {
    return postgres_error("the read replica '" + r.conninfo + "' cannot be reached (" + why +
                              "); nothing was read. Reads fall back to the primary with replica_options::"
                              "fall_back_to_primary = true",
                          "08006");
  }

  replica_options options_;
  std::vector<replica> replicas_;
  std::size_t next_ = 0;
  bool wrote_ = false;
  std::string written_position_;
};

}  // namespace orm::postgres

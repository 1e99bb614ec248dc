#pragma once
// Read replicas: hot standbys that stream the primary's WAL. Reads outside a transaction
// go to them in turn; writes, and everything inside a transaction, to the primary.
#include <chrono>
#include <memory>
#include <string>
#include <vector>

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
  template <class Read, class Warn>
  bool run(bool read_your_writes, postgres::connection& primary, Read&& read, Warn&& warn) {
    if (read_your_writes && wrote_) {
      written_position_ = std::string(primary.exec("SELECT pg_current_wal_insert_lsn()::text").text(0, 0));
      wrote_ = false;
      for (replica& r : replicas_) r.replayed_own_writes = false;
    }
    for (std::size_t tried = 0; tried < replicas_.size(); ++tried) {
      replica& r = replicas_[next_++ % replicas_.size()];
      if (std::chrono::steady_clock::now() < r.unreachable_until) {
        if (!options_.fall_back_to_primary) throw unreachable(r, "it was unreachable moments ago");
        continue;
      }
      try {
        if (!r.connection) r.connection = std::make_unique<postgres::connection>(r.conninfo);
        if (read_your_writes && !r.replayed_own_writes) {
          r.replayed_own_writes =
              r.connection->run("SELECT pg_last_wal_replay_lsn() >= $1::pg_lsn", {runtime::param(written_position_)}).text(0, 0) == "t";
          if (!r.replayed_own_writes) continue;  // lagging behind this database's writes
        }
        read(*r.connection);
        return true;
      } catch (const postgres_error& e) {
        if (e.sqlstate.rfind("08", 0) != 0) throw;  // the read's own error, not the replica's absence
        r.connection.reset();
        r.unreachable_until = std::chrono::steady_clock::now() + options_.retry_after;
        if (!options_.fall_back_to_primary) throw unreachable(r, e.what());
        warn("the read replica '" + r.conninfo + "' cannot be reached (" + e.what() +
             "); reads go to the primary until it is back (tried again every " +
             std::to_string(options_.retry_after.count()) + " ms)");
      }
    }
    return false;
  }

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

#include <orm/postgres/replicas.hpp>

namespace orm::postgres {

bool replica_set::run(bool read_your_writes, postgres::connection& primary, detail::function_ref<void(postgres::connection&)> read,
                      detail::function_ref<void(const std::string&)> warn) {
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

}  // namespace orm::postgres

#include <orm/postgres/connection.hpp>

#include <vector>

namespace orm::postgres {

void connection::commit_unawaited() {
  settle();
  if (drop_unsent_begin()) return;  // no statement took the BEGIN: no transaction to end
  // PQsendQuery flushes what it sends on a blocking connection: the server has the COMMIT
  // now, and a pooler frees the server connection as soon as the server answers.
  if (!PQsendQuery(conn_, "COMMIT")) throw failure("COMMIT", "");
  commit_in_flight_ = true;
}

void connection::settle() {
  if (!commit_in_flight_) return;
  commit_in_flight_ = false;
  PGresult* answer = PQgetResult(conn_);
  while (PGresult* more = PQgetResult(conn_)) PQclear(more);  // to the end of the COMMIT's results
  checked(answer, "COMMIT");
}

result connection::begun_with(const std::string& sql, const bound& values) {
  const std::string begin = std::exchange(begin_, "");
  // Prepared (when named) before the pipeline, outside the transaction: a name the server
  // lacks is prepared as run() prepares it.
  const std::string name = unnamed_ ? std::string() : prepared(sql);
  const bool named = !unnamed_;
  if (!PQenterPipelineMode(conn_)) throw failure(begin, "");
  const bool sent = PQsendQueryParams(conn_, begin.c_str(), 0, nullptr, nullptr, nullptr, nullptr, 0) &&
                    (named ? PQsendQueryPrepared(conn_, name.c_str(), values.count(), values.values.data(),
                                                 values.lengths.data(), values.formats.data(), 0)
                           : PQsendQueryParams(conn_, sql.c_str(), values.count(), nullptr, values.values.data(),
                                               values.lengths.data(), values.formats.data(), 0)) &&
                    PQpipelineSync(conn_);
  // The answers: BEGIN's, the statement's (each followed by a null), then the sync's. A
  // lost connection ends them early.
  std::vector<PGresult*> answers;
  int nulls = 0;
  while (sent && nulls < 3) {
    PGresult* r = PQgetResult(conn_);
    if (!r) {
      if (PQstatus(conn_) != CONNECTION_OK) break;
      ++nulls;
      continue;
    }
    if (PQresultStatus(r) == PGRES_PIPELINE_SYNC) {
      PQclear(r);
      break;
    }
    answers.push_back(r);
  }
  PQexitPipelineMode(conn_);
  const auto clear_from = [&](std::size_t first) {
    for (std::size_t i = first; i < answers.size(); ++i) PQclear(answers[i]);
  };
  if (answers.empty()) throw failure(begin, "");
  if (answers.size() == 1) {
    checked(answers[0], begin);  // BEGIN's error, if it failed
    throw failure(sql, "");      // else the connection was lost before the statement's answer
  }
  clear_from(2);
  try {
    checked(answers[0], begin);
  } catch (...) {
    PQclear(answers[1]);  // aborted with the BEGIN
    throw;
  }
  if (named && sqlstate_of(answers[1]) == "26000") {
    // A pooler put the transaction on a server connection without the name. Nothing of it
    // has reached the caller: roll it back and begin it again, unnamed from now on.
    PQclear(answers[1]);
    prepared_.clear();
    pooler_seen();
    checked(PQexec(conn_, "ROLLBACK"), "ROLLBACK");
    begin_ = begin;
    return begun_with(sql, values);
  }
  return checked(answers[1], sql);
}

}  // namespace orm::postgres

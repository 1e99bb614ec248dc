#include <orm/postgres/connection.hpp>

#include <algorithm>
#include <chrono>
#include <vector>

namespace orm::postgres {
namespace {

void clear_all(std::vector<PGresult*>& answers, std::size_t from = 0) {
  for (std::size_t i = from; i < answers.size(); ++i) PQclear(answers[i]);
  answers.resize(std::min(from, answers.size()));
}

}  // namespace

std::chrono::nanoseconds connection::measured_round_trip() {
  std::chrono::nanoseconds fastest = std::chrono::nanoseconds::max();
  for (int i = 0; i < 3; ++i) {
    const auto start = std::chrono::steady_clock::now();
    checked(PQexec(conn_, ""), "(an empty statement)");
    fastest = std::min(fastest, std::chrono::duration_cast<std::chrono::nanoseconds>(std::chrono::steady_clock::now() - start));
  }
  return fastest;
}

void connection::commit_unawaited() {
  settle();
  if (drop_unsent_begin()) return;  // no statement took the BEGIN: no transaction to end
  // In pipeline mode, so that the next statement can follow without waiting for this
  // answer; the sync flushes it: the server has the COMMIT now, and a pooler frees the
  // server connection as soon as the server answers.
  const bool sent = PQenterPipelineMode(conn_) &&
                    PQsendQueryParams(conn_, "COMMIT", 0, nullptr, nullptr, nullptr, nullptr, 0) && PQpipelineSync(conn_);
  if (!sent) {
    const postgres_error e = failure("COMMIT", "");
    PQexitPipelineMode(conn_);
    throw e;
  }
  commit_in_flight_ = true;
}

std::vector<PGresult*> connection::segment_answers(std::size_t queries) {
  std::vector<PGresult*> answers;
  std::size_t ends = 0;  // a query's answers end with a null
  while (ends < queries) {
    PGresult* r = PQgetResult(conn_);
    if (!r) {
      if (PQstatus(conn_) != CONNECTION_OK) return answers;
      ++ends;
      continue;
    }
    if (PQresultStatus(r) == PGRES_PIPELINE_SYNC) {  // the segment ended early
      PQclear(r);
      return answers;
    }
    if (answers.size() == ends) answers.push_back(r);
    else PQclear(r);  // a query's answers after its first
  }
  PGresult* sync = PQgetResult(conn_);
  PQclear(sync);
  return answers;
}

void connection::settle() {
  if (!commit_in_flight_) return;
  commit_in_flight_ = false;
  std::vector<PGresult*> answers = segment_answers(1);
  PQexitPipelineMode(conn_);
  if (answers.empty()) throw failure("COMMIT", "");
  checked(answers[0], "COMMIT");
}

result connection::pipelined(const std::string& sql, const bound& values) {
  const std::string begin = std::exchange(begin_, "");
  const bool committing = std::exchange(commit_in_flight_, false);  // its pipeline is open
  const bool named = !unnamed_;
  const std::string name = named ? prepared_.at(sql) : std::string();
  if (!committing && !PQenterPipelineMode(conn_)) throw failure(begin.empty() ? sql : begin, "");
  const bool sent =
      (begin.empty() || PQsendQueryParams(conn_, begin.c_str(), 0, nullptr, nullptr, nullptr, nullptr, 0)) &&
      (named ? PQsendQueryPrepared(conn_, name.c_str(), values.count(), values.values.data(), values.lengths.data(),
                                   values.formats.data(), 0)
             : PQsendQueryParams(conn_, sql.c_str(), values.count(), nullptr, values.values.data(),
                                 values.lengths.data(), values.formats.data(), 0)) &&
      PQpipelineSync(conn_);
  std::vector<PGresult*> commit = committing ? segment_answers(1) : std::vector<PGresult*>();
  const std::size_t queries = begin.empty() ? 1 : 2;
  std::vector<PGresult*> answers = sent ? segment_answers(queries) : std::vector<PGresult*>();
  PQexitPipelineMode(conn_);
  // The COMMIT's failure first (it ended the read before this one), then BEGIN's.
  if (committing) {
    if (commit.empty() || PQresultStatus(commit[0]) != PGRES_COMMAND_OK) clear_all(answers);
    if (commit.empty()) throw failure("COMMIT", "");
    checked(commit[0], "COMMIT");
  }
  if (answers.size() < queries) {
    if (answers.size() == 1 && !begin.empty()) {  // BEGIN answered, the statement did not
      PGresult* begun = answers[0];
      answers.clear();
      checked(begun, begin);  // BEGIN's error, if it failed
    }
    clear_all(answers);
    throw failure(sql, "");  // the connection was lost before the statement's answer
  }
  if (!begin.empty()) {
    if (PQresultStatus(answers[0]) != PGRES_COMMAND_OK) clear_all(answers, 1);  // aborted with the BEGIN
    checked(answers[0], begin);
  }
  PGresult* answer = answers.back();
  if (named && sqlstate_of(answer) == "26000") {
    // A pooler put this on a server connection without the name: the name is prepared
    // again or the statement runs unnamed, as run() does; inside a transaction this
    // read began, nothing has reached the caller yet: it is rolled back and begun again.
    PQclear(answer);
    if (begin.empty()) return name_missing(sql, values);
    prepared_.clear();
    pooler_seen();
    checked(PQexec(conn_, "ROLLBACK"), "ROLLBACK");
    begin_ = begin;
    return pipelined(sql, values);
  }
  return checked(answer, sql);
}

}  // namespace orm::postgres

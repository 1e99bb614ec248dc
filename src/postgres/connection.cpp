#include <orm/postgres/connection.hpp>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <vector>

namespace orm::postgres {
namespace {

void clear_all(std::vector<PGresult*>& answers, std::size_t from = 0) {
  for (std::size_t i = from; i < answers.size(); ++i) PQclear(answers[i]);
  answers.resize(std::min(from, answers.size()));
}

}  // namespace

connection::connection(const std::string& given) {
  const pooling::connection_options given_options = pooling::read_connection_options(given);
  const std::string& conninfo = given_options.conninfo;
  unnamed_ = given_options.unnamed_statements;
  char* parse_error = nullptr;
  PQconninfoOption* options = PQconninfoParse(conninfo.c_str(), &parse_error);
  if (!options) {
    const std::string message = parse_error ? trimmed(parse_error) : "out of memory";
    PQfreemem(parse_error);
    throw postgres_error("invalid PostgreSQL connection string: " + message +
                             "; write it as postgresql://user@host:port/dbname or as keywords (host=/run/postgresql "
                             "dbname=app user=app)",
                         "");
  }
  PQconninfoFree(options);
  conn_ = PQconnectdb(conninfo.c_str());
  if (!conn_ || PQstatus(conn_) != CONNECTION_OK) {
    const std::string message = conn_ ? trimmed(PQerrorMessage(conn_)) : "out of memory";
    const std::string at = conn_ ? where() : "the server";
    PQfinish(conn_);
    conn_ = nullptr;
    throw postgres_error("cannot connect to PostgreSQL at " + at + ": " + message +
                             "; check that the server runs there and the connection string's host, port, dbname and "
                             "user",
                         "08001");
  }
  // Notices (a CREATE ... IF NOT EXISTS that found the object) are not errors: the
  // runtime reports what matters itself.
  PQsetNoticeProcessor(conn_, [](void*, const char*) {}, nullptr);
  if (PQsetClientEncoding(conn_, "UTF8") != 0) throw failure("SET client_encoding", "");
  round_trip_ = measured_round_trip();
}

std::string connection::where() const {
  const std::string host = PQhost(conn_) ? PQhost(conn_) : "";
  const std::string port = PQport(conn_) ? PQport(conn_) : "5432";
  if (host.empty() || host.front() == '/') return "socket " + (host.empty() ? "/var/run/postgresql" : host) + "/.s.PGSQL." + port;
  return "host " + host + " port " + port;
}

result connection::exec(const std::string& sql) {
  ready();
  return checked(PQexec(conn_, sql.c_str()), sql);
}

result connection::run(const std::string& sql, const std::vector<runtime::param>& params) {
  bound values_of(params);
  if (!begin_.empty() || commit_in_flight_) {
    // What waits goes in one pipeline with this statement, when this statement needs no
    // round trip first: a name prepared already, or a statement unnamed in a transaction.
    if (!unnamed_ && !prepared_.contains(sql)) prepared(sql);  // reads the COMMIT's answer first
    if (!unnamed_ || !begin_.empty()) return pipelined(sql, values_of);
    settle();
  }
  if (unnamed_) return checked(in_transaction() ? unnamed(sql, values_of) : pooled(sql, values_of), sql);
  const std::string name = prepared(sql);
  if (unnamed_) return checked(unnamed(sql, values_of), sql);  // preparing found the pooler
  PGresult* r = PQexecPrepared(conn_, name.c_str(), values_of.count(), values_of.values.data(),
                               values_of.lengths.data(), values_of.formats.data(), 0);
  if (sqlstate_of(r) != "26000") return checked(r, sql);
  PQclear(r);
  return name_missing(sql, values_of);
}

connection::bound::bound(const std::vector<runtime::param>& params)
    : texts(params.size()), values(params.size()), lengths(params.size()), formats(params.size()) {
  for (std::size_t i = 0; i < params.size(); ++i) set(i, params[i]);
}

void connection::bound::set(std::size_t i, const runtime::param& p) {
  switch (p.type()) {
    case runtime::param::kind::null: values[i] = nullptr; return;
    case runtime::param::kind::boolean: texts[i] = p.integer() ? "true" : "false"; break;
    case runtime::param::kind::integer: texts[i] = std::to_string(p.integer()); break;
    case runtime::param::kind::real: texts[i] = real_text(p.real()); break;
    case runtime::param::kind::text: texts[i] = p.text(); break;
    case runtime::param::kind::add:
    case runtime::param::kind::now:
      throw runtime::schema_error("orm::add, orm::sub and orm::now are values of a written column only");
    case runtime::param::kind::bytes:
      // Bytes go in binary: no hex text twice their size, no escaping.
      values[i] = p.text().data();
      lengths[i] = static_cast<int>(p.text().size());
      formats[i] = 1;
      return;
  }
  values[i] = texts[i].c_str();
  lengths[i] = static_cast<int>(texts[i].size());
}

PGresult* connection::pooled(const std::string& sql, const bound& b) {
  const std::string& name = pooled_name(sql);
  PGresult* r = PQexecPrepared(conn_, name.c_str(), b.count(), b.values.data(), b.lengths.data(), b.formats.data(), 0);
  if (sqlstate_of(r) != "26000") return r;
  PQclear(r);
  PGresult* result = unnamed(sql, b);
  const ExecStatusType status = PQresultStatus(result);
  if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK) return result;
  // As many names as a direct connection keeps, then the server connection at hand
  // starts again (safe outside a transaction block: a client missing a name there
  // prepares it again), so that no server connection gathers shapes without bound.
  if (++pooled_prepares_ > most) {
    PQclear(PQexec(conn_, "DEALLOCATE ALL"));
    pooled_prepares_ = 1;
  }
  PQclear(PQprepare(conn_, name.c_str(), sql.c_str(), 0, nullptr));  // 42P05: that one has it already
  return result;
}

const std::string& connection::pooled_name(const std::string& sql) {
  if (const auto it = pooled_names_.find(sql); it != pooled_names_.end()) return it->second;
  if (pooled_names_.size() >= most) pooled_names_.clear();
  return pooled_names_.emplace(sql, pooling::statement_name(sql)).first->second;
}

void connection::pooler_seen() {
  if (unnamed_) return;
  unnamed_ = true;
  notice_ = "PostgreSQL at " + where() + " changed server connections between transactions: a pooler in "
            "transaction mode (pgbouncer) is in front of it, and this database runs its statements unnamed from "
            "now on; add pgbouncer=true to the connection string to start that way";
}

postgres_error connection::server_connection_changed(const std::string& sql) const {
  return postgres_error("statement failed: the pooler in front of PostgreSQL at " + where() +
                            " gave this transaction a server connection without this client's prepared statements, "
                            "and the error aborted the transaction: let it roll back and run it again (this database "
                            "runs its statements unnamed from now on; add pgbouncer=true to the connection string to "
                            "start that way)\n  " + sql,
                        "26000");
}

std::string connection::trimmed(std::string text) {
  while (!text.empty() && (text.back() == '\n' || text.back() == ' ')) text.pop_back();
  for (char& c : text)
    if (c == '\n') c = ' ';
  return text;
}

std::string connection::real_text(double d) {
  if (std::isinf(d)) return d > 0 ? "Infinity" : "-Infinity";
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%.17g", d);  // round-trips a double
  return buffer;
}

std::string connection::prepared(const std::string& sql) {
  settle();
  if (const auto it = prepared_.find(sql); it != prepared_.end()) return it->second;
  if (prepared_.size() >= most) {
    // Query shapes beyond the cache's size: start again, as the SQLite cache does.
    PQclear(PQexec(conn_, "DEALLOCATE ALL"));
    prepared_.clear();
  }
  std::string name = pooling::statement_name(sql);
  PGresult* r = PQprepare(conn_, name.c_str(), sql.c_str(), 0, nullptr);
  if (sqlstate_of(r) == "42P05") {
    PQclear(r);
    pooler_seen();
    if (server_in_transaction()) throw server_connection_changed(sql);  // a BEGIN not sent yet is not
    return name;
  }
  checked(r, sql);
  return prepared_.emplace(sql, std::move(name)).first->second;
}

postgres_error connection::failure(const std::string& sql, const std::string& sqlstate) const {
  std::string message = trimmed(PQerrorMessage(conn_));
  if (PQstatus(conn_) == CONNECTION_BAD)
    return postgres_error("the connection to PostgreSQL at " + where() + " was lost: " + message +
                              "; nothing is retried (the server rolls back a transaction in progress): open a new "
                              "database and run the transaction again",
                          sqlstate.empty() ? "08006" : sqlstate);
  if (sqlstate == "25P02")
    message += " (an earlier statement of this transaction failed: let the transaction roll back, then run it again)";
  return postgres_error("statement failed: " + message + "\n  " + sql, sqlstate);
}

result connection::checked(PGresult* r, const std::string& sql) {
  const ExecStatusType status = r ? PQresultStatus(r) : PGRES_FATAL_ERROR;
  if (status == PGRES_COMMAND_OK || status == PGRES_TUPLES_OK || status == PGRES_EMPTY_QUERY) return result(r);
  const std::string sqlstate = sqlstate_of(r);
  PQclear(r);
  throw failure(sql, sqlstate);
}

void connection::ready() {
  settle();
  if (!begin_.empty()) {
    const std::string begin = std::exchange(begin_, "");
    checked(PQexec(conn_, begin.c_str()), begin);
  }
}

result connection::name_missing(const std::string& sql, const bound& values) {
  prepared_.clear();
  pooler_seen();
  if (in_transaction()) throw server_connection_changed(sql);
  return checked(unnamed(sql, values), sql);
}

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

#pragma once
// One libpq connection: opened from a connection string (URI or keyword form), its
// statements prepared once and cached by their text, parameters bound (text, bytes in
// binary), every failure an orm error that names the server and the cause.
//
// Behind a pooler in transaction mode the server connection may change between
// transactions. A prepared statement's name is its text's hash, so a name found on any
// server connection means this text; a name missing there is prepared again (outside a
// transaction) or reported with the way out (inside one, where the error has aborted it).
// Once the pooler is seen, and from the start with `pgbouncer=true`, statements are unnamed.
#include <libpq-fe.h>

#include <chrono>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include <orm/postgres/vocabulary.hpp>
#include <orm/postgres/pooling.hpp>
#include <orm/runtime/errors.hpp>
#include <orm/runtime/param.hpp>

namespace orm::postgres {

// PostgreSQL itself failed: a refused constraint, a lost connection. Carries the SQLSTATE
// ("23505" a unique violation, "23503" a foreign key, "08006" a lost connection; empty
// when the client failed before the server answered).
struct postgres_error : runtime::error {
  postgres_error(const std::string& what, std::string sqlstate) : runtime::error(what), sqlstate(std::move(sqlstate)) {}
  std::string sqlstate;
};

// A statement's rows, in text format.
class result {
 public:
  explicit result(PGresult* r) : r_(r) {}
  result(result&& other) noexcept : r_(std::exchange(other.r_, nullptr)) {}
  result& operator=(result&&) = delete;
  result(const result&) = delete;
  ~result() { PQclear(r_); }

  int rows() const { return PQntuples(r_); }
  int column_count() const { return PQnfields(r_); }
  std::string_view column_name(int column) const {
    const char* name = PQfname(r_, column);
    return name ? std::string_view(name) : std::string_view();
  }
  bool is_null(int row, int column) const { return PQgetisnull(r_, row, column) != 0; }
  std::string_view text(int row, int column) const {
    return {PQgetvalue(r_, row, column), static_cast<std::size_t>(PQgetlength(r_, row, column))};
  }
  // Rows an INSERT, UPDATE or DELETE changed (0 for a SELECT, whose count PostgreSQL
  // reports in the same place).
  std::int64_t changed() const {
    const char* n = PQcmdTuples(r_);
    if (std::string_view(PQcmdStatus(r_)).starts_with("SELECT")) return 0;
    return n && *n ? std::stoll(n) : 0;
  }

 private:
  PGresult* r_;
};

// Its members are compiled once, in src/postgres/connection.cpp: a unit that queries does
// not compile the protocol (preparing, pooling, errors) again.
class connection {
 public:
  explicit connection(const std::string& given);
  connection(const connection&) = delete;
  connection& operator=(const connection&) = delete;
  ~connection() { PQfinish(conn_); }

  // The server's address as a user would check it: the socket file, or host and port.
  std::string where() const;

  // SQL without parameters (DDL, BEGIN); several statements may be given.
  result exec(const std::string& sql);

  // A statement with bound parameters, prepared on first use and kept for the
  // connection's life (by its text: a query shape is prepared once).
  result run(const std::string& sql, const std::vector<runtime::param>& params);

  // A read's transaction without round trips of its own: `begin` (a BEGIN statement) goes
  // to the server in one pipeline with the next run(), and COMMIT is sent without waiting
  // for its answer, which is read with the next statement's (in one pipeline with it) or
  // before any other use. A read of three statements waits for three answers, not five;
  // on a network each is a round trip.
  // (A COMMIT of a transaction that wrote nothing has nothing to say that the next use
  // of the connection would not say itself: a lost connection.)
  void begin_with_next(std::string begin) { begin_ = std::move(begin); }
  // Forgets a BEGIN no statement has taken yet: true when there was one (the
  // transaction never began, so there is nothing to roll back or commit).
  bool drop_unsent_begin() { return !std::exchange(begin_, "").empty(); }
  void commit_unawaited();
  // Whether a COMMIT was sent and its answer not read yet (for tests).
  bool commit_in_flight() const { return commit_in_flight_; }

  // The time of a round trip to the server (through a pooler, when there is one), as the
  // fastest of three empty statements at connect: what a statement more costs a read.
  std::chrono::nanoseconds round_trip() const { return round_trip_; }

  // Whether statements are unnamed (`pgbouncer=true`, or a pooler was seen).
  bool unnamed_statements() const { return unnamed_; }
  // Why this connection's statements became unnamed, once, for the database's warnings.
  std::string take_notice() { return std::exchange(notice_, ""); }

 private:
  // Parameters as libpq takes them: text, bytes in binary.
  struct bound {
    explicit bound(const std::vector<runtime::param>& params);
    int count() const { return static_cast<int>(values.size()); }
    void set(std::size_t i, const runtime::param& p);
    std::vector<std::string> texts;
    std::vector<const char*> values;
    std::vector<int> lengths, formats;
  };

  PGresult* unnamed(const std::string& sql, const bound& b) {
    return PQexecParams(conn_, sql.c_str(), b.count(), nullptr, b.values.data(), b.lengths.data(), b.formats.data(), 0);
  }
  // Behind a pooler, outside a transaction block: each statement is a transaction of its
  // own, which the pooler may run on any of its server connections. A statement's name
  // is a hash of its text, so it means this statement on every server connection that
  // has it; one that lacks it says so (26000) without side effects, and then the call
  // runs unnamed and the name is prepared on whichever server connection comes next, so
  // that the pool soon holds every shape and calls skip parsing and planning as directly
  // connected ones do. (Inside a transaction block a missing name would abort it, so
  // statements there stay unnamed.)
  PGresult* pooled(const std::string& sql, const bound& b);
  const std::string& pooled_name(const std::string& sql);
  static std::string sqlstate_of(const PGresult* r) {
    const char* state = r ? PQresultErrorField(r, PG_DIAG_SQLSTATE) : nullptr;
    return state ? state : "";
  }
  void pooler_seen();
  postgres_error server_connection_changed(const std::string& sql) const;

 public:
  // Whether a transaction block is open (BEGIN without COMMIT yet, or a BEGIN waiting for
  // its statement).
  bool in_transaction() const { return !begin_.empty() || server_in_transaction(); }
  std::size_t prepared_count() const { return prepared_.size(); }
  // libpq's connection, with no answer left to read (a COMMIT sent unawaited is read).
  PGconn* handle() {
    ready();
    return conn_;
  }

 private:
  static std::string trimmed(std::string text);
  static std::string real_text(double d);

  // The statement's name, prepared on this connection when it is not yet. A name the
  // server already has was prepared there by another client of the same server
  // connection (by its name, with this text): a pooler shares it; statements go unnamed.
  std::string prepared(const std::string& sql);

  postgres_error failure(const std::string& sql, const std::string& sqlstate) const;

  result checked(PGresult* r, const std::string& sql);

  // Whether the server has a transaction block open for this connection (a BEGIN not
  // sent yet does not count).
  bool server_in_transaction() const {
    if (commit_in_flight_) return false;  // the COMMIT ends it, whatever its answer
    const PGTransactionStatusType s = PQtransactionStatus(conn_);
    return s == PQTRANS_INTRANS || s == PQTRANS_INERROR;
  }
  std::chrono::nanoseconds measured_round_trip();
  // Reads the answer of a COMMIT sent unawaited; its failure is this use's error.
  void settle();
  // settle(), and a BEGIN waiting for a statement sent on its own (the next use is not a
  // statement that can take it along, such as exec's).
  void ready();
  // The name of `sql` was missing on this server connection (26000): a pooler gave this
  // client another one. Outside a transaction the call runs unnamed; inside one, whose
  // error has aborted it, it fails saying to run the transaction again.
  result name_missing(const std::string& sql, const bound& values);
  // `sql` sent in one pipeline after what waits: the answer of a COMMIT sent unawaited
  // (read first), a BEGIN (sent first). Named statements are prepared already.
  result pipelined(const std::string& sql, const bound& values);
  // The answers of one pipeline segment: one per query sent (fewer when the connection
  // was lost), up to and with its sync, which is not returned.
  std::vector<PGresult*> segment_answers(std::size_t queries);

  static constexpr std::size_t most = 256;  // statements kept prepared
  PGconn* conn_ = nullptr;
  std::unordered_map<std::string, std::string> prepared_;  // SQL -> prepared statement's name
  std::unordered_map<std::string, std::string> pooled_names_;  // SQL -> its name behind a pooler
  std::size_t pooled_prepares_ = 0;  // names this client prepared behind a pooler since the last DEALLOCATE ALL
  bool unnamed_ = false;                                    // statements unnamed: behind a pooler
  std::string begin_;                                       // a BEGIN sent with the next statement
  std::chrono::nanoseconds round_trip_{0};
  bool commit_in_flight_ = false;                           // a COMMIT sent, its answer not read (pipeline mode)
  std::string notice_;                                      // why they became unnamed, until taken
};

}  // namespace orm::postgres

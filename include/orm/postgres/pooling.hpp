#pragma once
// What lets a connection run behind a pooler in transaction mode (pgbouncer), where a
// client's consecutive transactions may run on different server connections that other
// clients use too: prepared statements named after their text, so that a name any server
// connection has can only mean that text, and the connection string's `pgbouncer=true`,
// which turns named statements off.
#include <string>
#include <string_view>

namespace orm::postgres::pooling {

struct connection_options {
  std::string conninfo;             // for libpq: the given string without `pgbouncer`
  bool unnamed_statements = false;  // `pgbouncer=true`: every statement unnamed
};

// Reads and removes `pgbouncer=true|false` from a connection string in either form
// ("postgresql://host/db?pgbouncer=true", "host=... pgbouncer=true"), which libpq itself
// would refuse. Throws orm::postgres::postgres_error for another value.
connection_options read_connection_options(const std::string& conninfo);

// "orm_" and 32 hex digits of the text's XXH3 128-bit hash: the same in every process and
// build, and different for different texts (a collision needs about 2^64 texts).
std::string statement_name(std::string_view sql);

}  // namespace orm::postgres::pooling

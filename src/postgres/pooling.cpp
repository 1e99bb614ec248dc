#include <orm/postgres/connection.hpp>
#include <orm/postgres/pooling.hpp>

#include <cctype>
#include <cstdio>

#define XXH_INLINE_ALL  // the hash is compiled into this file: nothing to link
#include <xxhash.h>

namespace orm::postgres::pooling {
namespace {

bool option_value(std::string_view value, std::string_view given) {
  if (value == "true" || value == "1") return true;
  if (value == "false" || value == "0") return false;
  throw postgres_error("invalid connection string option pgbouncer=" + std::string(value) + " in '" +
                           std::string(given) + "': write pgbouncer=true (behind a pooler in transaction mode) or "
                           "pgbouncer=false",
                       "");
}

bool is_uri(std::string_view conninfo) {
  return conninfo.starts_with("postgresql://") || conninfo.starts_with("postgres://");
}

// The URI form: `pgbouncer=...` is one of the &-separated parameters after '?'.
connection_options from_uri(const std::string& conninfo) {
  connection_options out{conninfo, false};
  const std::size_t query = conninfo.find('?');
  if (query == std::string::npos) return out;
  std::string kept;
  std::size_t start = query + 1;
  while (start <= conninfo.size()) {
    std::size_t end = conninfo.find('&', start);
    if (end == std::string::npos) end = conninfo.size();
    const std::string_view parameter(conninfo.data() + start, end - start);
    if (parameter.starts_with("pgbouncer=")) {
      out.unnamed_statements = option_value(parameter.substr(10), conninfo);
    } else if (!parameter.empty()) {
      kept += kept.empty() ? "" : "&";
      kept += parameter;
    }
    start = end + 1;
  }
  out.conninfo = conninfo.substr(0, query) + (kept.empty() ? "" : "?" + kept);
  return out;
}

// The keyword form: whitespace-separated `key = value` pairs, values optionally in single
// quotes (with \' and \\ escapes), as libpq reads them.
connection_options from_keywords(const std::string& conninfo) {
  connection_options out{"", false};
  std::size_t i = 0;
  const auto space = [&](std::size_t at) { return at < conninfo.size() && std::isspace(static_cast<unsigned char>(conninfo[at])); };
  while (i < conninfo.size()) {
    while (space(i)) ++i;
    if (i >= conninfo.size()) break;
    const std::size_t begin = i;
    while (i < conninfo.size() && conninfo[i] != '=' && !space(i)) ++i;
    const std::string key = conninfo.substr(begin, i - begin);
    while (space(i)) ++i;
    if (i < conninfo.size() && conninfo[i] == '=') ++i;
    while (space(i)) ++i;
    std::string value;
    if (i < conninfo.size() && conninfo[i] == '\'') {
      for (++i; i < conninfo.size() && conninfo[i] != '\''; ++i) {
        if (conninfo[i] == '\\' && i + 1 < conninfo.size()) ++i;
        value += conninfo[i];
      }
      ++i;
    } else {
      while (i < conninfo.size() && !space(i)) value += conninfo[i++];
    }
    if (key == "pgbouncer") {
      out.unnamed_statements = option_value(value, conninfo);
      continue;
    }
    out.conninfo += (out.conninfo.empty() ? "" : " ") + conninfo.substr(begin, i - begin);
  }
  return out;
}

}  // namespace

connection_options read_connection_options(const std::string& conninfo) {
  return is_uri(conninfo) ? from_uri(conninfo) : from_keywords(conninfo);
}

std::string statement_name(std::string_view sql) {
  const XXH128_hash_t hash = XXH3_128bits(sql.data(), sql.size());
  char name[4 + 32 + 1];
  std::snprintf(name, sizeof name, "orm_%016llx%016llx", static_cast<unsigned long long>(hash.high64),
                static_cast<unsigned long long>(hash.low64));
  return name;
}

}  // namespace orm::postgres::pooling

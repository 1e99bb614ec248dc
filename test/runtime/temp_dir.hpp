#pragma once
// A temporary directory of this test process's own, so that the test binaries ctest runs
// at the same time (the main, GCC and sanitized builds, the PostgreSQL runs) never share
// a file. Made on first use under $TMPDIR (or /tmp), removed when the process that made
// it exits (not by forked children).
#include <filesystem>
#include <string>

#include <unistd.h>

namespace orm::testing {

class temp_dir {
 public:
  static const std::filesystem::path& path() {
    static const temp_dir dir;
    return dir.path_;
  }
  // A file name in it; any file left there by an earlier test is removed.
  static std::string file(const std::string& name) {
    const auto file = path() / name;
    std::filesystem::remove(file);
    return file.string();
  }

 private:
  temp_dir() : owner_(::getpid()) {
    path_ = std::filesystem::temp_directory_path() / ("orm-tests-" + std::to_string(owner_));
    std::filesystem::remove_all(path_);  // a process of the same number long ago
    std::filesystem::create_directories(path_);
  }
  ~temp_dir() {
    std::error_code ignored;
    if (::getpid() == owner_) std::filesystem::remove_all(path_, ignored);
  }
  pid_t owner_;
  std::filesystem::path path_;
};

}  // namespace orm::testing

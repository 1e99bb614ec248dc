# lit configuration shared by every lit test of the project.
import os
import sys
import lit.formats

config.name = "orm"
config.test_format = lit.formats.ShTest(execute_external=False)
config.suffixes = [".cpp", ".test"]
config.test_source_root = os.path.dirname(__file__)
config.test_exec_root = os.path.join(config.orm_binary_dir, "test", "lit")
config.excludes = ["Inputs"]

include = os.path.join(config.orm_source_dir, "include")
config.substitutions.append(("%orm_include", include))
# A program that uses a runtime links this build's libraries: the backend's, the shared
# runtime's and the model's. A build with sanitizers compiles the program with them too.
def libraries(backend, *system):
    built = [os.path.join(config.orm_binary_dir, "liborm_%s.a" % name) for name in (backend, "runtime")]
    return " ".join(built + [os.path.join(config.orm_binary_dir, "liborm.a")] + ["-l" + s for s in system])
config.substitutions.append(("%orm_sqlite_libs", libraries("sqlite", "sqlite3", "simdjson", "fmt")))
# A program that uses the PostgreSQL runtime; and the tests' server, which ctest's
# fixture starts (without it, the programs that need it fail, saying so).
config.substitutions.append(("%orm_postgres_flags", "-I" + config.postgres_include))
config.substitutions.append(("%orm_postgres_libs", libraries("postgres", "pq", "simdjson", "fmt")))
config.substitutions.append(("%orm_test_postgres", os.environ.get("ORM_TEST_POSTGRES", "")))
sanitizers = " -fsanitize=" + config.orm_sanitizers if config.orm_sanitizers else ""
config.substitutions.append(("%clangxx", config.clangxx + " -std=c++20" + sanitizers + " -I" + include))
config.substitutions.append(("FileCheck", config.filecheck))
config.substitutions.append(("%orm_source_dir", config.orm_source_dir))
config.substitutions.append(("%python", sys.executable))
# A run that expects findings requires exit 1 exactly (lit's `not` also takes exit 2,
# "did not compile"): %exit1 %ormlint ...
config.substitutions.append(("%exit1", sys.executable + " " + os.path.join(config.orm_source_dir, "test", "lit", "cli", "Inputs", "expect_status.py") + " 1"))
# And a run that expects ormlint to refuse (bad usage, config, input that did not compile): exit 2.
config.substitutions.append(("%exit2", sys.executable + " " + os.path.join(config.orm_source_dir, "test", "lit", "cli", "Inputs", "expect_status.py") + " 2"))
config.substitutions.append(("%ormlint", config.ormlint))
config.substitutions.append(("%orm_bin", config.orm_binary_dir))
config.substitutions.append(("%tidy_module", os.path.join(config.orm_binary_dir, "tool", "tidy", "libormlint-tidy.so")))
config.substitutions.append(("%compiler_plugin", os.path.join(config.orm_binary_dir, "tool", "plugin", "libormlint-plugin.so")))
config.substitutions.append(("%clang_tidy", os.path.join(config.llvm_tools_dir, "clang-tidy")))
if os.path.exists("/usr/lib/llvm-14/bin/clang-tidy"):
    config.available_features.add("clang-tidy-14")
# What a compile database would give: the standard and the library's headers.
config.substitutions.append(("%cxxflags", "-std=c++20 -I" + include + " -I" + os.path.join(config.orm_source_dir, "test")))
config.environment["PATH"] = os.pathsep.join([config.llvm_tools_dir, config.environment.get("PATH", "")])
# A sanitized build (ctest lit_sanitized) passes its sanitizers' settings through.
for variable in ("ASAN_OPTIONS", "UBSAN_OPTIONS", "LSAN_OPTIONS"):
    if variable in os.environ:
        config.environment[variable] = os.environ[variable]

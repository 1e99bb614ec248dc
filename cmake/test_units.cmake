# How the tests' own executables are compiled. In a build that optimizes with full debug
# information (RelWithDebInfo, the default preset), a test unit is built at -O1 with line
# tables only: measured on the heaviest test unit, 17 s against 29 s at -O2 -g, and a
# failing test's stack still names its files and lines. The product's own code keeps the
# build's flags.
function(orm_test_unit target)
  if(CMAKE_BUILD_TYPE STREQUAL "RelWithDebInfo")
    target_compile_options(${target} PRIVATE -O1 $<IF:$<CXX_COMPILER_ID:Clang>,-gline-tables-only,-g1>)
  endif()
endfunction()

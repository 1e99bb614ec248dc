# cmake --install: the headers, ormlint, libormlint-tidy.so, libormlint-plugin.so, ormlint-clangd, and a
# find_package(orm) config (cmake/ormConfig.cmake.in).
include(GNUInstallDirs)
include(CMakePackageConfigHelpers)

install(DIRECTORY ${PROJECT_SOURCE_DIR}/include/orm DESTINATION ${CMAKE_INSTALL_INCLUDEDIR})
install(TARGETS ormlint ormlint-clangd RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
# ormlint-clangd's clangd configuration for users who have none (tool/clangd/main.cpp).
install(DIRECTORY ${PROJECT_SOURCE_DIR}/tool/clangd/defaults/ DESTINATION ${CMAKE_INSTALL_DATADIR}/orm/clangd-defaults)
# The checks' pages: ormlint's SARIF points at them (helpUri) unless given --sarif-help-uri.
install(DIRECTORY ${PROJECT_SOURCE_DIR}/docs/checks/ DESTINATION ${CMAKE_INSTALL_DATADIR}/doc/orm/checks)
install(TARGETS ormlint-tidy ormlint-plugin LIBRARY DESTINATION ${CMAKE_INSTALL_LIBDIR})
install(TARGETS orm orm_runtime EXPORT ormTargets)
set_target_properties(orm_runtime PROPERTIES EXPORT_NAME runtime)
# Each backend is its own export set, so that find_package(orm COMPONENTS postgres)
# requires only what orm::postgres needs (cmake/ormConfig.cmake.in).
foreach(entry IN LISTS ORM_BACKENDS)
  string(REGEX REPLACE "=.*" "" backend "${entry}")
  if(TARGET orm_${backend})
    install(TARGETS orm_${backend} EXPORT orm_${backend}Targets)
    set_target_properties(orm_${backend} PROPERTIES EXPORT_NAME ${backend})
    install(EXPORT orm_${backend}Targets NAMESPACE orm:: DESTINATION ${CMAKE_INSTALL_LIBDIR}/cmake/orm)
  endif()
endforeach()
install(EXPORT ormTargets NAMESPACE orm:: DESTINATION ${CMAKE_INSTALL_LIBDIR}/cmake/orm)

configure_package_config_file(${PROJECT_SOURCE_DIR}/cmake/ormConfig.cmake.in ${PROJECT_BINARY_DIR}/ormConfig.cmake
                              INSTALL_DESTINATION ${CMAKE_INSTALL_LIBDIR}/cmake/orm
                              PATH_VARS CMAKE_INSTALL_BINDIR CMAKE_INSTALL_LIBDIR)
write_basic_package_version_file(${PROJECT_BINARY_DIR}/ormConfigVersion.cmake COMPATIBILITY SameMinorVersion)
install(FILES ${PROJECT_BINARY_DIR}/ormConfig.cmake ${PROJECT_BINARY_DIR}/ormConfigVersion.cmake
        DESTINATION ${CMAKE_INSTALL_LIBDIR}/cmake/orm)

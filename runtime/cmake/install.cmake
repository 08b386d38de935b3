# Install rules of the runtime (included from runtime/CMakeLists.txt when
# LOCKGRAPH_INSTALL is on): the two libraries, the public headers, a CMake
# package and a pkg-config file.
#
#   lib/liblockgraph_rt.a, lib/liblockgraph_rt.so (+ soname links)
#   include/lockgraph/*.hpp (+ detail/)
#   lib/cmake/lockgraph/lockgraph{Config,ConfigVersion,Targets*}.cmake
#   lib/pkgconfig/lockgraph.pc
#
# nlohmann/json is private to the runtime's sources: nothing installed
# mentions it (the libraries link it at build time only, through
# $<BUILD_INTERFACE:...> on the object library that is not exported).
include(CMakePackageConfigHelpers)

set(LOCKGRAPH_INSTALL_CMAKEDIR ${CMAKE_INSTALL_LIBDIR}/cmake/lockgraph
    CACHE STRING "Where lockgraphConfig.cmake is installed, relative to the prefix")
set(LOCKGRAPH_INSTALL_PKGCONFIGDIR ${CMAKE_INSTALL_LIBDIR}/pkgconfig
    CACHE STRING "Where lockgraph.pc is installed, relative to the prefix")

install(TARGETS lockgraph_rt_static lockgraph_rt_shared
  EXPORT lockgraphTargets
  ARCHIVE DESTINATION ${CMAKE_INSTALL_LIBDIR}
  LIBRARY DESTINATION ${CMAKE_INSTALL_LIBDIR}
  RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})

# The directory rather than a list, so that new headers are installed
# without touching this file.
install(DIRECTORY ${CMAKE_CURRENT_SOURCE_DIR}/include/
  DESTINATION ${CMAKE_INSTALL_INCLUDEDIR}
  FILES_MATCHING PATTERN "*.hpp" PATTERN "*.h")

install(EXPORT lockgraphTargets
  NAMESPACE lockgraph::
  DESTINATION ${LOCKGRAPH_INSTALL_CMAKEDIR})

configure_package_config_file(
  ${CMAKE_CURRENT_SOURCE_DIR}/cmake/lockgraphConfig.cmake.in
  ${CMAKE_CURRENT_BINARY_DIR}/lockgraphConfig.cmake
  INSTALL_DESTINATION ${LOCKGRAPH_INSTALL_CMAKEDIR}
  PATH_VARS CMAKE_INSTALL_BINDIR)
# 0.x: the ABI may change with every minor version (the soname is
# liblockgraph_rt.so.MAJOR.MINOR), so only the same minor version is
# compatible; from 1.0 on this becomes SameMajorVersion.
if(PROJECT_VERSION_MAJOR EQUAL 0)
  set(lockgraph_compatibility SameMinorVersion)
else()
  set(lockgraph_compatibility SameMajorVersion)
endif()
write_basic_package_version_file(
  ${CMAKE_CURRENT_BINARY_DIR}/lockgraphConfigVersion.cmake
  VERSION ${PROJECT_VERSION}
  COMPATIBILITY ${lockgraph_compatibility})
install(FILES
  ${CMAKE_CURRENT_BINARY_DIR}/lockgraphConfig.cmake
  ${CMAKE_CURRENT_BINARY_DIR}/lockgraphConfigVersion.cmake
  DESTINATION ${LOCKGRAPH_INSTALL_CMAKEDIR})

# lockgraph.pc finds the prefix from its own location (${pcfiledir}), so
# `cmake --install build --prefix DIR` and moving the tree afterwards both
# give correct paths.
function(lockgraph_pc_path var dir)
  if(IS_ABSOLUTE "${dir}")
    set(${var} "${dir}" PARENT_SCOPE)
  else()
    set(${var} "\${prefix}/${dir}" PARENT_SCOPE)
  endif()
endfunction()
if(IS_ABSOLUTE "${LOCKGRAPH_INSTALL_PKGCONFIGDIR}")
  set(LOCKGRAPH_PC_PREFIX "${CMAKE_INSTALL_PREFIX}")
else()
  file(RELATIVE_PATH lockgraph_pc_up "/prefix/${LOCKGRAPH_INSTALL_PKGCONFIGDIR}" "/prefix")
  set(LOCKGRAPH_PC_PREFIX "\${pcfiledir}/${lockgraph_pc_up}")
endif()
lockgraph_pc_path(LOCKGRAPH_PC_LIBDIR "${CMAKE_INSTALL_LIBDIR}")
lockgraph_pc_path(LOCKGRAPH_PC_INCLUDEDIR "${CMAKE_INSTALL_INCLUDEDIR}")
configure_file(${CMAKE_CURRENT_SOURCE_DIR}/cmake/lockgraph.pc.in
  ${CMAKE_CURRENT_BINARY_DIR}/lockgraph.pc @ONLY)
install(FILES ${CMAKE_CURRENT_BINARY_DIR}/lockgraph.pc
  DESTINATION ${LOCKGRAPH_INSTALL_PKGCONFIGDIR})

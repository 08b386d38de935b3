# lit configuration for lockgraph's test suites.
import os
import lit.formats

config.name = "lockgraph"
config.test_format = lit.formats.ShTest(execute_external=False)
config.suffixes = [".cpp", ".c", ".test"]
config.excludes = ["Inputs", "CMakeLists.txt", "lit.cfg.py"]
config.test_source_root = os.path.dirname(__file__)
config.test_exec_root = os.path.join(config.lockgraph_obj_root, "testcases")

# %check runs the checker for FileCheck: findings do not fail the pipeline
# (exit codes are tested on their own in cli/).
config.substitutions.append(("%check", config.lockgraph_bin + " check --fail-on=never"))
config.substitutions.append(("%lockgraph", config.lockgraph_bin))
config.substitutions.append(("%src_root", config.lockgraph_src_root))
# The runtime suites compile programs with the build's C++ compiler against
# the runtime's headers and the library just built:
#   %cxx -std=c++20 -I%rt_include %s %rt_lib/liblockgraph_rt.a -pthread -o %t
config.substitutions.append(("%cxx", config.cxx))
config.substitutions.append(("%rt_include", config.lockgraph_rt_include))
config.substitutions.append(("%rt_lib", config.lockgraph_rt_lib))
# The package suite installs the build into a prefix and builds a consumer
# project against it (names chosen so that none is a prefix of another).
config.substitutions.append(("%build_root", config.lockgraph_obj_root))
config.substitutions.append(("%cmake", config.cmake))
config.substitutions.append(("%generator", config.cmake_generator))
config.substitutions.append(("%make_program", config.make_program))
config.substitutions.append(("%install_libdir", config.install_libdir))
config.substitutions.append(("%pkg_config", config.pkg_config))
if config.pkg_config:
    config.available_features.add("pkg-config")
config.environment["PATH"] = os.pathsep.join(
    [config.llvm_tools_dir, config.environment.get("PATH", os.environ.get("PATH", ""))])
# Paths in findings are relative to the working directory: run in a
# predictable place.
config.environment["LC_ALL"] = "C"

//===- Config.h - Reading .lockgraph.json ---------------------------------===//
#ifndef LOCKGRAPH_FRONTEND_CONFIG_H
#define LOCKGRAPH_FRONTEND_CONFIG_H

#include "model/UserConfig.h"

#include <string>

namespace lockgraph {

/// Reads a configuration file. Unknown keys and wrong types are errors
/// ("<path>: lock_types[1].kind: expected one of mutex, recursive_mutex,
/// shared_mutex"), so that a typo never silently disables a setting.
bool loadConfig(const std::string &Path, UserConfig &Out, std::string &Error);

/// The nearest `.lockgraph.json` in the directory of \p Source or above;
/// empty when there is none.
std::string findConfigFor(const std::string &Source);

} // namespace lockgraph

#endif

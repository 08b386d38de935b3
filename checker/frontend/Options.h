//===- Options.h - The command line of `lockgraph check` ------------------===//
#ifndef LOCKGRAPH_FRONTEND_OPTIONS_H
#define LOCKGRAPH_FRONTEND_OPTIONS_H

#include "report/Finding.h"

#include <string>
#include <vector>

namespace lockgraph {

enum class OutputFormat { Text, Json, Sarif };

struct CheckOptions {
  std::string BuildDir;                 ///< -p
  std::vector<std::string> Sources;     ///< Positional.
  std::vector<std::string> CompilerArgs; ///< After `--`.
  bool HasCompilerArgs = false;
  OutputFormat Format = OutputFormat::Text;
  std::string Output;   ///< -o
  std::string Checks = "*";
  std::string GraphFile;
  std::string Baseline;
  std::string ConfigFile;
  bool FailNever = false;
  Severity FailOn = Severity::Warning;
  unsigned Jobs = 0; ///< 0: one per core.
  bool Quiet = false;
};

/// Parses the arguments after `check`. Returns false with a one-line
/// \p Error for unknown options and bad values.
bool parseCheckOptions(const std::vector<std::string> &Args,
                       CheckOptions &Out, std::string &Error);

const char *checkUsage();

} // namespace lockgraph

#endif

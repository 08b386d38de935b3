//===- Extract.h - Parse one translation unit and extract its facts -------===//
//
// Runs in a worker process (`lockgraph __extract`), so a crash in Clang on
// one file costs that file only, and translation units run in parallel.
//
//===----------------------------------------------------------------------===//
#ifndef LOCKGRAPH_FRONTEND_EXTRACT_H
#define LOCKGRAPH_FRONTEND_EXTRACT_H

#include <string>
#include <vector>

namespace lockgraph {

struct ExtractJob {
  std::string File;
  std::string Directory;
  std::vector<std::string> CommandLine; ///< Compiler first.
  std::string ConfigFile;               ///< Empty: none.
};

/// Parses the job's file and writes {"ok", "error", "facts"} JSON to
/// \p OutputPath. Returns the process exit code.
int runExtract(const ExtractJob &Job, const std::string &OutputPath);

/// Turns a build command into a syntax-only command for the checker: drops
/// output and dependency-file options, adds -fsyntax-only and the Clang
/// resource directory.
std::vector<std::string> syntaxOnlyCommand(const std::vector<std::string> &Cmd);

} // namespace lockgraph

#endif

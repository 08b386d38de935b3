//===- CheckCommand.h - `lockgraph check` from options to exit code -------===//
#ifndef LOCKGRAPH_FRONTEND_CHECKCOMMAND_H
#define LOCKGRAPH_FRONTEND_CHECKCOMMAND_H

#include "frontend/Options.h"

namespace lockgraph {

/// Exit codes of DESIGN.md section 4.
enum ExitCode : int {
  ExitClean = 0,
  ExitFindings = 1,
  ExitInputError = 2,
  ExitInternalError = 3,
};

/// Runs the checker; \p Self is this executable, re-run as the worker.
int runCheck(const CheckOptions &Options, const std::string &Self);

} // namespace lockgraph

#endif

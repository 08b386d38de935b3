//===- Driver.cpp - The `lockgraph` command: subcommand dispatch ----------===//
#include "checks/CheckRegistry.h"
#include "frontend/CheckCommand.h"
#include "frontend/Extract.h"
#include "frontend/Options.h"
#include "report/Emitters.h"

#include "llvm/Support/FileSystem.h"
#include "llvm/Support/InitLLVM.h"

#include <fstream>
#include <iostream>

using namespace lockgraph;

static const char *Usage =
    "usage: lockgraph <command> [options]\n"
    "commands:\n"
    "  check   static analysis of C/C++ sources (see 'lockgraph check --help')\n"
    "  graph   REPORT.json [-o FILE.dot]: the lock-order graph of a report\n"
    "  version print the version\n";

static int runGraph(const std::vector<std::string> &Args) {
  std::string Input, Output;
  for (size_t I = 0; I < Args.size(); ++I) {
    if (Args[I] == "-o" && I + 1 < Args.size())
      Output = Args[++I];
    else if (Args[I].rfind("-o", 0) == 0 && Args[I].size() > 2)
      Output = Args[I].substr(2);
    else if (!Args[I].empty() && Args[I][0] == '-') {
      std::cerr << "lockgraph: error: unknown option '" << Args[I] << "'\n";
      return ExitInputError;
    } else if (Input.empty())
      Input = Args[I];
    else {
      std::cerr << "lockgraph: error: graph takes one report\n";
      return ExitInputError;
    }
  }
  if (Input.empty()) {
    std::cerr << "lockgraph: error: graph needs a report (lockgraph graph "
                 "REPORT.json [-o FILE.dot])\n";
    return ExitInputError;
  }
  Report R;
  std::string Error;
  if (!readJsonReport(Input, R, Error)) {
    std::cerr << "lockgraph: error: " << Error << "\n";
    return ExitInputError;
  }
  if (Output.empty()) {
    writeDot(std::cout, R.Graph);
    return ExitClean;
  }
  std::ofstream OS(Output);
  if (!OS) {
    std::cerr << "lockgraph: error: " << Output << ": cannot write\n";
    return ExitInputError;
  }
  writeDot(OS, R.Graph);
  return ExitClean;
}

static int runExtractCommand(const std::vector<std::string> &Args) {
  ExtractJob Job;
  std::string Out;
  for (size_t I = 0; I < Args.size(); ++I) {
    const std::string &A = Args[I];
    if (A.rfind("--out=", 0) == 0)
      Out = A.substr(6);
    else if (A.rfind("--dir=", 0) == 0)
      Job.Directory = A.substr(6);
    else if (A.rfind("--config=", 0) == 0)
      Job.ConfigFile = A.substr(9);
    else if (A == "--") {
      Job.CommandLine.assign(Args.begin() + I + 1, Args.end());
      break;
    }
  }
  if (Out.empty() || Job.CommandLine.empty())
    return ExitInternalError;
  return runExtract(Job, Out);
}

int main(int argc, const char **argv) {
  llvm::InitLLVM X(argc, argv);
  std::vector<std::string> Args(argv + 1, argv + argc);
  if (Args.empty() || Args[0] == "--help" || Args[0] == "-h" ||
      Args[0] == "help") {
    std::cout << Usage;
    return Args.empty() ? ExitInputError : ExitClean;
  }
  std::string Command = Args[0];
  Args.erase(Args.begin());
  if (Command == "version" || Command == "--version") {
    std::cout << "lockgraph " LOCKGRAPH_VERSION "\n";
    return ExitClean;
  }
  if (Command == "__extract")
    return runExtractCommand(Args);
  if (Command == "graph")
    return runGraph(Args);
  if (Command == "check") {
    for (const std::string &A : Args) {
      if (A == "--")
        break;
      if (A == "--help" || A == "-h") {
        std::cout << checkUsage();
        return ExitClean;
      }
      if (A == "--list-checks") {
        for (const RuleInfo &R : allChecks())
          std::cout << R.Id << "\t" << R.Summary << "\n";
        return ExitClean;
      }
    }
    CheckOptions Options;
    std::string Error;
    if (!parseCheckOptions(Args, Options, Error)) {
      std::cerr << "lockgraph: error: " << Error << "\n" << checkUsage();
      return ExitInputError;
    }
    std::string Self =
        llvm::sys::fs::getMainExecutable(argv[0], (void *)&main);
    return runCheck(Options, Self);
  }
  if (Command == "run" || Command == "confirm" || Command == "merge") {
    std::cerr << "lockgraph: error: '" << Command
              << "' is not available in this version (only 'check' and "
                 "'graph' are)\n";
    return ExitInputError;
  }
  std::cerr << "lockgraph: error: unknown command '" << Command << "'\n"
            << Usage;
  return ExitInputError;
}

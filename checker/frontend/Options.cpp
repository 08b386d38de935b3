//===- Options.cpp - The command line of `lockgraph check` ----------------===//
#include "frontend/Options.h"

#include <cstdlib>

namespace lockgraph {

const char *checkUsage() {
  return "usage: lockgraph check [-p BUILD_DIR] [SOURCES...] [-- COMPILER_ARGS...]\n"
         "  -p BUILD_DIR            directory with compile_commands.json (or the file);\n"
         "                          arguments after -- are added to its commands\n"
         "  --format=text|json|sarif  output format (default text)\n"
         "  -o FILE                 write the report to FILE\n"
         "  --checks=GLOBS          e.g. '-*,self-deadlock,lock-order-inversion'\n"
         "  --graph=FILE.dot        write the lock-order graph\n"
         "  --baseline=FILE.json    report only findings not in FILE\n"
         "  --fail-on=error|warning|never  exit 1 on findings at this level (default warning)\n"
         "  --config=FILE           configuration instead of .lockgraph.json lookup\n"
         "  -j N                    translation units analysed in parallel\n"
         "  --quiet                 no \"N warnings generated.\" line in text output\n"
         "  --list-checks           print the checks and exit\n";
}

bool parseCheckOptions(const std::vector<std::string> &Args, CheckOptions &Out,
                       std::string &Error) {
  for (size_t I = 0; I < Args.size(); ++I) {
    const std::string &A = Args[I];
    auto Value = [&](const std::string &Flag, std::string &To) {
      if (A == Flag) {
        if (I + 1 >= Args.size()) {
          Error = "option '" + Flag + "' needs a value";
          return true;
        }
        To = Args[++I];
        return true;
      }
      if (A.rfind(Flag + "=", 0) == 0) {
        To = A.substr(Flag.size() + 1);
        return true;
      }
      if (Flag.size() == 2 && A.size() > 2 && A.rfind(Flag, 0) == 0) {
        To = A.substr(2); // -pbuild, -j4
        return true;
      }
      return false;
    };
    std::string V;
    if (A == "--") {
      Out.HasCompilerArgs = true;
      Out.CompilerArgs.assign(Args.begin() + I + 1, Args.end());
      break;
    }
    if (Value("-p", Out.BuildDir) || Value("-o", Out.Output) ||
        Value("--checks", Out.Checks) || Value("--graph", Out.GraphFile) ||
        Value("--baseline", Out.Baseline) ||
        Value("--config", Out.ConfigFile)) {
      if (!Error.empty())
        return false;
      continue;
    }
    if (Value("--format", V)) {
      if (!Error.empty())
        return false;
      if (V == "text")
        Out.Format = OutputFormat::Text;
      else if (V == "json")
        Out.Format = OutputFormat::Json;
      else if (V == "sarif")
        Out.Format = OutputFormat::Sarif;
      else {
        Error = "unknown format '" + V + "' (expected text, json or sarif)";
        return false;
      }
      continue;
    }
    if (Value("--fail-on", V)) {
      if (!Error.empty())
        return false;
      if (V == "never")
        Out.FailNever = true;
      else if (!parseSeverity(V, Out.FailOn) || Out.FailOn == Severity::Note) {
        Error = "unknown --fail-on level '" + V +
                "' (expected error, warning or never)";
        return false;
      }
      continue;
    }
    if (Value("-j", V) || Value("--jobs", V)) {
      if (!Error.empty())
        return false;
      char *End = nullptr;
      long N = std::strtol(V.c_str(), &End, 10);
      if (V.empty() || *End || N < 1 || N > 1024) {
        Error = "invalid job count '" + V + "'";
        return false;
      }
      Out.Jobs = unsigned(N);
      continue;
    }
    if (A == "--quiet" || A == "-q") {
      Out.Quiet = true;
      continue;
    }
    if (!A.empty() && A[0] == '-') {
      Error = "unknown option '" + A + "'";
      return false;
    }
    Out.Sources.push_back(A);
  }
  return true;
}

} // namespace lockgraph

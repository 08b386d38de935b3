//===- Extract.cpp - Parse one translation unit and extract its facts -----===//
#include "frontend/Extract.h"

#include "frontend/Config.h"
#include "model/FactExtractor.h"
#include "model/FactsJson.h"

#include "clang/AST/ASTConsumer.h"
#include "clang/AST/ASTContext.h"
#include "clang/Basic/Diagnostic.h"
#include "clang/Basic/FileManager.h"
#include "clang/Frontend/CompilerInstance.h"
#include "clang/Frontend/FrontendAction.h"
#include "clang/Tooling/ArgumentsAdjusters.h"
#include "clang/Tooling/Tooling.h"
#include "llvm/ADT/SmallString.h"

#include <fstream>
#include <nlohmann/json.hpp>

#ifndef LOCKGRAPH_CLANG_RESOURCE_DIR
#error "LOCKGRAPH_CLANG_RESOURCE_DIR must be set by the build"
#endif

using namespace clang;

namespace lockgraph {
namespace {

/// Remembers the first error so that the driver can name it.
class FirstErrorConsumer : public DiagnosticConsumer {
public:
  void HandleDiagnostic(DiagnosticsEngine::Level Level,
                        const Diagnostic &Info) override {
    DiagnosticConsumer::HandleDiagnostic(Level, Info);
    if (Level < DiagnosticsEngine::Error || !First.empty())
      return;
    llvm::SmallString<256> Text;
    Info.FormatDiagnostic(Text);
    std::string Where;
    if (Info.hasSourceManager() && Info.getLocation().isValid()) {
      const SourceManager &SM = Info.getSourceManager();
      PresumedLoc P = SM.getPresumedLoc(Info.getLocation());
      if (P.isValid())
        Where = std::string(P.getFilename()) + ":" +
                std::to_string(P.getLine()) + ":" +
                std::to_string(P.getColumn()) + ": ";
    }
    First = Where + std::string(Text);
  }
  std::string First;
};

class ExtractConsumer : public ASTConsumer {
public:
  ExtractConsumer(const PrimitiveCatalog &Catalog, TranslationUnitFacts &Out,
                  bool &Done)
      : Catalog(Catalog), Out(Out), Done(Done) {}
  void HandleTranslationUnit(ASTContext &Ctx) override {
    if (Ctx.getDiagnostics().hasErrorOccurred())
      return;
    Out = extractFacts(Ctx, Catalog);
    Done = true;
  }

private:
  const PrimitiveCatalog &Catalog;
  TranslationUnitFacts &Out;
  bool &Done;
};

class ExtractAction : public ASTFrontendAction {
public:
  ExtractAction(const PrimitiveCatalog &Catalog, TranslationUnitFacts &Out,
                bool &Done)
      : Catalog(Catalog), Out(Out), Done(Done) {}
  std::unique_ptr<ASTConsumer> CreateASTConsumer(CompilerInstance &,
                                                 llvm::StringRef) override {
    return std::make_unique<ExtractConsumer>(Catalog, Out, Done);
  }

private:
  const PrimitiveCatalog &Catalog;
  TranslationUnitFacts &Out;
  bool &Done;
};

} // namespace

std::vector<std::string>
syntaxOnlyCommand(const std::vector<std::string> &Cmd) {
  using namespace clang::tooling;
  CommandLineArguments Args(Cmd.begin(), Cmd.end());
  Args = getClangStripOutputAdjuster()(Args, "");
  Args = getClangStripDependencyFileAdjuster()(Args, "");
  Args = getClangSyntaxOnlyAdjuster()(Args, "");
  // Builds often use GCC: its warning options and -Werror must not turn
  // into errors for Clang.
  std::vector<std::string> Out;
  for (const std::string &A : Args)
    if (A != "-Werror" && A.rfind("-Werror=", 0) != 0)
      Out.push_back(A);
  Out.insert(Out.begin() + (Out.empty() ? 0 : 1),
             {std::string("-resource-dir=") + LOCKGRAPH_CLANG_RESOURCE_DIR,
              "-Qunused-arguments", "-Wno-unknown-warning-option",
              "-Wno-everything"});
  return Out;
}

int runExtract(const ExtractJob &Job, const std::string &OutputPath) {
  // Line 1: the status; line 2: the facts, when there are any.
  nlohmann::json Result = {{"ok", false}, {"error", ""}};
  std::string FactsText;
  auto Write = [&](int Code) {
    std::ofstream OS(OutputPath);
    OS << Result.dump() << "\n" << FactsText << "\n";
    return OS ? Code : 3;
  };

  UserConfig Config;
  if (!Job.ConfigFile.empty()) {
    std::string Error;
    if (!loadConfig(Job.ConfigFile, Config, Error)) {
      Result["error"] = Error;
      Result["config_error"] = true;
      return Write(0);
    }
  }
  PrimitiveCatalog Catalog(Config);

  std::vector<std::string> Cmd = syntaxOnlyCommand(Job.CommandLine);
  FileSystemOptions FSOpts;
  FSOpts.WorkingDir = Job.Directory;
  llvm::IntrusiveRefCntPtr<FileManager> Files(new FileManager(FSOpts));
  TranslationUnitFacts Facts;
  bool Done = false;
  FirstErrorConsumer Diags;
  tooling::ToolInvocation Invocation(
      Cmd, std::make_unique<ExtractAction>(Catalog, Facts, Done),
      Files.get());
  Invocation.setDiagnosticConsumer(&Diags);
  bool Ok = Invocation.run();
  if (!Ok || !Done) {
    std::string Error = Diags.First;
    if (Error.empty())
      Error = "the compiler command could not be run";
    Result["error"] = Error;
    return Write(0);
  }
  Result["ok"] = true;
  FactsText = factsToJson(Facts);
  return Write(0);
}

} // namespace lockgraph

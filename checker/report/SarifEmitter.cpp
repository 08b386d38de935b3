//===- SarifEmitter.cpp - SARIF 2.1.0 for code-scanning services ----------===//
//
// One run, one rule per check (ids are check names), one result per finding.
// Files below the current directory are written relative to the %SRCROOT%
// base so that GitHub code scanning can map them onto the repository; other
// files get absolute file:// URIs.
//
//===----------------------------------------------------------------------===//

#include "report/Emitters.h"

#include <nlohmann/json.hpp>

#include <cctype>
#include <cstdio>
#include <filesystem>
#include <map>
#include <set>

namespace lockgraph {
namespace {

using OrderedJson = nlohmann::ordered_json;

constexpr const char *SarifSchema =
    "https://json.schemastore.org/sarif-2.1.0.json";
constexpr const char *ToolVersion = "0.1.0";
constexpr const char *InformationUri = "https://github.com/lockgraph/lockgraph";
constexpr const char *CheckDocsUri =
    "https://github.com/lockgraph/lockgraph/blob/main/docs/checks/";
constexpr const char *SrcRoot = "%SRCROOT%";
constexpr const char *FingerprintKey = "lockgraph/v1";

/// Percent-encodes everything but RFC 3986 unreserved characters and '/'.
std::string encodeUriPath(const std::string &Path) {
  std::string Out;
  for (unsigned char C : Path) {
    if (std::isalnum(C) || C == '-' || C == '.' || C == '_' || C == '~' ||
        C == '/') {
      Out += static_cast<char>(C);
    } else {
      char Buf[4];
      std::snprintf(Buf, sizeof(Buf), "%%%02X", C);
      Out += Buf;
    }
  }
  return Out;
}

std::string fileUri(const std::string &AbsolutePath) {
  std::string Encoded = encodeUriPath(AbsolutePath);
  if (Encoded.empty() || Encoded[0] != '/')
    Encoded.insert(Encoded.begin(), '/');
  return "file://" + Encoded;
}

/// "self-deadlock" -> "SelfDeadlock".
std::string camelCase(const std::string &Id) {
  std::string Out;
  bool Upper = true;
  for (char C : Id) {
    if (!std::isalnum(static_cast<unsigned char>(C))) {
      Upper = true;
      continue;
    }
    Out += Upper
               ? static_cast<char>(std::toupper(static_cast<unsigned char>(C)))
               : C;
    Upper = false;
  }
  return Out;
}

OrderedJson text(const std::string &Text) {
  OrderedJson J;
  J["text"] = Text;
  return J;
}

OrderedJson ruleToJson(const RuleInfo &Rule) {
  std::string Summary =
      Rule.Summary.empty() ? "lockgraph check '" + Rule.Id + "'" : Rule.Summary;
  std::string Help = Rule.Help.empty() ? Summary : Rule.Help;
  OrderedJson J;
  J["id"] = Rule.Id;
  J["name"] = camelCase(Rule.Id);
  J["shortDescription"] = text(Summary);
  J["fullDescription"] = text(Help);
  J["help"] = text(Help);
  if (!Rule.HelpMarkdown.empty())
    J["help"]["markdown"] = Rule.HelpMarkdown;
  J["helpUri"] = CheckDocsUri + Rule.Id + ".md";
  OrderedJson Config;
  Config["level"] = severityName(Rule.DefaultLevel);
  J["defaultConfiguration"] = std::move(Config);
  return J;
}

class SarifBuilder {
public:
  explicit SarifBuilder(std::string BaseDir) : BaseDir(std::move(BaseDir)) {}

  /// A physicalLocation, or null when \p Pos names no file.
  OrderedJson physicalLocation(const SourcePos &Pos) const {
    if (Pos.File.empty())
      return nullptr;
    OrderedJson Artifact;
    std::string Relative = pathBelow(Pos.File, BaseDir);
    if (!Relative.empty()) {
      Artifact["uri"] = encodeUriPath(Relative);
      Artifact["uriBaseId"] = SrcRoot;
    } else {
      Artifact["uri"] = fileUri(absolute(Pos.File));
    }
    OrderedJson Physical;
    Physical["artifactLocation"] = std::move(Artifact);
    if (Pos.valid()) {
      OrderedJson Region;
      Region["startLine"] = Pos.Line;
      if (Pos.Column != 0)
        Region["startColumn"] = Pos.Column;
      Physical["region"] = std::move(Region);
    }
    return Physical;
  }

  bool hasBaseDir() const { return !BaseDir.empty(); }

  OrderedJson srcRootUri() const {
    std::string Uri = fileUri(BaseDir);
    if (Uri.back() != '/')
      Uri += '/';
    OrderedJson Base;
    Base["uri"] = Uri;
    return Base;
  }

private:
  std::string absolute(const std::string &File) const {
    std::filesystem::path Path(File);
    if (Path.is_relative() && !BaseDir.empty())
      Path = std::filesystem::path(BaseDir) / Path;
    return Path.lexically_normal().generic_string();
  }

  std::string BaseDir;
};

OrderedJson resultToJson(const Finding &F, size_t RuleIndex,
                         const SarifBuilder &Builder) {
  OrderedJson J;
  J["ruleId"] = F.Check;
  J["ruleIndex"] = RuleIndex;
  J["level"] = severityName(F.Level);
  J["message"] = text(F.Message.empty() ? F.Check : F.Message);
  // GitHub rejects results without a location; a finding with no file at
  // all (rare, runtime only) still cannot have one.
  OrderedJson Primary = Builder.physicalLocation(F.Pos);
  if (!Primary.is_null()) {
    OrderedJson Location;
    Location["physicalLocation"] = std::move(Primary);
    J["locations"] = OrderedJson::array({std::move(Location)});
  }
  if (!F.Notes.empty()) {
    OrderedJson Related = OrderedJson::array();
    for (size_t I = 0; I < F.Notes.size(); ++I) {
      OrderedJson Location;
      Location["id"] = I + 1;
      OrderedJson Physical = Builder.physicalLocation(F.Notes[I].Pos);
      if (!Physical.is_null())
        Location["physicalLocation"] = std::move(Physical);
      Location["message"] = text(F.Notes[I].Message);
      Related.push_back(std::move(Location));
    }
    J["relatedLocations"] = std::move(Related);
  }
  if (!F.Fingerprint.empty()) {
    OrderedJson Fingerprints;
    Fingerprints[FingerprintKey] = F.Fingerprint;
    J["partialFingerprints"] = std::move(Fingerprints);
  }
  return J;
}

} // namespace

void writeSarif(std::ostream &OS, const Report &R,
                const std::vector<RuleInfo> &Rules) {
  // Every known rule in the given order, then any check that produced a
  // finding without a description (sorted, so the output is deterministic).
  std::vector<RuleInfo> AllRules;
  std::map<std::string, size_t> RuleIndex;
  for (const RuleInfo &Rule : Rules)
    if (RuleIndex.emplace(Rule.Id, AllRules.size()).second)
      AllRules.push_back(Rule);
  std::set<std::string> Undescribed;
  for (const Finding &F : R.Findings)
    if (!RuleIndex.count(F.Check))
      Undescribed.insert(F.Check);
  for (const std::string &Id : Undescribed) {
    RuleIndex.emplace(Id, AllRules.size());
    RuleInfo Rule;
    Rule.Id = Id;
    AllRules.push_back(Rule);
  }

  OrderedJson Driver;
  Driver["name"] = "lockgraph";
  Driver["informationUri"] = InformationUri;
  Driver["version"] = ToolVersion;
  Driver["semanticVersion"] = ToolVersion;
  OrderedJson RulesJson = OrderedJson::array();
  for (const RuleInfo &Rule : AllRules)
    RulesJson.push_back(ruleToJson(Rule));
  Driver["rules"] = std::move(RulesJson);

  SarifBuilder Builder(currentDir());
  OrderedJson Results = OrderedJson::array();
  for (const Finding &F : R.Findings)
    Results.push_back(resultToJson(F, RuleIndex.at(F.Check), Builder));

  OrderedJson Run;
  Run["tool"]["driver"] = std::move(Driver);
  if (Builder.hasBaseDir())
    Run["originalUriBaseIds"][SrcRoot] = Builder.srcRootUri();
  Run["results"] = std::move(Results);

  OrderedJson Log;
  Log["$schema"] = SarifSchema;
  Log["version"] = "2.1.0";
  Log["runs"] = OrderedJson::array({std::move(Run)});
  OS << Log.dump(2, ' ', /*ensure_ascii=*/false,
                 OrderedJson::error_handler_t::replace)
     << '\n';
}

} // namespace lockgraph

//===- JsonEmitter.cpp - The JSON report: writing and reading it back -----===//
//
// The format is DESIGN.md section 5, described by
// docs/formats/findings.schema.json. The reader is strict about the fields
// it knows (every error names the file and the JSON path of the problem) and
// ignores fields it does not know, so runtime reports may carry extras.
//
//===----------------------------------------------------------------------===//

#include "report/Emitters.h"

#include <nlohmann/json.hpp>

#include <exception>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <limits>
#include <system_error>

namespace lockgraph {
namespace {

using OrderedJson = nlohmann::ordered_json;
using Json = nlohmann::json;

constexpr int ReportVersion = 1;

OrderedJson positionFields(const SourcePos &Pos) {
  OrderedJson J;
  J["file"] = Pos.File;
  J["line"] = Pos.Line;
  J["column"] = Pos.Column;
  return J;
}

OrderedJson findingToJson(const Finding &F) {
  OrderedJson J;
  J["check"] = F.Check;
  J["severity"] = severityName(F.Level);
  J["file"] = F.Pos.File;
  J["line"] = F.Pos.Line;
  J["column"] = F.Pos.Column;
  J["message"] = F.Message;
  J["locks"] = F.Locks;
  J["threads"] = F.Threads;
  OrderedJson Notes = OrderedJson::array();
  for (const FindingNote &N : F.Notes) {
    OrderedJson Note = positionFields(N.Pos);
    Note["message"] = N.Message;
    Notes.push_back(std::move(Note));
  }
  J["notes"] = std::move(Notes);
  J["fingerprint"] = F.Fingerprint;
  return J;
}

OrderedJson graphToJson(const LockGraphData &G) {
  OrderedJson Nodes = OrderedJson::array();
  for (const GraphNode &N : G.Nodes) {
    OrderedJson Node;
    Node["name"] = N.Name;
    Node["kind"] = N.Kind;
    Nodes.push_back(std::move(Node));
  }
  OrderedJson Edges = OrderedJson::array();
  for (const GraphEdge &E : G.Edges) {
    OrderedJson Edge;
    Edge["from"] = E.From;
    Edge["to"] = E.To;
    OrderedJson Sites = OrderedJson::array();
    for (const SourcePos &Site : E.Sites)
      Sites.push_back(positionFields(Site));
    Edge["sites"] = std::move(Sites);
    Edge["in_cycle"] = E.InCycle;
    Edges.push_back(std::move(Edge));
  }
  OrderedJson J;
  J["nodes"] = std::move(Nodes);
  J["edges"] = std::move(Edges);
  return J;
}

/// Converts a parsed document into a Report, stopping at the first problem.
/// Locations in messages are JSON paths: "findings[3].notes[0].line".
class ReportReader {
public:
  /// Returns the problem of the last failed read ("where: what").
  const std::string &error() const { return Error; }

  bool readReport(const Json &Root, Report &Out) {
    if (!Root.is_object())
      return fail("", "expected a JSON object at the top level");
    const Json *Version = field(Root, "", "version");
    if (!Version)
      return false;
    if (!Version->is_number_integer())
      return fail("version", "expected an integer");
    if (*Version != ReportVersion)
      return fail("version", "unsupported report version " + Version->dump() +
                                 " (expected " + std::to_string(ReportVersion) +
                                 ")");
    if (!readString(Root, "", "tool", Out.Tool))
      return false;

    const Json *Findings = arrayField(Root, "", "findings");
    if (!Findings)
      return false;
    for (size_t I = 0; I < Findings->size(); ++I) {
      Finding F;
      if (!readFinding((*Findings)[I], "findings" + index(I), F))
        return false;
      Out.Findings.push_back(std::move(F));
    }

    const Json *Graph = field(Root, "", "lock_graph");
    if (!Graph)
      return false;
    return readGraph(*Graph, "lock_graph", Out.Graph);
  }

private:
  static std::string index(size_t I) { return "[" + std::to_string(I) + "]"; }

  static std::string member(const std::string &Where, const char *Key) {
    return Where.empty() ? Key : Where + "." + Key;
  }

  bool fail(const std::string &Where, const std::string &What) {
    Error = Where.empty() ? What : Where + ": " + What;
    return false;
  }

  const Json *field(const Json &Object, const std::string &Where,
                    const char *Key) {
    auto It = Object.find(Key);
    if (It == Object.end()) {
      fail(member(Where, Key), "required field is missing");
      return nullptr;
    }
    return &*It;
  }

  const Json *arrayField(const Json &Object, const std::string &Where,
                         const char *Key) {
    const Json *Value = field(Object, Where, Key);
    if (Value && !Value->is_array()) {
      fail(member(Where, Key), "expected an array");
      return nullptr;
    }
    return Value;
  }

  bool expectObject(const Json &Value, const std::string &Where) {
    return Value.is_object() || fail(Where, "expected an object");
  }

  bool readString(const Json &Object, const std::string &Where, const char *Key,
                  std::string &Out) {
    const Json *Value = field(Object, Where, Key);
    if (!Value)
      return false;
    if (!Value->is_string())
      return fail(member(Where, Key), "expected a string");
    Out = Value->get<std::string>();
    return true;
  }

  bool readUnsigned(const Json &Object, const std::string &Where,
                    const char *Key, unsigned &Out) {
    const Json *Value = field(Object, Where, Key);
    if (!Value)
      return false;
    if (!Value->is_number_integer())
      return fail(member(Where, Key), "expected an integer");
    if (!Value->is_number_unsigned())
      return fail(member(Where, Key), "expected a non-negative integer");
    uint64_t Number = Value->get<uint64_t>();
    if (Number > std::numeric_limits<unsigned>::max())
      return fail(member(Where, Key), "integer is too large");
    Out = static_cast<unsigned>(Number);
    return true;
  }

  bool readBool(const Json &Object, const std::string &Where, const char *Key,
                bool &Out) {
    const Json *Value = field(Object, Where, Key);
    if (!Value)
      return false;
    if (!Value->is_boolean())
      return fail(member(Where, Key), "expected true or false");
    Out = Value->get<bool>();
    return true;
  }

  bool readStrings(const Json &Object, const std::string &Where,
                   const char *Key, std::vector<std::string> &Out) {
    const Json *Values = arrayField(Object, Where, Key);
    if (!Values)
      return false;
    for (size_t I = 0; I < Values->size(); ++I) {
      const Json &Value = (*Values)[I];
      if (!Value.is_string())
        return fail(member(Where, Key) + index(I), "expected a string");
      Out.push_back(Value.get<std::string>());
    }
    return true;
  }

  bool readPos(const Json &Object, const std::string &Where, SourcePos &Out) {
    return readString(Object, Where, "file", Out.File) &&
           readUnsigned(Object, Where, "line", Out.Line) &&
           readUnsigned(Object, Where, "column", Out.Column);
  }

  bool readFinding(const Json &Value, const std::string &Where, Finding &F) {
    if (!expectObject(Value, Where) ||
        !readString(Value, Where, "check", F.Check))
      return false;
    std::string Level;
    if (!readString(Value, Where, "severity", Level))
      return false;
    if (!parseSeverity(Level, F.Level))
      return fail(member(Where, "severity"),
                  "expected \"error\", \"warning\" or \"note\"");
    if (!readPos(Value, Where, F.Pos) ||
        !readString(Value, Where, "message", F.Message) ||
        !readStrings(Value, Where, "locks", F.Locks) ||
        !readStrings(Value, Where, "threads", F.Threads))
      return false;
    const Json *Notes = arrayField(Value, Where, "notes");
    if (!Notes)
      return false;
    for (size_t I = 0; I < Notes->size(); ++I) {
      std::string NoteWhere = member(Where, "notes") + index(I);
      const Json &NoteValue = (*Notes)[I];
      FindingNote N;
      if (!expectObject(NoteValue, NoteWhere) ||
          !readPos(NoteValue, NoteWhere, N.Pos) ||
          !readString(NoteValue, NoteWhere, "message", N.Message))
        return false;
      F.Notes.push_back(std::move(N));
    }
    return readString(Value, Where, "fingerprint", F.Fingerprint);
  }

  bool readGraph(const Json &Value, const std::string &Where,
                 LockGraphData &G) {
    if (!expectObject(Value, Where))
      return false;
    const Json *Nodes = arrayField(Value, Where, "nodes");
    if (!Nodes)
      return false;
    for (size_t I = 0; I < Nodes->size(); ++I) {
      std::string NodeWhere = member(Where, "nodes") + index(I);
      const Json &NodeValue = (*Nodes)[I];
      GraphNode N;
      if (!expectObject(NodeValue, NodeWhere) ||
          !readString(NodeValue, NodeWhere, "name", N.Name) ||
          !readString(NodeValue, NodeWhere, "kind", N.Kind))
        return false;
      G.Nodes.push_back(std::move(N));
    }
    const Json *Edges = arrayField(Value, Where, "edges");
    if (!Edges)
      return false;
    for (size_t I = 0; I < Edges->size(); ++I) {
      std::string EdgeWhere = member(Where, "edges") + index(I);
      const Json &EdgeValue = (*Edges)[I];
      GraphEdge E;
      if (!expectObject(EdgeValue, EdgeWhere) ||
          !readString(EdgeValue, EdgeWhere, "from", E.From) ||
          !readString(EdgeValue, EdgeWhere, "to", E.To))
        return false;
      const Json *Sites = arrayField(EdgeValue, EdgeWhere, "sites");
      if (!Sites)
        return false;
      for (size_t K = 0; K < Sites->size(); ++K) {
        std::string SiteWhere = member(EdgeWhere, "sites") + index(K);
        SourcePos Site;
        if (!expectObject((*Sites)[K], SiteWhere) ||
            !readPos((*Sites)[K], SiteWhere, Site))
          return false;
        E.Sites.push_back(std::move(Site));
      }
      if (!readBool(EdgeValue, EdgeWhere, "in_cycle", E.InCycle))
        return false;
      G.Edges.push_back(std::move(E));
    }
    return true;
  }

  std::string Error;
};

/// Reads a whole file; on failure says why.
bool readFile(const std::string &Path, std::string &Text, std::string &Why) {
  namespace fs = std::filesystem;
  std::error_code EC;
  fs::file_status Status = fs::status(Path, EC);
  if (!fs::exists(Status)) {
    Why = "no such file";
    return false;
  }
  if (fs::is_directory(Status)) {
    Why = "is a directory, not a report";
    return false;
  }
  std::ifstream In(Path, std::ios::binary);
  if (!In) {
    Why = "cannot open the file for reading";
    return false;
  }
  Text.assign(std::istreambuf_iterator<char>(In),
              std::istreambuf_iterator<char>());
  if (In.bad()) {
    Why = "cannot read the file";
    return false;
  }
  return true;
}

/// nlohmann's message without its "[json.exception.parse_error.101] " tag.
std::string parseErrorText(const std::exception &E) {
  std::string Text = E.what();
  size_t TagEnd = Text.find("] ");
  if (!Text.empty() && Text[0] == '[' && TagEnd != std::string::npos)
    Text.erase(0, TagEnd + 2);
  return Text;
}

} // namespace

void writeJson(std::ostream &OS, const Report &R) {
  OrderedJson Root;
  Root["version"] = ReportVersion;
  Root["tool"] = R.Tool;
  OrderedJson Findings = OrderedJson::array();
  for (const Finding &F : R.Findings)
    Findings.push_back(findingToJson(F));
  Root["findings"] = std::move(Findings);
  Root["lock_graph"] = graphToJson(R.Graph);
  // Source text can hold bytes that are not UTF-8; replace them rather than
  // throw, so a report is always written.
  OS << Root.dump(2, ' ', /*ensure_ascii=*/false,
                  OrderedJson::error_handler_t::replace)
     << '\n';
}

bool readJsonReport(const std::string &Path, Report &Out, std::string &Error) {
  try {
    std::string Text, Why;
    if (!readFile(Path, Text, Why)) {
      Error = Path + ": " + Why;
      return false;
    }
    Json Root;
    try {
      Root = Json::parse(Text);
    } catch (const Json::parse_error &E) {
      Error = Path + ": invalid JSON (byte " + std::to_string(E.byte) +
              "): " + parseErrorText(E);
      return false;
    }
    Report Result;
    ReportReader Reader;
    if (!Reader.readReport(Root, Result)) {
      Error = Path + ": " + Reader.error();
      return false;
    }
    Out = std::move(Result);
    return true;
  } catch (const std::exception &E) {
    Error = Path + ": cannot read the report: " + E.what();
  } catch (...) {
    Error = Path + ": cannot read the report";
  }
  return false;
}

} // namespace lockgraph

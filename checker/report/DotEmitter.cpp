//===- DotEmitter.cpp - The lock-order graph as Graphviz DOT --------------===//

#include "report/Emitters.h"

#include <algorithm>
#include <map>
#include <set>
#include <tuple>

namespace lockgraph {
namespace {

std::string quote(const std::string &Text) {
  std::string Out = "\"";
  for (char C : Text) {
    if (C == '"' || C == '\\')
      Out += '\\';
    if (C == '\n') {
      Out += "\\n";
      continue;
    }
    Out += C;
  }
  return Out + "\"";
}

std::string baseName(const std::string &Path) {
  size_t Slash = Path.find_last_of('/');
  return Slash == std::string::npos ? Path : Path.substr(Slash + 1);
}

/// "a.cpp:12" for the first witness site, empty when there is none.
std::string siteLabel(const GraphEdge &E) {
  if (E.Sites.empty())
    return std::string();
  const SourcePos &Site = E.Sites.front();
  std::string Label = baseName(Site.File);
  if (Site.valid())
    Label += (Label.empty() ? "" : ":") + std::to_string(Site.Line);
  return Label;
}

std::string attributes(const std::vector<std::string> &List) {
  if (List.empty())
    return std::string();
  std::string Out = " [";
  for (size_t I = 0; I < List.size(); ++I)
    Out += (I ? ", " : "") + List[I];
  return Out + "]";
}

} // namespace

void writeDot(std::ostream &OS, const LockGraphData &G) {
  // Nodes come from the node list and from edge ends, so that an edge to an
  // undeclared lock can still be coloured.
  std::map<std::string, std::string> Kinds;
  for (const GraphNode &N : G.Nodes)
    Kinds[N.Name] = N.Kind;
  std::set<std::string> InCycle;
  for (const GraphEdge &E : G.Edges) {
    Kinds.emplace(E.From, std::string());
    Kinds.emplace(E.To, std::string());
    if (E.InCycle) {
      InCycle.insert(E.From);
      InCycle.insert(E.To);
    }
  }
  // Sorted by (From, To), keeping the given order of parallel edges.
  std::vector<const GraphEdge *> Edges;
  for (const GraphEdge &E : G.Edges)
    Edges.push_back(&E);
  std::sort(Edges.begin(), Edges.end(),
            [](const GraphEdge *A, const GraphEdge *B) {
              return std::tie(A->From, A->To, A) < std::tie(B->From, B->To, B);
            });

  OS << "digraph lockgraph {\n";
  OS << "  node [shape=box];\n";
  for (const auto &[Name, Kind] : Kinds) {
    std::vector<std::string> Attrs;
    if (!Kind.empty())
      Attrs.push_back("tooltip=" + quote(Kind));
    if (InCycle.count(Name))
      Attrs.push_back("color=red");
    OS << "  " << quote(Name) << attributes(Attrs) << ";\n";
  }
  for (const GraphEdge *E : Edges) {
    std::vector<std::string> Attrs;
    std::string Label = siteLabel(*E);
    if (!Label.empty())
      Attrs.push_back("label=" + quote(Label));
    if (E->InCycle)
      Attrs.push_back("color=red");
    OS << "  " << quote(E->From) << " -> " << quote(E->To) << attributes(Attrs)
       << ";\n";
  }
  OS << "}\n";
}

} // namespace lockgraph

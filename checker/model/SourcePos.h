//===- SourcePos.h - A file position that outlives the AST ----------------===//
#ifndef LOCKGRAPH_MODEL_SOURCEPOS_H
#define LOCKGRAPH_MODEL_SOURCEPOS_H

#include <string>

namespace lockgraph {

/// A position in a source file. Lines and columns are 1-based; a zero line
/// means "no location". Facts and findings carry these instead of
/// clang::SourceLocation so they can cross translation units and processes.
struct SourcePos {
  std::string File;
  unsigned Line = 0;
  unsigned Column = 0;

  bool valid() const { return Line != 0; }
  friend bool operator<(const SourcePos &A, const SourcePos &B) {
    if (A.File != B.File)
      return A.File < B.File;
    if (A.Line != B.Line)
      return A.Line < B.Line;
    return A.Column < B.Column;
  }
  friend bool operator==(const SourcePos &A, const SourcePos &B) {
    return A.File == B.File && A.Line == B.Line && A.Column == B.Column;
  }
  friend bool operator!=(const SourcePos &A, const SourcePos &B) {
    return !(A == B);
  }
};

} // namespace lockgraph

#endif

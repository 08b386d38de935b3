//===- Config.cpp - Reading .lockgraph.json -------------------------------===//
#include "frontend/Config.h"

#include "llvm/ADT/SmallString.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"

#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

using nlohmann::json;

namespace lockgraph {

namespace {
struct ConfigError {
  std::string Message;
};

void expectKeys(const json &Obj, const std::string &Where,
                std::initializer_list<const char *> Known) {
  if (!Obj.is_object())
    throw ConfigError{Where + ": expected an object"};
  for (const auto &Item : Obj.items()) {
    bool Ok = false;
    for (const char *K : Known)
      Ok = Ok || Item.key() == K;
    if (!Ok)
      throw ConfigError{Where + ": unknown key '" + Item.key() + "'"};
  }
}

std::string str(const json &Obj, const char *Key, const std::string &Where,
                bool Required = true) {
  if (!Obj.contains(Key)) {
    if (Required)
      throw ConfigError{Where + ": missing '" + Key + "'"};
    return "";
  }
  if (!Obj[Key].is_string())
    throw ConfigError{Where + "." + Key + ": expected a string"};
  return Obj[Key].get<std::string>();
}

long long integer(const json &Obj, const char *Key, const std::string &Where,
                  long long Default) {
  if (!Obj.contains(Key))
    return Default;
  if (!Obj[Key].is_number_integer())
    throw ConfigError{Where + "." + Key + ": expected an integer"};
  return Obj[Key].get<long long>();
}

const json &array(const json &Root, const char *Key) {
  static const json Empty = json::array();
  if (!Root.contains(Key))
    return Empty;
  if (!Root[Key].is_array())
    throw ConfigError{std::string(Key) + ": expected an array"};
  return Root[Key];
}

UserConfig::LockFunction lockFunction(const json &J, const std::string &Where) {
  expectKeys(J, Where, {"name", "lock_arg", "shared", "success"});
  UserConfig::LockFunction F;
  F.Name = str(J, "name", Where);
  F.LockArg = unsigned(integer(J, "lock_arg", Where, 0));
  if (J.contains("shared")) {
    if (!J["shared"].is_boolean())
      throw ConfigError{Where + ".shared: expected true or false"};
    F.Mode = J["shared"].get<bool>() ? AccessMode::Shared
                                     : AccessMode::Exclusive;
  }
  F.SuccessValue = integer(J, "success", Where, 1);
  return F;
}
} // namespace

bool loadConfig(const std::string &Path, UserConfig &Out, std::string &Error) {
  std::ifstream In(Path);
  if (!In) {
    Error = Path + ": cannot open configuration file";
    return false;
  }
  std::stringstream Buffer;
  Buffer << In.rdbuf();
  json Root;
  try {
    Root = json::parse(Buffer.str());
  } catch (const json::parse_error &E) {
    Error = Path + ": invalid JSON at byte " + std::to_string(E.byte);
    return false;
  }
  try {
    expectKeys(Root, "configuration",
               {"lock_types", "lock_functions", "unlock_functions",
                "trylock_functions", "guard_types", "thread_spawn_functions"});
    const json &Types = array(Root, "lock_types");
    for (size_t I = 0; I < Types.size(); ++I) {
      std::string Where = "lock_types[" + std::to_string(I) + "]";
      expectKeys(Types[I], Where, {"name", "kind"});
      UserConfig::LockType T;
      T.Name = str(Types[I], "name", Where);
      std::string Kind = str(Types[I], "kind", Where, false);
      if (Kind.empty() || Kind == "mutex")
        T.Kind = LockKind::Mutex;
      else if (Kind == "recursive_mutex")
        T.Kind = LockKind::RecursiveMutex;
      else if (Kind == "shared_mutex")
        T.Kind = LockKind::SharedMutex;
      else
        throw ConfigError{Where +
                          ".kind: expected one of mutex, recursive_mutex, "
                          "shared_mutex"};
      Out.LockTypes.push_back(T);
    }
    auto Functions = [&](const char *Key,
                         std::vector<UserConfig::LockFunction> &To) {
      const json &A = array(Root, Key);
      for (size_t I = 0; I < A.size(); ++I)
        To.push_back(lockFunction(
            A[I], std::string(Key) + "[" + std::to_string(I) + "]"));
    };
    Functions("lock_functions", Out.LockFunctions);
    Functions("unlock_functions", Out.UnlockFunctions);
    Functions("trylock_functions", Out.TryLockFunctions);
    const json &Guards = array(Root, "guard_types");
    for (size_t I = 0; I < Guards.size(); ++I) {
      if (!Guards[I].is_string())
        throw ConfigError{"guard_types[" + std::to_string(I) +
                          "]: expected a string"};
      Out.GuardTypes.push_back(Guards[I].get<std::string>());
    }
    const json &Spawns = array(Root, "thread_spawn_functions");
    for (size_t I = 0; I < Spawns.size(); ++I) {
      std::string Where = "thread_spawn_functions[" + std::to_string(I) + "]";
      expectKeys(Spawns[I], Where, {"name", "entry_arg", "data_arg"});
      UserConfig::SpawnFunction S;
      S.Name = str(Spawns[I], "name", Where);
      S.EntryArg = unsigned(integer(Spawns[I], "entry_arg", Where, 0));
      S.DataArg = int(integer(Spawns[I], "data_arg", Where, -1));
      Out.SpawnFunctions.push_back(S);
    }
  } catch (const ConfigError &E) {
    Error = Path + ": " + E.Message;
    return false;
  }
  Out.Path = Path;
  return true;
}

std::string findConfigFor(const std::string &Source) {
  llvm::SmallString<256> Dir(Source);
  llvm::sys::fs::make_absolute(Dir);
  llvm::sys::path::remove_filename(Dir);
  while (!Dir.empty()) {
    llvm::SmallString<256> Candidate(Dir);
    llvm::sys::path::append(Candidate, ".lockgraph.json");
    if (llvm::sys::fs::exists(Candidate))
      return std::string(Candidate);
    llvm::StringRef Parent = llvm::sys::path::parent_path(Dir);
    if (Parent == Dir)
      break;
    Dir = Parent;
  }
  return "";
}

} // namespace lockgraph

// Builds the objects an input file describes. Every object's options are read and checked when the
// input is loaded (so every mistake is reported up front); the objects themselves are built lazily,
// on first request, so the order of blocks in the file does not matter.
#pragma once

#include <map>
#include <set>
#include <memory>
#include <string>
#include <vector>

#include <c10/util/Type.h>

#include "neml2/base/HITNode.h"
#include "neml2/base/NEML2Object.h"
#include "neml2/base/Settings.h"

namespace neml2
{
class Factory
{
public:
  /// The sections an input file may have.
  static const std::vector<std::string> & known_sections();

  /// Read and check every object's options from a parsed input file. The first problem throws;
  /// with `problems`, every problem is appended there instead and the objects concerned are left
  /// out (neml2-diagnose lists them all this way).
  explicit Factory(std::unique_ptr<hit::Node> root, std::vector<std::string> * problems = nullptr);
  ~Factory();
  Factory(const Factory &) = delete;
  Factory & operator=(const Factory &) = delete;

  const hit::Node & root() const { return *_root; }
  /// The input file name (as given).
  const std::string & file() const { return _root->location().file; }
  const Settings & settings() const { return _settings; }
  /// A file an object reads (a reference, a table): relative paths are taken from the input file's
  /// folder, or from the working directory when the file is not there.
  std::string input_path(const std::string & path) const;

  bool has_object(const std::string & section, const std::string & name) const;
  /// Object names of a section, in input order.
  std::vector<std::string> object_names(const std::string & section) const;
  /// The checked options of an object (OptionError with suggestions if there is no such object).
  const OptionSet & options_of(const std::string & section, const std::string & name) const;

  /// The object `name` of `section`, built on first request. `requested_at` is where the request
  /// was written (for the error if there is no such object).
  template <class T>
  std::shared_ptr<T> get_object_ptr(const std::string & section, const std::string & name,
                                    const SourceLocation & requested_at = {});
  template <class T>
  T & get_object(const std::string & section, const std::string & name,
                 const SourceLocation & requested_at = {})
  {
    return *get_object_ptr<T>(section, name, requested_at);
  }

  /// Every object already built, in build order.
  const std::vector<std::shared_ptr<NEML2Object>> & built_objects() const { return _built; }

private:
  void read_settings(const hit::Node & section);
  void read_section(const hit::Node & section);
  /// Run `f`; a neml2::Error is recorded in _problems if there is such a list, else rethrown.
  template <typename F>
  void attempt(F && f);
  void read_object(const std::string & section, const hit::Node & block);
  std::shared_ptr<NEML2Object> object(const std::string & section, const std::string & name,
                                      const SourceLocation & requested_at);
  [[noreturn]] void wrong_type(const std::string & section, const std::string & name,
                               const std::string & expected) const;

  std::unique_ptr<hit::Node> _root;
  std::vector<std::string> * _problems;
  /// "Section/name" of objects whose options could not be read (problems mode).
  std::set<std::string> _broken;
  Settings _settings;
  std::map<std::string, std::vector<std::pair<std::string, OptionSet>>> _options;
  std::map<std::string, std::map<std::string, std::shared_ptr<NEML2Object>>> _objects;
  std::vector<std::shared_ptr<NEML2Object>> _built;
  std::vector<std::string> _building;
};

template <class T>
std::shared_ptr<T>
Factory::get_object_ptr(const std::string & section, const std::string & name,
                        const SourceLocation & requested_at)
{
  auto obj = std::dynamic_pointer_cast<T>(object(section, name, requested_at));
  if (!obj)
    wrong_type(section, name, c10::demangle(typeid(T).name()));
  return obj;
}

/// Parse `file` (plus optional command-line HIT `overrides`) into a factory owned by the
/// process-wide store of loaded inputs. A file is read once per process and per overrides text;
/// later calls return the same factory (use reload_input to read it again).
Factory & load_input(const std::string & file, const std::string & overrides = "");
/// Read `file` again, replacing what the store holds for it.
Factory & reload_input(const std::string & file, const std::string & overrides = "");
/// The most recently loaded input (OptionError if none was loaded).
Factory & current_input();
} // namespace neml2

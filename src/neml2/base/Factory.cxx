#include "neml2/base/Factory.h"
#include "neml2/base/HITParser.h"
#include "neml2/base/Registry.h"

#include <c10/util/Exception.h>
#include <algorithm>
#include <filesystem>
#include <mutex>

namespace neml2
{
const std::vector<std::string> &
Factory::known_sections()
{
  static const std::vector<std::string> sections = {"Settings", "Tensors", "Solvers",   "Data",
                                                    "Models",   "Drivers", "Schedulers"};
  return sections;
}

Factory::Factory(std::unique_ptr<hit::Node> root, std::vector<std::string> * problems)
    : _root(std::move(root)), _problems(problems)
{
  for (const auto & child : _root->children())
  {
    // Top-level fields are variables for ${name} substitution.
    if (child->is_field())
      continue;
    attempt(
        [&]
        {
          const auto & sections = known_sections();
          if (std::find(sections.begin(), sections.end(), child->name()) == sections.end())
            throw ParseError("unknown section [" + child->name() + "]." +
                                 utils::did_you_mean(child->name(), sections) +
                                 " The sections are: " + utils::join(sections, ", ") + ".",
                             child->location());
          if (child->name() == "Settings")
            read_settings(*child);
          else
            read_section(*child);
        });
  }
}

void
Factory::read_settings(const hit::Node & section)
{
  auto opts = Settings::expected_options();
  opts.location() = section.location();
  for (const auto & sub : section.sections())
    throw ParseError("unexpected sub-section [" + sub->path() + "]: [Settings] holds options only",
                     sub->location());
  for (const auto * field : section.fields())
  {
    if (!opts.contains(field->name()))
      throw OptionError("[Settings] unknown option '" + field->name() + "'." +
                            utils::did_you_mean(field->name(), opts.names()),
                        field->location());
    try
    {
      opts.get(field->name()).parse(*field);
    }
    catch (OptionError & e)
    {
      throw OptionError("[Settings] " + e.message(), e.location());
    }
  }
  _settings = Settings(opts);
}

template <typename F>
void
Factory::attempt(F && f)
{
  if (!_problems)
  {
    f();
    return;
  }
  try
  {
    f();
  }
  catch (const Error & e)
  {
    _problems->push_back(e.what());
  }
}

Factory::~Factory() = default;

std::string
Factory::input_path(const std::string & path) const
{
  namespace fs = std::filesystem;
  const fs::path p(path);
  if (p.is_absolute())
    return path;
  const auto beside = fs::path(file()).parent_path() / p;
  return fs::exists(beside) ? beside.string() : path;
}

void
Factory::read_section(const hit::Node & section)
{
  _options[section.name()]; // an empty section still exists
  for (const auto * field : section.fields())
    attempt(
        [&]
        {
          throw ParseError("field '" + field->name() + "' written directly in [" + section.name() +
                               "]: objects are sub-sections, e.g. [" + section.name() +
                               "] [my_object] type = ... [] []",
                           field->location());
        });
  for (const auto * block : section.sections())
  {
    bool ok = false;
    attempt(
        [&]
        {
          read_object(section.name(), *block);
          ok = true;
        });
    if (!ok)
      _broken.insert(section.name() + "/" + block->name());
  }
}

void
Factory::read_object(const std::string & section, const hit::Node & block)
{
  const std::string path = section + "/" + block.name();
  const auto * type_field = block.child("type");
  const auto & registry = Registry::get();
  if (!type_field || !type_field->is_field())
    throw OptionError("[" + path + "] has no 'type'. Types available in [" + section +
                          "]: " + utils::join(registry.types_in(section), ", ") + ".",
                      block.location());
  const auto type = type_field->value();
  const auto * entry = registry.find(type);
  if (!entry)
  {
    auto candidates = registry.types_in(section);
    auto hint = utils::did_you_mean(type, candidates);
    if (hint.empty())
      hint = utils::did_you_mean(type, registry.types());
    throw OptionError("[" + path + "] unknown type '" + type + "'." + hint,
                      type_field->value_location());
  }

  auto opts = entry->expected_options();
  if (opts.section() != section)
    throw OptionError("[" + path + "] type '" + type + "' belongs in [" + opts.section() +
                          "], not in [" + section + "]",
                      type_field->value_location());
  opts.name() = block.name();
  opts.location() = block.location();
  opts.set_factory(this);

  for (const auto & child : block.children())
  {
    if (child->is_section())
      throw ParseError("unexpected sub-section [" + child->path() + "]: objects in [" + section +
                           "] do not nest",
                       child->location());
    if (child->name() == "type")
      continue;
    if (!opts.contains(child->name()))
      throw OptionError("[" + path + "] unknown option '" + child->name() + "' for type '" + type +
                            "'." + utils::did_you_mean(child->name(), opts.names()),
                        child->location());
    try
    {
      opts.get(child->name()).parse(*child);
    }
    catch (OptionError & e)
    {
      throw OptionError("[" + path + "] " + e.message(), e.location());
    }
  }

  for (const auto & [name, opt] : opts.options())
    if (opt->required() && !opt->user_specified())
      throw OptionError("[" + path + "] missing required option '" + name + "' (" +
                            opt->type_name() + "): " + opt->doc(),
                        block.location());

  _options[section].emplace_back(block.name(), std::move(opts));
}

bool
Factory::has_object(const std::string & section, const std::string & name) const
{
  auto it = _options.find(section);
  if (it == _options.end())
    return false;
  for (const auto & [n, o] : it->second)
    if (n == name)
      return true;
  return false;
}

std::vector<std::string>
Factory::object_names(const std::string & section) const
{
  std::vector<std::string> out;
  auto it = _options.find(section);
  if (it != _options.end())
    for (const auto & [n, o] : it->second)
      out.push_back(n);
  return out;
}

const OptionSet &
Factory::options_of(const std::string & section, const std::string & name) const
{
  auto it = _options.find(section);
  if (it != _options.end())
    for (const auto & [n, o] : it->second)
      if (n == name)
        return o;
  if (_broken.count(section + "/" + name))
    throw OptionError("[" + section + "/" + name + "] cannot be used: its options have errors");
  auto names = object_names(section);
  throw OptionError("no object named '" + name + "' in [" + section + "]." +
                    utils::did_you_mean(name, names) +
                    (names.empty() ? " The section is empty."
                                   : " Objects there: " + utils::join(names, ", ") + "."));
}

std::shared_ptr<NEML2Object>
Factory::object(const std::string & section, const std::string & name,
                const SourceLocation & requested_at)
{
  auto & built = _objects[section];
  if (auto it = built.find(name); it != built.end())
    return it->second;

  const OptionSet * opts = nullptr;
  try
  {
    opts = &options_of(section, name);
  }
  catch (OptionError & e)
  {
    e.locate(requested_at);
    throw;
  }

  const auto path = section + "/" + name;
  if (std::find(_building.begin(), _building.end(), path) != _building.end())
  {
    auto chain = _building;
    chain.push_back(path);
    auto it = std::find(chain.begin(), chain.end(), path);
    throw ModelError("circular reference between objects: " +
                         utils::join(std::vector<std::string>(it, chain.end()), " -> "),
                     requested_at.valid() ? requested_at : opts->location());
  }

  struct BuildingGuard
  {
    std::vector<std::string> & stack;
    ~BuildingGuard() { stack.pop_back(); }
  };
  _building.push_back(path);
  BuildingGuard guard{_building};

  std::shared_ptr<NEML2Object> obj;
  const auto * entry = Registry::get().find(opts->type());
  NEML2_ASSERT(entry, "type '", opts->type(), "' vanished from the registry");
  try
  {
    obj = entry->build(*opts);
  }
  catch (Error & e)
  {
    e.locate(opts->location());
    e.add_context("while building [" + path + "] (" + opts->location().str() + ")");
    throw;
  }
  catch (const c10::Error & e)
  {
    throw Error(std::string(e.what_without_backtrace()) + "\n  while building [" + path + "]",
                opts->location());
  }
  built.emplace(name, obj);
  _built.push_back(obj);
  return obj;
}

void
Factory::wrong_type(const std::string & section, const std::string & name,
                    const std::string & expected) const
{
  const auto & opts = options_of(section, name);
  throw TypeError("[" + section + "/" + name + "] is of type '" + opts.type() +
                      "', which cannot be used as a " + expected,
                  opts.location());
}

// ---- the process-wide store of loaded inputs ----

namespace
{
struct InputStore
{
  std::mutex mutex;
  std::map<std::string, std::unique_ptr<Factory>> inputs;
  // Inputs replaced by reload_input stay alive: models handed out earlier may still be in use.
  std::vector<std::unique_ptr<Factory>> retired;
  Factory * current = nullptr;
};

InputStore &
store()
{
  static InputStore s;
  return s;
}

Factory &
load(const std::string & file, const std::string & overrides, bool reload)
{
  auto & s = store();
  std::lock_guard<std::mutex> lock(s.mutex);
  const auto key = file + '\n' + overrides;
  auto it = s.inputs.find(key);
  if (it == s.inputs.end() || reload)
  {
    auto factory = std::make_unique<Factory>(hit::parse_file_with_overrides(file, overrides));
    if (it != s.inputs.end())
      s.retired.push_back(std::move(it->second));
    it = s.inputs.insert_or_assign(key, std::move(factory)).first;
  }
  s.current = it->second.get();
  return *s.current;
}
} // namespace

Factory &
load_input(const std::string & file, const std::string & overrides)
{
  return load(file, overrides, false);
}

Factory &
reload_input(const std::string & file, const std::string & overrides)
{
  return load(file, overrides, true);
}

Factory &
current_input()
{
  auto & s = store();
  std::lock_guard<std::mutex> lock(s.mutex);
  NEML2_CHECK(s.current, OptionError, "no input file has been loaded (call load_input first)");
  return *s.current;
}
} // namespace neml2
